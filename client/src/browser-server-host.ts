import * as vscode from 'vscode';
import {
    BrowserMessageReader, BrowserMessageWriter, LanguageClient,
    type LanguageClientOptions, type MessageTransports
} from 'vscode-languageclient/browser';
import { startBrowserServer } from '../../server/src/browser-server.js';
import type { ServerHost } from './server-host.js';

/** A web worker's constructor (the project compiles without DOM typings). */
type WorkerConstructor = new (url: string, options?: { name?: string }) => object;

/**
 * The language server in the browser. First in a web worker of its own (out/browser/server.js),
 * so that checking a large workspace never holds up the extension host: VS Code for the Web and
 * github.dev allow that. VS Code Server, and so code-server, refuses to start a worker for an
 * extension it serves ("Creating workers from remote extensions is currently not supported"), so
 * there the server runs inside the extension host's own worker instead, over a MessageChannel:
 * the same server, the same messages, one thread fewer.
 */
export class BrowserServerHost implements ServerHost {
    readonly description = 'in the browser';

    constructor(private readonly context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {}

    createClient(options: LanguageClientOptions): LanguageClient {
        return new LanguageClient('trainspec', 'TrainSpec', () => Promise.resolve(this.startServer()), options);
    }

    private startServer(): MessageTransports {
        const script = vscode.Uri.joinPath(this.context.extensionUri, 'out', 'browser', 'server.js');
        const Worker = (globalThis as { Worker?: WorkerConstructor }).Worker;
        if (Worker) {
            try {
                const worker = new Worker(script.toString(true), { name: 'TrainSpec language server' });
                this.output.info(`The TrainSpec language server runs in a web worker (${script.toString(true)}).`);
                return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
            } catch (error) {
                this.output.info(`This editor cannot start a web worker for the TrainSpec language server: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
        this.output.info('The TrainSpec language server runs in the extension host.');
        const { port1, port2 } = new MessageChannel();
        startBrowserServer(port2, () => port2.close());
        return { reader: new BrowserMessageReader(port1), writer: new BrowserMessageWriter(port1) };
    }
}
