import { describe, expect, test, vi } from 'vitest';
import { Diagnostic, DiagnosticSeverity, type CodeAction } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DefaultCoverageAnalysis } from '../../../language/src/coverage/coverage-analysis.js';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { dataStrings, diagnosticData } from '../../../language/src/validation/diagnostic-data.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const ROOT = 'file:///workspace/';

/** The quick fixes offered for the given diagnostics of a file. */
async function quickFixes(workspace: TestWorkspace, path: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const document = workspace.document(path);
    const language = path.endsWith('.nos') ? workspace.services.standards : workspace.services.spec;
    const actions = await language.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostics[0].range,
        context: { diagnostics }
    });
    return (actions ?? []) as CodeAction[];
}

/** The two gaps of Probation Services Officer in these tests, by the item in each diagnostic's data. */
const PSO_GAPS = /^(PsoDevelopSelf|UnderstandingOfOffending)$/;

/** The identifier a diagnostic's data names, or '' when it names none. */
function itemOf(found: Diagnostic): string {
    const item = (found.data as { item?: unknown } | undefined)?.item;
    return typeof item === 'string' ? item : '';
}

/** The one diagnostic of a file with this code whose message contains `text`, or whose data names the item `text` (a gap's message names it by its words). */
function diagnostic(workspace: TestWorkspace, path: string, code: string, text: string): Diagnostic {
    const matches = workspace.diagnostics(path, code).filter(found => Diagnostic.getMessageString(found).includes(text) || itemOf(found) === text);
    expect(matches).toHaveLength(1);
    return matches[0];
}

/** Applies a fix's edits to the files, as an editor would, and lets the workspace rebuild. */
async function apply(workspace: TestWorkspace, action: CodeAction): Promise<void> {
    for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
        const path = uri.slice(ROOT.length);
        await workspace.write(path, TextDocument.applyEdits(workspace.document(path).textDocument, edits));
    }
}

function errorsOf(workspace: TestWorkspace, paths: string[]): string[] {
    return paths.flatMap(path => workspace.diagnostics(path).filter(found => found.severity === DiagnosticSeverity.Error).map(found => `${path}: ${Diagnostic.getMessageString(found)}`));
}

function text(workspace: TestWorkspace, path: string): string {
    return workspace.document(path).textDocument.getText();
}

/** Checks that a fix leaves files that parse, with no new errors, and without the diagnostic it fixes. */
async function expectFixed(workspace: TestWorkspace, action: CodeAction, path: string, fixed: Diagnostic): Promise<void> {
    const paths = Object.keys(action.edit!.changes!).map(uri => uri.slice(ROOT.length)).concat(path);
    const errorsBefore = errorsOf(workspace, paths);
    await apply(workspace, action);
    for (const changed of paths) {
        const { lexerErrors, parserErrors } = workspace.document(changed).parseResult;
        expect([...lexerErrors, ...parserErrors]).toEqual([]);
    }
    expect(workspace.messages(path, fixed.code as string)).not.toContain(Diagnostic.getMessageString(fixed));
    expect(errorsOf(workspace, paths).filter(error => !errorsBefore.includes(error))).toEqual([]);
}

