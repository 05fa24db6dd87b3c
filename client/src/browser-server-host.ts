import * as vscode from 'vscode';
import {
    BrowserMessageReader, BrowserMessageWriter, LanguageClient,
    type LanguageClientOptions, type MessageTransports
} from 'vscode-languageclient/browser';
import { startBrowserServer } from '../../server/src/browser-server.js';
import type { ServerHost } from './server-host.js';
import { startServerWorker, type WorkerConstructor } from './server-worker.js';
import { WorkerMessageReader, WorkerMessageWriter } from './worker-transports.js';

/**
 * The language server in the browser. First in a web worker of its own (out/browser/server.js),
 * so that checking a large workspace never holds up the extension host: VS Code for the Web and
 * github.dev allow that. VS Code Server, and so code-server, refuses to start a worker for an
 * extension it serves ("Creating workers from remote extensions is currently not supported"), and
 * a worker may also fail to load its script or to start; then the server runs inside the extension
 * host's own worker instead, over a MessageChannel: the same server, the same messages, one thread
 * fewer. The language client gets its transports only once that choice is made, so it sends
 * nothing that could be lost on the way.
 */
export class BrowserServerHost implements ServerHost {
    readonly description = 'in the browser';

    constructor(private readonly context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {}

    createClient(options: LanguageClientOptions): LanguageClient {
        return new LanguageClient('trainspec', 'TrainSpec', () => this.startServer(), options);
    }

    private async startServer(): Promise<MessageTransports> {
        const script = vscode.Uri.joinPath(this.context.extensionUri, 'out', 'browser', 'server.js').toString(true);
        const Worker = (globalThis as { Worker?: WorkerConstructor }).Worker;
        const started = await startServerWorker(Worker, script, { name: 'TrainSpec language server' });
        if ('worker' in started) {
            this.output.info(`The TrainSpec language server runs in a web worker (${script}).`);
            return { reader: new WorkerMessageReader(started.worker), writer: new WorkerMessageWriter(started.worker) };
        }
        this.output.info(`The TrainSpec language server runs in the extension host, because ${started.failure}.`);
        const { port1, port2 } = new MessageChannel();
        startBrowserServer(port2, () => port2.close());
        return { reader: new BrowserMessageReader(port1), writer: new BrowserMessageWriter(port1) };
    }
}
