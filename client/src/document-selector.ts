import type { DocumentSelector } from 'vscode-languageclient/node';

/** The scheme of the read-only built-in catalogues that the server serves (workspace/textDocumentContent). */
export const BUILTIN_SCHEME = 'builtin';

/** Both TrainSpec languages, in any scheme: for status items. */
export const TRAINSPEC_LANGUAGES = [{ language: 'trainspec' }, { language: 'trainspec-standards' }];

/**
 * The documents the language server handles: specs and catalogues on disk or unsaved, plus the
 * built-in catalogues that go to definition opens (read-only, through the server's content provider).
 */
export const SERVER_DOCUMENT_SELECTOR: DocumentSelector = [
    { scheme: 'file', language: 'trainspec' },
    { scheme: 'untitled', language: 'trainspec' },
    { scheme: 'file', language: 'trainspec-standards' },
    { scheme: 'untitled', language: 'trainspec-standards' },
    { scheme: BUILTIN_SCHEME, language: 'trainspec-standards' }
];

/** The files whose changes on disk the server must hear about, open or not. */
export const WATCHED_FILES_GLOB = '**/*.{tspec,nos}';
