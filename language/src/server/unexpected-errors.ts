import type { Connection } from 'vscode-languageserver';

/**
 * Logs an error that escaped the code meant to handle it (a document build, a handler, a
 * promise nobody awaited), so that the server can go on serving instead of exiting. It goes
 * to the client's log (`window/logMessage`; VS Code's TrainSpec output) when there is a
 * connection, else to the console. Logging must never throw in turn: it runs in the handlers
 * of last resort.
 */
export function logUnexpectedError(connection: Connection | undefined, what: string, error: unknown): void {
    const message = `${what} failed, and TrainSpec carries on: ${describeError(error)}`;
    try {
        if (connection) {
            connection.console.error(message);
        } else {
            console.error(message);
        }
    } catch {
        // The connection is gone; there is nobody left to tell.
    }
}

function describeError(error: unknown): string {
    if (error instanceof Error) {
        return error.stack ?? `${error.name}: ${error.message}`;
    }
    try {
        return typeof error === 'string' ? error : String(JSON.stringify(error) ?? error);
    } catch {
        return String(error);
    }
}