describe('quick fixes for an unresolved reference', () => {
    const files = {
        'draft.tspec': `programme Draft "Draft" {
    prepares PSO
    pathway CourtWork

    module Risk "Risk" {
        hours 3
        covers AssesRiskOfHarm, PsoAssessRisk
    }
}
`
    };

    test('one "Change to" per suggestion, the first one preferred', async () => {
        const workspace = await TestWorkspace.create(files);
        const unresolved = diagnostic(workspace, 'draft.tspec', DiagnosticCode.UnresolvedReference, 'AssesRiskOfHarm');
        expect(diagnosticData(unresolved, 'suggestions')).toEqual(['AssessRiskOfHarm']);
        expect(await quickFixes(workspace, 'draft.tspec', [unresolved])).toEqual([{
            title: 'Change to AssessRiskOfHarm',
            kind: 'quickfix',
            isPreferred: true,
            diagnostics: [unresolved],
            edit: { changes: { [`${ROOT}draft.tspec`]: [{ range: workspace.rangeOf('draft.tspec', 'AssesRiskOfHarm'), newText: 'AssessRiskOfHarm' }] } }
        }]);
    });

    test('several suggestions give several fixes; applying one resolves the reference', async () => {
        const workspace = await TestWorkspace.create({ 'draft.tspec': files['draft.tspec'].replace('AssesRiskOfHarm', 'RoSH.j') });
        const unresolved = diagnostic(workspace, 'draft.tspec', DiagnosticCode.UnresolvedReference, 'RoSH.j');
        const actions = await quickFixes(workspace, 'draft.tspec', [unresolved]);
        const suggestions = dataStrings(unresolved, 'suggestions') ?? [];
        expect(actions.map(action => [action.title, action.isPreferred ?? false])).toEqual(
            suggestions.map((name, index) => [`Change to ${name}`, index === 0]));
        expect(actions.length).toBeGreaterThan(1);
        await expectFixed(workspace, actions[1], 'draft.tspec', unresolved);
        expect(text(workspace, 'draft.tspec')).toContain(`covers ${suggestions[1]}, PsoAssessRisk`);
        expect(workspace.diagnostics('draft.tspec', DiagnosticCode.UnresolvedReference)).toEqual([]);
    });

    test('the same typo twice, asked about at once, gives one fix for each place', async () => {
        const workspace = await TestWorkspace.create({ 'draft.tspec': files['draft.tspec'].replace('PsoAssessRisk', 'AssesRiskOfHarm') });
        const unresolved = workspace.diagnostics('draft.tspec', DiagnosticCode.UnresolvedReference);
        expect(unresolved).toHaveLength(2);
        const actions = await quickFixes(workspace, 'draft.tspec', unresolved);
        expect(actions.map(action => [action.title, action.diagnostics, action.edit!.changes![`${ROOT}draft.tspec`][0].range])).toEqual([
            ['Change to AssessRiskOfHarm', [unresolved[0]], workspace.rangeOf('draft.tspec', 'AssesRiskOfHarm', 0)],
            ['Change to AssessRiskOfHarm', [unresolved[1]], workspace.rangeOf('draft.tspec', 'AssesRiskOfHarm', 1)]
        ]);
    });

    test('in a catalogue too', async () => {
        const workspace = await TestWorkspace.create({ 'roles.nos': 'role Senior "Senior officer" extends PO {\n    requires PsoAsessRisk\n}\n' });
        const unresolved = diagnostic(workspace, 'roles.nos', DiagnosticCode.UnresolvedReference, 'PsoAsessRisk');
        const actions = await quickFixes(workspace, 'roles.nos', [unresolved]);
        expect(actions.map(action => action.title)).toEqual(['Change to PsoAssessRisk']);
        await expectFixed(workspace, actions[0], 'roles.nos', unresolved);
        expect(text(workspace, 'roles.nos')).toBe('role Senior "Senior officer" extends PO {\n    requires PsoAssessRisk\n}\n');
    });
});

