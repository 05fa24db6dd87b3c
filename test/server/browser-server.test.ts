import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import {
    createConnection, createProtocolConnection, DefinitionRequest, DidChangeWatchedFilesNotification, FileChangeType, ProposedFeatures, StreamMessageReader, StreamMessageWriter, DidOpenTextDocumentNotification, ExitNotification,
    HoverRequest, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest,
    type Diagnostic, type LocationLink, type MarkupContent, type ProtocolConnection
} from 'vscode-languageserver/node';
import { encodeBase64 } from '../../language/src/protocol/base64.js';
import { ReadDirectoryRequest, ReadFileRequest, ServerStatusNotification, StatRequest } from '../../language/src/protocol/lsp-ext.js';
import type { WorkspaceEntry } from '../../language/src/protocol/workspace-files.js';
import { startWebLanguageServer } from '../../server/src/web-language-server.js';
import { REPO_ROOT } from '../support/run-cli.js';

// The browser's language server, in this process (over in-memory streams: its browser transport, a
// MessagePort, is tested in a real browser by the end-to-end tests), with a workspace that only the
// client can read (a scheme no file system serves): a programme whose modules sit in files nobody
// opened still gets its coverage from them.

const ROOT = 'memfs://workspace/po-court-work';
const EXAMPLE = join(REPO_ROOT, 'examples', 'po-court-work');

/** examples/po-court-work, with one standard taken out of a module in modules/, by URI. */
function workspaceFiles(): Map<string, string> {
    const files = new Map<string, string>();
    const walk = (folder: string): void => readdirSync(folder, { withFileTypes: true }).forEach(entry => entry.isDirectory()
        ? walk(join(folder, entry.name))
        : files.set(`${ROOT}/${relative(EXAMPLE, join(folder, entry.name))}`, readFileSync(join(folder, entry.name), 'utf8')));
    walk(EXAMPLE);
    const practice = `${ROOT}/modules/practice.tspec`;
    files.set(practice, files.get(practice)!.replace('covers PsoWorkWithOthers, ', 'covers '));
    return files;
}

class BrowserSession {
    readonly diagnostics = new Map<string, Diagnostic[]>();
    readonly asked: string[] = [];
    private quiescent = false;
    private readonly waiters = new Set<() => void>();

    constructor(readonly connection: ProtocolConnection, files: Map<string, string>) {
        const entries = (uri: string): WorkspaceEntry[] => {
            const children = new Map<string, WorkspaceEntry>();
            for (const file of files.keys()) {
                if (file.startsWith(`${uri}/`)) {
                    const [name, ...rest] = file.slice(uri.length + 1).split('/');
                    children.set(name, { uri: `${uri}/${name}`, type: rest.length > 0 ? 'directory' : 'file' });
                }
            }
            return [...children.values()];
        };
        connection.onRequest(StatRequest, ({ uri }) => {
            this.asked.push(`stat ${uri}`);
            return files.has(uri) ? { uri, type: 'file' } : entries(uri).length > 0 ? { uri, type: 'directory' } : null;
        });
        connection.onRequest(ReadDirectoryRequest, ({ uri }) => {
            this.asked.push(`readDirectory ${uri}`);
            return entries(uri);
        });
        connection.onRequest(ReadFileRequest, ({ uri }) => {
            this.asked.push(`readFile ${uri}`);
            const text = files.get(uri);
            if (text === undefined) {
                throw new Error(`${uri} does not exist`);
            }
            return { base64: encodeBase64(new TextEncoder().encode(text)) };
        });
        connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
            this.diagnostics.set(uri, diagnostics);
            this.notify();
        });
        connection.onNotification(ServerStatusNotification, ({ quiescent }) => {
            this.quiescent = quiescent;
            this.notify();
        });
        connection.listen();
    }

    /** Waits until the server has nothing left to do and `check` holds. */
    async until(check: () => boolean): Promise<void> {
        while (!(this.quiescent && check())) {
            await new Promise<void>(resolve => this.waiters.add(resolve));
        }
    }

    private notify(): void {
        this.waiters.forEach(resolve => resolve());
        this.waiters.clear();
    }
}

const sessions: BrowserSession[] = [];
afterEach(() => sessions.splice(0).forEach(session => session.connection.dispose()));

async function start(files: Map<string, string>): Promise<BrowserSession> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    let exited = false;
    startWebLanguageServer(options => createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient), options), () => exited = true);
    const session = new BrowserSession(createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)), files);
    sessions.push(session);
    await session.connection.sendRequest(InitializeRequest.type, {
        processId: null,
        rootUri: ROOT,
        workspaceFolders: [{ uri: ROOT, name: 'po-court-work' }],
        capabilities: { workspace: { workspaceFolders: true } }
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    Object.defineProperty(session, 'exited', { get: () => exited });
    return session;
}

describe('the browser language server', () => {
    test('reads the workspace through the client: the gap of a module in another, unopened file is reported on the programme', async () => {
        const files = workspaceFiles();
        const session = await start(files);
        const programme = `${ROOT}/programme.tspec`;
        await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: programme, languageId: 'trainspec', version: 1, text: files.get(programme)! }
        });
        await session.until(() => session.diagnostics.has(programme));
        expect(session.diagnostics.get(programme)!.map(diagnostic => diagnostic.message)).toEqual([
            'No module covers the PQF outcome "work effectively with others", which Probation Officer (through Probation Services Officer) requires.'
        ]);
        // Every file of the workspace was read through the client, the unopened modules too.
        expect(session.asked).toEqual(expect.arrayContaining([
            `readDirectory ${ROOT}`, `readDirectory ${ROOT}/modules`, `readFile ${ROOT}/modules/practice.tspec`, `readFile ${ROOT}/modules/court-work.tspec`
        ]));
        expect(session.diagnostics.get(`${ROOT}/modules/practice.tspec`)).toEqual([]);

        // The module is put right in another editor (or a git pull): the client's file watcher says so, and the gap goes.
        const practice = `${ROOT}/modules/practice.tspec`;
        files.set(practice, files.get(practice)!.replace('covers ', 'covers PsoWorkWithOthers, '));
        await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: practice, type: FileChangeType.Changed }] });
        await session.until(() => session.diagnostics.get(programme)!.length === 0);
    });

    test('hover shows the NOS words, and go to definition leads into the built-in library', async () => {
        const files = workspaceFiles();
        const session = await start(files);
        const court = `${ROOT}/modules/court-work.tspec`;
        const text = files.get(court)!;
        await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: court, languageId: 'trainspec', version: 1, text } });
        await session.until(() => session.diagnostics.has(court));
        const lines = text.split('\n');
        const line = lines.findIndex(content => content.includes('ObtainInformation'));
        const position = { line, character: lines[line].indexOf('ObtainInformation') + 2 };
        const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: court }, position });
        expect((hover?.contents as MarkupContent).value).toContain('Obtain information relating to individuals’ offending behaviour');
        const definition = await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: court }, position }) as LocationLink[];
        expect(definition.map(link => link.targetUri)).toEqual(['builtin:/s10-guidelines.nos']);
    });

    test('lets go of its connection when the client says exit', async () => {
        const session = await start(workspaceFiles());
        await session.until(() => true);
        await session.connection.sendRequest(ShutdownRequest.type);
        await session.connection.sendNotification(ExitNotification.type);
        await expect.poll(() => (session as unknown as { exited: boolean }).exited).toBe(true);
    });
});
