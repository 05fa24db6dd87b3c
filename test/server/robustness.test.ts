import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    DefinitionRequest, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DocumentSymbolRequest,
    ErrorCodes, FileChangeType, HoverRequest, MessageType, type Diagnostic, type DocumentSymbol, type Hover, type LocationLink, type MarkupContent, type Position
} from 'vscode-languageserver/node';
import { fileUri, LspClient } from '../support/lsp-client.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

/** The verbatim text of the built-in role PO (roles.nos), which a hover on it quotes. */
const PO_TEXT = 'In addition to the skills acquired as a PSO, a PO will need to demonstrate an ability to:';
const PROGRAMME = 'programme Course "Course" {\n    prepares PO\n    module Risk "Risk" { covers RoSH.a }\n}\n';
/** Where `PO` is in PROGRAMME. */
const AT_PO: Position = { line: 1, character: 14 };
/** Where `PO` is declared in the built-in roles.nos (`role PO "Probation Officer" ...`). */
const BUILTIN_ROLES = 'builtin:/roles.nos';
const withCode = (code: string) => (diagnostics: Diagnostic[]) => diagnostics.some(diagnostic => diagnostic.code === code);

/**
 * Abuse the server the way a faulty or hostile client can, over a real stdio connection; after
 * each, the server must still run and still answer correctly (a hover on a real document quotes
 * the built-in library). One server for the whole file, so each test also checks that what the
 * earlier ones sent did not leave it broken.
 */
