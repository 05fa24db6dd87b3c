import * as vscode from 'vscode';
import { LanguageIds } from '../../language/src/protocol/constants.js';
import { EXPORT_REPORT_COMMAND, OPEN_EXAMPLE_COMMAND, RESTART_SERVER_COMMAND, SHOW_COVERAGE_COMMAND, SHOW_OUTPUT_COMMAND } from './command-ids.js';
import type { CoveragePanels } from './coverage/coverage-panels.js';
import { EXPORT_FORMATS, exportReport, type ExportFormat, type ExportOptions } from './coverage/report-export.js';
import type { TrainSpecServer } from './trainspec-server.js';

/** Registers the commands in package.json's `contributes.commands`. */
export function registerCommands(context: vscode.ExtensionContext, server: TrainSpecServer, coverage: CoveragePanels, output: vscode.LogOutputChannel): vscode.Disposable[] {
    return [
        // From the server's code lens: (uri string, programme name). From the editor title: (uri).
        // From the command palette: nothing, so the active editor's document.
        vscode.commands.registerCommand(SHOW_COVERAGE_COMMAND, async (target?: unknown, programmeName?: unknown) => {
            const editor = vscode.window.activeTextEditor;
            const document = toUri(target) ?? editor?.document.uri;
            if (!document || (target === undefined && editor?.document.languageId !== LanguageIds.spec)) {
                void vscode.window.showInformationMessage('Open a TrainSpec programme (.tspec file) to see its coverage.');
                return undefined;
            }
            const position = editor?.document.uri.toString() === document.toString() ? editor.selection.active : undefined;
            return coverage.show(document, typeof programmeName === 'string' ? programmeName : undefined, position);
        }),
        // From the coverage view: (uri string, programme name), that programme. From the command palette: nothing,
        // every programme of the workspace. Scripts and tests may add { format, saveTo } to skip the questions.
        vscode.commands.registerCommand(EXPORT_REPORT_COMMAND, (target?: unknown, programmeName?: unknown, options?: unknown) =>
            exportReport(server, toUri(target), typeof programmeName === 'string' ? programmeName : undefined, exportOptions(options))),
        vscode.commands.registerCommand(RESTART_SERVER_COMMAND, () =>
            vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Restarting the TrainSpec language server' }, () => server.restart())),
        vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show(true)),
        vscode.commands.registerCommand(OPEN_EXAMPLE_COMMAND, () => openExample(context.extensionUri))
    ];
}

/**
 * The walkthrough's example, as a new unsaved spec: the designer can change it freely and save it where they like.
 * It is kept as .txt so that checking this repository does not count it as one of its specs.
 */
async function openExample(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'client', 'walkthrough', 'example-programme.txt'));
    const document = await vscode.workspace.openTextDocument({ language: LanguageIds.spec, content: new TextDecoder().decode(bytes) });
    return vscode.window.showTextDocument(document);
}

function toUri(target: unknown): vscode.Uri | undefined {
    if (target instanceof vscode.Uri) {
        return target;
    }
    return typeof target === 'string' && target.length > 0 ? vscode.Uri.parse(target) : undefined;
}

function exportOptions(value: unknown): ExportOptions {
    if (typeof value !== 'object' || value === null) {
        return {};
    }
    const { format, saveTo } = value as Record<string, unknown>;
    return {
        ...((EXPORT_FORMATS as readonly unknown[]).includes(format) ? { format: format as ExportFormat } : {}),
        ...(toUri(saveTo) ? { saveTo: toUri(saveTo) } : {})
    };
}
