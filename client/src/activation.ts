import * as vscode from 'vscode';
import { registerCommands } from './commands.js';
import { CoveragePanels } from './coverage/coverage-panels.js';
import { WATCHED_FILES_GLOB } from './document-selector.js';
import type { ServerHost } from './server-host.js';
import { ServerStatus } from './server-status.js';
import { StandardsView } from './standards/standards-view.js';
import { TraceChannel } from './trace-channel.js';
import { TrainSpecServer } from './trainspec-server.js';

/** An extension's entry points, as VS Code calls them. */
export interface ExtensionEntryPoints {
    activate: (context: vscode.ExtensionContext) => Promise<void>;
    deactivate: () => Promise<void>;
}

/**
 * The extension, the same on the desktop and in the browser but for where its language server
 * runs (`host`): it starts the server and registers the commands, the coverage view and the
 * standards view.
 */
export function createExtension(host: (context: vscode.ExtensionContext, output: vscode.LogOutputChannel) => ServerHost): ExtensionEntryPoints {
    let server: TrainSpecServer | undefined;
    return {
        activate: async context => {
            const output = vscode.window.createOutputChannel('TrainSpec', { log: true });
            const traceOutput = new TraceChannel(output);
            const status = new ServerStatus();
            const fileWatcher = vscode.workspace.createFileSystemWatcher(WATCHED_FILES_GLOB);
            server = new TrainSpecServer(host(context, output), output, traceOutput, fileWatcher, status);
            const coverage = new CoveragePanels(server, vscode.Uri.joinPath(context.extensionUri, 'client', 'images', 'icon.png'));
            const standards = new StandardsView(server);
            context.subscriptions.push(output, traceOutput, status, fileWatcher, server, coverage, standards, ...registerCommands(context, server, coverage, output));
            await server.start();
        },
        // Stops the server, so that VS Code waits for it to shut down cleanly.
        deactivate: async () => {
            await server?.stop();
            server = undefined;
        }
    };
}
