import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { TestWorkspace } from '../../support/test-workspace.js';

// Each test changes one file and checks the diagnostics of another file that does not itself change.

const HEARINGS_GAP = `No module covers ExchangeInformationAtHearings, which Specialist: Court Work requires: "Exchange information at formal hearings"`;
const REPORTS_GAP = `No module covers DevelopSentencingProposals, which Specialist: Court Work requires: "Develop proposals and prepare reports to inform sentencing"`;

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
                message: `No module covers DeliverAccreditedProgrammes, which Alpha (through Beta) requires: "Deliver accredited programmes"`,
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
