import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    CodeLensRefreshRequest, ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
    ExitNotification, InitializedNotification, InitializeRequest, LogMessageNotification, PublishDiagnosticsNotification, RegistrationRequest, ShowDocumentRequest, ShutdownRequest,
    StreamMessageReader, StreamMessageWriter, type DataCallback, type Diagnostic, type Disposable, type LogMessageParams, type Message,
    type InitializeResult, type MessageReader, type ProtocolConnection, type ResponseMessage, type ServerCapabilities, type ShowDocumentParams
} from 'vscode-languageserver/node';
import { ServerStatusNotification } from '../../language/src/protocol/lsp-ext.js';
import { REPO_ROOT } from './run-cli.js';

/** How long to wait for the server before failing (within vitest's 30 s), never a delay a test relies on. */
const TIMEOUT_MS = 20_000;

/** What the server answered to a request: a result, or an error's code and message. */
export type RawAnswer = { result: unknown } | { error: { code: number; message: string } };

/** The prefix of the ids of requests sent with `sendRawRequest`, whose answers bypass the typed connection. */
const RAW_ID_PREFIX = 'raw-';

/** The `file:` URI of a path, as the server reports it. */
export function fileUri(path: string): string {
    return pathToFileURL(path).href;
}

/** How to start a language server process: the command, its arguments and, if not inherited, its environment. */
export interface ServerCommand {
    command: string;
    args: string[];
    env?: NodeJS.ProcessEnv;
}

/** What the client says it supports at `initialize`, beyond the basics every test needs. */
export interface ClientOptions {
    /**
     * Whether it fetches `builtin:` documents (`workspace/textDocumentContent`), as VS Code does:
     * true by default. A client without it gets the library as files in the server's cache
     * folder: give the server an XDG_CACHE_HOME of the test's own (see `server`).
     */
    fetchesDocuments?: boolean;
    /** Whether it opens documents the server asks it to (`window/showDocument`); they are recorded in `shownDocuments`. */
    showsDocuments?: boolean;
    /** Whether it asks for code lenses again when told to (`workspace/codeLens/refresh`); the requests are counted in `codeLensRefreshes`. */
    refreshesCodeLenses?: boolean;
    initializationOptions?: unknown;
}

/**
 * The TrainSpec language server running as a real process (`trainspec-language-server
 * --stdio`), spoken to over JSON-RPC the way an editor does. It keeps the latest diagnostics
 * the server published for each URI.
 */
export class LspClient {
    readonly diagnostics = new Map<string, Diagnostic[]>();
    /** What the server logged to the client (`window/logMessage`). */
    readonly logs: LogMessageParams[] = [];
    /** What the server wrote to stderr. */
    stderr = '';
    /** What the server said it can do, in its answer to `initialize`. */
    capabilities: ServerCapabilities = {};
    /** Who the server said it is, in its answer to `initialize`. */
    serverInfo: InitializeResult['serverInfo'];
    /** How many times the server asked the client for code lenses again (`workspace/codeLens/refresh`). */
    codeLensRefreshes = 0;
    /** What the server asked the client to show (`window/showDocument`), in order. */
    readonly shownDocuments: ShowDocumentParams[] = [];
    /** Whether the server said it is quiescent (`trainspec/status`); busy until it first says so. */
    quiescent = false;
    /** Every `trainspec/status` the server sent, in order. */
    readonly statuses: boolean[] = [];
    /** The client's settings by section, as `start` and `changeSettings` gave them. */
    private settings: Record<string, unknown> = {};
    private readonly listeners = new Set<() => void>();
    private readonly versions = new Map<string, number>();
    private readonly exited: Promise<number | null>;
    private exitCode: number | null | undefined;
    private readonly rawAnswers = new Map<string, RawAnswer>();
    private rawIds = 0;

