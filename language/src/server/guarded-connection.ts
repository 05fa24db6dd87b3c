import type { Connection } from 'vscode-languageserver';
import type { ConnectionOptions } from 'vscode-languageserver-protocol';
import { logHandlerErrors } from './handler-error-logging.js';
import { ParamsGuard } from './params-guard.js';
import { logUnexpectedError } from './unexpected-errors.js';

/**
 * Creates the language server's connection (with `create`, given the options to pass to
 * vscode-languageserver's `createConnection`, whatever the transport) such that no message can
 * take the server down: the ParamsGuard answers or drops a message whose parameters are
 * malformed before any handler runs, and an error that escapes a handler is logged.
 */
export function createGuardedConnection(create: (options: ConnectionOptions) => Connection): Connection {
    const guard = new ParamsGuard();
    const connection = create(guard.connectionOptions);
    guard.attach(connection);
    return logHandlerErrors(connection, (what, error) => logUnexpectedError(connection, what, error));
}
