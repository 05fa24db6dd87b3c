import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { dataString, diagnosticData } from '../../../language/src/validation/diagnostic-data.js';
import type { CoverageSeverity } from '../../../language/src/workspace/trainspec-settings.js';
import { objectContaining } from '../../support/matchers.js';
import { TestWorkspace } from '../../support/test-workspace.js';
import { REPO_ROOT } from '../../support/run-cli.js';

const PSO_OUTCOMES = ['PsoAssessRisk', 'PsoPromoteEquality', 'PsoCommunicate', 'PsoSupportChange', 'PsoWorkWithOthers', 'PsoDevelopSelf', 'PsoSpecialistPathway', 'KnowledgeOfPolicy', 'UnderstandingOfOffending'];
const PO_OUTCOMES = ['PoProtectPublic', 'PoInfluenceChange', 'PoDevelopProfessionally', 'PoPromoteEquality', 'PoEvidenceBasedPractice'];

/** A `covers` line for every name but the left-out ones. */
function coversAllBut(names: string[], ...leftOut: string[]): string {
    return `covers ${names.filter(name => !leftOut.includes(name)).join(', ')}`;
}

describe('uncovered requirements', () => {
    test('a requirement of a target role that no module covers is one warning on the role in prepares, quoting the item', async () => {
        const workspace = await TestWorkspace.create({
            'officers.tspec': `programme Officers "Services officers" {
    prepares PSO
    pathway CourtWork
    module Core "Core" { ${coversAllBut(PSO_OUTCOMES, 'PsoDevelopSelf')}, ExchangeInformationAtHearings, DevelopSentencingProposals }
}`
        });
        expect(workspace.diagnostics('officers.tspec')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Warning,
                code: DiagnosticCode.UncoveredRequirement,
                message: `No module covers the PQF outcome "develop own knowledge and skills", which Probation Services Officer requires.`,
                range: workspace.rangeOf('officers.tspec', 'PSO'),
                data: objectContaining({ code: DiagnosticCode.UncoveredRequirement, item: 'PsoDevelopSelf', requiredBy: ['PSO'] })
            })
        ]);
    });

    test('a requirement that comes through extends names the chain of roles', async () => {
        const workspace = await TestWorkspace.create({
            'officers.tspec': `programme Officers "Probation officers" {
    prepares PO
    pathway CourtWork
    module Core "Core" { ${coversAllBut([...PO_OUTCOMES, ...PSO_OUTCOMES], 'PoEvidenceBasedPractice', 'PsoDevelopSelf')} }
    module Court "Court" { covers ExchangeInformationAtHearings, DevelopSentencingProposals }
}`
        });
        const onPo = workspace.rangeOf('officers.tspec', 'PO');
        expect(workspace.diagnostics('officers.tspec')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Warning,
                message: `No module covers the PQF outcome "work to the principles of evidence based practice.", which Probation Officer requires.`,
                range: onPo,
                data: objectContaining({ item: 'PoEvidenceBasedPractice', requiredBy: ['PO'] })
            }),
            expect.objectContaining({
                severity: DiagnosticSeverity.Warning,
                message: `No module covers the PQF outcome "develop own knowledge and skills", which Probation Officer (through Probation Services Officer) requires.`,
                range: onPo,
                data: objectContaining({ item: 'PsoDevelopSelf', requiredBy: ['PO'] })
            })
        ]);
    });

    test('a unit of the programme pathway that no module covers is a warning on the pathway', async () => {
        const workspace = await TestWorkspace.create({
            'officers.tspec': `programme Officers "Services officers" {
    prepares PSO
    pathway CourtWork
    module Core "Core" { ${coversAllBut(PSO_OUTCOMES)}, ExchangeInformationAtHearings }
}`
        });
        expect(workspace.diagnostics('officers.tspec')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Warning,
                code: DiagnosticCode.UncoveredRequirement,
                message: `No module covers the NOS unit "Develop proposals and prepare reports to inform sentencing", which the Court Work pathway requires.`,
                range: workspace.rangeOf('officers.tspec', 'CourtWork'),
                data: objectContaining({ item: 'DevelopSentencingProposals', requiredBy: ['CourtWork'] })
            })
        ]);
    });

    test('a skill set is met by any unit of the set, and otherwise asks for a unit of it, naming the units that would meet it', async () => {
        const workspace = await TestWorkspace.create({
            'cases.tspec': `programme Cases "Case managers" {
    prepares CaseManager
    module Risk "Risk" { covers AssessRiskOfHarm }
}`
        });
        const skillSetGaps = workspace.diagnostics('cases.tspec', DiagnosticCode.UncoveredRequirement).filter(diagnostic => dataString(diagnostic, 'item')?.endsWith('Skills'));
        expect(skillSetGaps.map(diagnostic => diagnostic.message)).toEqual([
            'No module covers a unit of the core skill set "Diversity", which Case manager requires: "Respond to diverse needs of individuals (Diversity)". '
                + 'Covering any one of its units meets it: "Promote equality and value diversity".',
            'No module covers a unit of the core skill set "Communication", which Case manager requires: "Communicate with a range of different people in different settings". '
                + 'Covering any one of its units meets it: "Communicate effectively with people, maintaining the security of information" and "Assess individuals’ offending behaviour to plan provision".',
            'No module covers a unit of the core skill set "Tactical", which Case manager requires: "Work with others as part of a team and/or with other agencies (Tactical Skills)". '
                + 'Covering any one of its units meets it: "Contribute to the quality of team working", "Develop and sustain effective working with staff in other agencies" and "Maintain and develop your own knowledge, skills and competence".',
            'No module covers a unit of the core skill set "Engage individuals to change", which Case manager requires: "Engage individuals to change". '
                + 'Covering any one of its units meets it: "Help individuals’ address their offending behaviour", "Reinforce positive behavioural goals during relationships with individuals", '
                + '"Enable individuals to access services and facilities", "Enable individuals to understand and address their difficulties", "Recognise indications of substance misuse and refer individuals to specialists" and 2 more.',
            'No module covers a unit of the core skill set "Case Management/ Technical/Specialist skills", which Case manager requires: "Work in a specific work setting (Case Management or other Technical/Specialist area)". '
                + 'Covering any one of its units meets it: "Obtain information relating to individuals’ offending behaviour", "Develop proposals and prepare reports to inform sentencing", '
                + '"Supervise low to medium risk of serious harm offenders serving sentences in the community", "Assess individuals’ needs and plan activities", '
                + '"Supervise integrated interventions and support to address the offending behaviour of individuals" and 14 more.'
        ]);
        expect(skillSetGaps[0].range).toEqual(workspace.rangeOf('cases.tspec', 'CaseManager'));
        // Identifiers stay in the data: every unit that would meet the requirement.
        expect(skillSetGaps[1].data).toMatchObject({ item: 'CommunicationSkills', requiredBy: ['CaseManager'], units: ['CommunicateEffectively', 'AssessOffendingBehaviour'] });
        expect(diagnosticData(skillSetGaps[4], 'units')).toHaveLength(19);
        // 30 competences and 5 skill sets: one diagnostic for each requirement not covered.
        expect(workspace.diagnostics('cases.tspec', DiagnosticCode.UncoveredRequirement)).toHaveLength(35);
    });

    test('covering a skill set itself meets nothing: the gap stays, and the covers gets information naming the units', async () => {
        const workspace = await TestWorkspace.create({
            'cases.tspec': `programme Cases "Case managers" {
    prepares CaseManager
    module Risk "Risk" { covers RiskSkills, DiversitySkills, PromoteEqualityAndDiversity }
}`
        });
        const gaps = workspace.diagnostics('cases.tspec', DiagnosticCode.UncoveredRequirement).map(diagnostic => dataString(diagnostic, 'item'));
        expect(gaps).toContain('RiskSkills');
        // Met by its unit, though the set is listed too.
        expect(gaps).not.toContain('DiversitySkills');
        expect(workspace.diagnostics('cases.tspec', DiagnosticCode.SkillSetCovered)).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Information,
                message: 'Covering the core skill set "Risk" itself meets no requirement: a requirement on a skill set is met only by a unit of the set. '
                    + 'Cover one of its units instead: "Contribute to the protection of individuals from abuse", "Assess risk of harm and the need for intervention" '
                    + 'and "Contribute to the prevention and management of abusive and aggressive behaviour".',
                range: workspace.rangeOf('cases.tspec', 'RiskSkills'),
                data: objectContaining({ code: DiagnosticCode.SkillSetCovered, skillSet: 'RiskSkills', units: ['ProtectFromAbuse', 'AssessRiskOfHarm', 'PreventAbusiveBehaviour'] })
            }),
            expect.objectContaining({ range: workspace.rangeOf('cases.tspec', 'DiversitySkills'), data: objectContaining({ skillSet: 'DiversitySkills' }) })
        ]);
    });

    test('an item that two roles require names both, and sits on the first role that requires it', async () => {
        const workspace = await TestWorkspace.create({
            'cases.tspec': `programme Cases "Case managers" {
    prepares CaseManager, HighRiskCaseManager
    module Risk "Risk" { covers RoSH.b }
}`
        });
        const gap = (item: string) => workspace.diagnostics('cases.tspec', DiagnosticCode.UncoveredRequirement).find(diagnostic => dataString(diagnostic, 'item') === item);
        expect(gap('RoSH.a')).toMatchObject({
            message: `No module covers core competence 3.1 a "Explain the legal and organisational requirements relating to risk assessment and risk management including responsibilities and accountability for ongoing risk identification work", which Case manager and High risk case manager (through Case manager) require.`,
            range: workspace.rangeOf('cases.tspec', 'CaseManager'),
            data: { item: 'RoSH.a', requiredBy: ['CaseManager', 'HighRiskCaseManager'] }
        });
        expect(gap('HighRoSH.a')).toMatchObject({
            message: `No module covers core competence 3.1 a "Summarise the legal and organisational requirements applicable to undertaking risk-led assessments of individuals", which High risk case manager requires.`,
            range: workspace.rangeOf('cases.tspec', 'HighRiskCaseManager'),
            data: { item: 'HighRoSH.a', requiredBy: ['HighRiskCaseManager'] }
        });
        expect(gap('RoSH.b')).toBeUndefined();
        // Each item once: 36 for CaseManager and 9 more for HighRiskCaseManager, less the one covered.
        expect(workspace.diagnostics('cases.tspec', DiagnosticCode.UncoveredRequirement)).toHaveLength(44);
    });

    test('a unit that a role and the pathway both require names both', async () => {
        const workspace = await TestWorkspace.create({
            'court.tspec': `programme Court "Court team" {
    prepares CourtWorkSpecialist
    pathway CourtWork
    module Reports "Reports" { covers DevelopSentencingProposals }
}`
        });
        expect(workspace.diagnostics('court.tspec')).toEqual([
            expect.objectContaining({
                message: `No module covers the NOS unit "Exchange information at formal hearings", which Specialist: Court Work and the Court Work pathway require.`,
                range: workspace.rangeOf('court.tspec', 'CourtWorkSpecialist'),
                data: objectContaining({ requiredBy: ['CourtWorkSpecialist', 'CourtWork'] })
            })
        ]);
    });
});

