import { WORKER_READY } from '../../language/src/protocol/worker-handshake.js';
import { logUnexpectedError } from '../../language/src/server/unexpected-errors.js';
import { startBrowserServer } from './browser-server.js';

// The language server as a web worker of its own (out/browser/server.js), where the browser lets
// an extension start one (VS Code for the Web, github.dev): it speaks over the worker's messages.

/** The little of a dedicated worker's global scope that this file uses (the project compiles without DOM typings). */
interface WorkerScope {
    close(): void;
    postMessage(message: unknown): void;
    addEventListener(type: 'unhandledrejection', listener: (event: { reason: unknown; preventDefault(): void }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const connection = startBrowserServer(scope, () => scope.close());
// The script loaded and the server listens: the client hands the worker to the language client
// only now, and otherwise runs the server in the extension host (client/src/server-worker.ts).
scope.postMessage(WORKER_READY);
// The last resort, as in the Node server: whatever escapes everything else is logged, and the server keeps serving.
scope.addEventListener('unhandledrejection', event => {
    event.preventDefault();
    logUnexpectedError(connection, 'An asynchronous task', event.reason);
});
