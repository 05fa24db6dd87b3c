// `npm run bench:pathological`: bundles pathological.ts (load-benchmark.mjs), as run-benchmark.mjs bundles benchmark.ts,
// then runs it in this process (started with --expose-gc). `npm run bench` runs it too, after the
// main benchmark. Environment: BENCH_PATHOLOGICAL_RUNS (default 5), BENCH_PATHOLOGICAL_ONLY (a group of inputs).
import { loadBenchmark } from './load-benchmark.mjs';

export async function runPathological() {
    const { runPathologicalBenchmark } = await loadBenchmark('pathological');
    return runPathologicalBenchmark({ runs: Number(process.env.BENCH_PATHOLOGICAL_RUNS ?? 5), only: process.env.BENCH_PATHOLOGICAL_ONLY });
}

if (import.meta.url === `file://${process.argv[1]}`) {
    process.exitCode = await runPathological();
}