describe('quick fixes for an uncovered requirement', () => {
    const PROGRAMME = `programme Court "Court team" {
    prepares PSO
    pathway CourtWork
    includes Reports

    module Core "Core practice" {
        hours 10
        covers PsoAssessRisk, PsoPromoteEquality, PsoCommunicate, PsoSupportChange, PsoWorkWithOthers, PsoSpecialistPathway, KnowledgeOfPolicy
    }

    module Induction "Induction" {
        hours 5
    }
}
`;
    const MODULES = `module Reports "Reports" {
    hours 20
    covers DevelopSentencingProposals
}
`;
    const files = { 'court.tspec': PROGRAMME, 'modules.tspec': MODULES };

    test('offers to add the item to each module of the programme, its own and included, and to create a module for the remaining gaps', async () => {
        const workspace = await TestWorkspace.create(files);
        const gap = diagnostic(workspace, 'court.tspec', DiagnosticCode.UncoveredRequirement, 'PsoDevelopSelf');
        expect((await quickFixes(workspace, 'court.tspec', [gap])).map(action => action.title)).toEqual([
            "Add 'develop own knowledge and skills' to 'Core practice'",
            "Add 'develop own knowledge and skills' to 'Induction'",
            "Add 'develop own knowledge and skills' to 'Reports'",
            'Create a module covering the 2 remaining gaps of Probation Services Officer'
        ]);
        const pathwayGap = diagnostic(workspace, 'court.tspec', DiagnosticCode.UncoveredRequirement, 'ExchangeInformationAtHearings');
        expect((await quickFixes(workspace, 'court.tspec', [pathwayGap])).map(action => action.title)).toEqual([
            "Add 'Exchange information at formal hearings' to 'Core practice'",
            "Add 'Exchange information at formal hearings' to 'Induction'",
            "Add 'Exchange information at formal hearings' to 'Reports'",
            'Create a module covering the remaining gap of the Court Work pathway'
        ]);
    });

    test('adding to a module with a covers line appends to it', async () => {
        const workspace = await TestWorkspace.create(files);
        const gap = diagnostic(workspace, 'court.tspec', DiagnosticCode.UncoveredRequirement, 'PsoDevelopSelf');
        const [addToCore] = await quickFixes(workspace, 'court.tspec', [gap]);
        await expectFixed(workspace, addToCore, 'court.tspec', gap);
        expect(text(workspace, 'court.tspec')).toBe(PROGRAMME.replace('KnowledgeOfPolicy\n', 'KnowledgeOfPolicy, PsoDevelopSelf\n'));
    });

    test('adding to a module without a covers line adds one, which also settles its covers-nothing warning', async () => {
        const workspace = await TestWorkspace.create(files);
        expect(workspace.messages('court.tspec', DiagnosticCode.ModuleCoversNothing)).toHaveLength(1);
        const gap = diagnostic(workspace, 'court.tspec', DiagnosticCode.UncoveredRequirement, 'PsoDevelopSelf');
        const addToInduction = (await quickFixes(workspace, 'court.tspec', [gap]))[1];
        await expectFixed(workspace, addToInduction, 'court.tspec', gap);
        expect(text(workspace, 'court.tspec')).toBe(PROGRAMME.replace('        hours 5\n', '        hours 5\n        covers PsoDevelopSelf\n'));
        expect(workspace.messages('court.tspec', DiagnosticCode.ModuleCoversNothing)).toEqual([]);
    });

    test('adding to an included module edits the module\'s own file', async () => {
        const workspace = await TestWorkspace.create(files);
        const gap = diagnostic(workspace, 'court.tspec', DiagnosticCode.UncoveredRequirement, 'PsoDevelopSelf');
        const addToReports = (await quickFixes(workspace, 'court.tspec', [gap]))[2];
        expect(Object.keys(addToReports.edit!.changes!)).toEqual([`${ROOT}modules.tspec`]);
        await expectFixed(workspace, addToReports, 'court.tspec', gap);
        expect(text(workspace, 'modules.tspec')).toBe(MODULES.replace('covers DevelopSentencingProposals', 'covers DevelopSentencingProposals, PsoDevelopSelf'));
        expect(text(workspace, 'court.tspec')).toBe(PROGRAMME);
    });

    test('the module stub covers every remaining gap of the role, with a unique name and valid hours, and adds no new problem', async () => {
        const workspace = await TestWorkspace.create(files);
        const gap = diagnostic(workspace, 'court.tspec', DiagnosticCode.UncoveredRequirement, 'PsoDevelopSelf');
        const createModule = (await quickFixes(workspace, 'court.tspec', [gap]))[3];
        const before = workspace.diagnostics('court.tspec').filter(found => !PSO_GAPS.test(itemOf(found))).map(found => Diagnostic.getMessageString(found));
        await expectFixed(workspace, createModule, 'court.tspec', gap);
        expect(text(workspace, 'court.tspec')).toBe(PROGRAMME.replace(/\}\n$/, `
    module PSOGaps "Remaining requirements of Probation Services Officer" {
        hours 1
        covers PsoDevelopSelf, UnderstandingOfOffending
    }
}
`));
        // Both gaps of PSO are covered; the pathway's gap and the other warnings are as they were.
        expect(workspace.messages('court.tspec')).toEqual(before);
    });

    test('the module stub for a pathway covers the pathway\'s remaining units', async () => {
        const workspace = await TestWorkspace.create(files);
        const gap = diagnostic(workspace, 'court.tspec', DiagnosticCode.UncoveredRequirement, 'ExchangeInformationAtHearings');
        const createModule = (await quickFixes(workspace, 'court.tspec', [gap]))[3];
        await expectFixed(workspace, createModule, 'court.tspec', gap);
        expect(text(workspace, 'court.tspec')).toContain(`
    module CourtWorkGaps "Remaining units of the Court Work pathway" {
        hours 1
        covers ExchangeInformationAtHearings
    }
}
`);
    });

    test('the stub\'s name is one that nothing in the workspace declares yet', async () => {
        const workspace = await TestWorkspace.create({ ...files, 'taken.tspec': 'module PSOGaps "Taken" { hours 1 covers RoSH.a }\nmodule PSOGaps2 "Taken" { hours 1 covers RoSH.b }\nprogramme Other "Other" { prepares CaseManager includes PSOGaps, PSOGaps2 }\n' });
        const gap = diagnostic(workspace, 'court.tspec', DiagnosticCode.UncoveredRequirement, 'PsoDevelopSelf');
        const createModule = (await quickFixes(workspace, 'court.tspec', [gap])).find(action => action.title.startsWith('Create'))!;
        await expectFixed(workspace, createModule, 'court.tspec', gap);
        expect(text(workspace, 'court.tspec')).toContain('    module PSOGaps3 "Remaining requirements of Probation Services Officer" {\n');
        expect(workspace.diagnostics('court.tspec', DiagnosticCode.DuplicateIdentifier)).toEqual([]);
    });

    test('the stub also fits a programme written on one line', async () => {
        const workspace = await TestWorkspace.create({ 'one-line.tspec': 'programme Tiny "Tiny" { prepares PO pathway Victims }' });
        const gap = diagnostic(workspace, 'one-line.tspec', DiagnosticCode.UncoveredRequirement, 'PsoDevelopSelf');
        const createModule = (await quickFixes(workspace, 'one-line.tspec', [gap])).find(action => action.title.startsWith('Create'))!;
        expect(createModule.title).toBe('Create a module covering the 14 remaining gaps of Probation Officer');
        await expectFixed(workspace, createModule, 'one-line.tspec', gap);
        expect(text(workspace, 'one-line.tspec')).toBe(`programme Tiny "Tiny" { prepares PO pathway Victims

    module POGaps "Remaining requirements of Probation Officer" {
        hours 1
        covers PoProtectPublic, PoInfluenceChange, PoDevelopProfessionally, PoPromoteEquality, PoEvidenceBasedPractice, PsoAssessRisk, PsoPromoteEquality, PsoCommunicate, PsoSupportChange, PsoWorkWithOthers, PsoDevelopSelf, PsoSpecialistPathway, KnowledgeOfPolicy, UnderstandingOfOffending
    }
}`);
        expect(workspace.messages('one-line.tspec', DiagnosticCode.UncoveredRequirement).every(message => message.includes('the Victims, Survivors & Witnesses pathway'))).toBe(true);
    });

    test('asked for several gaps at once, the stub for a role is offered once, for all of them', async () => {
        const workspace = await TestWorkspace.create(files);
        const gaps = workspace.diagnostics('court.tspec', DiagnosticCode.UncoveredRequirement).filter(found => PSO_GAPS.test(itemOf(found)));
        expect(gaps).toHaveLength(2);
        const stubs = (await quickFixes(workspace, 'court.tspec', gaps)).filter(action => action.title.startsWith('Create'));
        expect(stubs.map(action => [action.title, action.diagnostics])).toEqual([['Create a module covering the 2 remaining gaps of Probation Services Officer', gaps]]);
    });
});

