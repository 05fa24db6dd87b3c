import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TrainSpecSettings } from '../../../language/src/workspace/trainspec-settings.js';
import { DefaultGroupChecker, type FileResult, type GroupTask } from './group-checker.js';
import { WORKER_SEMI_SPACE_MB } from './young-generation.js';

export interface WorkerRequest {
    id: number;
    task: GroupTask;
}

export type WorkerReply = { id: number; results: FileResult[] } | { id: number; error: string };

/** Runs group tasks, in worker threads or in this thread. */
export interface GroupRunner {
    run(task: GroupTask): Promise<FileResult[]>;
    close(): Promise<void>;
}

/** Below this many files per thread, starting a thread (and loading the library in it) costs more than it saves. */
const FILES_PER_WORKER = 200;

/**
 * One worker per core (TRAINSPEC_WORKERS overrides the count, 1 means this thread), fewer for
 * a small workspace; in this thread when there is no bundled worker (tests of the sources).
 */
export function createGroupRunner(settings: Partial<TrainSpecSettings>, fileCount: number): GroupRunner {
    const script = join(dirname(fileURLToPath(import.meta.url)), 'check-worker.cjs');
    const requested = Number(process.env.TRAINSPEC_WORKERS);
    const count = Number.isInteger(requested) && requested > 0 ? requested : Math.min(availableParallelism(), Math.ceil(fileCount / FILES_PER_WORKER));
    if (count <= 1 || !existsSync(script)) {
        return new InProcessRunner(settings);
    }
    return new WorkerPool(script, count, settings);
}

/** Checks tasks in this thread, one after another: they share one workspace. */
class InProcessRunner implements GroupRunner {
    protected checker?: DefaultGroupChecker;
    protected queue: Promise<unknown> = Promise.resolve();

    constructor(protected readonly settings: Partial<TrainSpecSettings>) {}

    run(task: GroupTask): Promise<FileResult[]> {
        const result = this.queue.then(() => (this.checker ??= new DefaultGroupChecker(this.settings)).check(task));
        this.queue = result.catch(() => undefined);
        return result;
    }

    close(): Promise<void> {
        return Promise.resolve();
    }
}

/**
 * A worker's heap limits. V8 lets an unlimited heap grow far beyond what it keeps alive (a task's
 * documents are let go when it is reported), and with one heap per core that adds up; a limit
 * makes it collect sooner at little cost. A task too large for it is checked in the main thread.
 * The young generation is the one young-generation.ts fixes (V8 counts three semi-spaces in it).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 3 * WORKER_SEMI_SPACE_MB };

/** A fixed set of worker threads, each checking one task at a time; tasks wait in order for a free worker. */
class WorkerPool implements GroupRunner {
    protected readonly idle: Worker[] = [];
    protected readonly waiting: Array<(worker: Worker) => void> = [];
    protected readonly workers = new Set<Worker>();
    protected readonly fallback: InProcessRunner;
    protected nextId = 0;

    constructor(protected readonly script: string, count: number, protected readonly settings: Partial<TrainSpecSettings>) {
        this.fallback = new InProcessRunner(settings);
        for (let index = 0; index < count; index++) {
            this.idle.push(this.start());
        }
    }

    async run(task: GroupTask): Promise<FileResult[]> {
        let worker = this.idle.pop() ?? await new Promise<Worker>(resolve => this.waiting.push(resolve));
        try {
            return await this.send(worker, task);
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') {
                throw error;
            }
            this.workers.delete(worker);
            worker = this.start();
            return await this.fallback.run(task);
        } finally {
            const next = this.waiting.shift();
            if (next) {
                next(worker);
            } else {
                this.idle.push(worker);
            }
        }
    }

    async close(): Promise<void> {
        await Promise.all([...this.workers].map(worker => worker.terminate()));
    }

    protected start(): Worker {
        const worker = new Worker(this.script, { workerData: this.settings, resourceLimits: WORKER_LIMITS });
        this.workers.add(worker);
        return worker;
    }

    protected send(worker: Worker, task: GroupTask): Promise<FileResult[]> {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            const onMessage = (reply: WorkerReply): void => {
                if (reply.id !== id) {
                    return;
                }
                worker.off('message', onMessage);
                worker.off('error', onError);
                if ('error' in reply) {
                    reject(new Error(reply.error));
                } else {
                    resolve(reply.results);
                }
            };
            const onError = (error: Error): void => {
                worker.off('message', onMessage);
                reject(error);
            };
            worker.on('message', onMessage);
            worker.once('error', onError);
            worker.postMessage({ id, task } satisfies WorkerRequest);
        });
    }
}

