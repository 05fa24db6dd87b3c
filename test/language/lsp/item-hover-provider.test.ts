import { expectHover } from 'langium/test';
import { URI } from 'langium';
import { MarkupContent } from 'vscode-languageserver';
import { beforeAll, describe, expect, test } from 'vitest';
import { positionIn } from '../../support/lsp-positions.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const FILES = {
    'modules.tspec': `module Reports "Pre-sentence reports" {
    hours 20
    assessed by portfolio
    covers DevelopSentencingProposals, PsoAssessRisk
}
module Loose "Loose ends" { covers RoSH.b }`,
    'provider.nos': `role SeniorPO "Senior Probation Officer" extends PO {
    note "Covers *all* of RoSH."
    requires RoSH
}`
};

// The document each hover test opens, next to FILES.
const COURT = `programme Court "Court team" {
    prepares PO
    pathway CourtWork
    includes Reports
    module Risk "Risk and safety" {
        hours 30
        assessed by observation, "written assignment"
        covers PsoAssessRisk, RoSH.a
    }
}`;
const COURT_URI = 'file:///workspace/court.tspec';

const PQF = 'Probation Qualifications Framework – towards a Qualified Workforce';
const S10 = 'Guidelines issued by the Secretary of State for Justice under Section 10(2) of the Offender Management Act 2007';

let workspace: TestWorkspace;

beforeAll(async () => {
    workspace = await TestWorkspace.create(FILES);
});

/** Hovers at `<|>` in the court document (opened next to FILES, then closed again). */
async function expectHoverInCourt(marked: string, hover: string): Promise<void> {
    await expectHover(workspace.services.spec)({ text: marked, index: 0, hover, parseOptions: { documentUri: COURT_URI }, disposeAfterCheck: true });
}

async function hoverIn(path: string, text: string, offset = 0): Promise<string | undefined> {
    const document = workspace.document(path);
    const language = path.endsWith('.nos') ? workspace.services.standards : workspace.services.spec;
    const hover = await language.lsp.HoverProvider!.getHoverContent(document, positionIn(document, text, offset));
    return hover && MarkupContent.is(hover.contents) ? hover.contents.value : undefined;
}

const PSO_ASSESS_RISK = [
    '**PQF outcome** `PsoAssessRisk`',
    '> assess risk of harm to others and need for interventions',
    `**Source:** ${PQF}, section What will a Probation Services' Officer be able to do on the first day after qualification?`
].join('\n\n');

