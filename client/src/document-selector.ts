import type { DocumentSelector } from 'vscode-languageclient';
import { BUILTIN_SCHEME, LanguageIds } from '../../language/src/protocol/constants.js';

/** Both TrainSpec languages, in any scheme: for status items. */
export const TRAINSPEC_LANGUAGES = [{ language: LanguageIds.spec }, { language: LanguageIds.standards }];

/**
 * The documents the language server handles: specs and catalogues on disk, unsaved or in the
 * workspace's own schemes (`vscode-remote:` in code-server, `vscode-vfs:` in github.dev), plus
 * the built-in catalogues that go to definition opens (read-only, through the server's content
 * provider). Other schemes, such as a diff's `git:` side, are left alone.
 */
export function serverDocumentSelector(workspaceSchemes: readonly string[]): DocumentSelector {
    const schemes = [...new Set(['file', 'untitled', ...workspaceSchemes])];
    return [
        ...schemes.flatMap(scheme => [{ scheme, language: LanguageIds.spec }, { scheme, language: LanguageIds.standards }]),
        { scheme: BUILTIN_SCHEME, language: LanguageIds.standards }
    ];
}

/** The files whose changes on disk the server must hear about, open or not. */
export const WATCHED_FILES_GLOB = '**/{*.tspec,*.nos,trainspec.config.json}';
