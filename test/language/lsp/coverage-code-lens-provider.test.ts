import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CodeLens } from 'vscode-languageserver';
import { TestWorkspace } from '../../support/test-workspace.js';
import { REPO_ROOT } from '../../support/run-cli.js';

async function lenses(workspace: TestWorkspace, path: string): Promise<CodeLens[]> {
    const document = workspace.document(path);
    return (await workspace.services.spec.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? [];
}

const COURT = `programme Court "Court team" {
    prepares PO
    pathway CourtWork
    includes Reports

    module Core "Core practice" {
        hours 40
        covers PsoAssessRisk, PsoPromoteEquality, PsoCommunicate, PsoSupportChange, PsoWorkWithOthers, PsoSpecialistPathway, KnowledgeOfPolicy
        covers PoProtectPublic, PoInfluenceChange, PoDevelopProfessionally, PoPromoteEquality
    }
}

programme Loose "No role yet" {
    includes Reports
}
`;
const REPORTS = 'module Reports "Reports" {\n    hours 20\n    covers DevelopSentencingProposals, UnderstandingOfOffending\n}\n';

describe('coverage code lenses', () => {
    test('one lens per target role and one for the pathway, above the programme, opening the coverage view', async () => {
        const workspace = await TestWorkspace.create({ 'court.tspec': COURT, 'reports.tspec': REPORTS });
        const uri = workspace.uri('court.tspec').toString();
        const range = workspace.rangeOf('court.tspec', 'Court');
        expect(await lenses(workspace, 'court.tspec')).toEqual([
            { range, command: { title: 'Probation Officer: 12 of 14 requirements covered', command: 'trainspec.showCoverage', arguments: [uri, 'Court'] } },
            { range, command: { title: 'Court Work pathway: 1 of 2 units covered', command: 'trainspec.showCoverage', arguments: [uri, 'Court'] } }
        ]);
    });

    test('follow the workspace: covering a gap in an included module\'s file updates the count', async () => {
        const workspace = await TestWorkspace.create({ 'court.tspec': COURT, 'reports.tspec': REPORTS });
        await workspace.write('reports.tspec', REPORTS.replace('UnderstandingOfOffending', 'UnderstandingOfOffending, PsoDevelopSelf, ExchangeInformationAtHearings'));
        expect((await lenses(workspace, 'court.tspec')).map(lens => lens.command!.title)).toEqual([
            'Probation Officer: 13 of 14 requirements covered',
            'Court Work pathway: 2 of 2 units covered'
        ]);
    });

    test('each of several roles has its own lens; a role with one requirement says so in the singular', async () => {
        const workspace = await TestWorkspace.create({
            'roles.nos': 'role Mentor "Mentor" {\n    requires OwnDevelopment\n}\n',
            'course.tspec': 'programme Course "Course" {\n    prepares Mentor, CourtWorkSpecialist\n    module M "M" { hours 1 covers ExchangeInformationAtHearings }\n}\n'
        });
        expect((await lenses(workspace, 'course.tspec')).map(lens => lens.command!.title)).toEqual([
            'Mentor: 0 of 1 requirement covered',
            'Specialist: Court Work: 1 of 2 requirements covered'
        ]);
    });

    test('no lenses for a file of modules or a catalogue', async () => {
        const workspace = await TestWorkspace.create({ 'reports.tspec': REPORTS, 'roles.nos': 'role Mentor "Mentor" {\n    requires OwnDevelopment\n}\n' });
        expect(await lenses(workspace, 'reports.tspec')).toEqual([]);
        const catalogue = workspace.document('roles.nos');
        expect(await workspace.services.standards.lsp.CodeLensProvider!.provideCodeLens(catalogue, { textDocument: { uri: catalogue.uri.toString() } })).toEqual([]);
    });

    test('the complete PO Court Work example shows everything covered', async () => {
        const folder = join(REPO_ROOT, 'examples', 'po-court-work');
        const files = Object.fromEntries(['programme.tspec', 'modules/court-work.tspec', 'modules/foundations.tspec', 'modules/practice.tspec']
            .map(path => [path, readFileSync(join(folder, path), 'utf8')]));
        const workspace = await TestWorkspace.create(files);
        expect((await lenses(workspace, 'programme.tspec')).map(lens => lens.command!.title)).toEqual([
            'Probation Officer: 14 of 14 requirements covered',
            'Court Work pathway: 2 of 2 units covered'
        ]);
    });
});

describe('coverage code lenses while a syntax error stands', () => {
    test('one lens per programme the slip could have changed says coverage is checked once the syntax error is fixed, naming the line, and the file when it is another', async () => {
        // Loose, after the slip and apart from it, keeps its coverage (it has no role, so no tally).
        const workspace = await TestWorkspace.create({ 'court.tspec': COURT.replace('hours 40', 'hours forty'), 'reports.tspec': REPORTS });
        expect((await lenses(workspace, 'court.tspec')).map(lens => [lens.command!.arguments![1] as string, lens.command!.title])).toEqual([
            ['Court', 'Coverage is checked once the syntax error on line 7 is fixed']
        ]);
        await workspace.write('court.tspec', COURT);
        await workspace.write('reports.tspec', REPORTS.replace('hours 20', 'hours twenty'));
        expect((await lenses(workspace, 'court.tspec')).map(lens => lens.command!.title)).toEqual([
            'Coverage is checked once the syntax error on line 2 of reports.tspec is fixed',
            'Coverage is checked once the syntax error on line 2 of reports.tspec is fixed'
        ]);
    });
});
