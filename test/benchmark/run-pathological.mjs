// `npm run bench:pathological`: bundles pathological.ts as run-benchmark.mjs bundles benchmark.ts,
// then runs it in this process (started with --expose-gc). `npm run bench` runs it too, after the
// main benchmark. Environment: BENCH_PATHOLOGICAL_RUNS (default 5), BENCH_PATHOLOGICAL_ONLY (a group of inputs).
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function runPathological() {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    // In a folder of its own: out/*.cjs are the shipped bundles, which tests hold to Node 20.
    const outfile = join(root, 'out', 'bench', 'pathological.cjs');
    await esbuild.build({
        entryPoints: [join(root, 'test', 'benchmark', 'pathological.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node22',
        format: 'cjs',
        loader: { '.nos': 'text' },
        banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
        define: { 'import.meta.url': '__importMetaUrl' },
        sourcemap: true,
        logLevel: 'warning'
    });
    const { runPathologicalBenchmark } = createRequire(import.meta.url)(outfile);
    return runPathologicalBenchmark({ runs: Number(process.env.BENCH_PATHOLOGICAL_RUNS ?? 5), only: process.env.BENCH_PATHOLOGICAL_ONLY });
}

if (import.meta.url === `file://${process.argv[1]}`) {
    process.exitCode = await runPathological();
}
