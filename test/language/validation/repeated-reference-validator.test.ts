import { describe, expect, test } from 'vitest';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const REPEAT = DiagnosticCode.RepeatedReference;

describe('a name repeated in a list of references', () => {
    test('in a programme and a module: a warning on each repeat, across lines too, whether or not the name resolves', async () => {
        const workspace = await TestWorkspace.create({
            'twice.tspec': `programme Safety "Safety" {
    prepares CommunitySafetySpecialist, CommunitySafetySpecialist
    prepares Nobody, Nobody
    includes Shared, Shared
    includes Shared
}
module Shared "Shared" {
    covers CommunityConcerns, RoSH.a
    covers RoSH . a, CommunityConcerns
}`
        });
        expect(workspace.diagnostics('twice.tspec', REPEAT)).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Warning,
                message: `'CommunitySafetySpecialist' is already listed under 'prepares' in this programme; remove the repeat.`,
                range: workspace.rangeOf('twice.tspec', 'CommunitySafetySpecialist', 1)
            }),
            expect.objectContaining({ message: `'Nobody' is already listed under 'prepares' in this programme; remove the repeat.`, range: workspace.rangeOf('twice.tspec', 'Nobody', 1) }),
            expect.objectContaining({ message: `'Shared' is already listed under 'includes' in this programme; remove the repeat.`, range: workspace.rangeOf('twice.tspec', 'Shared', 1) }),
            expect.objectContaining({ message: `'Shared' is already listed under 'includes' in this programme; remove the repeat.`, range: workspace.rangeOf('twice.tspec', 'Shared', 2) }),
            expect.objectContaining({ message: `'RoSH.a' is already listed under 'covers' in this module; remove the repeat.`, range: workspace.rangeOf('twice.tspec', 'RoSH . a') }),
            expect.objectContaining({ message: `'CommunityConcerns' is already listed under 'covers' in this module; remove the repeat.`, range: workspace.rangeOf('twice.tspec', 'CommunityConcerns', 1) })
        ]);
    });

    test('in a catalogue: extends, requires (across lines), area units and route qualifications', async () => {
        const workspace = await TestWorkspace.create({
            'twice.nos': `skill set Skills "Skills"
unit One "One" in Skills
unit Two "Two" in Skills
qualification Degree "Degree"
role Base "Base" { requires One }
role Twice "Twice" extends Base, Base {
    requires One, Two, One
    requires Two
}
area Place "Place" {
    units One, Two
    units One
}
route Way "Way" to Twice {
    qualifications Degree, Degree
}
`
        });
        expect(workspace.messages('twice.nos', REPEAT)).toEqual([
            `'Base' is already listed under 'extends' in this role; remove the repeat.`,
            `'One' is already listed under 'requires' in this role; remove the repeat.`,
            `'Two' is already listed under 'requires' in this role; remove the repeat.`,
            `'One' is already listed under 'units' in this area; remove the repeat.`,
            `'Degree' is already listed under 'qualifications' in this route; remove the repeat.`
        ]);
        expect(workspace.diagnostics('twice.nos', REPEAT).map(diagnostic => diagnostic.range)).toEqual([
            workspace.rangeOf('twice.nos', 'Base', 3),
            workspace.rangeOf('twice.nos', 'One', 4),
            workspace.rangeOf('twice.nos', 'Two', 3),
            workspace.rangeOf('twice.nos', 'One', 6),
            workspace.rangeOf('twice.nos', 'Degree', 3)
        ]);
    });

    test('a list without repeats has no such warning', async () => {
        const workspace = await TestWorkspace.create({
            'once.tspec': 'programme Safety "Safety" {\n    prepares CommunitySafetySpecialist, PSO\n    module M "M" { covers CommunityConcerns, RoSH.a }\n}\n'
        });
        expect(workspace.diagnostics('once.tspec', REPEAT)).toEqual([]);
    });
});

describe('messages never repeat a name', () => {
    /** Every diagnostic of a programme that prepares `roles`, but for the repeat warnings themselves (and the count of those over the cap). */
    async function findings(roles: string): Promise<string[]> {
        const workspace = await TestWorkspace.create({ 'p.tspec': `programme P "P" {\n    prepares ${roles}\n    module M "M" { covers RoSH.a }\n}\n` });
        return workspace.diagnostics('p.tspec')
            .filter(diagnostic => diagnostic.code !== REPEAT && diagnostic.code !== DiagnosticCode.TooManyProblems)
            .map(diagnostic => `${String(diagnostic.code)} ${Diagnostic.getMessageString(diagnostic)} ${JSON.stringify((diagnostic.data as { requiredBy?: string[] } | undefined)?.requiredBy ?? [])}`);
    }

    test('a role prepared three times gives the same gaps, each naming it once, as a role prepared once', async () => {
        const once = await findings('PO');
        expect(once.length).toBeGreaterThan(5);
        expect(await findings('PO, PO, PO')).toEqual(once);
        expect(await findings('PO, PSO, PO')).toEqual(await findings('PO, PSO'));
    });

    test('10,000 repeats: the gaps stay as short as with one', async () => {
        const once = await findings('PSO');
        const repeated = await findings(Array.from({ length: 10_000 }, () => 'PSO').join(', '));
        expect(repeated).toEqual(once);
    });
});
