import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startAuthoringFeatures } from '../../language/src/lsp/authoring-lsp-module.js';
import { createTrainSpecServices } from '../../language/src/trainspec-module.js';

// Any LSP editor can start this with `trainspec-language-server --stdio`; the connection
// reads the transport (stdio, node IPC or a socket) from the command line.
const connection = createConnection(ProposedFeatures.all);
const { shared } = createTrainSpecServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
// The coverage matrix request, and the `trainspec` settings (coverage severity).
startAuthoringFeatures(shared);
