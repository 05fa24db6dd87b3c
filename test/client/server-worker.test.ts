import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { WORKER_READY } from '../../language/src/protocol/worker-handshake.js';
import { startServerWorker, WORKER_START_TIMEOUT_MS, type WorkerConstructor, type WorkerStart } from '../../client/src/server-worker.js';
import { fakeWorkerConstructor } from './fake-worker.js';

const URL = 'https://example.test/extension/out/browser/server.js';
const OPTIONS = { name: 'TrainSpec language server' };

beforeEach(() => {
    vi.useFakeTimers();
});

afterEach(() => {
    vi.useRealTimers();
});

/** Starts a worker and lets its (fake) script run until the start is decided. */
async function start(Worker: WorkerConstructor | undefined): Promise<WorkerStart> {
    const started = startServerWorker(Worker, URL, OPTIONS);
    await vi.advanceTimersByTimeAsync(0);
    return started;
}

test('a worker that says it is ready is handed over, with its name, and nothing else listening', async () => {
    const Worker = fakeWorkerConstructor(worker => worker.fire('message', { data: WORKER_READY }));
    const started = await start(Worker);
    const [worker] = Worker.created;
    expect(started).toEqual({ worker });
    expect(worker.url).toBe(URL);
    expect(worker.options).toEqual(OPTIONS);
    expect(worker.terminated).toBe(false);
    expect(worker.listenerCount).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
});

test('other messages before the handshake do not count as ready', async () => {
    const Worker = fakeWorkerConstructor(worker => worker.fire('message', { data: { jsonrpc: '2.0', method: 'window/logMessage' } }));
    const started = startServerWorker(Worker, URL, OPTIONS);
    await vi.advanceTimersByTimeAsync(1000);
    Worker.created[0].fire('message', { data: WORKER_READY });
    expect(await started).toEqual({ worker: Worker.created[0] });
});

test('a browser without web workers falls back', async () => {
    expect(await start(undefined)).toEqual({ failure: 'this editor has no web workers' });
});

test('a Worker constructor that throws (code-server) falls back, saying why', async () => {
    const Worker = class {
        constructor() {
            throw new Error('Creating workers from remote extensions is currently not supported.');
        }
    } as unknown as WorkerConstructor;
    expect(await start(Worker)).toEqual({ failure: 'this editor cannot start a web worker (Creating workers from remote extensions is currently not supported)' });
});

test('a script that fails as it starts (a syntax error) falls back, and its worker is terminated', async () => {
    let prevented = false;
    const Worker = fakeWorkerConstructor(worker => {
        prevented = worker.fire('error', { message: 'Uncaught SyntaxError: Unexpected end of input' });
    });
    expect(await start(Worker)).toEqual({ failure: 'its web worker failed to load or start (Uncaught SyntaxError: Unexpected end of input)' });
    expect(Worker.created[0].terminated).toBe(true);
    expect(Worker.created[0].listenerCount).toBe(0);
    expect(prevented).toBe(true);
});

test('a script that cannot be fetched (a 404, a Content-Security-Policy refusal: an error without a message) falls back, naming the script', async () => {
    const Worker = fakeWorkerConstructor(worker => worker.fire('error'));
    expect(await start(Worker)).toEqual({ failure: `its web worker failed to load or start (could not load ${URL})` });
    expect(Worker.created[0].terminated).toBe(true);
});

test('a first message that cannot be read falls back', async () => {
    const Worker = fakeWorkerConstructor(worker => worker.fire('messageerror'));
    expect(await start(Worker)).toEqual({ failure: 'the first message of its web worker could not be read' });
    expect(Worker.created[0].terminated).toBe(true);
});

test('a worker that never answers is given up at the time limit, not before', async () => {
    const Worker = fakeWorkerConstructor(() => undefined);
    let settled: WorkerStart | undefined;
    void startServerWorker(Worker, URL, OPTIONS).then(started => settled = started);
    await vi.advanceTimersByTimeAsync(WORKER_START_TIMEOUT_MS - 1);
    expect(settled).toBeUndefined();
    expect(Worker.created[0].terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toEqual({ failure: 'its web worker did not start within 10 seconds' });
    expect(Worker.created[0].terminated).toBe(true);
    expect(Worker.created[0].listenerCount).toBe(0);
});

test('a ready message after the time limit changes nothing', async () => {
    const Worker = fakeWorkerConstructor(() => undefined);
    const started = startServerWorker(Worker, URL, { ...OPTIONS, timeoutMs: 50 });
    await vi.advanceTimersByTimeAsync(50);
    Worker.created[0].fire('message', { data: WORKER_READY });
    expect(await started).toEqual({ failure: 'its web worker did not start within 0.05 seconds' });
});
