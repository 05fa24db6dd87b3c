// The browser's language server as VS Code for the Web and github.dev start it: out/browser/server.js
// in a web worker of its own, in headless chromium, spoken to over JSON-RPC from the page as the web
// extension does, with the page answering `trainspec/readDirectory`, `trainspec/readFile` and
// `trainspec/stat` as the extension does with `vscode.workspace.fs`. (code-server refuses workers
// to the extensions it serves, so web-extension-test.ts sees the server in the extension host;
// this covers the other way.) On examples/po-court-work with a standard taken out of a module in
// modules/, with only programme.tspec open: the ready handshake first, then the gap, the hover's
// NOS words, the definition. Then what the client's fallback (client/src/server-worker.ts) relies
// on: a worker whose script is missing, does not parse or throws as it starts fires `error`, and
// never the handshake.
//
//   node out/e2e/browser-worker-test.mjs        (needs `npm run build`: out/browser/server.js)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { WORKER_READY } from '../../language/src/protocol/worker-handshake.js';
import { RunFolders, launchChromium, log, repoRoot, runScript } from './code-server.js';

const ROOT = 'memfs://workspace/po-court-work';
const PROGRAMME = `${ROOT}/programme.tspec`;
const GAP = 'No module covers the PQF outcome "work effectively with others", which Probation Officer (through Probation Services Officer) requires.';
const HOVERED_REFERENCE = 'ExchangeInformationAtHearings';
const NOS_WORDING = 'Exchange information at formal hearings';

/** examples/po-court-work by URI, with PsoWorkWithOthers taken out of modules/practice.tspec. */
function workspaceFiles(): Record<string, string> {
    const example = join(repoRoot, 'examples', 'po-court-work');
    const files: Record<string, string> = {};
    const walk = (folder: string): void => readdirSync(folder, { withFileTypes: true }).forEach(entry => entry.isDirectory()
        ? walk(join(folder, entry.name))
        : files[`${ROOT}/${relative(example, join(folder, entry.name))}`] = readFileSync(join(folder, entry.name), 'utf8'));
    walk(example);
    files[`${ROOT}/modules/practice.tspec`] = files[`${ROOT}/modules/practice.tspec`].replace('covers PsoWorkWithOthers, ', 'covers ');
    return files;
}

/** Scripts a worker fails to start with, by path, and the server's script served as they are. */
function failingScripts(script: string): Record<string, string | undefined> {
    const source = readFileSync(script, 'utf8');
    return {
        '/missing.js': undefined, // 404
        '/truncated.js': source.slice(0, Math.floor(source.length / 2)), // a syntax error
        '/throws.js': 'throw new Error("The server could not start.");'
    };
}

/** Serves the page and the worker's scripts from one origin, as a web extension's files are. */
function serve(script: string): Promise<{ server: Server; origin: string }> {
    const failing = failingScripts(script);
    return new Promise(resolve => {
        const server = createServer((request, response) => {
            const url = request.url ?? '/';
            if (url === '/server.js') {
                response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(script));
            } else if (url in failing) {
                const text = failing[url];
                if (text === undefined) {
                    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
                } else {
                    response.writeHead(200, { 'content-type': 'text/javascript' }).end(text);
                }
            } else {
                response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>TrainSpec language server in a web worker</title>');
            }
        });
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            resolve({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
        });
    });
}

interface Session {
    firstMessage: unknown;
    diagnostics: Array<{ message: string }> | undefined;
    hover: { contents: { value: string } } | null;
    definition: Array<{ targetUri: string }> | null;
    asked: string[];
    errors: string[];
}

interface SessionInput {
    script: string;
    ready: unknown;
    root: string;
    programme: string;
    files: Record<string, string>;
    position: { line: number; character: number };
}

/** What the page's function uses of the browser (this file is compiled without DOM typings). */
interface PageGlobals {
    Worker: new (url: string) => {
        onmessage: ((event: { data: Message }) => void) | null;
        onerror: ((event: { message: string }) => void) | null;
        postMessage(message: unknown): void;
        terminate(): void;
    };
}

interface Message {
    id?: number | string;
    method?: string;
    params?: Record<string, unknown>;
    result?: unknown;
    error?: { message: string };
}

