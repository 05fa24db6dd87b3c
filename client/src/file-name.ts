import type * as vscode from 'vscode';

/** The last segment of a URI's path (`programme.tspec`), in any scheme: the extension also runs where there is no `node:path`. */
export function fileName(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
