import type { ServerWorker, WorkerConstructor, WorkerEvent, WorkerEventType } from '../../client/src/server-worker.js';

/** A web worker for tests in Node: records what it is sent and lets the test fire its events. */
export class FakeWorker implements ServerWorker {
    readonly posted: unknown[] = [];
    terminated = false;
    private readonly listeners = new Map<WorkerEventType, Set<(event: WorkerEvent) => void>>();

    constructor(readonly url: string, readonly options?: { name?: string }) {}

    addEventListener(type: WorkerEventType, listener: (event: WorkerEvent) => void): void {
        this.listeners.set(type, (this.listeners.get(type) ?? new Set()).add(listener));
    }

    removeEventListener(type: WorkerEventType, listener: (event: WorkerEvent) => void): void {
        this.listeners.get(type)?.delete(listener);
    }

    postMessage(message: unknown): void {
        if (this.terminated) {
            throw new Error('The worker has been terminated.');
        }
        this.posted.push(message);
    }

    terminate(): void {
        this.terminated = true;
    }

    /** Fires an event as the browser would; returns whether a listener called preventDefault. */
    fire(type: WorkerEventType, event: Omit<WorkerEvent, 'preventDefault'> = {}): boolean {
        let prevented = false;
        for (const listener of [...this.listeners.get(type) ?? []]) {
            listener({ ...event, preventDefault: () => { prevented = true; } });
        }
        return prevented;
    }

    /** How many listeners are still attached. */
    get listenerCount(): number {
        return [...this.listeners.values()].reduce((count, listeners) => count + listeners.size, 0);
    }
}

/**
 * A Worker constructor whose workers do `behave` once constructed, after the constructor has
 * returned as a browser's would (it fetches the script afterwards); `created` holds them.
 */
export function fakeWorkerConstructor(behave: (worker: FakeWorker) => void): WorkerConstructor & { created: FakeWorker[] } {
    const created: FakeWorker[] = [];
    return Object.assign(class extends FakeWorker {
        constructor(url: string, options?: { name?: string }) {
            super(url, options);
            created.push(this);
            setTimeout(() => behave(this), 0);
        }
    }, { created });
}
