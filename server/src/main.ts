import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startAuthoringFeatures } from '../../language/src/lsp/authoring-lsp-module.js';
import { createGuardedConnection } from '../../language/src/server/guarded-connection.js';
import { logUnexpectedError } from '../../language/src/server/unexpected-errors.js';
import { createTrainSpecServices } from '../../language/src/trainspec-module.js';

// Any LSP editor can start this with `trainspec-language-server --stdio`; the connection
// reads the transport (stdio, node IPC or a socket) from the command line. Malformed
// parameters are turned away before any handler runs, and handlers' errors are logged.
const connection = createGuardedConnection(options => createConnection(ProposedFeatures.all, options));
// The last resort: whatever escapes everything else is logged, and the server keeps serving.
process.on('unhandledRejection', reason => logUnexpectedError(connection, 'An asynchronous task', reason));
process.on('uncaughtException', error => logUnexpectedError(connection, 'A task', error));
const { shared } = createTrainSpecServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
// The coverage matrix request, and the `trainspec` settings (coverage severity).
startAuthoringFeatures(shared);