describe('hover on a standard', () => {
    test('in a programme, quotes its words and source, and says what requires it there and which of its modules cover it, with links', async () => {
        await expectHoverInCourt(COURT.replace('PsoAssessRisk', '<|>PsoAssessRisk'), [
            PSO_ASSESS_RISK,
            `**In Court team:** required by Probation Officer (through Probation Services Officer); covered by [Risk](${COURT_URI}#L5), [Reports](file:///workspace/modules.tspec#L1)`
        ].join('\n\n'));
    });

    test('gives a lettered competence its group title and letter, on the group part of the name and on the letter alike', async () => {
        const expected = [
            '**core competence** `RoSH.a` — Risk of Serious Harm 3.1 (a)',
            '> Explain the legal and organisational requirements relating to risk assessment and risk management including responsibilities and accountability for ongoing risk identification work',
            `**Source:** ${S10}, section 3.1 (a)`,
            // Court prepares PO, which does not require it; SeniorPO and the case managers do.
            `**In Court team:** not required; covered by [Risk](${COURT_URI}#L5)`
        ].join('\n\n');
        await expectHoverInCourt(COURT.replace('RoSH.a', '<|>RoSH.a'), expected);
        await expectHoverInCourt(COURT.replace('RoSH.a', 'RoSH.<|>a'), expected);
    });

    test('outside any programme, names every role that requires a unit (by its skill set too) and the pathways whose area lists it', async () => {
        expect(await hoverIn('modules.tspec', 'DevelopSentencingProposals')).toBe([
            '**NOS unit** `DevelopSentencingProposals`',
            '> Develop proposals and prepare reports to inform sentencing',
            `**Source:** ${S10}, section Annex A`,
            // Reports belongs to no programme here (Court is open only in the other tests).
            '**Required by:** Case manager (any unit of the core skill set "Case Management/ Technical/Specialist skills"), '
                + 'High risk case manager (any unit of the core skill set "Case Management/ Technical/Specialist skills"), '
                + 'Specialist: Case/Offender Management/Supervision, Specialist: Court Work, Specialist: Programmes',
            '**Skill set:** `CaseManagementSkills` — Case Management/ Technical/Specialist skills',
            '**Pathways:** Case/Offender Management/Supervision, Court Work, Programmes',
            '**Covered by:** [Reports](file:///workspace/modules.tspec#L1)'
        ].join('\n\n'));
    });

    test('shows the title, notes and units, and counts a module that covers a unit of a skill set (never the set itself) as covering it', async () => {
        await expectHover(workspace.services.spec)({
            text: 'module Hearings "Hearings" { covers <|>CaseManagementSkills }',
            index: 0,
            parseOptions: { documentUri: 'file:///workspace/skills.tspec' },
            disposeAfterCheck: true,
            hover: [
                '**core skill set** `CaseManagementSkills` — Case Management/ Technical/Specialist skills',
                '> Work in a specific work setting (Case Management or other Technical/Specialist area)',
                `**Source:** ${S10}, section 2(f)`,
                '**Note:** Case Management and Technical Skills - as appropriate to specific specialist roles',
                '**Required by:** Case manager, High risk case manager',
                '**Units:** ObtainInformation, DevelopSentencingProposals, SuperviseLowMediumRisk, AssessNeedsAndPlan, SuperviseIntegratedInterventions, AssessWorkplaceRisk, '
                    + 'ProvideDevelopmentActivities, ExchangeInformationAtHearings, DeliverAccreditedProgrammes, InitialVictimSupport, HelpVictimsManageEffects, MaintainVictimContact, '
                    + 'EnableVictimSupport, VictimRiskInterventions, CommunityConcerns, SupportResettlement, PrepareRestorativeParticipants, FacilitateRestorativeInteraction, ImplementRestorativeOutcomes',
                // Reports covers DevelopSentencingProposals, a unit of this skill set; Hearings lists the set itself, which meets nothing.
                '**Covered by:** [Reports](file:///workspace/modules.tspec#L1)'
            ].join('\n\n')
        });
    });

    test('says when no module covers it yet, in a catalogue too', async () => {
        await expectHover(workspace.services.standards)({
            text: 'role Mentor "Mentor" { requires <|>PoProtectPublic }',
            index: 0,
            disposeAfterCheck: true,
            hover: [
                '**PQF outcome** `PoProtectPublic`',
                '> protect the public and manage offenders who present a high risk of harm to others',
                `**Source:** ${PQF}, section What will a Probation Officer be able to do on the first day of appointment?`,
                '**Required by:** Mentor, Probation Officer, Senior Probation Officer',
                '**Covered by:** no module yet'
            ].join('\n\n')
        });
    });

    test('works on the declarations of the built-in library', async () => {
        const builtin = workspace.services.shared.workspace.LangiumDocuments.getDocument(URI.parse('builtin:/pqf-leaflet.nos'))!;
        const hover = await workspace.services.standards.lsp.HoverProvider!.getHoverContent(builtin, positionIn(builtin, 'PsoAssessRisk'));
        expect(MarkupContent.is(hover?.contents) && hover.contents.value).toBe([
            PSO_ASSESS_RISK,
            '**Required by:** Probation Officer, Probation Services Officer, Senior Probation Officer',
            '**Covered by:** [Reports](file:///workspace/modules.tspec#L1)'
        ].join('\n\n'));
    });

    test('names the roles that require every competence of a group', async () => {
        expect(await hoverIn('provider.nos', 'requires RoSH', 'requires '.length)).toBe([
            '**competence group** `RoSH` — Risk of Serious Harm',
            '> An officer of a provider of probation services will need to demonstrate that they can:',
            `**Source:** ${S10}, section 3.1`,
            '**Note:** Competence in identifying, assessing and managing risk of serious harm is so central to probation practice that it permeates throughout all the other competence sets.',
            '**Required by:** Case manager, High risk case manager, Senior Probation Officer'
        ].join('\n\n'));
    });

    test('lists the units of a specialist area and the roles that require all of them', async () => {
        await expectHoverInCourt(COURT.replace('CourtWork', '<|>CourtWork'), [
            '**specialist area** `CourtWork`',
            '> Court Work',
            `**Source:** ${S10}, section Annex A`,
            '**Required by:** Specialist: Court Work',
            '**Units:** ExchangeInformationAtHearings, DevelopSentencingProposals'
        ].join('\n\n'));
    });
});

