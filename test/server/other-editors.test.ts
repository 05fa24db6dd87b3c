import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CodeLensRequest, DefinitionRequest, DidCloseTextDocumentNotification, DocumentSymbolRequest, ExecuteCommandRequest, HoverRequest, ReferencesRequest,
    type DocumentSymbol, type Hover, type Location, type MarkupContent
} from 'vscode-languageserver/node';
import { Commands, ServerCommands, SERVER_NAME } from '../../language/src/protocol/constants.js';
import { fileUri, LspClient } from '../support/lsp-client.js';
import { REPO_ROOT } from '../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

const INCOMPLETE = join(REPO_ROOT, 'examples', 'incomplete');
const LIBRARY_SOURCE = join(REPO_ROOT, 'language', 'src', 'library');
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The server's command with a cache folder of the test's own, so no user's cache is read or written. */
function serverWithCache(cache: string) {
    return {
        command: process.execPath,
        args: [join(REPO_ROOT, 'bin', 'trainspec-language-server.js'), '--stdio'],
        env: { ...process.env, XDG_CACHE_HOME: cache }
    };
}

/** The location of `prepares PSO`'s role: where go to definition on it lands. */
async function definitionOfPso(client: LspClient, programme: string, text: string): Promise<Location> {
    const line = text.split('\n').findIndex(candidate => candidate.includes('prepares PSO'));
    const character = text.split('\n')[line].indexOf('PSO') + 1;
    const definition = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: programme }, position: { line, character } });
    const locations = Array.isArray(definition) ? definition : definition ? [definition] : [];
    expect(locations).toHaveLength(1);
    const [location] = locations;
    // Langium answers with links (the target and the name in it); an editor jumps to the name.
    return 'targetUri' in location ? { uri: location.targetUri, range: location.targetSelectionRange } : location;
}

