// The UI test: what a curriculum designer sees. It installs the packaged extension
// (out/trainspec.vsix, from `npm run package`) into a clean extensions folder of code-server,
// opens a copy of examples/incomplete in headless chromium, and drives the workbench like a
// person: Ctrl+P to open programme.tspec, the error squiggle, the Problems panel, a mouse hover
// over a reference, and the coverage view from the command palette. See ../shared/vscode-e2e.md, "B".
//
//   node out/e2e/ui-test.mjs          (TRAINSPEC_VSIX=path overrides the .vsix)
//
// Screenshots go to test-output/e2e/ (problems.png, hover.png, coverage.png, standards.png,
// walkthrough.png, syntax-error.png; failure.png when a
// step fails). With TRAINSPEC_UPDATE_SCREENSHOTS=1 a fully successful run also copies them to
// client/images/ for the READMEs; a plain test run never changes tracked files.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../wait-for.js';
import { RunFolders, installExtension, launchChromium, log, outputDir, repoRoot, runScript, startCodeServer, type CodeServer } from '../code-server.js';
import { goToLine, hoverWord, prepareUiRun, openFile, openPage, openWorkbench, reportFailure, runCommand, settled, step } from './workbench.js';

const NOS_WORDING = 'Assess individuals’ needs and plan activities';
const HOVERED_REFERENCE = 'AssessNeedsAndPlan';
const STEP_TIMEOUT_MS = 60_000;

const screenshots = {
    problems: join(outputDir, 'problems.png'),
    hover: join(outputDir, 'hover.png'),
    coverage: join(outputDir, 'coverage.png'),
    standards: join(outputDir, 'standards.png'),
    walkthrough: join(outputDir, 'walkthrough.png'),
    syntaxError: join(outputDir, 'syntax-error.png')
};

