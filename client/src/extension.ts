import * as vscode from 'vscode';
import { registerCommands } from './commands.js';
import { CoveragePanels } from './coverage/coverage-panels.js';
import { WATCHED_FILES_GLOB } from './document-selector.js';
import { ServerStatus } from './server-status.js';
import { StandardsView } from './standards/standards-view.js';
import { TraceChannel } from './trace-channel.js';
import { TrainSpecServer } from './trainspec-server.js';

let server: TrainSpecServer | undefined;

/** Starts the bundled TrainSpec language server and registers the commands and the coverage view. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('TrainSpec', { log: true });
    const traceOutput = new TraceChannel(output);
    const status = new ServerStatus();
    const fileWatcher = vscode.workspace.createFileSystemWatcher(WATCHED_FILES_GLOB);
    server = new TrainSpecServer(context, output, traceOutput, fileWatcher, status);
    const coverage = new CoveragePanels(server, vscode.Uri.joinPath(context.extensionUri, 'client', 'images', 'icon.png'));
    const standards = new StandardsView(server);
    context.subscriptions.push(output, traceOutput, status, fileWatcher, server, coverage, standards, ...registerCommands(context, server, coverage, output));
    await server.start();
}

/** Stops the server, so that VS Code waits for it to shut down cleanly. */
export async function deactivate(): Promise<void> {
    await server?.stop();
    server = undefined;
}
