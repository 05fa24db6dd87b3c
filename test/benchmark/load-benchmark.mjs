// Bundles one TypeScript benchmark module (test/benchmark/NAME.ts) the way esbuild.mjs bundles the
// CLI, and loads it. Shared by `npm run bench` and `npm run bench:pathological`.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function loadBenchmark(name) {
    // In a folder of its own: out/*.cjs are the bundles the npm package ships, which tests hold to Node 20.
    const outfile = join(root, 'out', 'bench', `${name}.cjs`);
    await esbuild.build({
        entryPoints: [join(root, 'test', 'benchmark', `${name}.ts`)],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node22',
        format: 'cjs',
        loader: { '.nos': 'text' },
        // As in esbuild.mjs: some dependencies locate files with import.meta.url, which a CommonJS bundle lacks.
        banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
        define: { 'import.meta.url': '__importMetaUrl' },
        sourcemap: true,
        logLevel: 'warning'
    });
    return createRequire(import.meta.url)(outfile);
}

export { root };