describe('quick fixes for a skill set not yet met', () => {
    const files = {
        'cases.tspec': `programme Cases "Case managers" {
    prepares CaseManager
    module Risk "Risk" {
        covers AssessRiskOfHarm
    }
}
`,
        // Another programme's module covers one unit of the Communication skill set.
        'elsewhere.tspec': `programme Other "Other" {
    prepares CommunitySafetySpecialist
    module Talk "Talk" { covers CommunityConcerns, AssessOffendingBehaviour }
}
`
    };

    test('offers to add a unit of the set, those covered elsewhere first, never the set itself', async () => {
        const workspace = await TestWorkspace.create(files);
        const gap = diagnostic(workspace, 'cases.tspec', DiagnosticCode.UncoveredRequirement, 'core skill set "Communication"');
        const fixes = await quickFixes(workspace, 'cases.tspec', [gap]);
        expect(fixes.map(action => action.title)).toEqual([
            "Add 'Assess individuals’ offending behaviour to plan provision' to 'Risk'",
            "Add 'Communicate effectively with people, maintaining the security of information' to 'Risk'",
            'Create a module covering the 35 remaining gaps of Case manager'
        ]);
        await expectFixed(workspace, fixes[0], 'cases.tspec', gap);
        expect(text(workspace, 'cases.tspec')).toContain('covers AssessRiskOfHarm, AssessOffendingBehaviour\n');
    });

    test('the module stub meets each skill set with a unit of it', async () => {
        const workspace = await TestWorkspace.create(files);
        const gap = diagnostic(workspace, 'cases.tspec', DiagnosticCode.UncoveredRequirement, 'core skill set "Communication"');
        const stub = (await quickFixes(workspace, 'cases.tspec', [gap])).find(action => action.title.startsWith('Create'))!;
        const newText = Object.values(stub.edit!.changes!)[0][0].newText;
        expect(newText).toContain('CaseManagement.f, PromoteEqualityAndDiversity, AssessOffendingBehaviour, TeamWorking, ');
        expect(newText).not.toMatch(/Skills\b/);
        await apply(workspace, stub);
        expect(workspace.diagnostics('cases.tspec', DiagnosticCode.UncoveredRequirement)).toEqual([]);
    });
});

