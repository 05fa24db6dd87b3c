/**
 * The shapes of `trainspec/stat`, `trainspec/readDirectory` and `trainspec/readFile` (see
 * lsp-ext.ts): the workspace's files, read by the client for a server that cannot read them
 * itself (in the browser, or a virtual workspace such as a GitHub repository opened remotely).
 */

/** A file or folder of the workspace, by its URI as the client knows it. */
export interface WorkspaceFileParams {
    uri: string;
}

export type WorkspaceEntryType = 'file' | 'directory';

/** One entry of a folder. Links count as what they point to; anything else is left out. */
export interface WorkspaceEntry {
    uri: string;
    type: WorkspaceEntryType;
}

/** What `trainspec/stat` answers: the entry, or null when nothing is there. */
export type StatResult = WorkspaceEntry | null;

/** A file's bytes, base64-encoded (JSON carries no bytes), so that the server decodes them as it decodes a file on disk. */
export interface ReadFileResult {
    base64: string;
}