describe('hover on a standard in a case manager\'s programme: the skill-set rule', () => {
    const CASES = `programme Cases "Case managers" {
    prepares CaseManager
    module Risk "Risk" { covers AssessRiskOfHarm, DiversitySkills }
}`;
    const CASES_URI = 'file:///workspace/cases.tspec';

    /** Hovers at `at` in the Cases programme, written next to FILES for this hover only. */
    async function hoverInCases(at: string): Promise<string[]> {
        await workspace.write('cases.tspec', CASES);
        try {
            return (await hoverIn('cases.tspec', at))?.split('\n\n') ?? [];
        } finally {
            await workspace.delete('cases.tspec');
        }
    }

    test('a unit says which skill-set requirement it meets there', async () => {
        const paragraphs = await hoverInCases('AssessRiskOfHarm');
        expect(paragraphs.at(-1)).toBe(`**In Case managers:** Case manager requires a unit of the core skill set "Risk", which it meets; covered by [Risk](${CASES_URI}#L3)`);
    });

    test('a skill set listed by name is not met by it: no module covers it yet, as the diagnostic says', async () => {
        const paragraphs = await hoverInCases('DiversitySkills');
        expect(paragraphs).toContain('**Units:** PromoteEqualityAndDiversity');
        expect(paragraphs.at(-2)).toBe('**In Case managers:** required by Case manager; no module covers it yet');
        expect(paragraphs.at(-1)).toBe('**Units covered in Case managers:** none yet');
    });

    test('a skill set says which of its units the programme covers, and by which modules', async () => {
        await workspace.write('cases.tspec', CASES.replace('DiversitySkills', 'DiversitySkills, RiskSkills'));
        try {
            const paragraphs = (await hoverIn('cases.tspec', 'RiskSkills'))?.split('\n\n') ?? [];
            expect(paragraphs.at(-1)).toBe(`**Units covered in Case managers:** AssessRiskOfHarm (by [Risk](${CASES_URI}#L3))`);
        } finally {
            await workspace.delete('cases.tspec');
        }
    });

    test('a unit names its skill set', async () => {
        const paragraphs = await hoverInCases('AssessRiskOfHarm');
        expect(paragraphs).toContain('**Skill set:** `RiskSkills` — Risk');
    });
});

describe('hover on other catalogue items', () => {
    test('quotes a qualification route with its notes, escaping what Markdown would swallow', async () => {
        await expectHoverInCourt(COURT.replace('pathway CourtWork', 'pathway CourtWork\n    route <|>PoHonoursRoute'), [
            '**qualification route** `PoHonoursRoute` — PO route: Honours Degree',
            '> The Honours Degree in Community Justice and Vocational Qualification\\*',
            `**Source:** ${PQF}, section How do you access the qualifications?`,
            '**Note:** Access to the Honours Degree or Graduate Diploma is subject to recruitment and selection.',
            '**Note:** \\* All qualifications are undertaken whilst candidates are based in the work place and integrate both theory and practice.'
        ].join('\n\n'));
    });
});

describe('hover on a role', () => {
    test('counts what it requires through the roles it extends, and says it needs a pathway', async () => {
        await expectHoverInCourt(COURT.replace('PO', '<|>PO'), [
            '**role** `PO` — Probation Officer',
            '> In addition to the skills acquired as a PSO, a PO will need to demonstrate an ability to:',
            `**Source:** ${PQF}, section What will a Probation Officer be able to do on the first day of appointment?`,
            '**Extends:** PSO',
            '**Requires:** 14 standards, plus the units of a specialist pathway (through Probation Services Officer)'
        ].join('\n\n'));
    });

    test('shows a workspace role with its notes, escaping Markdown in them', async () => {
        expect(await hoverIn('provider.nos', 'SeniorPO')).toBe([
            // Without a text of its own, a role's title is its words.
            '**role** `SeniorPO`',
            '> Senior Probation Officer',
            '**Note:** Covers \\*all\\* of RoSH.',
            '**Extends:** PO',
            '**Requires:** 23 standards, plus the units of a specialist pathway (through Probation Services Officer)'
        ].join('\n\n'));
    });

    test('of a role without a pathway says only how many standards it requires', async () => {
        await expectHover(workspace.services.spec)({
            text: 'programme P "P" { prepares <|>CaseManager }',
            index: 0,
            disposeAfterCheck: true,
            hover: [
                '**role** `CaseManager` — Case manager',
                '> Case managers will be expected to demonstrate minimum competence within the following skills sets:',
                `**Source:** ${S10}, section 3`,
                '**Note:** Staff will need to demonstrate competence within each skills set.',
                '**Requires:** 36 standards'
            ].join('\n\n')
        });
    });
});

