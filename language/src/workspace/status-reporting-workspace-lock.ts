import { DefaultWorkspaceLock, type DocumentBuilder, type MaybePromise } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import type { PendingRevalidation } from './pending-revalidation.js';
import type { WorkspaceStatus } from './workspace-status.js';

/**
 * Langium's workspace lock, reporting each write to the WorkspaceStatus. A write cancelled
 * with nothing queued after it (only a later write cancels one today, but `cancelWrite` is
 * public) leaves work owed; the lock queues an update that does it, so owed work is never
 * left waiting for an edit that may not come.
 */
export class StatusReportingWorkspaceLock extends DefaultWorkspaceLock {
    protected readonly status: () => WorkspaceStatus;
    protected readonly pending: () => PendingRevalidation;
    protected readonly documentBuilder: () => DocumentBuilder;
    protected queued = 0;

    constructor(services: TrainSpecSharedServices) {
        super();
        this.status = () => services.workspace.WorkspaceStatus;
        this.pending = () => services.workspace.PendingRevalidation;
        this.documentBuilder = () => services.workspace.DocumentBuilder;
    }

    override write(action: (token: CancellationToken) => MaybePromise<void>): Promise<void> {
        this.queued++;
        this.status().workStarted();
        let cancelled = false;
        const result = super.write(async token => {
            try {
                await action(token);
            } finally {
                cancelled = token.isCancellationRequested;
            }
        });
        const ended = (): void => {
            this.queued--;
            if (this.queued === 0 && cancelled && !this.pending().isEmpty) {
                // Queued before the status hears of the end, so it never reports a quiescence that is not.
                this.write(token => this.documentBuilder().update([], [], token))
                    .catch((error: unknown) => console.error('Error re-checking the documents a cancelled update left:', error));
            }
            this.status().workEnded();
        };
        result.then(ended, ended);
        return result;
    }
}
