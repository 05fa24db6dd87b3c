import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { encodeBase64 } from '../../language/src/protocol/base64.js';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest } from '../../language/src/protocol/lsp-ext.js';
import type { StatResult, WorkspaceEntry, WorkspaceEntryType } from '../../language/src/protocol/workspace-files.js';

/**
 * Answers the server's `trainspec/stat`, `trainspec/readDirectory` and `trainspec/readFile` with
 * `vscode.workspace.fs`: the files of the workspace, wherever they are (on disk, in code-server,
 * in a GitHub repository opened in the browser), for a server that cannot read them itself.
 */
export function serveWorkspaceFiles(client: BaseLanguageClient): void {
    const toUri = (uri: string): vscode.Uri => client.protocol2CodeConverter.asUri(uri);
    client.onRequest(StatRequest, async ({ uri }): Promise<StatResult> => {
        const target = toUri(uri);
        try {
            const type = entryType((await vscode.workspace.fs.stat(target)).type);
            return type ? { uri, type } : null;
        } catch {
            return null;
        }
    });
    client.onRequest(ReadDirectoryRequest, async ({ uri }): Promise<WorkspaceEntry[]> => {
        const folder = toUri(uri);
        const entries = await vscode.workspace.fs.readDirectory(folder);
        return entries.flatMap(([name, fileType]) => {
            const type = entryType(fileType);
            return type ? [{ uri: client.code2ProtocolConverter.asUri(vscode.Uri.joinPath(folder, name)), type }] : [];
        });
    });
    client.onRequest(ReadFileRequest, async ({ uri }) => ({ base64: encodeBase64(await vscode.workspace.fs.readFile(toUri(uri))) }));
}

/** A link counts as what it points to (its type has the SymbolicLink bit besides); anything else is left out. */
function entryType(type: vscode.FileType): WorkspaceEntryType | undefined {
    if (type & vscode.FileType.Directory) {
        return 'directory';
    }
    return type & vscode.FileType.File ? 'file' : undefined;
}
