// Bundles the CLI, the language server and (when present) the VS Code client.
// `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');

const entries = [
    { in: 'cli/src/main.ts', out: 'cli' },
    { in: 'server/src/main.ts', out: 'server' },
    { in: 'client/src/extension.ts', out: 'extension' }
].filter(entry => existsSync(entry.in));

const options = {
    entryPoints: entries,
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    loader: { '.nos': 'text' },
    external: ['vscode'],
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
