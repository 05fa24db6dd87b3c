import { createExtension } from './activation.js';
import { NodeServerHost } from './node-server-host.js';

/** The desktop extension (package.json `main`): the language server runs as a Node process. */
export const { activate, deactivate } = createExtension(context => new NodeServerHost(context));
