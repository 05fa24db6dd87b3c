import * as vscode from 'vscode';
import { fileName } from '../file-name.js';
import type { CoverageReportParams, CoverageReportResult } from '../../../language/src/protocol/coverage-report.js';
import { CoverageReportRequest } from '../../../language/src/protocol/lsp-ext.js';
import { REPORT_EXTENSIONS, type ReportFormat } from '../../../language/src/report/coverage-report.js';
import type { TrainSpecServer } from '../trainspec-server.js';

/** The formats a person exports from the editor; JSON is for CI (`trainspec report --format json`). */
export const EXPORT_FORMATS = ['html', 'markdown', 'csv'] as const satisfies readonly ReportFormat[];
export type ExportFormat = typeof EXPORT_FORMATS[number];

const FORMAT_CHOICES: ReadonlyArray<vscode.QuickPickItem & { format: ExportFormat }> = [
    { format: 'html', label: 'HTML', description: 'one page to print on A4, share or attach to an e-mail' },
    { format: 'markdown', label: 'Markdown', description: 'for a pull request, a wiki or a README' },
    { format: 'csv', label: 'CSV', description: 'one row per requirement, for Excel or another spreadsheet' }
];

const FILTER_NAMES: Record<ExportFormat, string> = { html: 'HTML', markdown: 'Markdown', csv: 'CSV (Excel)' };

/** What a caller (a test, a script) may decide instead of asking. */
export interface ExportOptions {
    format?: ExportFormat;
    /** Where to save, without asking. */
    saveTo?: vscode.Uri;
}

/**
 * `TrainSpec: Export Coverage Report…`: asks the language server for the report that
 * `trainspec report` writes (the same code renders both) of one programme, of one document's
 * programmes, or of the whole workspace, and saves it where the user chooses.
 * Returns where it was saved, or undefined when nothing was.
 */
export async function exportReport(server: TrainSpecServer, document?: vscode.Uri, programme?: string, options: ExportOptions = {}): Promise<vscode.Uri | undefined> {
    const format = options.format ?? (await vscode.window.showQuickPick(FORMAT_CHOICES, { title: 'Export Coverage Report', placeHolder: 'Choose a format' }))?.format;
    if (!format) {
        return undefined;
    }
    const client = await server.readyClient();
    if (!client) {
        void vscode.window.showErrorMessage('The TrainSpec language server is not running, so the coverage report cannot be made.');
        return undefined;
    }
    const params: CoverageReportParams = {
        format,
        ...(document ? { uri: client.code2ProtocolConverter.asUri(document) } : {}),
        ...(programme !== undefined ? { programme } : {})
    };
    let result: CoverageReportResult;
    try {
        result = await client.sendRequest(CoverageReportRequest, params);
    } catch (error) {
        void vscode.window.showErrorMessage(`Could not make the coverage report: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
    }
    if (result.programmes === 0) {
        void vscode.window.showInformationMessage(document
            ? `${fileName(document)} has no programme${programme === undefined ? '' : ` called ${programme}`}, so there is nothing to report.`
            : 'The workspace has no programme, so there is nothing to report.');
        return undefined;
    }
    const target = options.saveTo ?? await vscode.window.showSaveDialog({
        title: 'Export Coverage Report',
        saveLabel: 'Export',
        defaultUri: defaultTarget(format, document, programme),
        filters: { [FILTER_NAMES[format]]: [REPORT_EXTENSIONS[format]] }
    });
    if (!target) {
        return undefined;
    }
    try {
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    } catch (error) {
        void vscode.window.showErrorMessage(`Could not save the coverage report to ${target.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
    }
    if (!options.saveTo) {
        void vscode.window.showInformationMessage(`Coverage report saved to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then(choice => {
            if (choice === 'Open') {
                void (format === 'html' ? vscode.env.openExternal(target) : vscode.window.showTextDocument(target));
            }
        });
    }
    return target;
}

/** 'CourtWorkPoDegree-coverage.html' beside the programme, or 'coverage-report.html' in the first workspace folder. */
function defaultTarget(format: ExportFormat, document: vscode.Uri | undefined, programme: string | undefined): vscode.Uri | undefined {
    const name = `${programme ?? 'coverage-report'}${programme ? '-coverage' : ''}.${REPORT_EXTENSIONS[format]}`;
    const folder = document && document.scheme === 'file' ? vscode.Uri.joinPath(document, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}