/** Runs in the page: the web extension's side of the conversation, over the worker's messages. */
async function converse(input: SessionInput): Promise<Session> {
    const { Worker } = globalThis as unknown as PageGlobals;
    const worker = new Worker(input.script);
    const pending = new Map<number | string, (message: Message) => void>();
    const published = new Map<string, Array<{ message: string }>>();
    const asked: string[] = [];
    const errors: string[] = [];
    let quiescent = false;
    let nextId = 1;
    let firstMessage: unknown;
    let handshaken = false;
    const entries = (uri: string): Array<{ uri: string; type: string }> => {
        const children = new Map<string, { uri: string; type: string }>();
        for (const file of Object.keys(input.files).filter(file => file.startsWith(`${uri}/`))) {
            const [name, ...rest] = file.slice(uri.length + 1).split('/');
            children.set(name, { uri: `${uri}/${name}`, type: rest.length > 0 ? 'directory' : 'file' });
        }
        return [...children.values()];
    };
    const answer = (method: string, params: Record<string, unknown>): unknown => {
        const uri = String(params.uri);
        asked.push(`${method} ${uri}`);
        switch (method) {
            case 'trainspec/readDirectory':
                return entries(uri);
            case 'trainspec/readFile':
                return { base64: btoa(String.fromCharCode(...new TextEncoder().encode(input.files[uri]))) };
            case 'trainspec/stat':
                return uri in input.files ? { uri, type: 'file' } : entries(uri).length > 0 ? { uri, type: 'directory' } : null;
            default:
                return null; // workspace/configuration and the like: the defaults
        }
    };
    worker.onerror = event => errors.push(event.message);
    worker.onmessage = ({ data: message }) => {
        if (!handshaken) {
            firstMessage = message;
            handshaken = true;
            if (JSON.stringify(message) === JSON.stringify(input.ready)) {
                return;
            }
        }
        if (message.method === undefined && message.id !== undefined) {
            pending.get(message.id)?.(message);
        } else if (message.method !== undefined && message.id !== undefined) {
            worker.postMessage({ jsonrpc: '2.0', id: message.id, result: answer(message.method, message.params ?? {}) });
        } else if (message.method === 'textDocument/publishDiagnostics') {
            published.set(String(message.params!.uri), message.params!.diagnostics as Array<{ message: string }>);
        } else if (message.method === 'trainspec/status') {
            quiescent = message.params!.quiescent === true;
        }
    };
    const request = (method: string, params: unknown): Promise<unknown> => new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, message => message.error ? reject(new Error(message.error.message)) : resolve(message.result));
        worker.postMessage({ jsonrpc: '2.0', id, method, params });
    });
    const notify = (method: string, params: unknown): void => worker.postMessage({ jsonrpc: '2.0', method, params });
    const until = async (check: () => boolean): Promise<void> => {
        for (const deadline = Date.now() + 30_000; !check(); await new Promise(resolve => setTimeout(resolve, 50))) {
            if (Date.now() > deadline || errors.length > 0) {
                throw new Error(`The server did not finish: ${errors.join('; ') || 'timed out'}`);
            }
        }
    };

    await request('initialize', { processId: null, rootUri: input.root, workspaceFolders: [{ uri: input.root, name: 'po-court-work' }], capabilities: { workspace: { workspaceFolders: true } } });
    notify('initialized', {});
    notify('textDocument/didOpen', { textDocument: { uri: input.programme, languageId: 'trainspec', version: 1, text: input.files[input.programme] } });
    await until(() => quiescent && published.has(input.programme));
    const textDocument = { uri: input.programme };
    const hover = await request('textDocument/hover', { textDocument, position: input.position }) as Session['hover'];
    const definition = await request('textDocument/definition', { textDocument, position: input.position }) as Session['definition'];
    await request('shutdown', null);
    notify('exit', null);
    return { firstMessage, diagnostics: published.get(input.programme), hover, definition, asked, errors };
}

