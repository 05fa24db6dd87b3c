// Runs the in-host suite (out/e2e/suite.cjs) in code-server's extension host, with the
// extension loaded from this repository as a development extension, and exits with the
// suite's exit code. See ../shared/vscode-e2e.md, "A. In the extension host".
//
//   node out/e2e/run-code-server.mjs
//
// Needs: scripts/e2e/install.sh (code-server, chromium), `npm run build` (out/extension.cjs,
// out/server.cjs) and scripts/e2e/build.mjs (out/e2e/suite.cjs).
// Output: the suite's report on stdout and in test-output/e2e/suite-report.txt; logs of
// code-server and the browser console beside it.
import { existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunFolders, launchChromium, log, outputDir, repoRoot, runScript, startCodeServer, tail, type CodeServer } from './code-server.js';
import type { Browser } from 'playwright-core';

const TIMEOUT_MS = Number(process.env.TRAINSPEC_E2E_TIMEOUT_MS ?? 10 * 60_000);

async function main(): Promise<number> {
    const suite = join(repoRoot, 'out', 'e2e', 'suite.cjs');
    if (!existsSync(suite)) {
        throw new Error(`${suite} is missing. Run: node scripts/e2e/build.mjs`);
    }
    if (!existsSync(join(repoRoot, 'out', 'extension.cjs'))) {
        log('warning: out/extension.cjs is missing (npm run build bundles the client when client/src/extension.ts exists); the extension cannot activate');
    }
    mkdirSync(outputDir, { recursive: true });
    const reportFile = join(outputDir, 'suite-report.txt');
    const browserLog = join(outputDir, 'suite-browser.log');
    writeFileSync(reportFile, '');
    writeFileSync(browserLog, '');

    const folders = new RunFolders('suite');
    const workspace = folders.copyExample('incomplete');
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    const report = new ReportTail(reportFile);
    try {
        server = await startCodeServer(folders, { env: { TRAINSPEC_E2E_REPORT: reportFile } });
        browser = await launchChromium(folders);
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        page.on('console', message => appendFileSync(browserLog, `[${message.type()}] ${message.text()}\n`));
        page.on('pageerror', error => appendFileSync(browserLog, `[pageerror] ${error.message}\n`));

        let exitSuite!: (code: number) => void;
        const exitCode = new Promise<number>(resolveExit => { exitSuite = resolveExit; });
        // The workbench calls this with the suite's exit code; it must exist before the page loads.
        await page.exposeFunction('codeAutomationExit', (code: number) => { exitSuite(Number(code)); });

        const payload: [string, string][] = [
            ['extensionDevelopmentPath', server.remoteUri(repoRoot)],
            ['extensionTestsPath', server.remoteUri(suite)]
        ];
        const url = server.workbenchUrl(workspace, payload);
        log(`opening ${url}`);
        await page.goto(url);

        const timer = setInterval(() => report.flush(), 200);
        let timeout: NodeJS.Timeout | undefined;
        const code = await Promise.race([
            exitCode,
            new Promise<number>(resolveTimeout => {
                timeout = setTimeout(() => resolveTimeout(-1), TIMEOUT_MS);
            })
        ]);
        clearTimeout(timeout);
        clearInterval(timer);
        report.flush();
        if (code === -1) {
            const screenshot = join(outputDir, 'suite-timeout.png');
            await page.screenshot({ path: screenshot }).catch(() => undefined);
            log(`the suite did not finish within ${TIMEOUT_MS} ms; screenshot ${screenshot}`);
            log(`code-server log (tail):\n${tail(server.logFile)}`);
            return 1;
        }
        if (!report.sawSummary) {
            log(`the suite exited with code ${code} without a report; see ${browserLog} and ${server.logFile}`);
            log(`browser console (tail):\n${tail(browserLog)}`);
        }
        log(`in-host suite exited with code ${code}`);
        return code;
    } finally {
        await browser?.close().catch(() => undefined);
        await server?.stop();
        folders.dispose();
    }
}

/** Echoes the suite's report file to stdout as it grows. */
class ReportTail {
    private printed = 0;
    sawSummary = false;

    constructor(private readonly file: string) {}

    flush(): void {
        const text = readFileSync(this.file, 'utf8');
        if (text.length > this.printed) {
            const chunk = text.slice(this.printed, text.lastIndexOf('\n') + 1);
            this.printed += chunk.length;
            process.stdout.write(chunk);
            this.sawSummary ||= /^\d+ passed, \d+ failed$/m.test(chunk);
        }
    }
}

runScript('run-code-server', main);
