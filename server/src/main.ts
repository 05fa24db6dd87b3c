import { NodeFileSystemProvider } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createGuardedConnection } from '../../language/src/server/guarded-connection.js';
import { startTrainSpecServer } from '../../language/src/server/start-trainspec-server.js';
import { logUnexpectedError } from '../../language/src/server/unexpected-errors.js';
import { ClientFileSystemProvider } from '../../language/src/workspace/client-file-system-provider.js';
import { NodeCacheFolder } from './node-cache-folder.js';

// Any LSP editor can start this with `trainspec-language-server --stdio`; the connection
// reads the transport (stdio, node IPC or a socket) from the command line. Malformed
// parameters are turned away before any handler runs, and handlers' errors are logged.
const connection = createGuardedConnection(options => createConnection(ProposedFeatures.all, options));
// The last resort: whatever escapes everything else is logged, and the server keeps serving.
process.on('unhandledRejection', reason => logUnexpectedError(connection, 'An asynchronous task', reason));
process.on('uncaughtException', error => logUnexpectedError(connection, 'A task', error));
// Files on disk are read from disk; those of a virtual workspace (a repository opened remotely) through the client.
const fileSystemProvider = () => new ClientFileSystemProvider(connection, new NodeFileSystemProvider());
// On the desktop there is a disk: editors that cannot fetch `builtin:` documents get the library, and coverage reports, as files.
startTrainSpecServer(connection, { fileSystemProvider }, { workspace: { CacheFolder: () => new NodeCacheFolder() } });
