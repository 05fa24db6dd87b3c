// Bundles the end-to-end tests into out/e2e/ (run from the repository root):
//   out/e2e/suite.cjs            the in-host suite (CommonJS, `vscode` external), loaded by the extension host
//   out/e2e/run-code-server.mjs  runs that suite in code-server (here)
//   out/e2e/run-electron.mjs     runs that suite with @vscode/test-electron (where VS Code can be downloaded)
//   out/e2e/ui-test.mjs          the UI test: packaged .vsix in code-server, driven through headless chromium
//   out/e2e/web-extension-test.mjs  the web extension's UI test: the same .vsix in code-server's web worker extension host
//   out/e2e/browser-worker-test.mjs the browser's language server in a web worker of chromium, over JSON-RPC
import * as esbuild from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: 'inline', logLevel: 'warning' };

await Promise.all([
    esbuild.build({
        ...common,
        entryPoints: { suite: 'test/e2e/suite/index.ts' },
        outdir: 'out/e2e',
        outExtension: { '.js': '.cjs' },
        format: 'cjs',
        external: ['vscode']
    }),
    esbuild.build({
        ...common,
        entryPoints: {
            'run-code-server': 'test/e2e/run-code-server.ts',
            'run-electron': 'test/e2e/run-electron.ts',
            'ui-test': 'test/e2e/ui/ui-test.ts',
            'web-extension-test': 'test/e2e/ui/web-extension-test.ts',
            'browser-worker-test': 'test/e2e/browser-worker-test.ts'
        },
        outdir: 'out/e2e',
        outExtension: { '.js': '.mjs' },
        format: 'esm',
        // playwright-core and @vscode/test-electron load from node_modules at run time.
        packages: 'external'
    })
]);
console.log('e2e build: out/e2e/suite.cjs, run-code-server.mjs, run-electron.mjs, ui-test.mjs, web-extension-test.mjs, browser-worker-test.mjs');