describe('quick fixes for a skill set covered by name', () => {
    test('offer to change it to one of its units, which then meets the requirement', async () => {
        const workspace = await TestWorkspace.create({
            'cases.tspec': 'programme Cases "Case managers" {\n    prepares CaseManager\n    module Risk "Risk" {\n        covers RoSH.a, RiskSkills\n    }\n}\n'
        });
        const covered = diagnostic(workspace, 'cases.tspec', DiagnosticCode.SkillSetCovered, '"Risk"');
        const fixes = await quickFixes(workspace, 'cases.tspec', [covered]);
        expect(fixes.map(action => [action.title, action.isPreferred])).toEqual([
            ["Change 'Risk' to 'Contribute to the protection of individuals from abuse'", true],
            ["Change 'Risk' to 'Assess risk of harm and the need for intervention'", undefined],
            ["Change 'Risk' to 'Contribute to the prevention and management of abusive and aggressive behaviour'", undefined]
        ]);
        await expectFixed(workspace, fixes[1], 'cases.tspec', covered);
        expect(text(workspace, 'cases.tspec')).toContain('covers RoSH.a, AssessRiskOfHarm\n');
        expect(workspace.diagnostics('cases.tspec', DiagnosticCode.UncoveredRequirement).map(gap => (gap.data as { item: string }).item)).not.toContain('RiskSkills');
    });
});

