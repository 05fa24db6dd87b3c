// Bundles the CLI, the language server and (when present) the VS Code client, for Node in out/*.cjs
// and for the browser in out/browser/ (the web extension and its language server's worker).
// `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

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

// The web worker extension host loads only CommonJS, and takes a .js of this `"type": "module"`
// package for an ES module: the extension is a .cjs. The server's worker runs a classic script,
// which browsers load only when it is served as JavaScript: a .js.
const browserOptions = {
    entryPoints: [
        { in: 'client/src/browser-extension.ts', out: 'extension', format: 'cjs', outExtension: { '.js': '.cjs' } },
        { in: 'server/src/browser-main.ts', out: 'server', format: 'iife', outExtension: { '.js': '.js' } }
    ].filter(entry => existsSync(entry.in)),
    outdir: 'out/browser',
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    loader: { '.nos': 'text' },
    external: ['vscode'],
    define: { TRAINSPEC_VERSION: JSON.stringify(version) },
    sourcemap: true,
    minify: !watch,
    metafile: true,
    logLevel: 'info'
};

/** Fails the build when a browser bundle imports a Node built-in: it would not load in the browser. */
const noNodeBuiltins = {
    name: 'no-node-builtins',
    setup(build) {
        build.onEnd(result => {
            const nodeModules = new Set(builtinModules);
            for (const [file, output] of Object.entries(result.metafile?.outputs ?? {})) {
                for (const { path } of output.imports) {
                    if (path.startsWith('node:') || nodeModules.has(path.split('/')[0])) {
                        result.errors.push({ text: `${file} imports the Node built-in '${path}', which a browser does not have.` });
                    }
                }
            }
        });
    }
};

// esbuild applies one format per build: the extension's and the worker's are built apart.
const builds = [
    options,
    ...browserOptions.entryPoints.map(({ format, outExtension, ...entry }) => ({ ...browserOptions, entryPoints: [entry], format, outExtension, plugins: [noNodeBuiltins] }))
];

if (watch) {
    for (const build of builds) {
        const context = await esbuild.context(build);
        await context.watch();
    }
} else {
    await Promise.all(builds.map(build => esbuild.build(build)));
}
