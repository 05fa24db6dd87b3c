import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ListedItem } from '../../cli/src/standards-command.js';
import { lines, runCli } from '../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

const PO_REQUIRES = [
    'PoProtectPublic', 'PoInfluenceChange', 'PoDevelopProfessionally', 'PoPromoteEquality', 'PoEvidenceBasedPractice',
    'PsoAssessRisk', 'PsoPromoteEquality', 'PsoCommunicate', 'PsoSupportChange', 'PsoWorkWithOthers', 'PsoDevelopSelf',
    'PsoSpecialistPathway', 'KnowledgeOfPolicy', 'UnderstandingOfOffending'
];

/** The blocks of the text listing, one per item, each starting with `id (kind): title`. */
function blocks(stdout: string): string[] {
    return stdout.split('\n\n').map(block => block.replace(/\n$/, ''));
}

describe('trainspec standards', () => {
    // An empty folder, so that only the built-in library is listed (the repository's examples
    // hold a catalogue of their own).
    let empty: TempFolder;
    let items: ListedItem[];

    beforeAll(async () => {
        empty = createTempFolder();
        const run = await runCli(['standards', '--format', 'json'], empty.path);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        items = (JSON.parse(run.stdout) as { items: ListedItem[] }).items;
    });

    afterAll(() => empty.remove());

    test('--format json lists every built-in item once', () => {
        const kinds: Record<string, number> = {};
        items.forEach(item => kinds[item.kind] = (kinds[item.kind] ?? 0) + 1);
        expect(kinds).toEqual({
            'guidance': 4,
            'core skill set': 6,
            'NOS unit': 35,
            'specialist area': 9,
            'competence group': 7,
            'core competence': 39,
            'PQF outcome': 14,
            'qualification': 4,
            'qualification route': 3,
            'role': 13
        });
        expect(new Set(items.map(item => item.id)).size).toBe(items.length);
        expect(items.every(item => item.builtin)).toBe(true);
    });

    test('a role lists its requirements resolved through extends, and whether it needs a pathway', () => {
        const po = items.find(item => item.id === 'PO');
        expect(po).toMatchObject({ kind: 'role', title: 'Probation Officer', requires: PO_REQUIRES, requiresPathway: true });
        expect(po?.requires).toHaveLength(14);
    });

    test('a NOS unit names its core skill set and lists the specialist areas (pathways) that include it', () => {
        expect(items.find(item => item.id === 'AssessNeedsAndPlan')).toMatchObject({
            kind: 'NOS unit',
            title: 'Assess individuals’ needs and plan activities',
            skillSet: 'CaseManagementSkills',
            areas: ['OffenderManagement', 'CommunityPayback', 'ApprovedPremises', 'Programmes']
        });
    });

    test('a core skill set lists its units, and every unit names one skill set that lists it back', () => {
        expect(items.find(item => item.id === 'RiskSkills')).toMatchObject({ kind: 'core skill set', units: ['ProtectFromAbuse', 'AssessRiskOfHarm', 'PreventAbusiveBehaviour'] });
        const units = items.filter(item => item.kind === 'NOS unit');
        expect(units.every(unit => items.find(set => set.id === unit.skillSet)?.units?.includes(unit.id))).toBe(true);
    });

    test('a core competence carries its verbatim text and its source', () => {
        expect(items.find(item => item.id === 'RoSH.a')).toEqual({
            id: 'RoSH.a',
            kind: 'core competence',
            title: 'Risk of Serious Harm 3.1 (a)',
            text: 'Explain the legal and organisational requirements relating to risk assessment and risk management including responsibilities and accountability for ongoing risk identification work',
            source: {
                document: 'Guidelines issued by the Secretary of State for Justice under Section 10(2) of the Offender Management Act 2007',
                section: '3.1',
                letter: 'a'
            },
            builtin: true
        });
    });

    test('the text format shows each item with its verbatim words and source', async () => {
        const run = await runCli(['standards'], empty.path);
        expect(run.code).toBe(0);
        const listed = blocks(run.stdout);
        expect(listed).toHaveLength(items.length);
        expect(listed).toContain([
            'RoSH.a (core competence): Risk of Serious Harm 3.1 (a)',
            '    "Explain the legal and organisational requirements relating to risk assessment and risk management including responsibilities and accountability for ongoing risk identification work"',
            '    Source: Guidelines issued by the Secretary of State for Justice under Section 10(2) of the Offender Management Act 2007, section 3.1 (a)'
        ].join('\n'));
        expect(listed).toContain([
            'PO (role): Probation Officer',
            '    "In addition to the skills acquired as a PSO, a PO will need to demonstrate an ability to:"',
            '    Source: Probation Qualifications Framework – towards a Qualified Workforce, section What will a Probation Officer be able to do on the first day of appointment?',
            `    Requires (14): ${PO_REQUIRES.join(', ')}, and a specialist pathway`
        ].join('\n'));
        expect(listed.find(block => block.startsWith('AssessRiskOfHarm '))).toContain('\n    Skill set: RiskSkills\n');
    });
});