describe('the coverage severity setting', () => {
    const spec = { 'safety.tspec': `programme Safety "Safety" { prepares CommunitySafetySpecialist module Empty "Empty" { hours 2 } }` };

    test.each<[CoverageSeverity, DiagnosticSeverity]>([
        ['error', DiagnosticSeverity.Error],
        ['warning', DiagnosticSeverity.Warning],
        ['information', DiagnosticSeverity.Information]
    ])('%s reports gaps with that severity', async (coverageSeverity, severity) => {
        const workspace = await TestWorkspace.create(spec, { coverageSeverity });
        expect(workspace.diagnostics('safety.tspec', DiagnosticCode.UncoveredRequirement)).toEqual([
            expect.objectContaining({
                severity,
                message: `No module covers the NOS unit "Determine the concerns and priorities of communities in relation to safety, social inclusion and the prevention and reduction of crime and anti-social behaviour", which Specialist: Community Safety requires.`
            })
        ]);
    });

    test('off reports no gaps, and leaves the other checks alone', async () => {
        const workspace = await TestWorkspace.create(spec, { coverageSeverity: 'off' });
        expect(workspace.diagnostics('safety.tspec').map(diagnostic => diagnostic.code)).toEqual([DiagnosticCode.ModuleCoversNothing]);
    });

    test('warning is the default', async () => {
        const workspace = await TestWorkspace.create(spec);
        expect(workspace.diagnostics('safety.tspec', DiagnosticCode.UncoveredRequirement).map(diagnostic => diagnostic.severity)).toEqual([DiagnosticSeverity.Warning]);
    });
});

