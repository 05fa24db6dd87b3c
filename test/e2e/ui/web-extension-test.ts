// The web extension in a real browser: the packaged extension installed into code-server and run in
// the workbench's web worker extension host (as in VS Code for the Web and github.dev), where its
// language server has no file system and reads the workspace through the extension. On a copy of
// examples/po-court-work whose modules sit in modules/, with one standard taken out of a module
// there, it checks what a designer sees: the gap that comes from the unopened module file, the
// hover with the NOS words, go to definition into the built-in library, and the gap going away
// when the module file is put right outside the editor.
//
//   node out/e2e/web-extension-test.mjs          (TRAINSPEC_VSIX=path overrides the .vsix)
//
// Screenshots go to test-output/e2e/ (web-problems.png, web-hover.png, web-definition.png;
// web-failure.png when a step fails).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RunFolders, installExtension, launchChromium, log, outputDir, runScript, startCodeServer, type CodeServer } from '../code-server.js';
import { waitFor } from '../wait-for.js';
import { hoverWord, prepareUiRun, openFile, openPage, openWorkbench, reportFailure, runCommand, step } from './workbench.js';

/** The extension's id (publisher.name in package.json). */
const EXTENSION_ID = 'trainspec.trainspec';
const PROGRAMME = 'CourtWorkPoDegree';
/** The standard taken out of modules/practice.tspec, and the words of the gap it leaves. */
const REMOVED = 'PsoWorkWithOthers';
const GAP_WORDS = 'work effectively with others';
const HOVERED_REFERENCE = 'ExchangeInformationAtHearings';
const NOS_WORDING = 'Exchange information at formal hearings';
const STEP_TIMEOUT_MS = 60_000;

const screenshots = {
    problems: join(outputDir, 'web-problems.png'),
    hover: join(outputDir, 'web-hover.png'),
    definition: join(outputDir, 'web-definition.png')
};

async function main(): Promise<number> {
    const failure = join(outputDir, 'web-failure.png');
    const { vsix, browserLog } = prepareUiRun('web-browser.log', [...Object.values(screenshots), failure]);

    // The user's setting that VS Code offers for this: run the extension where its `browser` entry point runs,
    // although code-server could run its `main` in the Node extension host.
    const folders = new RunFolders('web', { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } });
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let page: Page | undefined;
    try {
        await step(`install ${vsix} into a clean extensions folder`, () => installExtension(folders, vsix));
        const workspace = folders.copyExample('po-court-work');
        const practice = join(workspace, 'modules', 'practice.tspec');
        writeFileSync(practice, readFileSync(practice, 'utf8').replace(`covers ${REMOVED}, `, 'covers '));
        server = await startCodeServer(folders, { logName: 'web-code-server.log' });
        browser = await launchChromium(folders);
        page = await openPage(browser, browserLog, STEP_TIMEOUT_MS);
        const p = page;

        await step('open the workbench on a copy of examples/po-court-work', async () => {
            await openWorkbench(p, server!.workbenchUrl(workspace), 'programme.tspec');
        });

        await step('open programme.tspec with Ctrl+P and see the gap left by modules/practice.tspec', async () => {
            await openFile(p, 'programme.tspec', PROGRAMME);
            await p.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 90_000 });
        });

        const problems = await step('read the Problems panel (Ctrl+Shift+M)', async () => {
            await p.keyboard.press('Control+Shift+M');
            await p.locator('.markers-panel .monaco-list-row', { hasText: GAP_WORDS }).first().waitFor();
            const rows = (await p.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(text => text.replace(/\s+/g, ' ').trim());
            await p.screenshot({ path: screenshots.problems });
            return rows;
        });
        for (const row of problems) {
            log(`  problem: ${row}`);
        }
        // Only the gap: every module of modules/ was found, although none of those files is open.
        const warnings = problems.filter(row => /No module covers|Unknown/.test(row));
        if (warnings.length !== 1 || !warnings[0].includes(`No module covers the PQF outcome "${GAP_WORDS}"`)) {
            throw new Error(`Expected exactly the gap of "${GAP_WORDS}" in the Problems panel: ${JSON.stringify(problems)}`);
        }

        const where = await step('the TrainSpec output says where the server runs', async () => {
            await runCommand(p, 'TrainSpec: Show Output');
            // The output is an editor, whose lines show spaces as non-breaking ones.
            const lines = p.locator('.part.panel .view-lines').first();
            return waitFor('the output to say where the server runs', async () => {
                const text = (await lines.innerText()).replace(/\s+/g, ' ');
                return /TrainSpec language server runs in [^.]*\./.exec(text)?.[0];
            }, { timeoutMs: 30_000 });
        });
        log(`  output: ${where}`);
        if (!where.includes('runs in the extension host') && !where.includes('runs in a web worker')) {
            throw new Error(`The server does not run in the browser: ${where}`);
        }

        const hover = await step(`hover ${HOVERED_REFERENCE} with the mouse`, async () => {
            await p.keyboard.press('Control+J'); // View: Toggle Panel, so that the editor gets the room
            await p.locator('.part.panel').waitFor({ state: 'hidden' });
            const line = readFileSync(join(workspace, 'programme.tspec'), 'utf8').split('\n').findIndex(text => text.includes(HOVERED_REFERENCE)) + 1;
            return hoverWord(p, { editorText: PROGRAMME, line, word: HOVERED_REFERENCE }, NOS_WORDING, screenshots.hover);
        });
        log(`  hover: ${JSON.stringify(hover.text.slice(0, 300))}`);

        await step(`go to the definition of ${HOVERED_REFERENCE} (F12) in the built-in library`, async () => {
            await p.keyboard.press('Escape');
            await p.mouse.click(hover.point.x, hover.point.y);
            await p.keyboard.press('F12');
            await p.locator('.tabs-container .tab', { hasText: 's10-guidelines.nos' }).first().waitFor();
            await p.locator('.monaco-editor .view-line', { hasText: `unit ${HOVERED_REFERENCE}` }).first().waitFor();
            await p.screenshot({ path: screenshots.definition });
        });

        await step(`put ${REMOVED} back into modules/practice.tspec outside the editor: the gap goes`, async () => {
            // As a git pull or another editor would: the client's file watcher tells the server, which reads the file through the client.
            await p.keyboard.press('Control+Shift+M');
            const gap = p.locator('.markers-panel .monaco-list-row', { hasText: GAP_WORDS });
            await gap.waitFor();
            writeFileSync(practice, readFileSync(practice, 'utf8').replace('covers ', `covers ${REMOVED}, `));
            await gap.waitFor({ state: 'detached' });
            await p.locator('.markers-panel', { hasText: 'No problems have been detected' }).waitFor();
        });

        log(`screenshots: ${Object.values(screenshots).join(', ')}`);
        return 0;
    } catch (error) {
        await reportFailure(error, { page, server, browserLog, screenshot: failure });
        return 1;
    } finally {
        await browser?.close().catch(() => undefined);
        await server?.stop();
        folders.dispose();
    }
}

runScript('web-extension-test', main);
