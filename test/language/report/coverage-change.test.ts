import { describe, expect, test } from 'vitest';
import { compareCoverage } from '../../../language/src/report/coverage-change.js';
import { renderCoverageChange } from '../../../language/src/report/coverage-change-report.js';
import { readCoverageReport } from '../../../language/src/report/read-report.js';
import { renderReport } from '../../../language/src/report/render-report.js';
import { reportOf } from '../../support/report-fixture.js';

const BASE = `programme Course "Court Work course" {
    prepares PO
    pathway CourtWork

    module Risk "Risk" {
        covers PoProtectPublic, PsoAssessRisk, ExchangeInformationAtHearings
    }
}

programme Old "Old programme" {
    prepares PSO
}
`;

// Risk no longer covers PsoAssessRisk (a gap opens), a new module covers PoInfluenceChange (a gap closes),
// the pathway changes (its gap DevelopSentencingProposals is no longer required), and New replaces Old.
const HEAD = `programme Course "Court Work course" {
    prepares PO
    pathway Victims

    module Risk "Risk" {
        covers PoProtectPublic, ExchangeInformationAtHearings
    }

    module Influence "Influencing change" {
        covers PoInfluenceChange
    }
}

programme New "New programme" {
    prepares PSO
}
`;

describe('the coverage change against a baseline', () => {
    test('opened and closed gaps by programme, item and what requires it; programmes added and removed', async () => {
        const change = compareCoverage(await reportOf({ 'course.tspec': BASE }), await reportOf({ 'course.tspec': HEAD }));
        const course = change.programmes.find(programme => programme.id === 'Course')!;
        expect(course.gapsOpened.map(gap => `${gap.item} ${gap.origin.kind} ${gap.origin.id}`)).toEqual([
            'PsoAssessRisk role PO',
            // The new pathway's units are new requirements that no module covers.
            ...course.gapsOpened.slice(1).map(gap => `${gap.item} pathway Victims`)
        ]);
        expect(course.gapsOpened.length).toBeGreaterThan(1);
        expect(course.gapsClosed.map(gap => `${gap.item} ${gap.origin.id} ${gap.reason}`)).toEqual([
            'PoInfluenceChange PO covered',
            'DevelopSentencingProposals CourtWork no longer required'
        ]);
        // Newly covered: a gap the new module closes, and a unit of the new pathway that Risk already covered.
        expect(course.newlyCovered.map(requirement => `${requirement.item} ${requirement.origin.id} ${requirement.coveredBy.join(',')}`)).toEqual([
            'PoInfluenceChange PO Influence',
            'ExchangeInformationAtHearings Victims Risk'
        ]);
        expect(change.programmes.map(programme => `${programme.id} ${programme.change}`)).toEqual(['Course changed', 'New added', 'Old removed']);
        expect(change.summary).toMatchObject({ gapsClosed: 2, newlyCovered: 2, programmesAdded: 1, programmesRemoved: 1 });
        // The added programme's gaps are opened by the change too.
        expect(change.summary.gapsOpened).toBe(course.gapsOpened.length + change.programmes[1].gapsOpened.length);

        const text = renderCoverageChange(change, 'text');
        expect(text).toContain('  gap opened: PsoAssessRisk "assess risk of harm to others and need for interventions", required by Probation Officer (through Probation Services Officer)'.slice(2));
        expect(text).toContain('gap closed: PoInfluenceChange "influence offenders to change harmful behaviour", now covered by Influence');
        expect(text).toContain('gap closed: DevelopSentencingProposals "Develop proposals and prepare reports to inform sentencing", no longer required by the Court Work pathway');
        expect(text).toContain('Programme removed: Old programme (Old)');
        const markdown = renderCoverageChange(change, 'markdown');
        expect(markdown).toContain('### Coverage change');
        expect(markdown).toContain('| `PsoAssessRisk` assess risk of harm to others and need for interventions | Probation Officer (through Probation Services Officer) | assess risk of harm to others and need for interventions |');
        expect(JSON.parse(renderCoverageChange(change, 'json'))).toEqual(change);
    });

    test('an unchanged workspace says so in one line', async () => {
        const report = await reportOf({ 'course.tspec': BASE });
        const change = compareCoverage(report, report);
        expect(change.programmes).toEqual([]);
        expect(renderCoverageChange(change, 'text')).toBe('Coverage change: none. No gaps opened or closed since the baseline.\n');
    });

    test('reads a report back, and says in one sentence what is wrong with anything else', async () => {
        const report = await reportOf({ 'course.tspec': BASE });
        expect(readCoverageReport(renderReport(report, 'json'))).toEqual({ report });
        expect(readCoverageReport('{ nope')).toEqual({ problem: expect.stringMatching(/^is not valid JSON \(.+\)\.$/) as string });
        expect(readCoverageReport('[]')).toEqual({ problem: "is not a TrainSpec coverage report; make one with 'trainspec report --format json'." });
        expect(readCoverageReport(JSON.stringify({ kind: 'trainspec-coverage-report', version: 7 }))).toEqual({
            problem: 'is a coverage report of version 7, but this TrainSpec reads version 1; make the baseline with the same TrainSpec version.'
        });
        const broken = JSON.parse(renderReport(report, 'json')) as { programmes: Array<{ groups: Array<{ requirements: Array<{ coveredBy: unknown }> }> }> };
        broken.programmes[0].groups[0].requirements[0].coveredBy = 'Risk';
        expect(readCoverageReport(JSON.stringify(broken))).toEqual({
            problem: 'is not a complete coverage report: programmes[0].groups[0].requirements[0] lacks its id, kind, title, text or coveredBy.'
        });
    });
});