describe('missing pathway', () => {
    const programme = (role: string) => ({
        'programme.tspec': `programme Trainees "Trainees" {
    prepares ${role}
}`
    });

    test.each([['PSO', 'Probation Services Officer'], ['PO', 'Probation Officer']])('a programme that prepares %s without a pathway is a warning on its name', async (role, title) => {
        const workspace = await TestWorkspace.create(programme(role));
        expect(workspace.diagnostics('programme.tspec', DiagnosticCode.MissingPathway)).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Warning,
                message: `Programme 'Trainees' names no specialist pathway, which ${title} requires. Add a line such as 'pathway CourtWork'.`,
                range: workspace.rangeOf('programme.tspec', 'Trainees'),
                data: objectContaining({ code: DiagnosticCode.MissingPathway, role })
            })
        ]);
    });

    test('a programme that prepares CaseManager needs no pathway', async () => {
        const workspace = await TestWorkspace.create(programme('CaseManager'));
        expect(workspace.diagnostics('programme.tspec', DiagnosticCode.MissingPathway)).toEqual([]);
    });

    test('a programme that names a pathway has no warning', async () => {
        const workspace = await TestWorkspace.create({ 'programme.tspec': `programme Trainees "Trainees" { prepares PO pathway Victims }` });
        expect(workspace.diagnostics('programme.tspec', DiagnosticCode.MissingPathway)).toEqual([]);
    });
});

