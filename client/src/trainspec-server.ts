import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { ServerStatusNotification } from '../../language/src/protocol/lsp-ext.js';
import { createClientOptions } from './client-options.js';
import { RESTART_SERVER_COMMAND, SHOW_OUTPUT_COMMAND } from './command-ids.js';
import { createErrorHandler } from './error-handler.js';
import { RestartPolicy } from './restart-policy.js';
import type { ServerHost } from './server-host.js';
import type { ServerHealth, ServerStatus } from './server-status.js';
import { serveWorkspaceFiles } from './workspace-files.js';

/** How long a restart waits for a server that is still starting before it stops it anyway. */
const SETTLE_TIMEOUT_MS = 10_000;

/**
 * Owns the language client: starts it, restarts it on request (a fresh client each time, so
 * that a client whose start failed can be replaced), tracks the server's health for the status
 * items and tells the user, once per failure, when the server is down.
 */
export class TrainSpecServer implements vscode.Disposable {
    private client: BaseLanguageClient | undefined;
    /** Counts clients; events of an older client are ignored. */
    private generation = 0;
    private health: ServerHealth = { kind: 'starting' };
    private readonly policy = new RestartPolicy();
    private readonly startedEmitter = new vscode.EventEmitter<BaseLanguageClient>();
    /** Restarts run one after another, so that two clicks never leave two servers running. */
    private restarts: Promise<void> = Promise.resolve();

    /** Fires each time a server is (again) ready for requests. */
    readonly onDidStart = this.startedEmitter.event;

    constructor(
        private readonly host: ServerHost,
        private readonly output: vscode.LogOutputChannel,
        private readonly traceOutput: vscode.LogOutputChannel,
        private readonly fileWatcher: vscode.FileSystemWatcher,
        private readonly status: ServerStatus
    ) {}

    /** The client, if its server is running. */
    get runningClient(): BaseLanguageClient | undefined {
        return this.client?.isRunning() ? this.client : undefined;
    }

    /** The running client, waiting for a start in progress; undefined if the server is down. */
    async readyClient(): Promise<BaseLanguageClient | undefined> {
        if (this.client?.state === State.Starting) {
            await settle(this.client.start(), SETTLE_TIMEOUT_MS);
        }
        return this.runningClient;
    }

    async start(): Promise<void> {
        const generation = ++this.generation;
        const client = this.host.createClient(createClientOptions({
            output: this.output,
            traceOutput: this.traceOutput,
            fileWatcher: this.fileWatcher,
            errorHandler: createErrorHandler(this.policy, {
                restarting: crashes => this.isCurrent(generation) && this.setHealth({ kind: 'restarting', crashes }),
                gaveUp: reason => this.isCurrent(generation) && this.fail(reason)
            }),
            initializationFailedHandler: error => {
                this.output.error('The TrainSpec language server failed to initialise.', error);
                if (this.isCurrent(generation)) {
                    this.fail(`it failed to initialise (${error instanceof Error ? error.message : String(error)})`);
                }
                return false;
            }
        }));
        this.client = client;
        // Registered before the start, so that the workspace's first build can read its files.
        serveWorkspaceFiles(client);
        // "Checking…" in the language status item while the server has work (trainspec/status).
        client.onNotification(ServerStatusNotification, ({ quiescent }) => {
            if (this.isCurrent(generation)) {
                this.status.setChecking(!quiescent);
            }
        });
        client.onDidChangeState(event => {
            if (this.isCurrent(generation)) {
                this.onStateChange(event.newState, client);
            }
        });
        this.setHealth({ kind: 'starting' });
        this.output.info(`Starting the TrainSpec language server (${this.host.description}).`);
        try {
            await client.start();
        } catch (error) {
            this.output.error('The TrainSpec language server could not start.', error);
            if (this.isCurrent(generation)) {
                this.fail(`it could not start (${error instanceof Error ? error.message : String(error)})`);
            }
        }
    }

    /** Stops the current server (if any) and starts a fresh one, with a fresh restart budget. */
    restart(): Promise<void> {
        this.restarts = this.restarts.then(async () => {
            this.output.info('Restarting the TrainSpec language server.');
            this.policy.reset();
            await this.stop();
            await this.start();
        });
        return this.restarts;
    }

    async stop(): Promise<void> {
        const client = this.client;
        this.client = undefined;
        this.generation++;
        if (!client) {
            return;
        }
        if (client.state === State.Starting) {
            // A starting client cannot be stopped; let it finish (or fail) first.
            await settle(client.start(), SETTLE_TIMEOUT_MS);
        }
        try {
            await client.dispose();
        } catch (error) {
            // A client whose start failed has no server to stop.
            this.output.debug(`Disposing the old language client: ${error instanceof Error ? error.message : String(error)}`);
        }
    }

    dispose(): void {
        void this.stop();
        this.startedEmitter.dispose();
    }

    private isCurrent(generation: number): boolean {
        return generation === this.generation;
    }

    private onStateChange(state: State, client: BaseLanguageClient): void {
        switch (state) {
            case State.Starting:
                if (this.health.kind !== 'restarting') {
                    this.setHealth({ kind: 'starting' });
                }
                break;
            case State.Running:
                this.setHealth({ kind: 'running' });
                this.output.info('The TrainSpec language server is running.');
                this.startedEmitter.fire(client);
                break;
            case State.StartFailed:
                this.fail('it could not start');
                break;
            case State.Stopped:
                // Between a crash and its automatic restart the client is briefly stopped.
                if (this.health.kind !== 'restarting') {
                    this.fail('the connection to it was lost');
                }
                break;
        }
    }

    private setHealth(health: ServerHealth): void {
        this.health = health;
        this.status.update(health);
    }

    /** Marks the server as down and, the first time, tells the user and offers a restart. */
    private fail(reason: string): void {
        if (this.health.kind === 'failed') {
            return;
        }
        this.setHealth({ kind: 'failed', reason });
        void vscode.window.showErrorMessage(`The TrainSpec language server stopped: ${reason}.`, 'Show Output', 'Restart').then(choice => {
            if (choice === 'Show Output') {
                void vscode.commands.executeCommand(SHOW_OUTPUT_COMMAND);
            } else if (choice === 'Restart') {
                void vscode.commands.executeCommand(RESTART_SERVER_COMMAND);
            }
        });
    }
}

/** Waits for `promise` to settle, for at most `ms`; never rejects. */
function settle(promise: Promise<unknown>, ms: number): Promise<void> {
    return new Promise(resolve => {
        const timer = setTimeout(resolve, ms);
        promise.then(undefined, () => undefined).finally(() => {
            clearTimeout(timer);
            resolve();
        });
    });
}
