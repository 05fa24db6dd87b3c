import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient';
import type { RestartPolicy } from './restart-policy.js';

/** What the error handler tells the rest of the extension. */
export interface CrashListener {
    /** The server crashed and the client starts it again. */
    restarting(crashes: number): void;
    /** The server crashed too often and stays down. */
    gaveUp(reason: string): void;
}

/**
 * Like vscode-languageclient's default handler, but bounded by `policy` (restart up to 4 times
 * in 3 minutes, then stop). Its messages go to the TrainSpec output only (`handled`); the
 * `listener` decides what to show the user.
 */
export function createErrorHandler(policy: RestartPolicy, listener: CrashListener): ErrorHandler {
    return {
        error(error, _message, count) {
            if (count !== undefined && count <= 3) {
                return { action: ErrorAction.Continue, message: `Connection to the TrainSpec language server failed: ${error.message}`, handled: true };
            }
            return { action: ErrorAction.Shutdown, message: `Connection to the TrainSpec language server keeps failing (${error.message}); shutting it down.`, handled: true };
        },
        closed() {
            const { restart, crashes } = policy.recordCrash(Date.now());
            if (restart) {
                listener.restarting(crashes);
                return { action: CloseAction.Restart, message: `The TrainSpec language server stopped unexpectedly; restarting it (${crashes} of ${policy.maxRestarts} restarts allowed).`, handled: true };
            }
            const reason = `it stopped unexpectedly ${crashes} times in ${Math.round(policy.windowMs / 60_000)} minutes`;
            listener.gaveUp(reason);
            return { action: CloseAction.DoNotRestart, message: `The TrainSpec language server will not be restarted: ${reason}.`, handled: true };
        }
    };
}
