// What the UI tests do in the workbench, as a person would: shared by ui-test.ts (the desktop
// extension in code-server) and web-extension-test.ts (the web extension in its web worker host).
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { log, outputDir, repoRoot, tail, type CodeServer } from '../code-server.js';
import { waitFor } from '../wait-for.js';

let current = 'setup';

/** What a UI test run starts from: the packaged extension, an empty browser log and no pictures left from an earlier run. */
export interface UiRun {
    vsix: string;
    browserLog: string;
}

/** Finds the packaged extension, empties `browserLog` and deletes `pictures` (in test-output/e2e), so no stale picture survives a failed run. */
export function prepareUiRun(browserLog: string, pictures: string[]): UiRun {
    const vsix = process.env.TRAINSPEC_VSIX ?? join(repoRoot, 'out', 'trainspec.vsix');
    if (!existsSync(vsix)) {
        throw new Error(`${vsix} is missing. Run: npm run package`);
    }
    mkdirSync(outputDir, { recursive: true });
    const log = join(outputDir, browserLog);
    writeFileSync(log, '');
    for (const file of pictures) {
        rmSync(file, { force: true });
    }
    return { vsix, browserLog: log };
}

/** Runs one step of a test and logs how long it took; a failure names the step (currentStep). */
export async function step<T>(name: string, body: () => T | Promise<T>): Promise<T> {
    current = name;
    const started = Date.now();
    const result = await body();
    log(`✔ ${name} (${Date.now() - started} ms)`);
    return result;
}

/** Logs what a failed step leaves to go on: the error, the workbench's notifications, a screenshot and the logs. */
export async function reportFailure(error: unknown, where: { page?: Page; server?: CodeServer; browserLog: string; screenshot: string }): Promise<void> {
    log(`✘ ${current}: ${error instanceof Error ? error.message : String(error)}`);
    if (where.page) {
        const toasts = await where.page.locator('.notifications-toasts .notification-list-item').allInnerTexts().catch(() => []);
        for (const toast of toasts) {
            log(`  notification: ${toast.replace(/\s+/g, ' ').trim()}`);
        }
        await where.page.screenshot({ path: where.screenshot }).then(() => log(`  screenshot of the failure: ${where.screenshot}`), () => undefined);
    }
    if (where.server) {
        log(`  code-server log (tail):\n${tail(where.server.logFile, 20)}`);
    }
    log(`  browser console: ${where.browserLog}`);
}

/** Waits until an element is fully opaque (fade-in done) and has stopped moving, for a faithful screenshot. */
export async function settled(locator: Locator): Promise<void> {
    let last = '';
    await waitFor('the element to settle', async () => {
        const state = await locator.evaluate((element: PageElement) => {
            let opacity = 1;
            for (let e: PageElement | null = element; e; e = e.parentElement) {
                opacity *= Number((globalThis as unknown as PageWindow).getComputedStyle(e).opacity);
            }
            const box = element.getBoundingClientRect();
            return `${opacity}|${box.x},${box.y},${box.width},${box.height}`;
        });
        const stable = state === last && state.startsWith('1|');
        last = state;
        return stable ? true : undefined;
    }, { timeoutMs: 5_000 });
}

/** A page of the size the screenshots are taken at, whose console and errors go to `browserLog`. */
export async function openPage(browser: Browser, browserLog: string, timeoutMs: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(timeoutMs);
    page.on('console', message => appendFileSync(browserLog, `[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', error => appendFileSync(browserLog, `[pageerror] ${error.message}\n`));
    return page;
}

/** Opens the workbench at `url` and waits until the explorer lists `file`. */
export async function openWorkbench(page: Page, url: string, file: string): Promise<void> {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().waitFor();
}

/** Opens a file with Quick Open (Ctrl+P), as a person would, and waits until its editor shows `text`. */
export async function openFile(page: Page, file: string, text: string): Promise<void> {
    // A click on the title bar gives the workbench the keyboard, wherever the focus was.
    await page.locator('.monaco-workbench').click({ position: { x: 640, y: 5 } }).catch(() => undefined);
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(file);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: text }).first().waitFor();
}

/**
 * Hovers `word` on `line` (1-based) of the editor that shows `editorText` with the mouse, until a hover
 * containing `expected` shows, and takes a screenshot of it. Moves onto the word in small steps, as a
 * person would. The workbench may still re-render (code lens, semantic tokens), which closes a hover: the
 * picture only counts when the hover was there both before and after it was taken.
 */
export async function hoverWord(page: Page, where: { editorText: string; line: number; word: string }, expected: string, screenshot: string): Promise<{ text: string; point: { x: number; y: number } }> {
    await page.locator('.monaco-editor .view-lines', { hasText: where.editorText }).first().click();
    await goToLine(page, where.line);
    await page.locator('.monaco-editor .view-line', { hasText: where.word }).first().waitFor();
    const point = await page.evaluate<{ x: number; y: number } | null>(`(${findWordInEditor.toString()})(${JSON.stringify(where.word)})`);
    if (!point) {
        throw new Error(`${where.word} is not visible in the editor`);
    }
    const widget = page.locator('.monaco-hover', { hasText: expected }).first();
    for (let attempt = 1; attempt <= 10; attempt++) {
        await page.mouse.move(point.x - 40, point.y + 30);
        await page.mouse.move(point.x, point.y, { steps: 5 });
        try {
            await widget.waitFor({ state: 'visible', timeout: 5_000 });
            await settled(widget);
            const text = (await widget.innerText()).trim();
            await page.screenshot({ path: screenshot });
            if (await widget.isVisible()) {
                return { text, point };
            }
            log(`  the hover closed while the screenshot was taken (attempt ${attempt}); again`);
        } catch (error) {
            if (attempt >= 10) {
                throw error;
            }
        }
    }
    throw new Error('The hover never stayed open long enough for a screenshot');
}

/** Moves the active editor's cursor to a line (1-based) with Ctrl+G, which also brings it into view. */
export async function goToLine(page: Page, line: number): Promise<void> {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Runs a command from the command palette by its label. */
export async function runCommand(page: Page, label: string): Promise<void> {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${label}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** A box on the page, as the DOM's getBoundingClientRect measures it. */
interface PageBox {
    x: number;
    y: number;
    left: number;
    top: number;
    width: number;
    height: number;
}

/** The little of the DOM that the functions run in the page use (this file is compiled without DOM typings). */
interface PageElement {
    readonly parentElement: PageElement | null;
    readonly textContent: string | null;
    getBoundingClientRect(): PageBox;
}

interface PageWindow {
    readonly document: {
        querySelectorAll(selector: string): Iterable<PageElement>;
        createTreeWalker(root: PageElement, whatToShow: number): { nextNode(): PageElement | null };
        createRange(): { setStart(node: PageElement, offset: number): void; setEnd(node: PageElement, offset: number): void; getBoundingClientRect(): PageBox };
    };
    getComputedStyle(element: PageElement): { readonly opacity: string };
}

/**
 * Runs in the page: the centre of the first occurrence of `word` in the editor's rendered lines.
 * (A plain function turned into a string, so that this file needs no DOM typings.)
 */
export function findWordInEditor(word: string): { x: number; y: number } | null {
    const doc = (globalThis as unknown as PageWindow).document;
    for (const line of doc.querySelectorAll('.monaco-editor .view-lines .view-line')) {
        const walker = doc.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const index = (node.textContent ?? '').indexOf(word);
            if (index >= 0) {
                const range = doc.createRange();
                range.setStart(node, index);
                range.setEnd(node, index + word.length);
                const box = range.getBoundingClientRect();
                return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
            }
        }
    }
    return null;
}
