import { describe, expect, test } from 'vitest';
import { renderReport } from '../../../language/src/report/render-report.js';
import { REPORT_DATE, reportOf, schemaErrors, wideProgramme } from '../../support/report-fixture.js';

const COURSE = `programme Course "Court Work course" {
    prepares PO
    pathway CourtWork
    route PoHonoursRoute
    includes Shared

    module Risk "Risk and public protection" {
        hours 30
        covers PoProtectPublic, PsoAssessRisk, ExchangeInformationAtHearings
    }

    module Untimed "No hours yet" {
        covers PsoAssessRisk
    }
}
`;

const SHARED = `module Shared "Shared module" {
    hours 12
    covers DevelopSentencingProposals, PsoAssessRisk
}
`;

describe('the coverage report', () => {
    test('has each programme\'s roles, pathway, route, hours and tallies, from the coverage model, with the library\'s sources and dates', async () => {
        const report = await reportOf({ 'course.tspec': COURSE, 'shared.tspec': SHARED });
        expect(report).toMatchObject({ kind: 'trainspec-coverage-report', version: 1, generator: { name: 'TrainSpec', version: '9.9.9' }, generated: REPORT_DATE.toISOString() });
        // Titles and dates from the library's own `document` declarations: the seeds date the leaflet only.
        expect(report.sources).toEqual([
            { id: 'S10Guidelines', title: 'Guidelines issued by the Secretary of State for Justice under Section 10(2) of the Offender Management Act 2007', builtin: true },
            { id: 'PQFLeaflet', title: 'Probation Qualifications Framework – towards a Qualified Workforce', published: '2010', builtin: true }
        ]);
        const [course] = report.programmes;
        expect(course).toMatchObject({
            id: 'Course',
            title: 'Court Work course',
            file: 'course.tspec',
            roles: [{ id: 'PO', title: 'Probation Officer' }],
            pathway: { id: 'CourtWork', title: 'Court Work' },
            route: { id: 'PoHonoursRoute' },
            totalHours: 42,
            modules: [{ id: 'Risk', title: 'Risk and public protection', hours: 30 }, { id: 'Untimed', title: 'No hours yet' }, { id: 'Shared', title: 'Shared module', hours: 12 }],
            summary: { covered: 4, total: 16, gaps: 12 }
        });
        expect(course.tallies.map(tally => tally.label)).toEqual(['Probation Officer: 2 of 14 requirements covered', 'Court Work pathway: 2 of 2 units covered']);
        const assessRisk = course.groups.flatMap(group => group.requirements).find(requirement => requirement.id === 'PsoAssessRisk');
        // Covered by three modules, one without hours.
        expect(assessRisk).toMatchObject({ coveredBy: ['Risk', 'Untimed', 'Shared'], hours: 42, source: { document: 'Probation Qualifications Framework – towards a Qualified Workforce' } });
        expect(course.groups[0]).toMatchObject({ requiredBy: 'Probation Officer', origin: { kind: 'role', id: 'PO', via: ['PO'] } });
        expect(course.groups.at(-1)).toMatchObject({ requiredBy: 'the Court Work pathway', origin: { kind: 'pathway', id: 'CourtWork' } });
    });

    test('as JSON, validates against schemas/report.schema.json, with an ISO date', async () => {
        const report = await reportOf({ 'course.tspec': COURSE, 'shared.tspec': SHARED, 'wide.tspec': wideProgramme(20), 'empty.tspec': 'programme Empty "Nothing yet" {\n}\n' });
        const json = JSON.parse(renderReport(report, 'json')) as { generated: string };
        expect(schemaErrors(json)).toEqual([]);
        expect(new Date(json.generated).toISOString()).toBe(json.generated);
        expect(json).toEqual(report);
    });

    test('the schema rejects what is not a report', () => {
        expect(schemaErrors({ kind: 'trainspec-coverage-report', version: 2 })).not.toEqual([]);
        expect(schemaErrors({})).not.toEqual([]);
    });
});
