// What the UI tests do in the workbench, as a person would: shared by ui-test.ts (the desktop
// extension in code-server) and web-extension-test.ts (the web extension in its web worker host).
import type { Locator, Page } from 'playwright-core';
import { log, tail, type CodeServer } from '../code-server.js';
import { waitFor } from '../wait-for.js';

let current = 'setup';

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
