import { startLanguageServer } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { ConnectionOptions } from 'vscode-languageserver-protocol';
import { startAuthoringFeatures } from '../../language/src/lsp/authoring-lsp-module.js';
import { createGuardedConnection } from '../../language/src/server/guarded-connection.js';
import { createTrainSpecServices } from '../../language/src/trainspec-module.js';
import { ClientFileSystemProvider } from '../../language/src/workspace/client-file-system-provider.js';

/**
 * Starts the TrainSpec language server as it runs in a browser, on the connection that `create`
 * makes (browser-server.ts: over a web worker's messages or a MessagePort): the built-in library
 * is bundled as text, and the workspace's files are read through the client, since a browser has
 * no file system. Calls `onExit` once the client has said `exit`, for the host to let go of it.
 */
export function startWebLanguageServer(create: (options: ConnectionOptions) => Connection, onExit: () => void): Connection {
    const connection = createGuardedConnection(create);
    const { shared } = createTrainSpecServices({ connection, fileSystemProvider: () => new ClientFileSystemProvider(connection) });
    startLanguageServer(shared);
    // The coverage matrix request, and the `trainspec` settings (coverage severity).
    startAuthoringFeatures(shared);
    // Once the exit notification has been handled: disposing the connection in its own handler fails.
    connection.onExit(() => {
        setTimeout(() => {
            connection.dispose();
            onExit();
        });
    });
    return connection;
}