describe('quick fixes for a module that belongs to no programme', () => {
    const PROGRAMMES = `programme Alpha "Alpha" {
    prepares PSO
    pathway CourtWork
    includes Reports
}

programme Beta "Beta" {
    prepares PO // the officers' programme
    pathway CourtWork

    module Own "Own" {
        hours 1
        covers PsoDevelopSelf
    }
}
`;
    const MODULES = 'module Reports "Reports" {\n    hours 20\n    covers DevelopSentencingProposals\n}\n\nmodule Loose "Loose" {\n    hours 2\n    covers RoSH.a\n}\n';
    const files = { 'programmes.tspec': PROGRAMMES, 'modules.tspec': MODULES };

    test('offers to add it to each programme in the workspace', async () => {
        const workspace = await TestWorkspace.create(files);
        const orphan = diagnostic(workspace, 'modules.tspec', DiagnosticCode.OrphanModule, 'Loose');
        expect((await quickFixes(workspace, 'modules.tspec', [orphan])).map(action => action.title)).toEqual([
            "Add 'Loose' to 'Alpha'",
            "Add 'Loose' to 'Beta'"
        ]);
    });

    test('lists the programmes without analysing any of them', async () => {
        const loose = 'module Loose "Loose" {\n    hours 2\n    covers RoSH.a\n}\n';
        const workspace = await TestWorkspace.create({ 'programmes.tspec': PROGRAMMES, 'modules.tspec': MODULES.slice(0, MODULES.indexOf('module Loose')), 'loose.tspec': loose });
        // An edit to the module's file starts a new workspace state; no programme includes the file, so none is analysed again.
        await workspace.write('loose.tspec', loose.replace('hours 2', 'hours 3'));
        const analyse = vi.spyOn(DefaultCoverageAnalysis.prototype as unknown as { analyse: () => unknown }, 'analyse');
        try {
            const orphan = diagnostic(workspace, 'loose.tspec', DiagnosticCode.OrphanModule, 'Loose');
            expect(await quickFixes(workspace, 'loose.tspec', [orphan])).toHaveLength(2);
            expect(analyse).not.toHaveBeenCalled();
        } finally {
            analyse.mockRestore();
        }
    });

    test('adds it to an existing includes line', async () => {
        const workspace = await TestWorkspace.create(files);
        const orphan = diagnostic(workspace, 'modules.tspec', DiagnosticCode.OrphanModule, 'Loose');
        const [alpha] = await quickFixes(workspace, 'modules.tspec', [orphan]);
        await expectFixed(workspace, alpha, 'modules.tspec', orphan);
        expect(text(workspace, 'programmes.tspec')).toBe(PROGRAMMES.replace('includes Reports', 'includes Reports, Loose'));
        expect(workspace.diagnostics('modules.tspec', DiagnosticCode.OrphanModule)).toEqual([]);
    });

    test('or adds an includes line after the programme\'s opening clauses, past a trailing comment', async () => {
        const workspace = await TestWorkspace.create(files);
        const orphan = diagnostic(workspace, 'modules.tspec', DiagnosticCode.OrphanModule, 'Loose');
        const beta = (await quickFixes(workspace, 'modules.tspec', [orphan]))[1];
        await expectFixed(workspace, beta, 'modules.tspec', orphan);
        expect(text(workspace, 'programmes.tspec')).toBe(PROGRAMMES.replace('    pathway CourtWork\n\n', '    pathway CourtWork\n    includes Loose\n\n'));
    });
});

describe('quick fixes for a missing pathway', () => {
    test('offers each specialist area; the chosen one is added after prepares', async () => {
        const programme = 'programme Draft "Draft" {\n    prepares PSO /* for now */\n    module M "M" { hours 1 covers PsoAssessRisk }\n}\n';
        const workspace = await TestWorkspace.create({ 'draft.tspec': programme });
        const missing = diagnostic(workspace, 'draft.tspec', DiagnosticCode.MissingPathway, 'Draft');
        const actions = await quickFixes(workspace, 'draft.tspec', [missing]);
        expect(actions.map(action => action.title)).toEqual([
            'Add the Case/Offender Management/Supervision pathway', 'Add the Community Payback pathway', 'Add the Approved Premises / Hostels pathway', 'Add the Court Work pathway',
            'Add the Programmes pathway', 'Add the Victims, Survivors & Witnesses pathway', 'Add the Community Safety pathway', 'Add the Prison work pathway', 'Add the Restorative Justice pathway'
        ]);
        await expectFixed(workspace, actions[3], 'draft.tspec', missing);
        expect(text(workspace, 'draft.tspec')).toBe(programme.replace('/* for now */\n', '/* for now */\n    pathway CourtWork\n'));
        expect(workspace.diagnostics('draft.tspec', DiagnosticCode.MissingPathway)).toEqual([]);
    });

    test('in a programme written on one line, the pathway goes before its closing brace', async () => {
        const workspace = await TestWorkspace.create({ 'draft.tspec': 'programme Draft "Draft" { prepares PSO module M "M" { hours 1 covers PsoAssessRisk } }' });
        const missing = diagnostic(workspace, 'draft.tspec', DiagnosticCode.MissingPathway, 'Draft');
        const courtWork = (await quickFixes(workspace, 'draft.tspec', [missing])).find(action => action.title === 'Add the Court Work pathway')!;
        await expectFixed(workspace, courtWork, 'draft.tspec', missing);
        expect(text(workspace, 'draft.tspec')).toBe('programme Draft "Draft" { prepares PSO module M "M" { hours 1 covers PsoAssessRisk }\n    pathway CourtWork\n}');
    });
});

