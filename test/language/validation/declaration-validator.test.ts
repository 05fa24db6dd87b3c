import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { TestWorkspace } from '../../support/test-workspace.js';

describe('duplicate identifiers', () => {
    test('a name declared in two files is an error on each declaration, naming the other file and line', async () => {
        const workspace = await TestWorkspace.create({
            'a.tspec': `programme Safety "Safety" {
    prepares CommunitySafetySpecialist
    includes Concerns
}
module Concerns "Concerns" { covers CommunityConcerns }`,
            'b.tspec': `// Another team's module of the same name.
module Concerns "Concerns too" { covers CommunityConcerns }`
        });
        expect(workspace.diagnostics('a.tspec', DiagnosticCode.DuplicateIdentifier)).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                message: `Duplicate identifier 'Concerns': also declared in b.tspec, line 2.`,
                range: workspace.rangeOf('a.tspec', 'Concerns', 1)
            })
        ]);
        expect(workspace.diagnostics('b.tspec', DiagnosticCode.DuplicateIdentifier)).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                message: `Duplicate identifier 'Concerns': also declared in a.tspec, line 5.`,
                range: workspace.rangeOf('b.tspec', 'Concerns')
            })
        ]);
    });

    test('a name declared twice in one file is an error on each, naming the other line', async () => {
        const workspace = await TestWorkspace.create({
            'a.tspec': `programme Safety "Safety" {
    prepares CommunitySafetySpecialist
    module Outreach "First session" { covers CommunityConcerns }
    module Outreach "Second session" { covers CommunityConcerns }
}`
        });
        expect(workspace.diagnostics('a.tspec')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                code: DiagnosticCode.DuplicateIdentifier,
                message: `Duplicate identifier 'Outreach': also declared on line 4.`,
                range: workspace.rangeOf('a.tspec', 'Outreach', 0)
            }),
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                code: DiagnosticCode.DuplicateIdentifier,
                message: `Duplicate identifier 'Outreach': also declared on line 3.`,
                range: workspace.rangeOf('a.tspec', 'Outreach', 1)
            })
        ]);
    });

    test('catalogues and specs share one namespace, lettered competences included', async () => {
        const workspace = await TestWorkspace.create({
            'local.nos': `outcome Induction "Complete the local induction"
competences Local "Local competences" {
    a "Know the office"
    a "Know the team"
}`,
            'induction.tspec': `module Induction "Induction" { covers Induction }`
        });
        expect(workspace.messages('local.nos', DiagnosticCode.DuplicateIdentifier)).toEqual([
            `Duplicate identifier 'Induction': also declared in induction.tspec, line 1.`,
            `Duplicate identifier 'Local.a': also declared on line 4.`,
            `Duplicate identifier 'Local.a': also declared on line 3.`
        ]);
        // A competence is named by its letter, which starts its line.
        expect(workspace.diagnostics('local.nos', DiagnosticCode.DuplicateIdentifier).slice(1).map(diagnostic => diagnostic.range.start)).toEqual([
            workspace.rangeOf('local.nos', 'a "Know the office"').start,
            workspace.rangeOf('local.nos', 'a "Know the team"').start
        ]);
        expect(workspace.messages('induction.tspec', DiagnosticCode.DuplicateIdentifier)).toEqual([`Duplicate identifier 'Induction': also declared in local.nos, line 1.`]);
    });
});

describe('built-in identifiers', () => {
    const builtinMessage = (name: string) => `'${name}' is already defined by the built-in standards library; choose another identifier.`;

    test('a workspace catalogue that declares a built-in role is an error on its name', async () => {
        const workspace = await TestWorkspace.create({ 'roles.nos': `role PO "Our own probation officer" { requires PoProtectPublic }` });
        expect(workspace.diagnostics('roles.nos')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                code: DiagnosticCode.BuiltinRedefined,
                message: builtinMessage('PO'),
                range: workspace.rangeOf('roles.nos', 'PO')
            })
        ]);
    });

    test('a module named after a built-in competence group is an error on its name', async () => {
        const workspace = await TestWorkspace.create({
            'risk.tspec': `programme Risk "Risk" { prepares CaseManager includes RoSH }
module RoSH "Risk of serious harm" { covers RoSH.a }`
        });
        expect(workspace.diagnostics('risk.tspec', DiagnosticCode.BuiltinRedefined)).toEqual([
            expect.objectContaining({ severity: DiagnosticSeverity.Error, message: builtinMessage('RoSH'), range: workspace.rangeOf('risk.tspec', 'RoSH', 1) })
        ]);
        expect(workspace.diagnostics('risk.tspec', DiagnosticCode.DuplicateIdentifier)).toEqual([]);
    });

    test('the built-in library itself reports nothing: the error belongs to the file that can change', async () => {
        const workspace = await TestWorkspace.create({ 'roles.nos': `role PO "Our own probation officer" { }` });
        const roles = workspace.services.shared.workspace.LangiumDocuments.getDocument(URI.parse('builtin:/roles.nos'));
        expect(roles?.diagnostics).toEqual([]);
    });
});
