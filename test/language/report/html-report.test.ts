import { describe, expect, test } from 'vitest';
import { MODULES_PER_TABLE, renderHtmlReport } from '../../../language/src/report/html-report.js';
import { reportOf, wideProgramme } from '../../support/report-fixture.js';

describe('the HTML report', () => {
    test('names the library\'s source documents with their dates, TrainSpec\'s version and the date in its footer', async () => {
        const html = renderHtmlReport(await reportOf({ 'wide.tspec': wideProgramme(3) }));
        const footer = html.slice(html.indexOf('<footer'));
        expect(footer).toContain('<li>Guidelines issued by the Secretary of State for Justice under Section 10(2) of the Offender Management Act 2007 (no date given)</li>');
        expect(footer).toContain('<li>Probation Qualifications Framework – towards a Qualified Workforce (2010)</li>');
        expect(footer).toContain('Made with TrainSpec 9.9.9 on 1 December 2026.');
    });

    test('prints a programme per page run on A4, with table headings repeated and rows kept whole', async () => {
        const html = renderHtmlReport(await reportOf({ 'a.tspec': wideProgramme(2, 'A'), 'b.tspec': wideProgramme(2, 'B') }));
        expect(html).toContain('@page { size: A4;');
        expect(html).toMatch(/\.programme \{ break-before: page;/);
        expect(html).toContain('thead { display: table-header-group; }');
        expect(html).toContain('tr { break-inside: avoid;');
        expect(html.match(/<section class="programme"/g)).toHaveLength(2);
    });

    test(`splits a matrix into tables of ${MODULES_PER_TABLE} module columns, each with the requirement column`, async () => {
        const html = renderHtmlReport(await reportOf({ 'wide.tspec': wideProgramme(25) }));
        expect(html.match(/<table class="matrix">/g)).toHaveLength(3);
        expect([...html.matchAll(/<h4>(Modules [^<]+)<\/h4>/g)].map(match => match[1])).toEqual(['Modules 1–10 of 25', 'Modules 11–20 of 25', 'Modules 21–25 of 25']);
        expect(html.match(/<th scope="col" class="requirement-heading">Requirement<\/th>/g)).toHaveLength(3);
    });

    test('highlights each gap and quotes the standard\'s words', async () => {
        const html = renderHtmlReport(await reportOf({ 'wide.tspec': wideProgramme(1) }));
        expect(html).toContain('<tr class="requirement gap"><th scope="row" class="requirement-cell"><div><code class="requirement-id">PoInfluenceChange</code> <span class="kind">PQF outcome</span> <span class="gap-badge">Gap</span>');
        expect(html).toContain('<blockquote>influence offenders to change harmful behaviour</blockquote>');
    });
});