describe('an editor that cannot fetch builtin: documents (Neovim, Emacs, Helix …)', () => {
    let workspace: TempFolder;
    let cache: TempFolder;
    let client: LspClient;
    let programme: string;
    let programmeText: string;
    let rolesFile: string;

    beforeAll(async () => {
        workspace = createTempFolder({}, INCOMPLETE);
        cache = createTempFolder();
        programme = fileUri(workspace.file('programme.tspec'));
        programmeText = readFileSync(workspace.file('programme.tspec'), 'utf8');
        client = await LspClient.start(workspace.path, undefined, serverWithCache(cache.path), { fetchesDocuments: false, showsDocuments: true });
        await client.openDocument(programme, programmeText);
        await client.waitForDiagnostics(programme, diagnostics => diagnostics.length > 0);
        rolesFile = (await definitionOfPso(client, programme, programmeText)).uri;
    });

    afterAll(async () => {
        await client?.dispose();
        workspace?.remove();
        cache?.remove();
    });

    test('initialize says who the server is and which commands it runs itself', () => {
        expect(client.serverInfo).toEqual({ name: SERVER_NAME, version: VERSION });
        expect(client.capabilities.executeCommandProvider?.commands).toEqual([ServerCommands.openCoverageReport]);
        // None of the VS Code extension's own commands: vscode-languageclient would register them a second time.
        expect(client.capabilities.executeCommandProvider?.commands).not.toContain(Commands.showCoverage);
    });

    test('go to definition into the library lands in a read-only file of the cache folder, holding the library\'s text', async () => {
        expect(rolesFile).toMatch(/^file:\/\//);
        const path = fileURLToPath(rolesFile);
        expect(path.startsWith(join(cache.path, 'trainspec', 'library', `${VERSION}-`))).toBe(true);
        expect(path.endsWith('roles.nos')).toBe(true);
        expect(readFileSync(path, 'utf8')).toBe(readFileSync(join(LIBRARY_SOURCE, 'roles.nos'), 'utf8'));
        expect(statSync(path).mode & 0o222).toBe(0);
        const location = await definitionOfPso(client, programme, programmeText);
        const line = readFileSync(path, 'utf8').split('\n')[location.range.start.line];
        expect(line.slice(location.range.start.character, location.range.end.character)).toBe('PSO');
    });

    test('every catalogue of the library is a file there, and none is loaded twice as a workspace file', async () => {
        const folder = join(fileURLToPath(rolesFile), '..');
        for (const name of ['roles.nos', 's10-guidelines.nos', 'pqf-leaflet.nos']) {
            expect(readFileSync(join(folder, name), 'utf8')).toBe(readFileSync(join(LIBRARY_SOURCE, name), 'utf8'));
        }
        // A catalogue loaded twice would report each of its standards as redefined.
        await client.waitForQuiescence();
        expect(client.diagnostics.get(rolesFile) ?? []).toEqual([]);
    });

    test('hover links and references into the library are file: URIs too', async () => {
        const references = await client.connection.sendRequest(ReferencesRequest.type, {
            textDocument: { uri: programme }, position: { line: 4, character: 14 }, context: { includeDeclaration: true }
        }) as Location[];
        expect(references.map(reference => reference.uri)).toContain(rolesFile);
        expect(references.some(reference => reference.uri.startsWith('builtin:'))).toBe(false);
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: programme }, position: { line: 4, character: 14 } }) as Hover;
        expect((hover.contents as MarkupContent).value).not.toContain('builtin:');
    });

    test('an editor opening the library file gets the library\'s answers, whatever text it sends', async () => {
        const text = readFileSync(fileURLToPath(rolesFile), 'utf8');
        await client.openDocument(rolesFile, 'role PSO "Hijacked" {}\nrole Extra "x" {}\n', 'trainspec-standards');
        await client.changeDocument(rolesFile, 'nonsense {{{');
        await client.waitForQuiescence();
        expect(client.diagnostics.get(rolesFile) ?? []).toEqual([]);
        // Hover in the library file, at the PSO role's name, answers from the library's own text.
        const line = text.split('\n').findIndex(candidate => candidate.startsWith('role PSO '));
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: rolesFile }, position: { line, character: 6 } }) as Hover;
        expect((hover.contents as MarkupContent).value).toContain('Probation Services Officer');
        const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: rolesFile } }) as DocumentSymbol[];
        expect(symbols.map(symbol => symbol.name)).toContain('PSO');
        expect(symbols.map(symbol => symbol.name)).not.toContain('Extra');
        await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: rolesFile } });
        // The spec still links to the library, and the file on disk is untouched.
        expect((await definitionOfPso(client, programme, programmeText)).uri).toBe(rolesFile);
        expect(readFileSync(fileURLToPath(rolesFile), 'utf8')).toBe(text);
    });

    test('the coverage code lens runs the server\'s command, which opens the programme\'s Markdown coverage report', async () => {
        const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: programme } });
        expect(lenses?.length).toBeGreaterThan(0);
        const command = lenses![0].command!;
        expect(command).toMatchObject({ command: ServerCommands.openCoverageReport, arguments: [programme, 'DraftProgrammesPso'] });
        const result: unknown = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: command.command, arguments: command.arguments });
        const shown = await client.waitFor('the report to be shown', () => client.shownDocuments.at(-1));
        expect(shown).toMatchObject({ uri: result, takeFocus: true });
        const report = readFileSync(fileURLToPath(shown.uri), 'utf8');
        expect(shown.uri.endsWith('/DraftProgrammesPso-coverage.md')).toBe(true);
        expect(fileURLToPath(shown.uri).startsWith(join(cache.path, 'trainspec', 'reports'))).toBe(true);
        expect(report).toContain('PSO Diploma: Programmes pathway (draft)');
        expect(report).toMatch(/7 of 9/);
    });

    test('running it again writes the report afresh, from the programme as the editor holds it', async () => {
        await client.changeDocument(programme, programmeText.replace('(draft)', '(second draft)'));
        await client.waitForQuiescence();
        const uri = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.openCoverageReport, arguments: [programme, 'DraftProgrammesPso'] }) as string;
        expect(readFileSync(fileURLToPath(uri), 'utf8')).toContain('(second draft)');
        await client.changeDocument(programme, programmeText);
    });

    test('the command\'s arguments are checked: a wrong call is answered with invalid params, in words', async () => {
        const calls: unknown[] = [undefined, [], [programme], [programme, 42], ['not a uri', 'DraftProgrammesPso'], [programme, 'DraftProgrammesPso', 'extra']];
        for (const args of calls) {
            const answer = await client.sendRawRequest('workspace/executeCommand', { command: ServerCommands.openCoverageReport, ...(args === undefined ? {} : { arguments: args }) });
            expect('error' in answer && answer.error.code).toBe(-32602);
            expect('error' in answer && answer.error.message).toMatch(/^Invalid parameters for workspace\/executeCommand: params\.arguments/);
        }
        const missing = await client.sendRawRequest('workspace/executeCommand', { command: ServerCommands.openCoverageReport, arguments: [programme, 'NoSuchProgramme'] });
        expect('error' in missing && missing.error.message).toContain('There is no programme named "NoSuchProgramme"');
        expect(client.running).toBe(true);
    });
});

