import { setFlagsFromString } from 'node:v8';

/**
 * Each worker thread's young generation: two semi-spaces of this many MB, from its start. Measured on
 * 10,000 specs (2 workers): 8 MB spent 15–20 % more time than 16 MB, in garbage collection; 32 MB took
 * peak memory past 400 MB for no further gain. 16 MB costs about 45 MB more than 8 MB.
 */
export const WORKER_SEMI_SPACE_MB = 16;

/**
 * Keeps the young generation of every heap at its starting size: the CLI's main thread at
 * V8's smallest, the batch check's worker threads at WORKER_SEMI_SPACE_MB.
 *
 * V8 doubles a heap's young generation each time more bytes have survived it than it holds, up
 * to 64 MB per semi-space on current versions. The main thread of a batch check keeps every
 * file's text and name scan, so it soon reached that maximum: 128 MB of a 10,000-file check's
 * peak memory was an empty young generation. What the main thread allocates either dies at
 * once or lives to the end, so a small young generation costs it no time (measured: the same
 * CPU time to read and scan 10,000 files, 150 MB less memory). The workers parse all the time
 * and need a larger one, or they spend half their time collecting garbage; theirs is fixed at
 * WORKER_SEMI_SPACE_MB, which they start with because the minimum is set before they start.
 *
 * Node offers no other way to set these for the main thread once it runs: V8 reads the growth
 * factor each time it would grow a young generation, and the minimum when a heap is created.
 */
export function keepYoungGenerationsSmall(): void {
    setFlagsFromString('--semi-space-growth-factor=1');
    setFlagsFromString(`--min-semi-space-size=${WORKER_SEMI_SPACE_MB}`);
}
