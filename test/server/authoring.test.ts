import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CodeActionRequest, CodeLensRequest, Diagnostic, DiagnosticSeverity, DocumentFormattingRequest, DocumentRangeFormattingRequest,
    type CodeAction, type ResponseError, type TextEdit
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CoverageMatrixRequest, CoverageReportRequest } from '../../language/src/protocol/lsp-ext.js';
import { fileUri, LspClient } from '../support/lsp-client.js';
import { REPO_ROOT } from '../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

const withCode = (code: string) => (diagnostics: Diagnostic[]) => diagnostics.some(diagnostic => diagnostic.code === code);
const gapSeverities = (diagnostics: Diagnostic[]) => diagnostics.filter(diagnostic => diagnostic.code === 'uncovered-requirement').map(diagnostic => diagnostic.severity);

const INCOMPLETE = join(REPO_ROOT, 'examples', 'incomplete');

// One server for the authoring features, as in an editor session on examples/incomplete.
describe('authoring over the language server protocol', () => {
    let folder: TempFolder;
    let client: LspClient;
    let programme: string;
    /** The programme's text as the editor holds it. */
    let programmeText: string;

    beforeAll(async () => {
        folder = createTempFolder({}, INCOMPLETE);
        programme = fileUri(folder.file('programme.tspec'));
        programmeText = readFileSync(folder.file('programme.tspec'), 'utf8');
        // As the VS Code extension starts it: its coverage view is what the code lenses open.
        client = await LspClient.start(folder.path, undefined, undefined, { initializationOptions: { coverageView: true } });
    });

    afterAll(async () => {
        await client?.dispose();
        folder?.remove();
    });

    test('initialize announces formatting, range formatting, code actions and code lenses', () => {
        expect(client.capabilities).toMatchObject({
            documentFormattingProvider: true,
            documentRangeFormattingProvider: true,
            codeActionProvider: true,
            codeLensProvider: {}
        });
    });

    test('code lenses on the programme count what its role and pathway need, and open the coverage view', async () => {
        await client.waitForDiagnostics(programme, withCode('uncovered-requirement'));
        const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: programme } });
        const range = { start: { line: 3, character: 10 }, end: { line: 3, character: 28 } };
        expect(lenses).toEqual([
            { range, command: { title: 'Probation Services Officer: 7 of 9 requirements covered', command: 'trainspec.showCoverage', arguments: [programme, 'DraftProgrammesPso'] } },
            { range, command: { title: 'Programmes pathway: 2 of 3 units covered', command: 'trainspec.showCoverage', arguments: [programme, 'DraftProgrammesPso'] } }
        ]);
    });

    test('trainspec/coverageMatrix answers the matrix of each programme in a document', async () => {
        const result = await client.connection.sendRequest(CoverageMatrixRequest, { uri: programme });
        expect(result.matrices).toHaveLength(1);
        const [matrix] = result.matrices;
        expect(matrix.programme).toEqual({
            name: 'DraftProgrammesPso',
            title: 'PSO Diploma: Programmes pathway (draft)',
            location: { uri: programme, range: { start: { line: 3, character: 10 }, end: { line: 3, character: 28 } } }
        });
        expect(matrix.roles).toEqual(['PSO']);
        expect(matrix.pathway).toBe('Programmes');
        expect(matrix.modules.map(module => [module.name, module.hours])).toEqual([['DraftPolicy', 30], ['DraftPractice', 40], ['DraftGroupWork', 30]]);
        expect(matrix.groups.map(group => [group.requiredBy, group.requirements.map(requirement => requirement.id)])).toEqual([
            ['Probation Services Officer', ['PsoAssessRisk', 'PsoPromoteEquality', 'PsoCommunicate', 'PsoSupportChange', 'PsoWorkWithOthers', 'PsoDevelopSelf', 'PsoSpecialistPathway']],
            ['Probation Services Officer', ['KnowledgeOfPolicy', 'UnderstandingOfOffending']],
            ['the Programmes pathway', ['DevelopSentencingProposals', 'AssessNeedsAndPlan', 'DeliverAccreditedProgrammes']]
        ]);
        const gaps = matrix.groups.flatMap(group => group.requirements).filter(requirement => requirement.coveredBy.length === 0);
        expect(gaps.map(gap => gap.id)).toEqual(['PsoDevelopSelf', 'UnderstandingOfOffending', 'DeliverAccreditedProgrammes']);
        expect(gaps[0]).toMatchObject({ kind: 'PQF outcome', text: 'develop own knowledge and skills', location: { uri: 'builtin:/pqf-leaflet.nos' } });
        expect(matrix.summary).toEqual({ covered: 9, total: 12 });
    });

    test('trainspec/coverageMatrix for a document without programmes has no matrices; for an unknown document, an error, not a crash', async () => {
        const catalogue = fileUri(folder.file('local.nos'));
        await client.openDocument(catalogue, 'role Mentor "Mentor" {\n    requires OwnDevelopment\n}\n', 'trainspec-standards');
        expect(await client.connection.sendRequest(CoverageMatrixRequest, { uri: catalogue })).toEqual({ matrices: [] });
        const unknown = await client.connection.sendRequest(CoverageMatrixRequest, { uri: 'file:///nope.tspec' })
            .then(result => ({ result }), (error: ResponseError) => ({ error: error.message }));
        expect(unknown).toEqual({ error: 'No document found for URI: file:///nope.tspec' });
        expect(client.running).toBe(true);
    });

    test('trainspec/coverageReport answers the report that `trainspec report` writes, of a programme, a document or the workspace', async () => {
        const markdown = await client.connection.sendRequest(CoverageReportRequest, { format: 'markdown', uri: programme, programme: 'DraftProgrammesPso' });
        expect(markdown.programmes).toBe(1);
        expect(markdown.text).toContain('<summary><strong>PSO Diploma: Programmes pathway (draft)</strong>: 9 of 12 requirements covered, 3 gaps</summary>');
        // Files relative to the workspace folder, as its explorer shows them.
        expect(markdown.text).toContain('- **Programme:** `DraftProgrammesPso` in programme.tspec');
        const csv = await client.connection.sendRequest(CoverageReportRequest, { format: 'csv' });
        expect(csv.text.startsWith('\uFEFF"Programme"')).toBe(true);
        expect(csv.programmes).toBe(1);
        expect(await client.connection.sendRequest(CoverageReportRequest, { format: 'html', uri: programme, programme: 'Nope' })).toMatchObject({ programmes: 0 });
        const wrong = await client.connection.sendRequest(CoverageReportRequest, { format: 'pdf' as 'html' })
            .then(result => ({ result }), (error: ResponseError) => ({ error: error.message }));
        expect(wrong).toEqual({ error: expect.stringContaining('params.format must be one of "html", "markdown", "csv", "json"') as string });
    });

    test('a quick fix for an unresolved reference, applied, removes the error', async () => {
        const diagnostics = await client.waitForDiagnostics(programme, withCode('unresolved-reference'));
        const unresolved = diagnostics.filter(diagnostic => diagnostic.code === 'unresolved-reference');
        const actions = await client.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: programme }, range: unresolved[0].range, context: { diagnostics: unresolved }
        }) as CodeAction[];
        expect(actions.map(action => [action.title, action.kind, action.isPreferred])).toEqual([['Change to AssessRiskOfHarm', 'quickfix', true]]);
        programmeText = TextDocument.applyEdits(TextDocument.create(programme, 'trainspec', 1, programmeText), actions[0].edit!.changes![programme]);
        expect(programmeText).toContain('covers PsoAssessRisk, AssessRiskOfHarm, PsoPromoteEquality');
        await client.openDocument(programme, programmeText);
        const after = await client.waitForDiagnostics(programme, found => !withCode('unresolved-reference')(found));
        expect(after.map(diagnostic => diagnostic.code)).toEqual(['uncovered-requirement', 'uncovered-requirement', 'uncovered-requirement']);
    });

    test('a quick fix for a gap, applied, covers it', async () => {
        const diagnostics = await client.waitForDiagnostics(programme, withCode('uncovered-requirement'));
        const gap = diagnostics.find(diagnostic => (diagnostic.data as { item?: unknown } | undefined)?.item === 'DeliverAccreditedProgrammes')!;
        const actions = await client.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: programme }, range: gap.range, context: { diagnostics: [gap] }
        }) as CodeAction[];
        expect(actions.map(action => action.title)).toEqual([
            "Add 'Deliver accredited programmes' to 'Probation policy and legislation'",
            "Add 'Deliver accredited programmes' to 'Core practice with people on probation'",
            "Add 'Deliver accredited programmes' to 'Preparing people for accredited programmes'",
            'Create a module covering the remaining gap of the Programmes pathway'
        ]);
        programmeText = TextDocument.applyEdits(TextDocument.create(programme, 'trainspec', 1, programmeText), actions[2].edit!.changes![programme]);
        expect(programmeText).toContain('covers PsoSpecialistPathway, AssessNeedsAndPlan, DevelopSentencingProposals, DeliverAccreditedProgrammes\n');
        await client.openDocument(programme, programmeText);
        const after = await client.waitForDiagnostics(programme, found => found.length === 2);
        expect(after.map(Diagnostic.getMessageString)).toEqual([
            'No module covers the PQF outcome "develop own knowledge and skills", which Probation Services Officer requires.',
            'No module covers the PQF outcome "Understanding of the causes of crime and management of offending behaviour.", which Probation Services Officer requires.'
        ]);
    });

    test('formatting a document gives the canonical layout; a range only its lines; a broken document no edits', async () => {
        const messy = fileUri(folder.file('messy.tspec'));
        const text = 'module Extra "Extra" {hours 2   covers RoSH.a ,RoSH.b // both\n}\nprogramme Extras "Extras" { prepares PSO pathway CourtWork includes Extra }\n';
        await client.openDocument(messy, text);
        await client.waitForDiagnostics(messy);
        const options = { tabSize: 4, insertSpaces: true };
        const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: messy }, options }) as TextEdit[];
        expect(TextDocument.applyEdits(TextDocument.create(messy, 'trainspec', 1, text), edits)).toBe(
            'module Extra "Extra" {\n    hours 2\n    covers RoSH.a, RoSH.b // both\n}\n\nprogramme Extras "Extras" {\n    prepares PSO\n    pathway CourtWork\n    includes Extra\n}\n');
        const rangeEdits = await client.connection.sendRequest(DocumentRangeFormattingRequest.type, {
            textDocument: { uri: messy }, options, range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }
        }) as TextEdit[];
        expect(TextDocument.applyEdits(TextDocument.create(messy, 'trainspec', 1, text), rangeEdits)).toBe(
            'module Extra "Extra" {hours 2   covers RoSH.a ,RoSH.b // both\n}\nprogramme Extras "Extras" {\n    prepares PSO\n    pathway CourtWork\n    includes Extra\n}\n');

        const broken = fileUri(folder.file('broken.tspec'));
        await client.openDocument(broken, 'module Broken "Broken" {hours   covers // oops\n');
        await client.waitForDiagnostics(broken, withCode('syntax-error'));
        expect(await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: broken }, options })).toEqual([]);
        expect(client.running).toBe(true);
    });
});

