import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { renderReport } from '../../../language/src/report/render-report.js';
import { reportOf } from '../../support/report-fixture.js';

// Control characters (ESC starts a terminal's colour codes, BEL rings) and a bidi override, raw in the files.
const ESC = '\u001b';
const RLO = '\u202e';

const HOSTILE_CATALOGUE = `outcome Hostile "=HYPERLINK(1) <b>bold</b> | *star* _under_ [link](x) ${ESC}[31mred" {
    text "@SUM(A1) <img src=x onerror=alert(1)> |pipe| ${RLO}txet${RLO}"
}

role Tester "-Tester <i>role</i>" {
    requires Hostile, PsoAssessRisk
}
`;

const HOSTILE_SPEC = `programme Evil "<script>alert('x')</script> | *Evil* # programme ${ESC}]0;title\u0007" {
    prepares Tester

    module Plus "+1 module" {
        hours 4
        covers PsoAssessRisk
    }

    module Minus "-2 <tr><td>cell</td></tr>" {
    }
}
`;

// eslint-disable-next-line no-control-regex -- looking for control characters is the point.
const RAW_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

async function hostileReport() {
    return reportOf({ 'hostile.nos': HOSTILE_CATALOGUE, 'evil.tspec': HOSTILE_SPEC });
}

describe('text from specs in a report', () => {
    test('HTML: markup is escaped, controls are shown, nothing runs', async () => {
        const html = renderReport(await hostileReport(), 'html');
        expect(html).not.toMatch(/<script|<img|<b>|<i>|<tr><td>cell/i);
        expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(html).toContain('\\u{1B}[31mred');
        expect(html).toContain('\\u{202E}txet\\u{202E}');
        expect(html).not.toMatch(RAW_CONTROLS);
    });

    test('Markdown: emphasis, links, HTML and table pipes are escaped, so every row keeps its columns', async () => {
        const markdown = renderReport(await hostileReport(), 'markdown');
        expect(markdown).not.toMatch(/<script|<img|<b>|<i>/i);
        expect(markdown).not.toMatch(RAW_CONTROLS);
        expect(markdown).toContain('\\*star\\*');
        expect(markdown).toContain('\\[link\\](x)');
        expect(markdown).toContain('\\|pipe\\|');
        // Every table row has as many unescaped pipes as its table's header.
        const tables = markdown.split('\n\n').map(block => block.split('\n').filter(line => line.startsWith('|'))).filter(rows => rows.length > 0);
        expect(tables.length).toBeGreaterThan(0);
        const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
        for (const rows of tables) {
            expect(rows.map(cells)).toEqual(rows.map(() => cells(rows[0])));
        }
        // The <summary> is HTML: escaped as HTML.
        expect(markdown).toContain('<summary><strong>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | *Evil* # programme \\u{1B}]0;title\\u{7}</strong>');
    });

    test('CSV: a field a spreadsheet would take for a formula starts with an apostrophe; controls are shown', async () => {
        const csv = renderReport(await hostileReport(), 'csv');
        expect(csv).not.toMatch(RAW_CONTROLS);
        const rows = parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { columns: true, relax_quotes: false });
        const hostile = rows.find(row => row.Item === 'Hostile')!;
        expect(hostile.Title).toBe("'=HYPERLINK(1) <b>bold</b> | *star* _under_ [link](x) \\u{1B}[31mred");
        expect(hostile.Text).toBe("'@SUM(A1) <img src=x onerror=alert(1)> |pipe| \\u{202E}txet\\u{202E}");
        expect(hostile['Required by']).toBe("'-Tester <i>role</i>");
        const covered = rows.find(row => row.Item === 'PsoAssessRisk')!;
        expect(covered['Covered by']).toBe('Plus');
        expect(covered['Hours of covering modules']).toBe('4');
        for (const row of rows) {
            for (const field of Object.values(row)) {
                expect(field).not.toMatch(/^[=+\-@\t\r]/);
            }
        }
    });

    test('JSON: the titles are data, exactly as written', async () => {
        const report = await hostileReport();
        const json = JSON.parse(renderReport(report, 'json')) as typeof report;
        expect(json.programmes[0].title).toBe(`<script>alert('x')</script> | *Evil* # programme ${ESC}]0;title\u0007`);
        expect(json.programmes[0].groups[0].requirements[0].text).toBe(`@SUM(A1) <img src=x onerror=alert(1)> |pipe| ${RLO}txet${RLO}`);
        expect(json.programmes[0].modules.map(module => module.title)).toEqual(['+1 module', '-2 <tr><td>cell</td></tr>']);
    });
});