describe('the language server never exits or stops answering', () => {
    let folder: TempFolder;
    let client: LspClient;
    let programme: string;

    async function hoverText(uri: string, position: Position): Promise<string | undefined> {
        const hover: Hover | null = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
        return (hover?.contents as MarkupContent | undefined)?.value;
    }

    /** The server runs, and a hover on `PO` in the programme quotes the built-in library's text. */
    async function expectServing(): Promise<void> {
        expect(client.running).toBe(true);
        expect(await hoverText(programme, AT_PO)).toContain(PO_TEXT);
        expect(client.stderr).not.toMatch(/unhandled|^\s+at /im);
    }

    const errorLogs = () => client.logs.filter(log => log.type === MessageType.Error).map(log => log.message);

    beforeAll(async () => {
        folder = createTempFolder({ 'programme.tspec': PROGRAMME });
        programme = fileUri(folder.file('programme.tspec'));
        client = await LspClient.start(folder.path);
        await client.waitForDiagnostics(programme);
    });

    afterAll(async () => {
        await client?.dispose();
        folder?.remove();
    });

    test('the server answers correctly to begin with', async () => {
        await expectServing();
    });

    test('a didOpen whose text is null (or missing, or a number) is logged and dropped', async () => {
        const broken = fileUri(folder.file('broken.tspec'));
        for (const text of [null, undefined, 42]) {
            await client.sendRawNotification('textDocument/didOpen', { textDocument: { uri: broken, languageId: 'trainspec', version: 1, text } });
            await expectServing();
        }
        expect(errorLogs()).toContainEqual(expect.stringMatching(/^Ignored textDocument\/didOpen: its parameters are invalid: params\.textDocument\.text must be a string, not null/));
        expect(client.diagnostics.has(broken)).toBe(false);
    });

    test('a didOpen of a file the server has no language for (.md, .txt) is ignored', async () => {
        for (const name of ['notes.md', 'notes.txt', 'no-extension']) {
            const uri = fileUri(folder.file(name));
            await client.openDocument(uri, '# Notes\n\nprogramme X "X" {}\n', 'markdown');
            await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version: 2 }, contentChanges: [{ text: 'changed' }]
            });
            await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
            await expectServing();
            expect(client.diagnostics.has(uri)).toBe(false);
        }
    });

    test('the built-in library is read-only: didOpen, didChange, didClose and file events cannot replace it', async () => {
        const forged = 'role PO "Forged" {\n    text "whatever was sent"\n}\n';
        for (const uri of ['builtin:///roles.nos', BUILTIN_ROLES]) {
            await client.openDocument(uri, forged, 'trainspec-standards');
            await expectServing();
            await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version: 2 }, contentChanges: [{ text: forged }]
            });
            await expectServing();
            await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
            await expectServing();
        }
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: BUILTIN_ROLES, type: FileChangeType.Changed }, { uri: BUILTIN_ROLES, type: FileChangeType.Deleted }]
        });
        await expectServing();
        expect(await hoverText(programme, AT_PO)).not.toContain('whatever was sent');

        // Hover and definition still work on the built-in documents themselves.
        const [definition] = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: programme }, position: AT_PO }) as LocationLink[];
        expect(definition.targetUri).toBe(BUILTIN_ROLES);
        expect(await hoverText(BUILTIN_ROLES, definition.targetSelectionRange.start)).toContain(PO_TEXT);
    });

    test('an open document whose file is deleted on disk is still the editor\'s text; once closed, it is gone', async () => {
        const path = folder.file('open.tspec');
        const open = fileUri(path);
        writeFileSync(path, 'module OnDisk "On disk" { covers RoSH.a }\n');
        await client.openDocument(open, 'module InEditor "In editor" { covers Nonexistent }\n');
        await client.waitForDiagnostics(open, withCode('unresolved-reference'));

        rmSync(path);
        // With a change to another file, whose diagnostics then come again once the update has run.
        client.diagnostics.delete(programme);
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: open, type: FileChangeType.Deleted }, { uri: programme, type: FileChangeType.Changed }]
        });
        await client.waitForDiagnostics(programme);
        await expectServing();
        const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: open } }) as DocumentSymbol[];
        expect(symbols.map(symbol => symbol.name)).toEqual(['InEditor']);
        expect(client.diagnostics.get(open)).toContainEqual(expect.objectContaining({ code: 'unresolved-reference' }));

        await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: open } });
        expect(await client.waitForDiagnostics(open, found => found.length === 0)).toEqual([]);
        const gone = await client.sendRawRequest('textDocument/documentSymbol', { textDocument: { uri: open } });
        expect(gone).toEqual({ error: { code: -32802, message: `No document found for URI: ${open}` } });
        await expectServing();
    });

    test('closing an open document whose file is still on disk goes back to the file\'s text', async () => {
        const path = folder.file('edited.tspec');
        const edited = fileUri(path);
        writeFileSync(path, 'module Saved "Saved" { covers RoSH.a }\n');
        await client.openDocument(edited, 'module Unsaved "Unsaved" { covers Nonexistent }\n');
        await client.waitForDiagnostics(edited, withCode('unresolved-reference'));
        await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: edited } });
        await client.waitForDiagnostics(edited, found => !withCode('unresolved-reference')(found));
        const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: edited } }) as DocumentSymbol[];
        expect(symbols.map(symbol => symbol.name)).toEqual(['Saved']);
        await expectServing();
    });

    test('requests with parameters of the wrong type answer -32602 with a clear message, not a JavaScript error', async () => {
        expect(await client.sendRawRequest('textDocument/rename', { textDocument: { uri: programme }, position: AT_PO, newName: 5 })).toEqual({
            error: { code: ErrorCodes.InvalidParams, message: 'Invalid parameters for textDocument/rename: params.newName must be a string, not a number.' }
        });
        expect(await client.sendRawRequest('textDocument/hover', { textDocument: { uri: programme }, position: { line: '1', character: 14 } })).toEqual({
            error: { code: ErrorCodes.InvalidParams, message: 'Invalid parameters for textDocument/hover: params.position.line must be a whole number from 0 to 2147483647, not a string.' }
        });
        expect(await client.sendRawRequest('textDocument/completion', { position: AT_PO })).toEqual({
            error: { code: ErrorCodes.InvalidParams, message: 'Invalid parameters for textDocument/completion: params.textDocument is missing.' }
        });
        expect(await client.sendRawRequest('trainspec/coverageMatrix', { uri: 42 })).toEqual({
            error: { code: ErrorCodes.InvalidParams, message: 'Invalid parameters for trainspec/coverageMatrix: params.uri must be a URI (a string such as file:///path/to/file.tspec), not a number.' }
        });
        await expectServing();
    });

    test('shuts down cleanly after all that', async () => {
        expect(await client.shutdown()).toBe(0);
    });
});