describe('what is not a quick fix', () => {
    test('no fixes for other diagnostics, nor when the editor asks only for other kinds of action', async () => {
        const workspace = await TestWorkspace.create({ 'draft.tspec': 'programme Draft "Draft" {\n    prepares PSO\n    pathway CourtWork\n    module M "M" { hours 0 covers AssesRiskOfHarm }\n}\n' });
        const hours = workspace.diagnostics('draft.tspec', DiagnosticCode.NonPositiveHours);
        expect(hours).toHaveLength(1);
        expect(await quickFixes(workspace, 'draft.tspec', hours)).toEqual([]);
        const document = workspace.document('draft.tspec');
        const unresolved = workspace.diagnostics('draft.tspec', DiagnosticCode.UnresolvedReference);
        const refactorings = await workspace.services.spec.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: unresolved[0].range, context: { diagnostics: unresolved, only: ['refactor'] }
        });
        expect(refactorings).toBeUndefined();
    });
});

describe('quick fixes on half-typed text', () => {
    // Parser recovery leaves out a name that has not been typed yet.
    test('an orphan module can join a programme whose name is not typed yet, named there by its title', async () => {
        const workspace = await TestWorkspace.create({
            'programmes.tspec': 'programme Alpha "Alpha" {\n    prepares PSO\n}\n\nprogramme "Still typing" {\n    prepares PO\n}\n',
            'modules.tspec': 'module Loose "Loose" {\n    hours 2\n    covers RoSH.a\n}\n'
        });
        const orphan = diagnostic(workspace, 'modules.tspec', DiagnosticCode.OrphanModule, 'Loose');
        const fixes = await quickFixes(workspace, 'modules.tspec', [orphan]);
        expect(fixes.map(action => action.title)).toEqual(["Add 'Loose' to 'Alpha'", "Add 'Loose' to 'Still typing'"]);
        await apply(workspace, fixes[1]);
        expect(text(workspace, 'programmes.tspec')).toContain('programme "Still typing" {\n    prepares PO\n    includes Loose\n}');
    });

    test('a module without a name yet is offered no programme to join, since a programme includes a module by name', async () => {
        const workspace = await TestWorkspace.create({
            'programmes.tspec': 'programme Alpha "Alpha" {\n    prepares PSO\n}\n',
            'modules.tspec': 'module "Loose" {\n    hours 2\n    covers RoSH.a\n}\n'
        });
        const [orphan] = workspace.diagnostics('modules.tspec', DiagnosticCode.OrphanModule);
        expect(await quickFixes(workspace, 'modules.tspec', [orphan])).toEqual([]);
    });

    test('a gap can be covered by a module whose name is not typed yet, named by its title', async () => {
        const workspace = await TestWorkspace.create({
            'safety.tspec': 'programme Safety "Safety" {\n    prepares CommunitySafetySpecialist\n    module "Concerns" { hours 2 }\n}\n'
        });
        // While the name is missing the file has a syntax error, so no gap is reported: a client may still hold the last one.
        expect(workspace.diagnostics('safety.tspec', DiagnosticCode.UncoveredRequirement)).toEqual([]);
        const gap = Diagnostic.create(workspace.rangeOf('safety.tspec', 'CommunitySafetySpecialist'), 'No module covers …', DiagnosticSeverity.Warning,
            DiagnosticCode.UncoveredRequirement);
        gap.data = { code: DiagnosticCode.UncoveredRequirement, item: 'CommunityConcerns' };
        const titles = (await quickFixes(workspace, 'safety.tspec', [gap])).map(action => action.title);
        expect(titles).toContain("Add 'Determine the concerns and priorities of communities in relation to safety, social inclusion and the prevention and reduction of crime and anti-social behaviour' to 'Concerns'");
        expect(titles.join('\n')).not.toContain('undefined');
    });
});
