import { CodeLensRefreshRequest } from 'vscode-languageserver-protocol';
import type { TrainSpecSharedServices } from '../trainspec-module.js';

/**
 * Asks the editor for code lenses again (`workspace/codeLens/refresh`) each time the workspace
 * becomes quiescent. A coverage lens depends on other files and on the whole build: an editor asks
 * for lenses as soon as a document changes, often before the update that the change starts has
 * finished, and would otherwise show the counts from before the edit (say, beside a syntax error
 * that holds coverage up) until the next keystroke.
 */
export function registerCodeLensRefresh(shared: TrainSpecSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) {
        return;
    }
    shared.workspace.WorkspaceStatus.onDidChange(quiescent => {
        if (quiescent && shared.lsp.ClientSupport.features.codeLensRefresh) {
            connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => {
                console.error('Error sending workspace/codeLens/refresh:', error);
            });
        }
    });
}
