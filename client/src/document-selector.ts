import type { DocumentSelector } from 'vscode-languageclient/node';
import { BUILTIN_SCHEME, LanguageIds } from '../../language/src/protocol/constants.js';

/** Both TrainSpec languages, in any scheme: for status items. */
export const TRAINSPEC_LANGUAGES = [{ language: LanguageIds.spec }, { language: LanguageIds.standards }];

/**
 * The documents the language server handles: specs and catalogues on disk or unsaved, plus the
 * built-in catalogues that go to definition opens (read-only, through the server's content provider).
 */
export const SERVER_DOCUMENT_SELECTOR: DocumentSelector = [
    { scheme: 'file', language: LanguageIds.spec },
    { scheme: 'untitled', language: LanguageIds.spec },
    { scheme: 'file', language: LanguageIds.standards },
    { scheme: 'untitled', language: LanguageIds.standards },
    { scheme: BUILTIN_SCHEME, language: LanguageIds.standards }
];

/** The files whose changes on disk the server must hear about, open or not. */
export const WATCHED_FILES_GLOB = '**/{*.tspec,*.nos,trainspec.config.json}';
