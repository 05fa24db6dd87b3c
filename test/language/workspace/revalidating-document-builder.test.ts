import { DocumentState, isOperationCancelled } from 'langium';
import { describe, expect, test } from 'vitest';
import { CancellationTokenSource, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { TestWorkspace } from '../../support/test-workspace.js';

// Each test changes one file and checks the diagnostics of another file that does not itself change.

const HEARINGS_GAP = `No module covers the NOS unit "Exchange information at formal hearings", which Specialist: Court Work requires.`;
const REPORTS_GAP = `No module covers the NOS unit "Develop proposals and prepare reports to inform sentencing", which Specialist: Court Work requires.`;

describe('a programme and the module files it includes', () => {
    const files = {
        'programme.tspec': `programme Court "Court team" {
    prepares CourtWorkSpecialist
    includes Hearings
}`,
        'modules.tspec': `module Hearings "Hearings" { covers ExchangeInformationAtHearings }`
    };

    test('an edit to an included module that covers a gap clears it, and one that drops a cover brings a gap back', async () => {
        const workspace = await TestWorkspace.create(files);
        expect(workspace.messages('programme.tspec')).toEqual([REPORTS_GAP]);

        await workspace.write('modules.tspec', `module Hearings "Hearings" { covers ExchangeInformationAtHearings, DevelopSentencingProposals }`);
        expect(workspace.messages('programme.tspec')).toEqual([]);

        await workspace.write('modules.tspec', `module Hearings "Hearings" { covers DevelopSentencingProposals }`);
        expect(workspace.messages('programme.tspec')).toEqual([HEARINGS_GAP]);
    });

    test('deleting the module file leaves the include unresolved and every requirement uncovered', async () => {
        const workspace = await TestWorkspace.create(files);
        await workspace.delete('modules.tspec');
        expect(workspace.messages('programme.tspec', DiagnosticCode.UnresolvedReference)).toEqual([`Unknown module 'Hearings'.`]);
        expect(workspace.messages('programme.tspec', DiagnosticCode.UncoveredRequirement)).toEqual([HEARINGS_GAP, REPORTS_GAP]);
    });

    test('deleting the programme file makes the module it included an orphan, and restoring it makes it belong again', async () => {
        const workspace = await TestWorkspace.create(files);
        expect(workspace.diagnostics('modules.tspec')).toEqual([]);

        await workspace.delete('programme.tspec');
        expect(workspace.diagnostics('modules.tspec')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Warning,
                code: DiagnosticCode.OrphanModule,
                message: `Module 'Hearings' belongs to no programme. Add it to one with a line such as 'includes Hearings'.`,
                range: workspace.rangeOf('modules.tspec', 'Hearings')
            })
        ]);

        await workspace.write('programme.tspec', files['programme.tspec']);
        expect(workspace.diagnostics('modules.tspec')).toEqual([]);
    });
});

describe('a programme and the catalogues behind its role', () => {
    test('a requirement added to a role two catalogues away shows as a gap in the programme, and goes when it is removed', async () => {
        const beta = (requirements: string) => `role Beta "Beta" {
    requires ${requirements}
}`;
        const workspace = await TestWorkspace.create({
            'programme.tspec': `programme Safety "Safety" {
    prepares Alpha
    module Concerns "Concerns" { covers CommunityConcerns }
}`,
            'a.nos': `role Alpha "Alpha" extends Beta { }`,
            'b.nos': beta('CommunityConcerns')
        });
        expect(workspace.diagnostics('programme.tspec')).toEqual([]);

        await workspace.write('b.nos', beta('CommunityConcerns, DeliverAccreditedProgrammes'));
        expect(workspace.diagnostics('programme.tspec')).toEqual([
            expect.objectContaining({
                code: DiagnosticCode.UncoveredRequirement,
                message: `No module covers the NOS unit "Deliver accredited programmes", which Alpha (through Beta) requires.`,
                range: workspace.rangeOf('programme.tspec', 'Alpha')
            })
        ]);

        await workspace.write('b.nos', beta('CommunityConcerns'));
        expect(workspace.diagnostics('programme.tspec')).toEqual([]);
    });
});

describe('declarations in two files', () => {
    const concerns = `module Concerns "Concerns" { covers CommunityConcerns }`;

    test('the duplicate-identifier error in one file goes when the other declaration is deleted, and comes back with it', async () => {
        const workspace = await TestWorkspace.create({
            'programme.tspec': `programme Safety "Safety" { prepares CommunitySafetySpecialist includes Concerns }`,
            'a.tspec': concerns,
            'b.tspec': concerns
        });
        expect(workspace.messages('a.tspec')).toEqual([`Duplicate identifier 'Concerns': also declared in b.tspec, line 1.`]);

        await workspace.delete('b.tspec');
        expect(workspace.messages('a.tspec')).toEqual([]);

        await workspace.write('b.tspec', concerns);
        expect(workspace.messages('a.tspec')).toEqual([`Duplicate identifier 'Concerns': also declared in b.tspec, line 1.`]);
    });
});