describe('orphan modules', () => {
    test('a top-level module that no programme includes is a warning on its name; included and nested modules are not', async () => {
        const workspace = await TestWorkspace.create({
            'programme.tspec': `programme Safety "Safety" {
    prepares CommunitySafetySpecialist
    includes Included
    module Nested "Nested" { covers CommunityConcerns }
}`,
            'modules.tspec': `module Included "Included" { covers CommunityConcerns }
module Loose "Loose" { covers CommunityConcerns }`
        });
        expect(workspace.diagnostics('programme.tspec')).toEqual([]);
        expect(workspace.diagnostics('modules.tspec')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Warning,
                code: DiagnosticCode.OrphanModule,
                message: `Module 'Loose' belongs to no programme. Add it to one with a line such as 'includes Loose'.`,
                range: workspace.rangeOf('modules.tspec', 'Loose')
            })
        ]);
    });
});

describe('coverage while a syntax error stands', () => {
    const INCOMPLETE = readFileSync(join(REPO_ROOT, 'examples/incomplete/programme.tspec'), 'utf8');

    test('one slip costs one problem: `hours thirty` in the incomplete example adds one syntax error, and the gaps give way to one notice', async () => {
        const workspace = await TestWorkspace.create({ 'programme.tspec': INCOMPLETE.replace('hours 30', 'hours thirty') });
        expect(workspace.diagnostics('programme.tspec').map(diagnostic => [diagnostic.code, diagnostic.severity, diagnostic.range.start.line + 1, diagnostic.message])).toEqual([
            [DiagnosticCode.SyntaxError, DiagnosticSeverity.Error, 10, '`hours` needs a whole number, such as `hours 30`.'],
            [DiagnosticCode.UnresolvedReference, DiagnosticSeverity.Error, 18, expect.stringContaining('AssesRiskOfHarm')],
            [DiagnosticCode.CoverageAwaitsSyntaxFix, DiagnosticSeverity.Information, 4, 'Coverage is checked once the syntax error on line 10 is fixed.']
        ]);
        expect(workspace.diagnostics('programme.tspec', DiagnosticCode.CoverageAwaitsSyntaxFix)[0]).toMatchObject({
            range: workspace.rangeOf('programme.tspec', 'DraftProgrammesPso'),
            data: { code: DiagnosticCode.CoverageAwaitsSyntaxFix, uri: workspace.uri('programme.tspec').toString(), line: 10 }
        });
    });

    test('a trailing comma after covers is one plain error too', async () => {
        const workspace = await TestWorkspace.create({ 'programme.tspec': INCOMPLETE.replace('covers KnowledgeOfPolicy', 'covers KnowledgeOfPolicy,') });
        expect(workspace.messages('programme.tspec', DiagnosticCode.SyntaxError)).toEqual(['A name of a standard is missing after the comma.']);
        expect(workspace.diagnostics('programme.tspec', DiagnosticCode.UncoveredRequirement)).toEqual([]);
        expect(workspace.diagnostics('programme.tspec', DiagnosticCode.CoverageAwaitsSyntaxFix)).toHaveLength(1);
    });

    test('a syntax error in the file of an included module names that file; fixing it brings the gaps back', async () => {
        const workspace = await TestWorkspace.create({
            'programme.tspec': 'programme P "P" {\n    prepares PSO\n    pathway CourtWork\n    includes Core\n}\n',
            'modules/core.tspec': 'module Core "Core" {\n    covers PsoAssessRisk\n    hours %\n}\n'
        });
        expect(workspace.messages('programme.tspec')).toEqual(['Coverage is checked once the syntax error on line 3 of modules/core.tspec is fixed.']);
        await workspace.write('modules/core.tspec', 'module Core "Core" {\n    covers PsoAssessRisk\n    hours 3\n}\n');
        expect(workspace.diagnostics('programme.tspec', DiagnosticCode.CoverageAwaitsSyntaxFix)).toEqual([]);
        expect(workspace.diagnostics('programme.tspec', DiagnosticCode.UncoveredRequirement).length).toBeGreaterThan(0);
    });

    test('a stray character or an unclosed quote is one error on its line, not one more for what the parser then trips over', async () => {
        const workspace = await TestWorkspace.create({ 'programme.tspec': INCOMPLETE.replace('"written assignment"', '"written assignment') });
        expect(workspace.messages('programme.tspec', DiagnosticCode.SyntaxError)).toEqual(['This text in quotes has no closing `"` on its line: add one where the text ends.']);
    });
});

