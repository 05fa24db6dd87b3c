import { describe, expect, test } from 'vitest';
import {
    contentSecurityPolicy, escapeHtml, groupByRequiredBy, renderCoveragePage, renderMatrix, renderNotice
} from '../../client/src/coverage/coverage-html.js';
import { courtWorkMatrix } from './coverage-fixture.js';

const NONCE = 'c2VjcmV0LW5vbmNlLXZhbHVl';

/** The opening tags of the rows of `html` whose class list includes `className`. */
function rows(html: string, className: string): string[] {
    return [...html.matchAll(/<tr class="([^"]*)"[^>]*>/g)].filter(match => match[1].split(' ').includes(className)).map(match => match[0]);
}

describe('coverage page', () => {
    const page = renderCoveragePage(renderMatrix(courtWorkMatrix()), { nonce: NONCE, title: 'TrainSpec: Coverage — PO Court Work' });

    test('has a strict Content-Security-Policy that only lets the nonce run', () => {
        expect(contentSecurityPolicy(NONCE)).toBe(`default-src 'none'; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}';`);
        expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(NONCE)}">`);
        expect(page).toContain(`<style nonce="${NONCE}">`);
        expect(page).toContain(`<script nonce="${NONCE}">`);
        expect(page.match(/<script/g)).toHaveLength(1);
        expect(page.match(/<style/g)).toHaveLength(1);
    });

    test('loads nothing and has no inline handlers or style attributes', () => {
        expect(page).not.toMatch(/\b(src|href)=/);
        expect(page).not.toMatch(/https?:/);
        expect(page).not.toMatch(/\son[a-z]+=/);
        expect(page).not.toMatch(/\sstyle=/);
    });

    test('uses only the theme\'s colours', () => {
        const style = page.slice(page.indexOf('<style'), page.indexOf('</style>'));
        expect(style).toContain('var(--vscode-editor-background)');
        expect(style).toContain('body.vscode-high-contrast');
        expect(style).not.toMatch(/#[0-9a-fA-F]{3,8}\b|rgba?\(/);
    });

    test('refuses a nonce that could break out of the attribute', () => {
        expect(() => renderCoveragePage('', { nonce: 'abc" onload="x', title: 't' })).toThrow(/nonce/);
    });

    test('escapes the title', () => {
        expect(renderCoveragePage('', { nonce: NONCE, title: '<b>&</b>' })).toContain('<title>&lt;b&gt;&amp;&lt;/b&gt;</title>');
    });
});