/** Runs in the page: what the first event of a worker on each script is, or 'nothing' within `waitMs`. */
async function firstEvents(input: { scripts: string[]; waitMs: number }): Promise<Record<string, string>> {
    const { Worker } = globalThis as unknown as PageGlobals;
    const first = (script: string): Promise<string> => new Promise(resolve => {
        const worker = new Worker(script);
        const settle = (what: string): void => {
            worker.terminate();
            resolve(what);
        };
        worker.onerror = event => settle(`error${event.message ? `: ${event.message}` : ''}`);
        worker.onmessage = event => settle(`message: ${JSON.stringify(event.data)}`);
        setTimeout(() => settle('nothing'), input.waitMs);
    });
    const events = await Promise.all(input.scripts.map(first));
    return Object.fromEntries(input.scripts.map((script, index) => [script, events[index]]));
}

async function main(): Promise<number> {
    const script = join(repoRoot, 'out', 'browser', 'server.js');
    if (!existsSync(script)) {
        throw new Error(`${script} is missing. Run: npm run build`);
    }
    const files = workspaceFiles();
    const lines = files[PROGRAMME].split('\n');
    const line = lines.findIndex(text => text.includes(HOVERED_REFERENCE));
    const position = { line, character: lines[line].indexOf(HOVERED_REFERENCE) + 2 };
    const folders = new RunFolders('worker');
    const { server, origin } = await serve(script);
    let browser: Browser | undefined;
    try {
        browser = await launchChromium(folders);
        const page = await browser.newPage();
        const pageErrors: string[] = [];
        page.on('pageerror', error => pageErrors.push(error.message));
        await page.goto(origin);
        const session = await page.evaluate<Session>(`(${converse.toString()})(${JSON.stringify({ script: `${origin}/server.js`, ready: WORKER_READY, root: ROOT, programme: PROGRAMME, files, position })})`);
        const problems: string[] = [];
        log(`first message of the worker: ${JSON.stringify(session.firstMessage)}`);
        if (JSON.stringify(session.firstMessage) !== JSON.stringify(WORKER_READY)) {
            problems.push(`the worker's first message is not the ready handshake ${JSON.stringify(WORKER_READY)}`);
        }
        const messages = (session.diagnostics ?? []).map(diagnostic => diagnostic.message);
        log(`diagnostics of programme.tspec: ${JSON.stringify(messages)}`);
        if (JSON.stringify(messages) !== JSON.stringify([GAP])) {
            problems.push(`expected only the gap "${GAP}"`);
        }
        if (!session.asked.includes(`trainspec/readFile ${ROOT}/modules/practice.tspec`)) {
            problems.push(`the server did not read modules/practice.tspec through the client: ${JSON.stringify(session.asked)}`);
        }
        log(`hover: ${JSON.stringify(session.hover?.contents.value.slice(0, 120))}`);
        if (!session.hover?.contents.value.includes(NOS_WORDING)) {
            problems.push(`the hover does not show "${NOS_WORDING}"`);
        }
        log(`definition: ${JSON.stringify(session.definition?.map(link => link.targetUri))}`);
        if (session.definition?.[0]?.targetUri !== 'builtin:/s10-guidelines.nos') {
            problems.push('go to definition does not lead into the built-in library');
        }
        // Only a worker that loaded and started says it is ready; the rest fire `error` well within the
        // client's time limit (10 s), so that the client falls back at once.
        const failing = Object.keys(failingScripts(script)).map(path => `${origin}${path}`);
        const events = await page.evaluate<Record<string, string>>(`(${firstEvents.toString()})(${JSON.stringify({ scripts: failing, waitMs: 5000 })})`);
        for (const [failingScript, event] of Object.entries(events)) {
            log(`first event of a worker on ${failingScript.slice(origin.length)}: ${event}`);
            if (!event.startsWith('error')) {
                problems.push(`a worker on ${failingScript} did not fire an error first (${event})`);
            }
        }
        problems.push(...session.errors.map(error => `worker error: ${error}`), ...pageErrors.map(error => `page error: ${error}`));
        problems.forEach(problem => log(`✘ ${problem}`));
        return problems.length === 0 ? 0 : 1;
    } finally {
        await browser?.close().catch(() => undefined);
        server.close();
        folders.dispose();
    }
}

runScript('browser-worker-test', main);
