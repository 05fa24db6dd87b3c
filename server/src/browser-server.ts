import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures, type Connection, type MessageReader, type MessageWriter } from 'vscode-languageserver/browser';
import { startAuthoringFeatures } from '../../language/src/lsp/authoring-lsp-module.js';
import { createGuardedConnection } from '../../language/src/server/guarded-connection.js';
import { createTrainSpecServices } from '../../language/src/trainspec-module.js';
import { ClientFileSystemProvider } from '../../language/src/workspace/client-file-system-provider.js';

/**
 * Starts the TrainSpec language server in a browser, speaking over `reader` and `writer`: a web
 * worker's messages (server/src/browser-main.ts) or one port of a MessageChannel in the extension
 * host's own worker (client/src/browser-server-start.ts). The built-in library is bundled as text,
 * and the workspace's files are read through the client, since a browser has no file system.
 * Calls `onExit` once the client has said `exit`, for the host to let go of the server.
 */
export function startBrowserServer(reader: MessageReader, writer: MessageWriter, onExit: () => void): Connection {
    const connection = createGuardedConnection(options => createConnection(ProposedFeatures.all, reader, writer, options));
    const { shared } = createTrainSpecServices({ connection, fileSystemProvider: () => new ClientFileSystemProvider(connection) });
    startLanguageServer(shared);
    startAuthoringFeatures(shared);
    connection.onExit(() => {
        connection.dispose();
        onExit();
    });
    return connection;
}
