import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DiagnosticSeverity, DocumentSymbolRequest, LSPErrorCodes, type Diagnostic, type DocumentSymbol, type ResponseError } from 'vscode-languageserver/node';
import { fileUri, LspClient } from '../support/lsp-client.js';
import { stringContaining } from '../support/matchers.js';
import { REPO_ROOT } from '../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

const withCode = (code: string) => (diagnostics: Diagnostic[]) => diagnostics.some(diagnostic => diagnostic.code === code);

// One server for the whole file, as in an editor session: the tests run in order, and the
// later ones check that the server is still answering after what the earlier ones sent it.
describe('trainspec-language-server --stdio', () => {
    let folder: TempFolder;
    let client: LspClient;
    let programme: string;

    beforeAll(async () => {
        // examples/incomplete, and a binary file that the server must not choke on when it loads the folder.
        folder = createTempFolder({ 'binary.tspec': new Uint8Array([0x70, 0x72, 0x6f, 0x00, 0x01, 0x02]) }, join(REPO_ROOT, 'examples', 'incomplete'));
        programme = fileUri(folder.file('programme.tspec'));
        client = await LspClient.start(folder.path);
    });

    afterAll(async () => {
        await client?.dispose();
        folder?.remove();
    });

    test('checks the workspace folder on start and publishes the diagnostics of a file nobody opened', async () => {
        const diagnostics = await client.waitForDiagnostics(programme, withCode('unresolved-reference'));
        expect(diagnostics).toHaveLength(4);
        expect(diagnostics).toEqual(expect.arrayContaining([
            expect.objectContaining({
                severity: DiagnosticSeverity.Warning,
                code: 'uncovered-requirement',
                message: 'No module covers the PQF outcome "develop own knowledge and skills", which Probation Services Officer requires.',
                range: { start: { line: 4, character: 13 }, end: { line: 4, character: 16 } }
            }),
            expect.objectContaining({
                severity: DiagnosticSeverity.Warning,
                code: 'uncovered-requirement',
                message: 'No module covers the PQF outcome "Understanding of the causes of crime and management of offending behaviour.", which Probation Services Officer requires.',
                range: { start: { line: 4, character: 13 }, end: { line: 4, character: 16 } }
            }),
            expect.objectContaining({
                severity: DiagnosticSeverity.Warning,
                code: 'uncovered-requirement',
                message: 'No module covers the NOS unit "Deliver accredited programmes", which the Programmes pathway requires.',
                range: { start: { line: 5, character: 12 }, end: { line: 5, character: 22 } }
            }),
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                code: 'unresolved-reference',
                message: "Unknown standard 'AssesRiskOfHarm'. Did you mean 'AssessRiskOfHarm'?",
                range: { start: { line: 17, character: 30 }, end: { line: 17, character: 45 } }
            })
        ]));
    });

    test('a binary file in the folder is one binary-file error, not a crash', async () => {
        const binary = fileUri(folder.file('binary.tspec'));
        expect(await client.waitForDiagnostics(binary, withCode('binary-file'))).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                code: 'binary-file',
                message: 'Binary file (a NUL byte at offset 3), not a spec or catalogue.'
            })
        ]);
    });

    test('a malformed document gets syntax errors, and the server keeps going', async () => {
        const garbage = fileUri(folder.file('garbage.tspec'));
        await client.openDocument(garbage, '}}} programme { covers "unterminated\n\u0000 module module ,,, @@@ {{ } extends');
        const diagnostics = await client.waitForDiagnostics(garbage, withCode('syntax-error'));
        expect(diagnostics).toContainEqual(expect.objectContaining({ severity: DiagnosticSeverity.Error, code: 'syntax-error' }));
        expect(client.running).toBe(true);
    });

    test('a document nested too deeply for the parser gets one unparsable-file error', async () => {
        const deep = fileUri(folder.file('deep.tspec'));
        await client.openDocument(deep, 'programme A "x" {\n'.repeat(5000));
        expect(await client.waitForDiagnostics(deep, withCode('unparsable-file'))).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                code: 'unparsable-file',
                message: 'This file nests braces 5000 levels deep, more than the 32 the parser takes, so it was not checked.'
            })
        ]);
    });

    test('a document whose parser recovery overflows the stack gets one unparsable-file error', async () => {
        const overflowing = fileUri(folder.file('overflowing.tspec'));
        await client.openDocument(overflowing, 'programme A "x" { } }\n'.repeat(3000));
        expect(await client.waitForDiagnostics(overflowing, withCode('unparsable-file'))).toEqual([
            expect.objectContaining({ severity: DiagnosticSeverity.Error, code: 'unparsable-file' })
        ]);
    });

    test('a request about a document the server does not know is answered, not fatal', async () => {
        const answer = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///nope.tspec' } })
            .then(result => ({ result }), (error: ResponseError) => ({ error: { code: error.code, message: error.message } }));
        // An error response, not a result: with two copies of vscode-jsonrpc in the bundle, Langium's
        // ResponseError went out as the result `{ code: -32802 }`, which an editor takes for symbols.
        expect(answer).toEqual({ error: { code: LSPErrorCodes.ServerCancelled, message: 'No document found for URI: file:///nope.tspec' } });
        expect(client.running).toBe(true);
    });

    test('after all that, the server still answers requests and checks newly opened documents', async () => {
        const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: programme } }) as DocumentSymbol[];
        expect(symbols.map(symbol => symbol.name)).toContain('DraftProgrammesPso');

        const fresh = fileUri(folder.file('fresh.tspec'));
        await client.openDocument(fresh, 'programme Fresh "Fresh" {\n    prepares PSO\n    module M "M" { covers Nonexistent }\n}\n');
        const diagnostics = await client.waitForDiagnostics(fresh, withCode('unresolved-reference'));
        expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'unresolved-reference', message: stringContaining("'Nonexistent'") }));
    });

    test('shuts down cleanly: shutdown, then exit, ends the process with code 0', async () => {
        expect(await client.shutdown()).toBe(0);
        expect(client.stderr).not.toMatch(/^\s+at /m);
    });
});