describe('a name declared again in a file that takes precedence', () => {
    const programme = `programme Court "Court team" {
    prepares CourtWorkSpecialist
    includes Hearings
}`;
    const hearings = (name: string, covers: string) => `module ${name} "Hearings" { covers ${covers} }`;
    // b.tspec declares Hearings; a.tspec, which takes precedence (it comes first by name), will declare it too.
    const files = { 'programme.tspec': programme, 'a.tspec': hearings('Other', 'ExchangeInformationAtHearings'), 'b.tspec': hearings('Hearings', 'DevelopSentencingProposals') };
    const declaringA = hearings('Hearings', 'ExchangeInformationAtHearings');
    const paths = Object.keys(files);
    const everyDiagnostic = (workspace: TestWorkspace) => Object.fromEntries(paths.map(path => [path, workspace.diagnostics(path).map(asLine).sort()]));
    const asLine = (diagnostic: Diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.character} ${String(diagnostic.code)} ${Diagnostic.getMessageString(diagnostic)}`;

    test('the programme that included the other declaration now includes the new one, as in a fresh check', async () => {
        const workspace = await TestWorkspace.create(files);
        await workspace.write('a.tspec', declaringA);
        const fresh = await TestWorkspace.create({ ...files, 'a.tspec': declaringA });
        expect(everyDiagnostic(workspace)).toEqual(everyDiagnostic(fresh));
        expect(workspace.messages('b.tspec', DiagnosticCode.OrphanModule)).toHaveLength(1);
    });

    test('the update cancelled once the file is checked, the next update relinks the programme', async () => {
        const workspace = await TestWorkspace.create({ ...files, 'other.tspec': `programme Other "Other" { prepares CourtWorkSpecialist }` });
        const { DocumentBuilder } = workspace.services.shared.workspace;
        const source = new CancellationTokenSource();
        const listener = DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            if (document.uri.toString() === workspace.uri('a.tspec').toString()) {
                source.cancel();
            }
        });
        workspace.writeFile('a.tspec', declaringA);
        await expect(DocumentBuilder.update([workspace.uri('a.tspec')], [], source.token)).rejects.toSatisfy(isOperationCancelled);
        listener.dispose();

        await workspace.write('other.tspec', `programme Other "Other" { prepares CourtWorkSpecialist }\n`);
        const fresh = await TestWorkspace.create({ ...files, 'a.tspec': declaringA });
        expect(everyDiagnostic(workspace)).toEqual(everyDiagnostic(fresh));
    });
});

// An update queued on the workspace lock while another is queued or running cancels it, as an
// editor's next keystroke does. What the cancelled update owed must still be done.
describe('an update cancelled by the next one', () => {
    const programme = (includes: boolean) => `programme Court "Court team" {
    prepares CourtWorkSpecialist
${includes ? '    includes Hearings\n' : ''}}`;
    const files = {
        'programme.tspec': programme(true),
        'modules.tspec': `module Hearings "Hearings" { covers ExchangeInformationAtHearings }`,
        'other.tspec': `programme Other "Other" { prepares CourtWorkSpecialist }`
    };
    const orphans = (workspace: TestWorkspace) => workspace.messages('modules.tspec', DiagnosticCode.OrphanModule);

    test('an includes removed, then another file edited at once: the module becomes an orphan, and stops being one when the includes is back', async () => {
        const workspace = await TestWorkspace.create(files);
        expect(orphans(workspace)).toEqual([]);

        await Promise.all([workspace.queueWrite('programme.tspec', programme(false)), workspace.queueWrite('other.tspec', `${files['other.tspec']}\n`)]);
        expect(orphans(workspace)).toEqual([`Module 'Hearings' belongs to no programme. Add it to one with a line such as 'includes Hearings'.`]);

        await Promise.all([workspace.queueWrite('programme.tspec', programme(true)), workspace.queueWrite('other.tspec', files['other.tspec'])]);
        expect(orphans(workspace)).toEqual([]);
    });

    test('a setting changed, then a file edited at once: every programme reports its gaps with the new severity', async () => {
        const workspace = await TestWorkspace.create(files);
        const gapSeverities = () => ['programme.tspec', 'other.tspec'].flatMap(path => workspace.diagnostics(path, DiagnosticCode.UncoveredRequirement).map(gap => gap.severity));
        expect(new Set(gapSeverities())).toEqual(new Set([DiagnosticSeverity.Warning]));

        const applied = workspace.services.shared.settings.SettingsConfiguration.apply({ coverage: { severity: 'error' } });
        await Promise.all([applied, workspace.queueWrite('modules.tspec', `${files['modules.tspec']}\n`)]);
        expect(new Set(gapSeverities())).toEqual(new Set([DiagnosticSeverity.Error]));
    });

    test('a build cancelled after linking a programme but before indexing its references: the next change to its module still reaches it', async () => {
        const workspace = await TestWorkspace.create(files);
        const { DocumentBuilder } = workspace.services.shared.workspace;
        const source = new CancellationTokenSource();
        const programmeUri = workspace.uri('programme.tspec').toString();
        const listener = DocumentBuilder.onDocumentPhase(DocumentState.Linked, document => {
            if (document.uri.toString() === programmeUri) {
                source.cancel();
            }
        });
        workspace.writeFile('modules.tspec', `module Hearings "Hearings" { covers ExchangeInformationAtHearings, DevelopSentencingProposals }`);
        await expect(DocumentBuilder.update([workspace.uri('modules.tspec')], [], source.token)).rejects.toSatisfy(isOperationCancelled);
        listener.dispose();

        await workspace.write('modules.tspec', `module Hearings2 "Hearings" { covers ExchangeInformationAtHearings }`);
        expect(workspace.messages('programme.tspec', DiagnosticCode.UnresolvedReference)).toEqual([`Unknown module 'Hearings'. Did you mean 'Hearings2'?`]);
        expect(workspace.messages('modules.tspec', DiagnosticCode.OrphanModule)).toHaveLength(1);
    });
});
