import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { ServerHost } from './server-host.js';

/** The bundled server, out/server.cjs beside out/extension.cjs, spoken to over Node IPC. */
export class NodeServerHost implements ServerHost {
    private readonly module: string;

    constructor(context: vscode.ExtensionContext) {
        this.module = context.asAbsolutePath(path.join('out', 'server.cjs'));
    }

    get description(): string {
        return this.module;
    }

    createClient(options: LanguageClientOptions): LanguageClient {
        const serverOptions: ServerOptions = {
            run: { module: this.module, transport: TransportKind.ipc },
            // `F5` on the extension: the server waits for a debugger on port 6009.
            debug: { module: this.module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
        };
        return new LanguageClient('trainspec', 'TrainSpec', serverOptions, options);
    }
}