describe('hover on a module', () => {
    test('gives its hours, assessment and number of standards, and links the programmes it belongs to', async () => {
        const expected = (module: string) => [
            module === 'Risk' ? '**module** `Risk` — Risk and safety' : '**module** `Reports` — Pre-sentence reports',
            module === 'Risk' ? '**Hours:** 30 · **Assessed by:** observation, written assignment · **Covers:** 2 standards' : '**Hours:** 20 · **Assessed by:** portfolio · **Covers:** 2 standards',
            `**Programmes:** [Court](${COURT_URI}#L1)`
        ].join('\n\n');
        await expectHoverInCourt(COURT.replace('Risk "', '<|>Risk "'), expected('Risk'));
        await expectHoverInCourt(COURT.replace('Reports', '<|>Reports'), expected('Reports'));
    });

    test('says when no programme contains or includes it', async () => {
        expect(await hoverIn('modules.tspec', 'Loose')).toBe([
            '**module** `Loose` — Loose ends',
            '**Hours:** not given · **Assessed by:** not given · **Covers:** 1 standard',
            '**Programmes:** none; no programme contains or includes it'
        ].join('\n\n'));
    });
});

describe('hover on a programme', () => {
    test('summarises its coverage, overall and for each role and the pathway', async () => {
        // PO: 14 standards, of which PsoAssessRisk is covered; CourtWork: 2 units, of which DevelopSentencingProposals is covered.
        await expectHoverInCourt(COURT.replace('Court "', '<|>Court "'), [
            '**programme** `Court` — Court team',
            '**Prepares:** PO · **Pathway:** CourtWork',
            '**Coverage:** 2 of 16 requirements covered, 14 gaps',
            '- Probation Officer: 1 of 14 requirements covered\n- Court Work pathway: 1 of 2 units covered',
            '**Modules:** 2'
        ].join('\n\n'));
    });

    test('says which role needs the pathway it does not name', async () => {
        await expectHover(workspace.services.spec)({
            text: 'programme <|>Draft "Draft" { prepares PSO route PsoRoute }',
            index: 0,
            disposeAfterCheck: true,
            hover: [
                '**programme** `Draft` — Draft',
                '**Prepares:** PSO · **Pathway:** none, but Probation Services Officer needs one · **Route:** PsoRoute',
                '**Coverage:** 0 of 9 requirements covered, 9 gaps',
                '**Modules:** 0'
            ].join('\n\n')
        });
    });

    test('while a syntax error stands, says when its coverage will be checked, as the diagnostic and the lens do', async () => {
        await expectHover(workspace.services.spec)({
            text: 'programme <|>Draft "Draft" {\n    prepares PSO,\n}',
            index: 0,
            disposeAfterCheck: true,
            hover: [
                '**programme** `Draft` — Draft',
                '**Prepares:** PSO · **Pathway:** none, but Probation Services Officer needs one',
                '**Coverage:** Coverage is checked once the syntax error on line 2 is fixed.',
                '**Modules:** 0'
            ].join('\n\n')
        });
    });
});

describe('hover on half-typed text', () => {
    // Parser recovery leaves out what has not been typed yet: here a unit's title and a module's name.
    let halfTyped: TestWorkspace;

    beforeAll(async () => {
        halfTyped = await TestWorkspace.create({
            'broken.nos': 'unit Broken in RiskSkills',
            'nameless.tspec': 'module "m" { covers RoSH.a, Broken }'
        });
    });

    async function hoverInHalfTyped(path: string, text: string, offset = 0): Promise<string | undefined> {
        const document = halfTyped.document(path);
        const language = path.endsWith('.nos') ? halfTyped.services.standards : halfTyped.services.spec;
        const hover = await language.lsp.HoverProvider!.getHoverContent(document, positionIn(document, text, offset));
        return hover && MarkupContent.is(hover.contents) ? hover.contents.value : undefined;
    }

    test('shows an item without a title under its kind and name, without quoting words it does not have', async () => {
        for (const [path, text] of [['broken.nos', 'Broken'], ['nameless.tspec', 'Broken']]) {
            const hover = await hoverInHalfTyped(path, text);
            expect(hover?.split('\n\n')[0]).toBe('**NOS unit** `Broken`');
            expect(hover).not.toMatch(/undefined|^>/m);
        }
    });

    test('lists a module without a name among those that cover an item', async () => {
        const hover = await hoverInHalfTyped('nameless.tspec', 'RoSH.a');
        expect(hover).toContain('**Covered by:** [(unnamed module)](file:///workspace/nameless.tspec#L1)');
        expect(hover).not.toContain('undefined');
    });
});
