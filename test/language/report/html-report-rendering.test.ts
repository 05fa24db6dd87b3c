/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderReport } from '../../../language/src/report/render-report.js';
import { reportOf, wideProgramme } from '../../support/report-fixture.js';
import { REPO_ROOT } from '../../support/run-cli.js';

/**
 * The printed report as a person sees it: rendered by a real browser (Debian's chromium, which
 * scripts/e2e/install.sh installs), printed to an A4 PDF, checked for tables that overflow the
 * page or are cut off, and saved as PNGs of the first pages under test-output/report/.
 */

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = join(REPO_ROOT, 'test-output', 'report');
/** The width of an A4 page inside the report's margins (210 mm less 2 × 12 mm), in CSS pixels. */
const PRINTABLE_WIDTH_PX = Math.floor(((210 - 24) / 25.4) * 96);
const hasChromium = existsSync(CHROMIUM);
const hasPdftoppm = commandExists('pdftoppm');

if (!hasChromium) {
    console.warn(`Skipping the HTML report rendering tests: ${CHROMIUM} is not installed (scripts/e2e/install.sh installs it).`);
}

describe.skipIf(!hasChromium)('the HTML report in a browser', () => {
    let browser: Browser;
    let page: Page;
    let requests: string[];

    beforeAll(async () => {
        const report = await reportOf({
            'programme.tspec': readFileSync(join(REPO_ROOT, 'examples', 'incomplete', 'programme.tspec'), 'utf8'),
            'wide.tspec': wideProgramme(20),
            'hostile.tspec': 'programme Hostile "<script>document.title = \'ran\'</script> A very long title without spaces: ModuleWithAnExtraordinarilyLongIdentifierThatCouldOverflowItsCell" {\n    prepares PSO\n}\n'
        });
        rmSync(OUTPUT, { recursive: true, force: true });
        mkdirSync(OUTPUT, { recursive: true });
        writeFileSync(join(OUTPUT, 'report.html'), renderReport(report, 'html'));
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
        });
        page = await browser.newPage({ viewport: { width: PRINTABLE_WIDTH_PX, height: 1000 } });
        requests = [];
        // Self-contained: nothing may be fetched. Anything asked for is recorded and refused.
        await page.route('**/*', route => {
            requests.push(route.request().url());
            return route.abort();
        });
        await page.setContent(renderReport(report, 'html'), { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
    }, 60_000);

    afterAll(async () => {
        await browser?.close();
    });

    test('loads nothing and runs nothing', async () => {
        expect(requests).toEqual([]);
        expect(await page.evaluate(() => document.scripts.length)).toBe(0);
        expect(await page.title()).toBe('Coverage report');
    });

    test('in print, no element reaches past the printable width of an A4 page, and no cell\'s content is cut off', async () => {
        const problems = await page.evaluate(width => {
            const found: string[] = [];
            const describe = (element: Element) => `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
            if (document.documentElement.scrollWidth > width) {
                found.push(`the page is ${document.documentElement.scrollWidth}px wide`);
            }
            for (const element of document.querySelectorAll('body *')) {
                const box = element.getBoundingClientRect();
                if (box.right > width + 0.5 || box.left < -0.5) {
                    found.push(`${describe(element)} spans ${Math.round(box.left)}–${Math.round(box.right)}px`);
                }
                // Content wider than its box (a cell, a heading, a paragraph) is cut off or spills over the next.
                if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
                    found.push(`${describe(element)} overflows its box (${element.scrollWidth} > ${element.clientWidth})`);
                }
            }
            return found;
        }, PRINTABLE_WIDTH_PX);
        expect(problems).toEqual([]);
    });

    test('a 20-module matrix is split into tables of 10 modules, each repeating the requirement column', async () => {
        const tables = await page.evaluate(() => [...document.querySelectorAll('#programme-Wide table.matrix')].map(table =>
            [...table.querySelectorAll('thead th')].map(cell => (cell.textContent ?? '').trim())));
        expect(tables).toEqual([
            ['Requirement', ...Array.from({ length: 10 }, (_, index) => String(index + 1))],
            ['Requirement', ...Array.from({ length: 10 }, (_, index) => String(index + 11))]
        ]);
    });

    test('prints to an A4 PDF, one programme per page run, and the first pages are saved as PNGs', async () => {
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        writeFileSync(join(OUTPUT, 'report.pdf'), pdf);
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
        expect(pages).toBeGreaterThanOrEqual(3);
        if (hasPdftoppm) {
            execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '4', join(OUTPUT, 'report.pdf'), join(OUTPUT, 'page')]);
            // Each programme starts a page: the wide one's title is at the top of the page it starts.
            const text = execFileSync('pdftotext', ['-layout', join(OUTPUT, 'report.pdf'), '-'], { encoding: 'utf8' });
            const pageTexts = text.split('\f');
            expect(pageTexts.some(pageText => pageText.trimStart().startsWith('A programme of 20 modules'))).toBe(true);
        } else {
            // Without poppler-utils: screenshots of the page in print media, one A4 page's height each.
            const height = Math.floor(((297 - 30) / 25.4) * 96);
            for (let index = 0; index < 3; index++) {
                await page.screenshot({ path: join(OUTPUT, `page-${index + 1}.png`), clip: { x: 0, y: index * height, width: PRINTABLE_WIDTH_PX, height }, fullPage: true });
            }
        }
        expect(readdirSync(OUTPUT).filter(name => name.endsWith('.png')).length).toBeGreaterThanOrEqual(3);
    }, 60_000);
});

function commandExists(command: string): boolean {
    try {
        execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
        return true;
    } catch {
        return false;
    }
}
