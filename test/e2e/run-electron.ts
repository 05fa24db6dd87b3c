// Runs the same in-host suite (out/e2e/suite.cjs) under @vscode/test-electron, which downloads
// VS Code from Microsoft's update server. Use it on machines that can reach that server; these
// machines cannot, so there the suite runs in code-server (run-code-server.ts) instead.
//
//   node out/e2e/run-electron.mjs            (after npm run build and node scripts/e2e/build.mjs)
//   TRAINSPEC_VSCODE_VERSION=1.101.0 node out/e2e/run-electron.mjs   to pin a VS Code version
import { runTests } from '@vscode/test-electron';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RunFolders, log, outputDir, repoRoot } from './code-server.js';

async function main(): Promise<number> {
    const suite = join(repoRoot, 'out', 'e2e', 'suite.cjs');
    if (!existsSync(suite)) {
        throw new Error(`${suite} is missing. Run: node scripts/e2e/build.mjs`);
    }
    mkdirSync(outputDir, { recursive: true });
    const folders = new RunFolders('electron');
    const workspace = folders.copyExample('incomplete');
    try {
        await runTests({
            version: process.env.TRAINSPEC_VSCODE_VERSION ?? 'stable',
            // The download is cached beside code-server, in the ignored .tools/ folder.
            cachePath: join(repoRoot, '.tools', 'vscode-test'),
            extensionDevelopmentPath: repoRoot,
            extensionTestsPath: suite,
            extensionTestsEnv: { TRAINSPEC_E2E_REPORT: join(outputDir, 'electron-suite-report.txt') },
            launchArgs: [
                workspace,
                '--user-data-dir', folders.userData,
                '--extensions-dir', folders.extensions,
                '--disable-extensions',
                '--disable-workspace-trust',
                '--skip-welcome',
                '--skip-release-notes',
                '--disable-gpu'
            ]
        });
        return 0;
    } catch (error) {
        log(`@vscode/test-electron: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
    } finally {
        folders.dispose();
    }
}

main().then(code => process.exit(code), (error: unknown) => {
    log(`run-electron failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
});
