import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Location, Range } from 'vscode-languageserver';
import type { CoverageMatrix } from '../../../language/src/protocol/coverage-matrix.js';
import { isUnit } from '../../../language/src/generated/ast.js';
import { TestWorkspace } from '../../support/test-workspace.js';
import { REPO_ROOT } from '../../support/run-cli.js';

const S10 = 'Guidelines issued by the Secretary of State for Justice under Section 10(2) of the Offender Management Act 2007';

const LOCAL = `document Handbook "Provider handbook"

framework Local "Local standards" {
    source Handbook section "4"

    outcome LocalA "Local outcome A" {
        text "Do A well."
    }

    outcome LocalB "Local outcome B" {
        source Handbook section "5"
    }

    competences Ethics "Ethics" {
        source Handbook section "6"
        a "Act ethically."
        b "Report concerns."
    }

    unit LocalUnit "Local unit" in RiskSkills

    area LocalArea "Local area" {
        units LocalUnit, AssessRiskOfHarm
    }
}

role Base "Base role" {
    requires LocalA, Ethics
}

role Senior "Senior role" extends Base {
    requires LocalB
}
`;

const SENIORS = `programme Seniors "Senior staff" {
    prepares Senior
    pathway LocalArea
    includes Shared

    module Practice "Ethics in practice" {
        hours 6
        covers Ethics.a, LocalA
    }
}

programme Empty "Nothing yet" {
}
`;

const SHARED = `module Shared "Shared module" {
    covers LocalUnit, Ethics.a
}
`;

function matrices(workspace: TestWorkspace, path: string): CoverageMatrix[] {
    return workspace.services.spec.authoring.CoverageMatrixBuilder.matricesOf(workspace.document(path));
}