describe('coverage matrix', () => {
    test('has an Export report… button that the script posts as { type: "export" }', () => {
        expect(renderMatrix(courtWorkMatrix())).toContain('<button type="button" class="export-button" data-export');
    });

    const html = renderMatrix(courtWorkMatrix());

    test('summarises the coverage', () => {
        expect(html).toContain('<strong>3 of 5</strong> requirements covered — 2 gaps');
        expect(html).toContain('class="summary incomplete"');
        expect(html).toContain('<progress max="5" value="3"');
    });

    test('while a syntax error stands, says when coverage will be checked instead of a summary and a matrix', () => {
        const matrix = { ...courtWorkMatrix(), notChecked: 'Coverage is checked once the syntax error on line 12 is fixed' };
        const notice = renderMatrix(matrix);
        expect(notice).toContain('<p class="notice">Coverage is checked once the syntax error on line 12 is fixed.</p>');
        expect(notice).not.toContain('requirements covered');
        expect(notice).not.toContain('<table');
    });

    test('a complete programme says so', () => {
        const matrix = courtWorkMatrix();
        matrix.groups = [matrix.groups[1]];
        matrix.summary = { covered: 1, total: 1 };
        expect(renderMatrix(matrix)).toContain('<strong>1 of 1</strong> requirements covered — no gaps');
        expect(renderMatrix(matrix)).toContain('class="summary complete"');
    });

    test('highlights the gaps and only the gaps', () => {
        expect(rows(html, 'gap')).toEqual([
            '<tr class="requirement gap" data-requirement="RoSH.b">',
            '<tr class="requirement gap" data-requirement="PsoDevelopSelf">'
        ]);
        expect(rows(html, 'covered')).toHaveLength(3);
        expect(html.match(/class="badge gap-badge">Gap</g)).toHaveLength(2);
    });

    test('ticks each module that covers a requirement, linking to it', () => {
        const row = html.slice(html.indexOf('data-requirement="DevelopSentencingProposals"'));
        const cells = row.slice(0, row.indexOf('</tr>')).match(/<td class="cell[^"]*">.*?<\/td>/g);
        expect(cells).toHaveLength(2);
        expect(cells![0]).toContain('data-reveal="module" data-name="Risk"');
        expect(cells![1]).toContain('data-reveal="module" data-name="Reports"');
        expect(cells!.every(cell => cell.includes('✓'))).toBe(true);
    });

    test('leaves the cells of uncovering modules empty', () => {
        const row = html.slice(html.indexOf('data-requirement="RoSH.a"'));
        expect(row.slice(0, row.indexOf('</tr>'))).toContain('<td class="cell covered"><button type="button" class="link tick" data-reveal="module" data-name="Risk"');
        expect(row.slice(0, row.indexOf('</tr>'))).toContain('<td class="cell"></td>');
    });

    test('names the covering modules of each requirement as links, and says when there are none', () => {
        expect(html).toContain('Covered by <button type="button" class="link" data-reveal="module" data-name="Risk"');
        expect(html.match(/Not covered by any module/g)).toHaveLength(2);
    });

    test('links module headings, the programme and requirements with a location', () => {
        expect(html).toContain('class="link module-link" data-reveal="module" data-name="Reports" title="Pre-sentence reports: go to module Reports"');
        expect(html).toContain('title="Risk and public protection (30 hours): go to module Risk"');
        expect(html).toContain('data-reveal="programme" data-name="CourtWorkPo"');
        expect(html).toContain('data-reveal="requirement" data-name="RoSH.a"');
        expect(html).not.toContain('data-reveal="requirement" data-name="PsoDevelopSelf"');
        expect(html).toContain('<code class="requirement-id">PsoDevelopSelf</code>');
    });

    test('groups requirements by what requires them, then by source', () => {
        const sections = html.split(/<tbody class="required-by[^"]*">/).slice(1);
        expect(sections).toHaveLength(2);
        expect(sections[0]).toMatch(/^<tr class="required-by-row"><th scope="rowgroup" colspan="3">Required by Probation Officer \(through Probation Services Officer\) <span class="count">2 of 4 covered<\/span>/);
        expect([...sections[0].matchAll(/<tr class="source-row"><th[^>]*>([^<]*)</g)].map(match => match[1])).toEqual(['Guidelines, section 3.1', 'PQF leaflet']);
        expect([...sections[0].matchAll(/data-requirement="([^"]+)"/g)].map(match => match[1])).toEqual(['RoSH.a', 'RoSH.b', 'PsoDevelopSelf', 'OwnDevelopment']);
        expect(sections[1]).toContain('Required by the Court Work pathway <span class="count">1 of 1 covered</span>');
    });

    test('heads each module\'s column with its name, its whole title and its hours', () => {
        const heading = html.slice(html.indexOf('data-name="Risk" title="Risk and public protection'));
        expect(heading.slice(0, heading.indexOf('</th>'))).toMatch(
            /><span class="module-name">Risk<\/span><span class="module-title">Risk and public protection<\/span><\/button><span class="module-hours">30 h<\/span>$/
        );
        expect(html).toContain('<span class="module-name">Reports</span><span class="module-title">Pre-sentence reports</span></button><span class="module-hours">no hours</span>');
        expect(html).toContain('30 hours in all (1 module gives no hours)');
    });

    test('keeps ten modules with long titles whole: the title wraps on its side, never cut off', () => {
        const matrix = courtWorkMatrix();
        const long = 'Working with people convicted of sexual offences and the victims of their offending';
        matrix.modules = Array.from({ length: 12 }, (_, index) => ({ ...matrix.modules[0], name: `Module${index + 1}`, title: `${long} ${index + 1}` }));
        const wide = renderMatrix(matrix);
        expect(wide.match(/class="module-title"/g)).toHaveLength(12);
        expect(wide).toContain(`<span class="module-title">${long} 12</span>`);
        const style = renderCoveragePage(wide, { nonce: NONCE, title: 't' });
        const moduleLink = style.slice(style.indexOf('.module-link {'), style.indexOf('}', style.indexOf('.module-link {')));
        expect(moduleLink).toContain('white-space: normal');
        expect(moduleLink).not.toMatch(/ellipsis|overflow: hidden/);
    });

    test('says so, rather than showing an empty table, when "Show only gaps" leaves nothing', () => {
        const matrix = courtWorkMatrix();
        matrix.groups.forEach(group => group.requirements.forEach(requirement => requirement.coveredBy = ['Risk']));
        matrix.summary.covered = matrix.summary.total;
        const complete = renderMatrix(matrix);
        expect(complete).toContain('<p class="notice no-gaps-notice" role="status">Every requirement is covered: there are no gaps to show.');
        expect(complete).toContain('<table class="matrix no-gaps">');
        const page = renderCoveragePage(complete, { nonce: NONCE, title: 't' });
        expect(page).toContain('body.gaps-only .no-gaps-notice { display: block; }');
        // With gaps left, no notice; the sections and sources without a gap are hidden with their rows.
        expect(html).not.toContain('no-gaps');
        expect(html).toContain('<tbody class="required-by all-covered">');
        expect(rows(html, 'source-row').filter(row => row.includes('all-covered')).length).toBeGreaterThan(0);
    });

    test('escapes every text from the server', () => {
        const matrix = courtWorkMatrix();
        matrix.programme.title = '<script>alert("t")</script>';
        matrix.modules[0].title = 'Risk "and" <harm>';
        matrix.groups[0].source = 'Section <3> & more';
        matrix.groups[0].requirements[0].text = '"><img src=x onerror=alert(1)>';
        matrix.groups[0].requirements[0].title = '<i>x</i>';
        const escaped = renderMatrix(matrix);
        expect(escaped).not.toContain('<script>');
        expect(escaped).not.toContain('<img');
        expect(escaped).not.toContain('<i>');
        expect(escaped).toContain('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;');
        expect(escaped).toContain('title="Risk &quot;and&quot; &lt;harm&gt; (30 hours): go to module Risk"');
        expect(escaped).toContain('Section &lt;3&gt; &amp; more');
        expect(escaped).toContain('title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    });

    test('explains an empty matrix', () => {
        const matrix = courtWorkMatrix();
        matrix.groups = [];
        matrix.roles = [];
        matrix.summary = { covered: 0, total: 0 };
        expect(renderMatrix(matrix)).toContain('does not say which role it prepares for');
        expect(renderMatrix(matrix)).not.toContain('<table');
    });

    test('a programme without modules still shows its requirements, all gaps', () => {
        const matrix = courtWorkMatrix();
        matrix.modules = [];
        matrix.groups.forEach(group => group.requirements.forEach(requirement => (requirement.coveredBy = [])));
        const empty = renderMatrix(matrix);
        expect(empty).toContain('has no modules yet');
        expect(rows(empty, 'gap')).toHaveLength(5);
    });
});

describe('helpers', () => {
    test('escapeHtml escapes the five special characters', () => {
        expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
    });

    test('renderNotice escapes its message', () => {
        expect(renderNotice('No <programme>')).toBe('<p class="notice">No &lt;programme&gt;</p>');
    });

    test('groupByRequiredBy keeps the order of first appearance', () => {
        const sections = groupByRequiredBy(courtWorkMatrix().groups);
        expect(sections.map(section => [section.requiredBy, section.groups.map(group => group.source)])).toEqual([
            ['Probation Officer (through Probation Services Officer)', ['Guidelines, section 3.1', 'PQF leaflet']],
            ['the Court Work pathway', ['Guidelines, Annex A']]
        ]);
    });
});
