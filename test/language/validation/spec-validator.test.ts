import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { TestWorkspace } from '../../support/test-workspace.js';

// CommunitySafetySpecialist requires one unit only, so these specs have no coverage gaps to get in the way.

describe('module checks', () => {
    test('a module of zero or negative hours is an error on the number', async () => {
        const workspace = await TestWorkspace.create({
            'hours.tspec': `programme Safety "Safety" {
    prepares CommunitySafetySpecialist
    module Zero "Zero" { hours 0 covers CommunityConcerns }
    module Negative "Negative" { hours -5 covers CommunityConcerns }
    module Half "Half" { hours 0.5 covers CommunityConcerns }
    module Untimed "Untimed" { covers CommunityConcerns }
}`
        });
        expect(workspace.diagnostics('hours.tspec', DiagnosticCode.NonPositiveHours)).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                message: `Module 'Zero' must take a positive number of hours, not 0.`,
                range: workspace.rangeOf('hours.tspec', '0')
            }),
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                message: `Module 'Negative' must take a positive number of hours, not -5.`,
                range: workspace.rangeOf('hours.tspec', '-5')
            })
        ]);
        expect(workspace.diagnostics('hours.tspec')).toHaveLength(2);
    });

    test('a module that covers nothing is a warning on its name', async () => {
        const workspace = await TestWorkspace.create({
            'empty.tspec': `programme Safety "Safety" {
    prepares CommunitySafetySpecialist
    module Concerns "Concerns" { covers CommunityConcerns }
    module Empty "Nothing yet" { hours 3 assessed by observation }
}`
        });
        expect(workspace.diagnostics('empty.tspec')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Warning,
                code: DiagnosticCode.ModuleCoversNothing,
                message: `Module 'Nothing yet' covers no standard. Add a line such as 'covers RoSH.a'.`,
                range: workspace.rangeOf('empty.tspec', 'Empty')
            })
        ]);
    });

    test('a module with two hours lines is an error on the second', async () => {
        const workspace = await TestWorkspace.create({
            'twice.tspec': `programme Safety "Safety" {
    prepares CommunitySafetySpecialist
    module Twice "Twice" {
        hours 3
        covers CommunityConcerns
        hours 4
    }
}`
        });
        expect(workspace.diagnostics('twice.tspec')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                code: DiagnosticCode.RepeatedClause,
                message: `A module has one 'hours' line; remove the others, since only the last one counts.`,
                range: workspace.rangeOf('twice.tspec', 'hours', 1)
            })
        ]);
        // As the message says, the last line wins.
        expect(workspace.document('twice.tspec').parseResult.value).toMatchObject({ elements: [{ modules: [{ hours: 4 }] }] });
    });
});

describe('programme checks', () => {
    test('a programme that names its pathway or route more than once has an error on each repetition', async () => {
        const workspace = await TestWorkspace.create({
            'repeated.tspec': `programme Court "Court work" {
    prepares CourtWorkSpecialist
    pathway CourtWork
    route PsoRoute
    pathway CourtWork
    route PsoRoute
    pathway Victims
    module Hearings "Hearings" { covers ExchangeInformationAtHearings, DevelopSentencingProposals, InitialVictimSupport, HelpVictimsManageEffects, MaintainVictimContact, EnableVictimSupport, VictimRiskInterventions }
}`
        });
        const pathwayMessage = `A programme has one 'pathway' line; remove the others, since only the last one counts.`;
        const routeMessage = `A programme has one 'route' line; remove the others, since only the last one counts.`;
        expect(workspace.diagnostics('repeated.tspec')).toEqual([
            expect.objectContaining({ severity: DiagnosticSeverity.Error, code: DiagnosticCode.RepeatedClause, message: pathwayMessage, range: workspace.rangeOf('repeated.tspec', 'pathway', 1) }),
            expect.objectContaining({ severity: DiagnosticSeverity.Error, code: DiagnosticCode.RepeatedClause, message: pathwayMessage, range: workspace.rangeOf('repeated.tspec', 'pathway', 2) }),
            expect.objectContaining({ severity: DiagnosticSeverity.Error, code: DiagnosticCode.RepeatedClause, message: routeMessage, range: workspace.rangeOf('repeated.tspec', 'route', 1) })
        ]);
    });

    test('a programme that prepares no role is a warning on its name', async () => {
        const workspace = await TestWorkspace.create({
            'roleless.tspec': `programme Roleless "No role" {
    module Concerns "Concerns" { covers CommunityConcerns }
}`
        });
        expect(workspace.diagnostics('roleless.tspec')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Warning,
                code: DiagnosticCode.ProgrammeWithoutRole,
                message: `Programme 'No role' prepares no role, so its coverage cannot be checked. Add a line such as 'prepares PSO'.`,
                range: workspace.rangeOf('roleless.tspec', 'Roleless')
            })
        ]);
    });

    test('a programme with one of each clause, in any order, has no diagnostic', async () => {
        const workspace = await TestWorkspace.create({
            'tidy.tspec': `programme Tidy "Tidy" {
    module Concerns "Concerns" { covers CommunityConcerns hours 6 assessed by observation, "written assignment" }
    route PsoRoute
    prepares CommunitySafetySpecialist
    pathway CommunitySafety
}`
        });
        expect(workspace.diagnostics('tidy.tspec')).toEqual([]);
    });
});

describe('checks of half-typed declarations', () => {
    // Parser recovery leaves out a name that has not been typed yet; the messages name it by its title, or say 'this', never 'undefined'.
    test('a programme or module without a name yet is called by its title', async () => {
        const workspace = await TestWorkspace.create({
            'typing.tspec': `programme "Still typing" {
    module "Also typing" { hours 0 }
}`
        });
        expect(workspace.messages('typing.tspec', DiagnosticCode.ProgrammeWithoutRole)).toEqual([
            `Programme 'Still typing' prepares no role, so its coverage cannot be checked. Add a line such as 'prepares PSO'.`
        ]);
        expect(workspace.messages('typing.tspec', DiagnosticCode.ModuleCoversNothing)).toEqual([
            `Module 'Also typing' covers no standard. Add a line such as 'covers RoSH.a'.`
        ]);
        expect(workspace.messages('typing.tspec', DiagnosticCode.NonPositiveHours)).toEqual([
            `Module 'Also typing' must take a positive number of hours, not 0.`
        ]);
        expect(workspace.messages('typing.tspec').filter(message => message.includes('undefined'))).toEqual([]);
    });
});
