/**
 * The entry of a batch check worker thread (bundled to out/check-worker.cjs): it checks the
 * group tasks the main thread sends, one at a time, in a workspace of its own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TrainSpecSettings } from '../../../language/src/workspace/trainspec-settings.js';
import { DefaultGroupChecker } from './group-checker.js';
import type { WorkerReply, WorkerRequest } from './worker-pool.js';

const port = parentPort;
if (port) {
    const checker = new DefaultGroupChecker(workerData as Partial<TrainSpecSettings>);
    void checker.prepare();
    port.on('message', (request: WorkerRequest) => {
        checker.check(request.task).then(
            results => port.postMessage({ id: request.id, results } satisfies WorkerReply),
            (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply)
        );
    });
}
