import type { Connection } from 'vscode-languageserver';
import type { ConnectionOptions } from 'vscode-languageserver-protocol';
import { createGuardedConnection } from '../../language/src/server/guarded-connection.js';
import { startTrainSpecServer } from '../../language/src/server/start-trainspec-server.js';
import { ClientFileSystemProvider } from '../../language/src/workspace/client-file-system-provider.js';

/**
 * Starts the TrainSpec language server as it runs in a browser, on the connection that `create`
 * makes (browser-server.ts: over a web worker's messages or a MessagePort): the built-in library
 * is bundled as text, and the workspace's files are read through the client, since a browser has
 * no file system (nor a cache folder: the editor opens the library's `builtin:` documents itself).
 * Calls `onExit` once the client has said `exit`, for the host to let go of the server.
 */
export function startWebLanguageServer(create: (options: ConnectionOptions) => Connection, onExit: () => void): Connection {
    const connection = createGuardedConnection(create);
    startTrainSpecServer(connection, { fileSystemProvider: () => new ClientFileSystemProvider(connection) });
    // Once the exit notification has been handled: disposing the connection in its own handler fails.
    connection.onExit(() => {
        setTimeout(() => {
            connection.dispose();
            onExit();
        });
    });
    return connection;
}