describe('the trainspec.coverage.severity setting over the language server protocol', () => {
    let folder: TempFolder;
    let client: LspClient;
    let programme: string;

    beforeAll(async () => {
        folder = createTempFolder({}, INCOMPLETE);
        programme = fileUri(folder.file('programme.tspec'));
        client = await LspClient.start(folder.path, { trainspec: { coverage: { severity: 'error' } } });
    });

    afterAll(async () => {
        await client?.dispose();
        folder?.remove();
    });

    test('is read from the client at startup (workspace/configuration)', async () => {
        const diagnostics = await client.waitForDiagnostics(programme, found => gapSeverities(found).includes(DiagnosticSeverity.Error));
        expect(gapSeverities(diagnostics)).toEqual([DiagnosticSeverity.Error, DiagnosticSeverity.Error, DiagnosticSeverity.Error]);
    });

    test('a change (workspace/didChangeConfiguration) republishes the gaps with the new severity', async () => {
        await client.changeSettings({ trainspec: { coverage: { severity: 'information' } } });
        const informed = await client.waitForDiagnostics(programme, found => gapSeverities(found).includes(DiagnosticSeverity.Information));
        expect(gapSeverities(informed)).toEqual([DiagnosticSeverity.Information, DiagnosticSeverity.Information, DiagnosticSeverity.Information]);
        // The other diagnostics keep theirs.
        expect(informed.filter(diagnostic => diagnostic.code === 'unresolved-reference').map(diagnostic => diagnostic.severity)).toEqual([DiagnosticSeverity.Error]);

        await client.changeSettings({ trainspec: { coverage: { severity: 'off' } } });
        const off = await client.waitForDiagnostics(programme, found => gapSeverities(found).length === 0);
        expect(off.map(diagnostic => diagnostic.code)).toEqual(['unresolved-reference']);

        await client.changeSettings({ trainspec: { coverage: { severity: 'warning' } } });
        const warned = await client.waitForDiagnostics(programme, found => gapSeverities(found).length > 0);
        expect(gapSeverities(warned)).toEqual([DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning]);
    });
});
