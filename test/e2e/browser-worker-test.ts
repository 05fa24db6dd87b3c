// The browser's language server as VS Code for the Web and github.dev start it: out/browser/server.js
// in a web worker of its own, in headless chromium, spoken to over JSON-RPC from the page as the web
// extension does, with the page answering `trainspec/readDirectory`, `trainspec/readFile` and
// `trainspec/stat` as the extension does with `vscode.workspace.fs`. (code-server refuses workers
// to the extensions it serves, so web-extension-test.ts sees the server in the extension host;
// this covers the other way.) On examples/po-court-work with a standard taken out of a module in
// modules/, with only programme.tspec open: the gap, the hover's NOS words, the definition.
//
//   node out/e2e/browser-worker-test.mjs        (needs `npm run build`: out/browser/server.js)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { RunFolders, launchChromium, log, repoRoot } from './code-server.js';

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

/** Serves the page and the worker's script from one origin, as a web extension's files are. */
function serve(script: string): Promise<{ server: Server; origin: string }> {
    return new Promise(resolve => {
        const server = createServer((request, response) => {
            if (request.url === '/server.js') {
                response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(script));
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
    diagnostics: Array<{ message: string }> | undefined;
    hover: { contents: { value: string } } | null;
    definition: Array<{ targetUri: string }> | null;
    asked: string[];
    errors: string[];
}

interface SessionInput {
    script: string;
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
    return { diagnostics: published.get(input.programme), hover, definition, asked, errors };
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
        const session = await page.evaluate<Session>(`(${converse.toString()})(${JSON.stringify({ script: `${origin}/server.js`, root: ROOT, programme: PROGRAMME, files, position })})`);
        const problems: string[] = [];
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
        problems.push(...session.errors.map(error => `worker error: ${error}`), ...pageErrors.map(error => `page error: ${error}`));
        problems.forEach(problem => log(`✘ ${problem}`));
        return problems.length === 0 ? 0 : 1;
    } finally {
        await browser?.close().catch(() => undefined);
        server.close();
        folders.dispose();
    }
}

const started = Date.now();
main().then(code => {
    log(`browser-worker-test finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${code}`);
    process.exit(code);
}, (error: unknown) => {
    log(`browser-worker-test failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
});