async function main(): Promise<number> {
    const { vsix, browserLog } = prepareUiRun('ui-browser.log', [...Object.values(screenshots), join(outputDir, 'failure.png')]);

    const folders = new RunFolders('ui');
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let page: Page | undefined;
    try {
        const installed = await step(`install ${vsix} into a clean extensions folder`, () => installExtension(folders, vsix));
        log(`  ${installed.split('\n').at(-1)}`);
        const workspace = folders.copyExample('incomplete');
        server = await startCodeServer(folders, { logName: 'ui-code-server.log' });
        browser = await launchChromium(folders);
        page = await openPage(browser, browserLog, STEP_TIMEOUT_MS);
        const p = page;

        await step('open the workbench on a copy of examples/incomplete', async () => {
            await openWorkbench(p, server!.workbenchUrl(workspace), 'programme.tspec');
        });

        await step('open programme.tspec with Ctrl+P', () => openFile(p, 'programme.tspec', 'DraftProgrammesPso'));

        await step('see the error squiggle', async () => {
            await p.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 90_000 });
            await p.locator('.monaco-editor .squiggly-warning').first().waitFor();
        });

        const problems = await step('read the Problems panel (Ctrl+Shift+M)', async () => {
            await p.keyboard.press('Control+Shift+M');
            const row = p.locator('.markers-panel .monaco-list-row', { hasText: 'Unknown standard' });
            await row.first().waitFor();
            await p.locator('.markers-panel .monaco-list-row', { hasText: 'No module covers' }).first().waitFor();
            const rows = (await p.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(text => text.replace(/\s+/g, ' ').trim());
            await p.screenshot({ path: screenshots.problems });
            return rows;
        });
        for (const row of problems) {
            log(`  problem: ${row}`);
        }
        if (!problems.some(row => row.includes("Unknown standard 'AssesRiskOfHarm'. Did you mean 'AssessRiskOfHarm'?"))) {
            throw new Error(`No Problems entry for the misspelt reference: ${JSON.stringify(problems)}`);
        }

        const hover = await step(`hover ${HOVERED_REFERENCE} with the mouse`, async () => {
            // Bring its line into view (the Problems panel covers the lower part of the editor): Ctrl+G, line number.
            const line = readFileSync(join(workspace, 'programme.tspec'), 'utf8').split('\n').findIndex(text => text.includes(HOVERED_REFERENCE)) + 1;
            return (await hoverWord(p, { editorText: 'DraftProgrammesPso', line, word: HOVERED_REFERENCE }, NOS_WORDING, screenshots.hover)).text;
        });
        log(`  hover: ${JSON.stringify(hover.slice(0, 300))}`);
        if (!hover.includes(NOS_WORDING)) {
            throw new Error(`The hover does not contain "${NOS_WORDING}": ${JSON.stringify(hover)}`);
        }

        const coverage = await step('run TrainSpec: Show Coverage from the command palette', async () => {
            await p.keyboard.press('Escape');
            await p.mouse.move(5, 700);
            await p.keyboard.press('Control+J'); // View: Toggle Panel, so that the coverage view gets the room
            await p.locator('.markers-panel').waitFor({ state: 'hidden' });
            // The command palette offers the command when a TrainSpec editor is active: click into it first.
            await p.locator('.monaco-editor .view-line', { hasText: HOVERED_REFERENCE }).first().click();
            // For the picture: the programme's head in the editor, and the side bar closed to give the view room.
            await p.keyboard.press('Control+Home');
            await p.locator('.monaco-editor .view-line', { hasText: 'DraftProgrammesPso' }).first().waitFor();
            await p.keyboard.press('Control+B'); // View: Toggle Primary Side Bar Visibility
            await p.locator('.part.sidebar').waitFor({ state: 'hidden' });
            await runCommand(p, 'TrainSpec: Show Coverage');
            await p.locator('.tabs-container .tab', { hasText: /coverage/i }).first().waitFor();
            const body = p.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('body');
            await body.filter({ hasText: /PsoDevelopSelf|develop own knowledge and skills/ }).waitFor();
            const text = (await body.innerText()).replace(/\s+/g, ' ').trim();
            await p.screenshot({ path: screenshots.coverage });
            return text;
        });
        log(`  coverage view: ${JSON.stringify(coverage.slice(0, 300))}`);

        const standards = await step('open the Standards view from the activity bar and hover a gap', async () => {
            await runCommand(p, 'Focus on Standards View');
            const view = p.locator('.pane', { has: p.locator('.pane-header', { hasText: /standards/i }) });
            // The programme at the cursor is the example's: the view's title says so, and its standards are ticked or marked as gaps.
            await view.locator('.monaco-list-row', { hasText: 'PQF' }).first().waitFor({ timeout: 90_000 });
            await p.locator('.part.sidebar', { hasText: /for PSO Diploma/ }).waitFor();
            await view.locator('.monaco-list-row .codicon-pass-filled').first().waitFor();
            const gap = view.locator('.monaco-list-row', { hasText: 'PsoDevelopSelf' }).first();
            await gap.locator('.codicon-circle-large-outline').waitFor();
            await gap.hover();
            const tooltip = p.locator('.monaco-hover, .workbench-hover', { hasText: 'develop own knowledge and skills' }).first();
            await tooltip.waitFor({ state: 'visible' });
            await settled(tooltip);
            const rows = (await view.locator('.monaco-list-row').allInnerTexts()).map(text => text.replace(/\s+/g, ' ').trim());
            await p.screenshot({ path: screenshots.standards });
            return { rows, tooltip: (await tooltip.innerText()).replace(/\s+/g, ' ').trim() };
        });
        log(`  standards view: ${JSON.stringify(standards.rows.slice(0, 12))}`);
        log(`  tooltip: ${JSON.stringify(standards.tooltip)}`);

        await step('open the Getting Started walkthrough', async () => {
            await p.mouse.move(900, 700);
            await p.keyboard.press('Escape');
            // The whole window for the walkthrough, so that it shows each step's Markdown beside the steps.
            await runCommand(p, 'View: Close All Editor Groups');
            await p.keyboard.press('Control+B');
            await p.locator('.part.sidebar').waitFor({ state: 'hidden' });
            // Not runCommand: this command opens a second quick pick, of walkthroughs.
            await p.keyboard.press('F1');
            await p.locator('.quick-input-widget input').fill('>Welcome: Open Walkthrough');
            await p.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor();
            await p.keyboard.press('Enter');
            const pick = p.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with TrainSpec' }).first();
            await pick.waitFor();
            await pick.click();
            await p.locator('.gettingStartedContainer', { hasText: 'Open a programme' }).first().waitFor();
            await p.locator('.gettingStartedContainer', { hasText: 'Fix a gap with a quick fix' }).first().waitFor();
            // The step's Markdown is shown in a webview of its own.
            await waitFor('the step\'s Markdown', async () => {
                for (const frame of p.frames()) {
                    const text = await frame.locator('body').innerText({ timeout: 1_000 }).catch(() => '');
                    if (text.includes('Open one of your own')) {
                        return true;
                    }
                }
                return undefined;
            }, { timeoutMs: 30_000 });
            await p.screenshot({ path: screenshots.walkthrough });
        });

        const syntaxProblems = await step('type `hours thirty` and read the syntax error', async () => {
            // Close the walkthrough (its Markdown, a webview, would keep the keyboard), then Ctrl+P from the workbench.
            await p.mouse.click(150, 120); // a blank part of the walkthrough's page, outside its Markdown
            await runCommand(p, 'View: Close All Editor Groups');
            await p.locator('.gettingStartedContainer').waitFor({ state: 'hidden' });
            await openFile(p, 'programme.tspec', 'DraftProgrammesPso');
            const line = readFileSync(join(workspace, 'programme.tspec'), 'utf8').split('\n').findIndex(text => text.includes('hours 30')) + 1;
            await goToLine(p, line);
            await p.keyboard.press('End');
            await p.keyboard.press('Backspace');
            await p.keyboard.press('Backspace');
            await p.keyboard.type('thirty');
            await p.locator('.monaco-editor .view-line', { hasText: 'hours thirty' }).first().waitFor();
            await p.keyboard.press('Control+Shift+M');
            const row = p.locator('.markers-panel .monaco-list-row', { hasText: /thirty|hours/ }).first();
            await row.waitFor({ timeout: 60_000 });
            // The code lens agrees with the Problems panel: it says when coverage will be checked, not the counts from before the slip.
            await p.locator('.monaco-editor .codelens-decoration', { hasText: `syntax error on line ${line}` }).first().waitFor({ timeout: 60_000 });
            const rows = (await p.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(text => text.replace(/\s+/g, ' ').trim());
            await p.screenshot({ path: screenshots.syntaxError });
            return rows;
        });
        for (const row of syntaxProblems) {
            log(`  after the slip: ${row}`);
        }

        log(`screenshots: ${Object.values(screenshots).join(', ')}`);
        if (process.env.TRAINSPEC_UPDATE_SCREENSHOTS === '1') {
            const images = join(repoRoot, 'client', 'images');
            mkdirSync(images, { recursive: true });
            for (const [name, file] of Object.entries(screenshots)) {
                copyFileSync(file, join(images, `screenshot-${name}.png`));
            }
            log('  copied to client/images/screenshot-{problems,hover,coverage}.png');
        }
        return 0;
    } catch (error) {
        await reportFailure(error, { page, server, browserLog, screenshot: join(outputDir, 'failure.png') });
        return 1;
    } finally {
        await browser?.close().catch(() => undefined);
        await server?.stop();
        folders.dispose();
    }
}

runScript('ui-test', main);
