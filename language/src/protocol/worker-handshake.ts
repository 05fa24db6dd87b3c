/**
 * What the browser's language server posts from a web worker of its own (server/src/browser-main.ts)
 * once its script has loaded and it listens, before any JSON-RPC message: the client hands the
 * worker to the language client only then, and runs the server in the extension host instead when
 * the worker fails to load or start (client/src/server-worker.ts).
 */
export interface WorkerReadyMessage {
    readonly trainspecServer: 'ready';
}

export const WORKER_READY: WorkerReadyMessage = { trainspecServer: 'ready' };

export function isWorkerReadyMessage(data: unknown): data is WorkerReadyMessage {
    return typeof data === 'object' && data !== null && (data as Partial<WorkerReadyMessage>).trainspecServer === 'ready';
}
