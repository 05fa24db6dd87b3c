import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/browser';
import { startWebLanguageServer } from './web-language-server.js';

/**
 * Whatever a browser passes messages through: a MessagePort, a Worker, a worker's own global
 * scope (the project compiles without DOM typings, so their common ground is not spelt out).
 */
export type MessageEndpoint = object;

/**
 * Starts the browser's language server on `endpoint`: its own web worker's scope
 * (browser-main.ts), or one port of a MessageChannel in the extension host's worker
 * (client/src/browser-server-host.ts).
 */
export function startBrowserServer(endpoint: MessageEndpoint, onExit: () => void): Connection {
    return startWebLanguageServer(options => createConnection(ProposedFeatures.all, new BrowserMessageReader(endpoint), new BrowserMessageWriter(endpoint), options), onExit);
}
