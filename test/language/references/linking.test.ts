import { AstUtils, type AstNode, type Reference } from 'langium';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { isModule, isProgramme, isRole } from '../../../language/src/generated/ast.js';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { dataString, diagnosticData } from '../../../language/src/validation/diagnostic-data.js';
import { TestWorkspace } from '../../support/test-workspace.js';

/** Where a reference leads: the target's type and name, and the file that declares it. */
function target(reference: Reference): { type?: string; name?: string; uri?: string } {
    const node: (AstNode & { name?: string }) | undefined = reference.ref;
    return { type: node?.$type, name: node?.name, uri: node && AstUtils.getDocument(node).uri.toString() };
}

describe('linking within and across files and languages', () => {
    test('a module links what it covers to the built-in library: a competence, a unit, an outcome and a skill set', async () => {
        const workspace = await TestWorkspace.create({
            'risk.tspec': `module RiskBasics "Risk basics" {
    covers RoSH.a, AssessRiskOfHarm, PsoAssessRisk, RiskSkills
}`
        });
        const module = workspace.declaration('RiskBasics', isModule);
        expect(module.covers.map(target)).toEqual([
            { type: 'Competence', name: 'a', uri: 'builtin:/s10-guidelines.nos' },
            { type: 'Unit', name: 'AssessRiskOfHarm', uri: 'builtin:/s10-guidelines.nos' },
            { type: 'Outcome', name: 'PsoAssessRisk', uri: 'builtin:/pqf-leaflet.nos' },
            { type: 'SkillSet', name: 'RiskSkills', uri: 'builtin:/s10-guidelines.nos' }
        ]);
        expect(module.covers[0].ref?.$container).toMatchObject({ $type: 'CompetenceGroup', name: 'RoSH' });
        expect(workspace.diagnostics('risk.tspec', DiagnosticCode.UnresolvedReference)).toEqual([]);
    });

    test('a programme includes a module declared in another spec file', async () => {
        const workspace = await TestWorkspace.create({
            'programme.tspec': `programme Safety "Community safety" {
    prepares CommunitySafetySpecialist
    includes Concerns
}`,
            'modules.tspec': `module Concerns "Community concerns" { covers CommunityConcerns }`
        });
        const programme = workspace.declaration('Safety', isProgramme);
        expect(programme.includes.map(target)).toEqual([{ type: 'Module', name: 'Concerns', uri: 'file:///workspace/modules.tspec' }]);
        expect(programme.roles.map(target)).toEqual([{ type: 'Role', name: 'CommunitySafetySpecialist', uri: 'builtin:/roles.nos' }]);
        expect(workspace.diagnostics('programme.tspec')).toEqual([]);
        expect(workspace.diagnostics('modules.tspec')).toEqual([]);
    });

    test('a spec prepares a role that a workspace catalogue declares on top of a built-in role', async () => {
        const workspace = await TestWorkspace.create({
            'roles/senior.nos': `role SeniorPO "Senior probation officer" extends PO {
    requires HighRoSH
}`,
            'senior.tspec': `programme Senior "Senior officers" {
    prepares SeniorPO
    pathway CourtWork
}`
        });
        const programme = workspace.declaration('Senior', isProgramme);
        expect(programme.roles.map(target)).toEqual([{ type: 'Role', name: 'SeniorPO', uri: 'file:///workspace/roles/senior.nos' }]);
        expect(programme.pathway && target(programme.pathway)).toEqual({ type: 'Area', name: 'CourtWork', uri: 'builtin:/s10-guidelines.nos' });
        expect(workspace.declaration('SeniorPO', isRole).extends.map(target)).toEqual([{ type: 'Role', name: 'PO', uri: 'builtin:/roles.nos' }]);
        expect(workspace.diagnostics('roles/senior.nos')).toEqual([]);
        expect(workspace.diagnostics('senior.tspec', DiagnosticCode.UnresolvedReference)).toEqual([]);
    });
});

describe('unresolved references', () => {
    const spec = `programme Court "Court work" {
    prepares PX
    pathway CourtWrk
    includes Intro, Nothing
}
module Introduction "Introduction" { covers RoSH.z }
`;

    test('a misspelt competence names the three closest, with the suggestions as data and the range of the reference', async () => {
        const workspace = await TestWorkspace.create({ 'court.tspec': spec });
        expect(workspace.diagnostics('court.tspec', DiagnosticCode.UnresolvedReference).filter(diagnostic => dataString(diagnostic, 'refText') === 'RoSH.z')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                message: `Unknown standard 'RoSH.z'. Did you mean 'RoSH.a', 'RoSH.b' or 'RoSH.c'?`,
                code: 'unresolved-reference',
                source: 'trainspec',
                range: workspace.rangeOf('court.tspec', 'RoSH.z'),
                data: { code: 'unresolved-reference', refText: 'RoSH.z', suggestions: ['RoSH.a', 'RoSH.b', 'RoSH.c'] }
            })
        ]);
        // The module still links nothing, so it also covers nothing it could be credited for.
        expect(workspace.declaration('Introduction', isModule).covers[0].ref).toBeUndefined();
    });

    test('an unknown role, pathway or module is named as such, with suggestions where a name is close', async () => {
        const workspace = await TestWorkspace.create({ 'court.tspec': spec });
        const unresolved = workspace.diagnostics('court.tspec', DiagnosticCode.UnresolvedReference)
            .map(diagnostic => ({ message: diagnostic.message, range: diagnostic.range, suggestions: diagnosticData(diagnostic, 'suggestions') }));
        expect(unresolved).toEqual(expect.arrayContaining([
            { message: `Unknown role 'PX'. Did you mean 'PO' or 'PSO'?`, range: workspace.rangeOf('court.tspec', 'PX'), suggestions: ['PO', 'PSO'] },
            { message: `Unknown pathway 'CourtWrk'. Did you mean 'CourtWork'?`, range: workspace.rangeOf('court.tspec', 'CourtWrk'), suggestions: ['CourtWork'] },
            { message: `Unknown module 'Intro'. Did you mean 'Introduction'?`, range: workspace.rangeOf('court.tspec', 'Intro'), suggestions: ['Introduction'] },
            { message: `Unknown module 'Nothing'.`, range: workspace.rangeOf('court.tspec', 'Nothing'), suggestions: [] }
        ]));
        expect(unresolved).toHaveLength(5);
    });

    test('only declarations of the referenced kind are suggested', async () => {
        // 'Tactical' is a competence group and 'TacticalSkills' a skill set; a module can only include modules.
        const workspace = await TestWorkspace.create({
            'tactics.tspec': `programme Tactics "Tactics" { prepares CaseManager includes Tactica }
module Tactical1 "Tactical one" { covers TacticalSkills }`
        });
        expect(workspace.messages('tactics.tspec', DiagnosticCode.UnresolvedReference)).toEqual([`Unknown module 'Tactica'. Did you mean 'Tactical1'?`]);
    });
});