describe('coverage of half-typed text', () => {
    // Parser recovery leaves out what has not been typed yet: names, titles, texts, a unit's skill set.
    test('a module or programme without a name yet goes by its title, and the advice starts with its name', async () => {
        const workspace = await TestWorkspace.create({
            'typing.tspec': 'module "Loose" { covers CommunityConcerns }\nprogramme "Trainees" { prepares PSO }'
        });
        expect(workspace.messages('typing.tspec', DiagnosticCode.OrphanModule)).toEqual([
            `Module 'Loose' belongs to no programme. Give it a name, then add it to one with a line such as 'includes ModuleName'.`
        ]);
        expect(workspace.messages('typing.tspec', DiagnosticCode.MissingPathway)).toEqual([
            `Programme 'Trainees' names no specialist pathway, which Probation Services Officer requires. Add a line such as 'pathway CourtWork'.`
        ]);
        expect(workspace.messages('typing.tspec').filter(message => message.includes('undefined'))).toEqual([]);
    });

    test('a gap whose item has no title or text yet quotes no words, and a role without a title goes by its name', async () => {
        const workspace = await TestWorkspace.create({
            'team.nos': 'unit Briefing in RiskSkills\nrole Lead extends CommunitySafetySpecialist { requires Briefing }',
            'team.tspec': 'programme Team "Team" {\n    prepares Lead\n    module Concerns "Concerns" { covers CommunityConcerns }\n}'
        });
        expect(workspace.messages('team.tspec', DiagnosticCode.UncoveredRequirement)).toEqual(['No module covers the NOS unit Briefing, which Lead requires.']);
    });

    test('a unit whose skill set is not typed yet can be covered like any other', async () => {
        const workspace = await TestWorkspace.create({
            'team.nos': 'unit Briefing "Brief the team" in\nrole Lead "Team lead" extends CommunitySafetySpecialist { requires Briefing }',
            'team.tspec': 'programme Team "Team" {\n    prepares Lead\n    module Concerns "Concerns" { covers CommunityConcerns, Briefing }\n}'
        });
        expect(workspace.messages('team.tspec')).toEqual([]);
    });
});