describe('the coverage matrix', () => {
    test('lists the programme\'s modules and its requirements, grouped by what requires them (with the chain of roles) and by source section', async () => {
        const workspace = await TestWorkspace.create({ 'local.nos': LOCAL, 'seniors.tspec': SENIORS, 'shared.tspec': SHARED });
        /** The location of `name`, where it follows `before` in the file. */
        const at = (path: string, before: string, name: string): Location => {
            const whole = workspace.rangeOf(path, before + name);
            const range: Range = { start: { line: whole.start.line, character: whole.start.character + before.length }, end: whole.end };
            return { uri: workspace.uri(path).toString(), range };
        };
        const local = (before: string, name: string) => at('local.nos', before, name);
        const assessRisk = workspace.declaration('AssessRiskOfHarm', isUnit);
        const assessRiskLocation = { uri: 'builtin:/s10-guidelines.nos', range: workspace.services.spec.references.NameProvider.getNameNode(assessRisk)!.range };

        const [seniors, empty] = matrices(workspace, 'seniors.tspec');
        expect(seniors).toEqual({
            programme: { name: 'Seniors', title: 'Senior staff', location: at('seniors.tspec', 'programme ', 'Seniors') },
            roles: ['Senior'],
            pathway: 'LocalArea',
            modules: [
                { name: 'Practice', title: 'Ethics in practice', hours: 6, location: at('seniors.tspec', 'module ', 'Practice') },
                { name: 'Shared', title: 'Shared module', location: at('shared.tspec', 'module ', 'Shared') }
            ],
            groups: [
                {
                    requiredBy: 'Senior role',
                    origin: { kind: 'role', id: 'Senior', via: ['Senior'] },
                    source: 'Provider handbook, section 5',
                    requirements: [
                        { id: 'LocalB', kind: 'PQF outcome', title: 'Local outcome B', text: 'Local outcome B', source: { document: 'Provider handbook', section: '5' }, location: local('outcome ', 'LocalB'), coveredBy: [] }
                    ]
                },
                {
                    requiredBy: 'Senior role (through Base role)',
                    origin: { kind: 'role', id: 'Senior', via: ['Senior', 'Base'] },
                    source: 'Provider handbook, section 4',
                    requirements: [
                        { id: 'LocalA', kind: 'PQF outcome', title: 'Local outcome A', text: 'Do A well.', source: { document: 'Provider handbook', section: '4' }, location: local('outcome ', 'LocalA'), coveredBy: ['Practice'] }
                    ]
                },
                {
                    requiredBy: 'Senior role (through Base role)',
                    origin: { kind: 'role', id: 'Senior', via: ['Senior', 'Base'] },
                    source: 'Provider handbook, section 6',
                    requirements: [
                        { id: 'Ethics.a', kind: 'core competence', title: 'Ethics 6 (a)', text: 'Act ethically.', source: { document: 'Provider handbook', section: '6', letter: 'a' }, location: local('        ', 'a'), coveredBy: ['Practice', 'Shared'] },
                        { id: 'Ethics.b', kind: 'core competence', title: 'Ethics 6 (b)', text: 'Report concerns.', source: { document: 'Provider handbook', section: '6', letter: 'b' }, location: local('        ', 'b'), coveredBy: [] }
                    ]
                },
                {
                    requiredBy: 'the Local area pathway',
                    origin: { kind: 'pathway', id: 'LocalArea' },
                    source: 'Provider handbook, section 4',
                    requirements: [
                        { id: 'LocalUnit', kind: 'NOS unit', title: 'Local unit', text: 'Local unit', source: { document: 'Provider handbook', section: '4' }, location: local('unit ', 'LocalUnit'), coveredBy: ['Shared'] }
                    ]
                },
                {
                    requiredBy: 'the Local area pathway',
                    origin: { kind: 'pathway', id: 'LocalArea' },
                    source: `${S10}, section Annex A`,
                    requirements: [
                        {
                            id: 'AssessRiskOfHarm', kind: 'NOS unit', title: 'Assess risk of harm and the need for intervention',
                            text: 'Assess risk of harm and the need for intervention', source: { document: S10, section: 'Annex A' }, location: assessRiskLocation, coveredBy: []
                        }
                    ]
                }
            ],
            summary: { covered: 3, total: 6 }
        } satisfies CoverageMatrix);
        expect(empty).toEqual({
            programme: { name: 'Empty', title: 'Nothing yet', location: at('seniors.tspec', 'programme ', 'Empty') },
            roles: [],
            modules: [],
            groups: [],
            summary: { covered: 0, total: 0 }
        } satisfies CoverageMatrix);
    });

    test('an item that two target roles require is listed under each; the summary counts it once', async () => {
        const workspace = await TestWorkspace.create({
            'course.tspec': 'programme Course "Course" {\n    prepares CourtWorkSpecialist, VictimsSpecialist\n    module M "M" { hours 1 covers ExchangeInformationAtHearings }\n}\n'
        });
        const [course] = matrices(workspace, 'course.tspec');
        expect(course.groups.map(group => [group.requiredBy, group.source, group.requirements.map(requirement => `${requirement.id}: ${requirement.coveredBy.join(', ')}`)])).toEqual([
            ['Specialist: Court Work', `${S10}, section Annex A`, ['ExchangeInformationAtHearings: M', 'DevelopSentencingProposals: ']],
            ['Specialist: Victims, Survivors & Witnesses', `${S10}, section Annex A`, [
                'ExchangeInformationAtHearings: M', 'InitialVictimSupport: ', 'HelpVictimsManageEffects: ', 'MaintainVictimContact: ', 'EnableVictimSupport: ', 'VictimRiskInterventions: '
            ]]
        ]);
        expect(course.summary).toEqual({ covered: 1, total: 7 });
    });

    test('the PO Court Work example: every requirement of PO, through PSO, and of the pathway, each covered', async () => {
        const folder = join(REPO_ROOT, 'examples', 'po-court-work');
        const files = Object.fromEntries(['programme.tspec', 'modules/court-work.tspec', 'modules/foundations.tspec', 'modules/practice.tspec']
            .map(path => [path, readFileSync(join(folder, path), 'utf8')]));
        const workspace = await TestWorkspace.create(files);
        const [matrix] = matrices(workspace, 'programme.tspec');
        expect(matrix.modules.map(module => module.name)).toEqual([
            'CourtWorkProfessionalDevelopment', 'CourtWorkConsolidation', 'CriminalJusticeSystem', 'CriminologyAndDesistance',
            'EqualityInCriminalJustice', 'RiskAndPublicProtection', 'EngagingForChange', 'MultiAgencyWorking', 'PreSentenceReports', 'CourtHearingsAndEnforcement'
        ]);
        expect(matrix.groups.map(group => `${group.requiredBy} | ${group.source} | ${group.requirements.length}`)).toEqual([
            'Probation Officer | Probation Qualifications Framework – towards a Qualified Workforce, section What will a Probation Officer be able to do on the first day of appointment? | 5',
            'Probation Officer (through Probation Services Officer) | Probation Qualifications Framework – towards a Qualified Workforce, section What will a Probation Services\' Officer be able to do on the first day after qualification? | 7',
            'Probation Officer (through Probation Services Officer) | Probation Qualifications Framework – towards a Qualified Workforce, section POs and PSOs will also be able to demonstrate | 2',
            `the Court Work pathway | ${S10}, section Annex A | 2`
        ]);
        expect(matrix.groups.flatMap(group => group.requirements).filter(requirement => requirement.coveredBy.length === 0)).toEqual([]);
        expect(matrix.summary).toEqual({ covered: 16, total: 16 });
    });

    test('says, from the coverage model, when coverage will be checked while a syntax error stands in the programme', async () => {
        const workspace = await TestWorkspace.create({ 'shared.tspec': SHARED, 'seniors.tspec': SENIORS.replace('{', '{\n    prepares ,') });
        const notice = 'Coverage is checked once the syntax error on line 2 is fixed';
        // Empty, after the slip and apart from it, is checked.
        expect(matrices(workspace, 'seniors.tspec').map(matrix => matrix.notChecked)).toEqual([notice, undefined]);
        await workspace.write('seniors.tspec', SENIORS);
        expect(matrices(workspace, 'seniors.tspec').map(matrix => matrix.notChecked)).toEqual([undefined, undefined]);
    });

    test('a catalogue has no matrices', async () => {
        const workspace = await TestWorkspace.create({ 'local.nos': LOCAL });
        expect(matrices(workspace, 'local.nos')).toEqual([]);
    });
});
