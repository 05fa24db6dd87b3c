import type { TrainSpecSharedServices } from '../trainspec-module.js';
import { ServerStatusNotification } from '../protocol/lsp-ext.js';

/**
 * Sends `trainspec/status` on the language server's connection each time the workspace
 * becomes busy or quiescent (see WorkspaceStatus).
 */
export function registerServerStatusNotification(shared: TrainSpecSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) {
        return;
    }
    shared.workspace.WorkspaceStatus.onDidChange(quiescent => {
        connection.sendNotification(ServerStatusNotification, { quiescent }).catch((error: unknown) => {
            console.error('Error sending trainspec/status:', error);
        });
    });
}
