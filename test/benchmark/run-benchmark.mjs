// `npm run bench`: bundles the TypeScript benchmark (benchmark.ts) the way esbuild.mjs bundles
// the CLI, then runs it in this process (started with --expose-gc).
//
// Environment: BENCH_PARTS (default "engine,batch"); for the engine part BENCH_SIZES (default "100,1000,3000"),
// BENCH_CHECK_RUNS (default 3), BENCH_EDITS (default 5); for the batch part BENCH_BATCH_SPECS (default 10000),
// BENCH_BATCH_RUNS (default 3), BENCH_BATCH_SHAPES (default "self-contained,clusters").
import { loadBenchmark, root } from './load-benchmark.mjs';

const numbers = (value, fallback) => (value ? value.split(',').map(Number) : fallback);
const words = (value, fallback) => (value ? value.split(',').map(word => word.trim()) : fallback);
const { runBenchmark } = await loadBenchmark('benchmark');
process.exitCode = await runBenchmark({
    root,
    parts: words(process.env.BENCH_PARTS, ['engine', 'batch']),
    batch: {
        specs: Number(process.env.BENCH_BATCH_SPECS ?? 10000),
        runs: Number(process.env.BENCH_BATCH_RUNS ?? 3),
        shapes: words(process.env.BENCH_BATCH_SHAPES, ['self-contained', 'clusters'])
    },
    sizes: numbers(process.env.BENCH_SIZES, [100, 1000, 3000]),
    checkRuns: Number(process.env.BENCH_CHECK_RUNS ?? 3),
    edits: Number(process.env.BENCH_EDITS ?? 5)
});

// Inputs that must not be slow out of proportion to their size (issue 7); alone: `npm run bench:pathological`.
const { runPathological } = await import('./run-pathological.mjs');
process.exitCode = (await runPathological()) || process.exitCode;
