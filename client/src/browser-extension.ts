import { createExtension } from './activation.js';
import { BrowserServerHost } from './browser-server-host.js';

/** The web extension (package.json `browser`: VS Code for the Web, github.dev, code-server's web worker extension host). */
export const { activate, deactivate } = createExtension((context, output) => new BrowserServerHost(context, output));
