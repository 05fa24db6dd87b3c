// Bundles the CLI, the language server and (when present) the VS Code client.
// `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const entries = [
    { in: 'cli/src/main.ts', out: 'cli' },
    // The batch check's worker threads load this bundle (see cli/src/batch/worker-pool.ts).
    { in: 'cli/src/batch/check-worker.ts', out: 'check-worker' },
    { in: 'server/src/main.ts', out: 'server' },
    { in: 'client/src/extension.ts', out: 'extension' }
].filter(entry => existsSync(entry.in));

const options = {
    entryPoints: entries,
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    // The oldest Node the bundles support (package.json `engines`); esbuild lowers newer syntax for it.
    target: 'node20.12',
    format: 'cjs',
    loader: { '.nos': 'text' },
    external: ['vscode'],
    banner: {
        js: [
            // First, so it runs before any module code: what Node 20 lacks (see the file).
            readFileSync('scripts/node20-polyfills.js', 'utf8').trim(),
            // Some dependencies are ES modules that locate files with import.meta.url, which a CommonJS bundle lacks.
            "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;"
        ].join('\n')
    },
    define: { TRAINSPEC_VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
    // Two copies of vscode-jsonrpc in one bundle break `instanceof ResponseError`, and the server would
    // send error responses as results; keep package-lock.json deduplicated (`npm dedupe`).
    sourcemap: true,
    minify: !watch,
    logLevel: 'info'
};

if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
} else {
    await esbuild.build(options);
}