describe('the library\'s files in the cache folder', () => {
    let workspace: TempFolder;
    let cache: TempFolder;
    const clients: LspClient[] = [];

    beforeAll(() => {
        workspace = createTempFolder({}, INCOMPLETE);
        cache = createTempFolder();
    });

    afterAll(async () => {
        await Promise.all(clients.map(client => client.dispose()));
        workspace?.remove();
        cache?.remove();
    });

    test('servers starting at once on one cache folder each get the whole library', async () => {
        const programme = fileUri(workspace.file('programme.tspec'));
        const text = readFileSync(workspace.file('programme.tspec'), 'utf8');
        const started = await Promise.all([1, 2, 3].map(() => LspClient.start(workspace.path, undefined, serverWithCache(cache.path), { fetchesDocuments: false })));
        clients.push(...started);
        const locations = await Promise.all(started.map(async client => {
            await client.openDocument(programme, text);
            await client.waitForDiagnostics(programme, diagnostics => diagnostics.length > 0);
            return definitionOfPso(client, programme, text);
        }));
        expect(new Set(locations.map(location => location.uri)).size).toBe(1);
        expect(readFileSync(fileURLToPath(locations[0].uri), 'utf8')).toBe(readFileSync(join(LIBRARY_SOURCE, 'roles.nos'), 'utf8'));
        for (const client of started) {
            expect(client.logs.filter(log => log.type <= 2)).toEqual([]);
        }
    });

    test('a copy someone changed on disk is put right at the next start: the library is the server\'s own', async () => {
        const first = clients[0];
        const programme = fileUri(workspace.file('programme.tspec'));
        const path = fileURLToPath((await definitionOfPso(first, programme, readFileSync(workspace.file('programme.tspec'), 'utf8'))).uri);
        const { chmodSync } = await import('node:fs');
        chmodSync(path, 0o644);
        writeFileSync(path, 'role PSO "Tampered" {}\n');
        const client = await LspClient.start(workspace.path, undefined, serverWithCache(cache.path), { fetchesDocuments: false });
        clients.push(client);
        await client.waitForQuiescence();
        expect(readFileSync(path, 'utf8')).toBe(readFileSync(join(LIBRARY_SOURCE, 'roles.nos'), 'utf8'));
        expect(statSync(path).mode & 0o222).toBe(0);
    });
    test('an editor that opens a library file as the server starts gets answers (a restored session; eglot starting a server for the library\'s folder)', async () => {
        const programme = fileUri(workspace.file('programme.tspec'));
        const first = await LspClient.start(workspace.path, undefined, serverWithCache(cache.path), { fetchesDocuments: false });
        clients.push(first);
        const rolesFile = (await definitionOfPso(first, programme, readFileSync(workspace.file('programme.tspec'), 'utf8'))).uri;
        const libraryFolder = join(fileURLToPath(rolesFile), '..');
        const client = await LspClient.start(libraryFolder, undefined, serverWithCache(cache.path), { fetchesDocuments: false });
        clients.push(client);
        // At once, before the server has put the library in place and built its workspace.
        await client.openDocument(rolesFile, readFileSync(fileURLToPath(rolesFile), 'utf8'), 'trainspec-standards');
        const line = readFileSync(fileURLToPath(rolesFile), 'utf8').split('\n').findIndex(candidate => candidate.startsWith('role PSO '));
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: rolesFile }, position: { line, character: 6 } }) as Hover;
        expect((hover.contents as MarkupContent).value).toContain('Probation Services Officer');
        await client.waitForQuiescence();
        // The library's folder as a workspace: its files are the library, not catalogues of the workspace that redefine it.
        expect(client.diagnostics.get(rolesFile) ?? []).toEqual([]);
    });
});

describe('VS Code, which fetches builtin: documents and shows the coverage view itself', () => {
    let workspace: TempFolder;
    let cache: TempFolder;
    let client: LspClient;

    beforeAll(async () => {
        workspace = createTempFolder({}, INCOMPLETE);
        cache = createTempFolder();
        client = await LspClient.start(workspace.path, undefined, serverWithCache(cache.path), { initializationOptions: { library: 'builtin', coverageView: true } });
    });

    afterAll(async () => {
        await client?.dispose();
        workspace?.remove();
        cache?.remove();
    });

    test('the library stays under builtin:, nothing is written to the cache folder, and the lens opens the coverage view', async () => {
        const programme = fileUri(workspace.file('programme.tspec'));
        const text = readFileSync(workspace.file('programme.tspec'), 'utf8');
        await client.openDocument(programme, text);
        await client.waitForDiagnostics(programme, diagnostics => diagnostics.length > 0);
        expect((await definitionOfPso(client, programme, text)).uri).toBe('builtin:/roles.nos');
        const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: programme } });
        expect(lenses?.[0].command?.command).toBe(Commands.showCoverage);
        const { readdirSync } = await import('node:fs');
        expect(readdirSync(cache.path)).toEqual([]);
    });
});