describe('trainspec standards with workspace catalogues', () => {
    const LOCAL_ROLE = {
        id: 'SubstanceMisuseCaseload',
        kind: 'role',
        title: 'Case manager with a substance misuse caseload',
        text: 'Case manager with a substance misuse caseload',
        source: {},
        notes: ["Local requirement: most people on this provider's caseloads have a drug or alcohol treatment requirement."],
        requires: ['RecogniseSubstanceMisuse', 'SupportSubstanceUsers', 'SupportAffectedBySubstanceUse'],
        requiresPathway: false,
        builtin: false
    };

    test.each(['examples/case-manager-course', 'examples/case-manager-course/provider-roles.nos'])('%s adds its role to the built-in items', async path => {
        const run = await runCli(['standards', path, '--format', 'json']);
        expect(run.code).toBe(0);
        const listed = (JSON.parse(run.stdout) as { items: ListedItem[] }).items;
        expect(listed.filter(item => !item.builtin)).toEqual([LOCAL_ROLE]);
        expect(listed.filter(item => item.builtin)).toHaveLength(134);
    });

    test('the text format shows the local role with its note', async () => {
        const run = await runCli(['standards', 'examples/case-manager-course']);
        expect(blocks(run.stdout)).toContain([
            'SubstanceMisuseCaseload (role): Case manager with a substance misuse caseload',
            `    Note: "Local requirement: most people on this provider's caseloads have a drug or alcohol treatment requirement."`,
            '    Requires (3): RecogniseSubstanceMisuse, SupportSubstanceUsers, SupportAffectedBySubstanceUse'
        ].join('\n'));
    });

    test('a path that cannot be used is one line on stderr and exit 2; the built-in items are still listed', async () => {
        const run = await runCli(['standards', 'missing.nos', 'examples/incomplete/programme.tspec', '--format', 'json']);
        expect(run.code).toBe(2);
        expect(lines(run.stderr)).toEqual([
            'trainspec: missing.nos: No such file or folder.',
            'trainspec: examples/incomplete/programme.tspec: Not a TrainSpec file (expected .nos).'
        ]);
        expect((JSON.parse(run.stdout) as { items: ListedItem[] }).items).toHaveLength(134);
    });
});

describe('trainspec standards with a half-typed catalogue', () => {
    let folder: TempFolder;

    beforeAll(() => {
        // Parser recovery leaves out what has not been typed yet: a unit's title, another unit's name.
        folder = createTempFolder({ 'typing.nos': 'unit Broken in RiskSkills\nunit "No name yet" in RiskSkills\n' });
    });

    afterAll(() => folder.remove());

    test('shows an item without a title or a name as such, never as undefined', async () => {
        const run = await runCli(['standards', 'typing.nos'], folder.path);
        const local = blocks(run.stdout).filter(block => /^(Broken|\(no name yet\)) /.test(block));
        const unitFacts = '\n    Skill set: RiskSkills\n    Listed by: no specialist area';
        expect(local).toEqual([`Broken (NOS unit)${unitFacts}`, `(no name yet) (NOS unit): No name yet${unitFacts}`]);
        expect(run.stdout).not.toContain('undefined');
    });
});