    private constructor(
        private readonly process: ChildProcessWithoutNullStreams,
        readonly connection: ProtocolConnection,
        private readonly writer: StreamMessageWriter,
        reader: RawAnswerReader
    ) {
        reader.onRawAnswer = (id, answer) => {
            this.rawAnswers.set(id, answer);
            this.notify();
        };
        process.stderr.setEncoding('utf8').on('data', chunk => this.stderr += chunk);
        this.exited = new Promise(resolve => process.on('exit', code => {
            this.exitCode = code;
            // Requests still waiting for an answer fail at once, not at the test's timeout.
            connection.dispose();
            this.notify();
            resolve(code);
        }));
        connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
            this.diagnostics.set(uri, diagnostics);
            this.notify();
        });
        connection.onNotification(ServerStatusNotification, ({ quiescent }) => {
            this.quiescent = quiescent;
            this.statuses.push(quiescent);
            this.notify();
        });
        connection.onNotification(LogMessageNotification.type, params => {
            this.logs.push(params);
        });
        connection.listen();
    }

    /**
     * Starts the server and initializes it with `folder` as the one workspace folder. With
     * `settings` (by section, e.g. `{ trainspec: { coverage: { severity: 'error' } } }`), the
     * client supports `workspace/configuration` and answers it from them, as VS Code does.
     * `server` runs another copy of the server (an installed one), by default this repository's
     * `bin/trainspec-language-server.js` under the Node running the tests.
     */
    static async start(folder: string, settings?: Record<string, unknown>, server?: ServerCommand, options: ClientOptions = {}): Promise<LspClient> {
        const { command, args, env } = server ?? { command: process.execPath, args: [join(REPO_ROOT, 'bin', 'trainspec-language-server.js'), '--stdio'] };
        const child = spawn(command, args, { cwd: folder, env });
        const reader = new RawAnswerReader(new StreamMessageReader(child.stdout));
        const writer = new StreamMessageWriter(child.stdin);
        const connection = createProtocolConnection(reader, writer);
        const client = new LspClient(child, connection, writer, reader);
        if (settings) {
            client.settings = settings;
            connection.onRequest(ConfigurationRequest.type, ({ items }) => items.map(item => client.settings[item.section ?? ''] ?? null));
            connection.onRequest(RegistrationRequest.type, () => undefined);
        }
        if (options.showsDocuments) {
            connection.onRequest(ShowDocumentRequest.type, params => {
                client.shownDocuments.push(params);
                client.notify();
                return { success: true };
            });
        }
        if (options.refreshesCodeLenses) {
            connection.onRequest(CodeLensRefreshRequest.type, () => {
                client.codeLensRefreshes++;
                client.notify();
            });
        }
        const initialized = await connection.sendRequest(InitializeRequest.type, {
            processId: null,
            rootUri: fileUri(folder),
            workspaceFolders: [{ uri: fileUri(folder), name: 'workspace' }],
            capabilities: {
                textDocument: { publishDiagnostics: {}, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
                workspace: {
                    workspaceFolders: true,
                    ...(settings ? { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } : {}),
                    ...(options.fetchesDocuments === false ? {} : { textDocumentContent: { dynamicRegistration: false } }),
                    ...(options.refreshesCodeLenses ? { codeLens: { refreshSupport: true } } : {})
                },
                ...(options.showsDocuments ? { window: { showDocument: { support: true } } } : {})
            },
            ...(options.initializationOptions === undefined ? {} : { initializationOptions: options.initializationOptions })
        });
        client.capabilities = initialized.capabilities;
        client.serverInfo = initialized.serverInfo;
        await connection.sendNotification(InitializedNotification.type, {});
        return client;
    }

    /** Whether the server process is still running. */
    get running(): boolean {
        return this.exitCode === undefined;
    }

    /** Changes the settings the client answers with and notifies the server (`workspace/didChangeConfiguration`). */
    async changeSettings(settings: Record<string, unknown>): Promise<void> {
        this.settings = { ...this.settings, ...settings };
        await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
    }

    async openDocument(uri: string, text: string, languageId = 'trainspec'): Promise<void> {
        this.versions.set(uri, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    }

    /** Replaces the whole text of an open document (`textDocument/didChange`), as an editor does on each keystroke. */
    async changeDocument(uri: string, text: string): Promise<void> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    /**
     * Resolves once the server is quiescent (`trainspec/status`) after handling everything
     * sent before this call, so the diagnostics it has published are final. A round trip
     * comes first: the server answers requests in order, so by its answer every status it sent
     * about earlier messages has arrived, and a quiescence seen after it is not an old one.
     */
    async waitForQuiescence(): Promise<void> {
        await this.roundTrip();
        await this.waitFor('the server to become quiescent', () => this.quiescent || undefined);
    }

    /**
     * The diagnostics for `uri` once the server has published some that satisfy `predicate`
     * (perhaps already); fails if that does not happen within the timeout or the server exits.
     */
    waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
        return this.waitFor(`diagnostics for ${uri}`, () => {
            const diagnostics = this.diagnostics.get(uri);
            return diagnostics && predicate(diagnostics) ? diagnostics : undefined;
        });
    }

    /**
     * Sends a request exactly as given, whatever its parameters (omitted when `params` is
     * undefined), bypassing the typed connection's checks, and resolves with the answer.
     */
    async sendRawRequest(method: string, params?: unknown): Promise<RawAnswer> {
        const id = `${RAW_ID_PREFIX}${++this.rawIds}`;
        await this.writer.write({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) } as Message);
        const answer = await this.waitFor(`the answer to ${method}`, () => this.rawAnswers.get(id));
        this.rawAnswers.delete(id);
        return answer;
    }

    /** Sends a notification exactly as given (parameters omitted when `params` is undefined). */
    async sendRawNotification(method: string, params?: unknown): Promise<void> {
        await this.writer.write({ jsonrpc: '2.0', method, ...(params === undefined ? {} : { params }) } as Message);
    }

    /** Shuts the server down as an editor does (shutdown, then exit) and returns its exit code. */
    async shutdown(): Promise<number | null> {
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
        return this.waitFor('the server to exit', () => this.exitCode === undefined ? undefined : { code: this.exitCode }).then(exit => exit.code);
    }

    /** Ends the connection and, if it is still running, the process (for afterAll). */
    async dispose(): Promise<void> {
        this.connection.dispose();
        if (this.running) {
            this.process.kill();
            await this.exited;
        }
    }

    /** A request no server implements: the answer (an error) says the server has read every earlier message. */
    private async roundTrip(): Promise<void> {
        await this.connection.sendRequest('$/trainspec/roundTrip').catch(() => undefined);
    }

    /** Resolves once `check` gives a value (perhaps at once), for conditions the server's messages bring about. */
    waitFor<T>(what: string, check: () => T | undefined): Promise<T> {
        return new Promise((resolve, reject) => {
            const settle = () => {
                const value = check();
                if (value !== undefined) {
                    finish();
                    resolve(value);
                } else if (!this.running) {
                    finish();
                    reject(new Error(`The language server exited (code ${this.exitCode}) while waiting for ${what}. stderr:\n${this.stderr}`));
                }
            };
            const timer = setTimeout(() => {
                finish();
                reject(new Error(`Timed out waiting for ${what}. Last diagnostics: ${JSON.stringify(Object.fromEntries(this.diagnostics))}\nstderr:\n${this.stderr}`));
            }, TIMEOUT_MS);
            const finish = () => {
                clearTimeout(timer);
                this.listeners.delete(settle);
            };
            this.listeners.add(settle);
            settle();
        });
    }

    private notify(): void {
        [...this.listeners].forEach(listener => listener());
    }
}

/** Reads the server's messages, handing the answers to raw requests aside and the rest to the connection. */
class RawAnswerReader implements MessageReader {
    onRawAnswer: (id: string, answer: RawAnswer) => void = () => undefined;

    constructor(private readonly reader: MessageReader) {}

    get onError() {
        return this.reader.onError;
    }

    get onClose() {
        return this.reader.onClose;
    }

    get onPartialMessage() {
        return this.reader.onPartialMessage;
    }

    listen(callback: DataCallback): Disposable {
        return this.reader.listen(message => {
            const response = message as Partial<ResponseMessage>;
            if (typeof response.id === 'string' && response.id.startsWith(RAW_ID_PREFIX) && !('method' in message)) {
                this.onRawAnswer(response.id, response.error ? { error: { code: response.error.code, message: response.error.message } } : { result: response.result });
            } else {
                callback(message);
            }
        });
    }

    dispose(): void {
        this.reader.dispose();
    }
}
