import { isWorkerReadyMessage } from '../../language/src/protocol/worker-handshake.js';

/** What a web worker hands its listeners (the project compiles without DOM typings). */
export interface WorkerEvent {
    /** A message's data. */
    readonly data?: unknown;
    /** An error's description; a script that could not be fetched fires an error without one. */
    readonly message?: string;
    /** Stops the browser from reporting an error that has been dealt with as an uncaught one. */
    preventDefault?(): void;
}

export type WorkerEventType = 'message' | 'error' | 'messageerror';

/** The little of a web worker that the client uses. */
export interface ServerWorker {
    addEventListener(type: WorkerEventType, listener: (event: WorkerEvent) => void): void;
    removeEventListener(type: WorkerEventType, listener: (event: WorkerEvent) => void): void;
    postMessage(message: unknown): void;
    terminate(): void;
}

/** A web worker's constructor. */
export type WorkerConstructor = new (url: string, options?: { name?: string }) => ServerWorker;

/** A worker whose server listens, or why there is none (to finish "… because <failure>"). */
export type WorkerStart = { readonly worker: ServerWorker } | { readonly failure: string };

/**
 * How long a worker may take to load its script and start the server. The bundle is a few
 * megabytes, fetched and compiled in well under a second on an ordinary connection; a worker
 * that has neither started nor failed by then is given up for the server in the extension host.
 */
export const WORKER_START_TIMEOUT_MS = 10_000;

/**
 * Starts the language server in a web worker and waits until it says it is ready
 * (language/src/protocol/worker-handshake.ts). A browser constructs a worker before it has fetched
 * its script, so a script that cannot be fetched (a 404, a Content-Security-Policy refusal) or
 * fails as it starts shows only afterwards, as an `error` event; a worker that says nothing at
 * all is given up after `timeoutMs`. A worker that failed is terminated.
 */
export function startServerWorker(Worker: WorkerConstructor | undefined, url: string, options: { name: string; timeoutMs?: number }): Promise<WorkerStart> {
    if (!Worker) {
        return Promise.resolve({ failure: 'this editor has no web workers' });
    }
    let worker: ServerWorker;
    try {
        worker = new Worker(url, { name: options.name });
    } catch (error) {
        return Promise.resolve({ failure: `this editor cannot start a web worker (${describe(error)})` });
    }
    const timeoutMs = options.timeoutMs ?? WORKER_START_TIMEOUT_MS;
    return new Promise(resolve => {
        const listeners: Record<WorkerEventType, (event: WorkerEvent) => void> = {
            message: event => {
                if (isWorkerReadyMessage(event.data)) {
                    settle({ worker });
                }
            },
            error: event => {
                event.preventDefault?.();
                settle({ failure: `its web worker failed to load or start (${event.message ? describe(event.message) : `could not load ${url}`})` });
            },
            messageerror: () => settle({ failure: 'the first message of its web worker could not be read' })
        };
        const timer = setTimeout(() => settle({ failure: `its web worker did not start within ${timeoutMs / 1000} seconds` }), timeoutMs);
        const settle = (start: WorkerStart): void => {
            clearTimeout(timer);
            for (const [type, listener] of Object.entries(listeners)) {
                worker.removeEventListener(type as WorkerEventType, listener);
            }
            if ('failure' in start) {
                worker.terminate();
            }
            resolve(start);
        };
        for (const [type, listener] of Object.entries(listeners)) {
            worker.addEventListener(type as WorkerEventType, listener);
        }
    });
}

/** An error's message for the end of a sentence: without its full stop, which the sentence brings. */
function describe(error: unknown): string {
    return (error instanceof Error ? error.message : String(error)).trim().replace(/\.$/, '');
}
