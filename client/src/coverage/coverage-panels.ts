import * as vscode from 'vscode';
import { fileName } from '../file-name.js';
import type { TrainSpecServer } from '../trainspec-server.js';
import { CoveragePanel } from './coverage-panel.js';
import { chooseMatrix } from './coverage-model.js';
import { requestCoverage } from './coverage-request.js';

/** The open coverage views: at most one per programme. */
export class CoveragePanels implements vscode.Disposable {
    private readonly panels = new Set<CoveragePanel>();

    constructor(private readonly server: TrainSpecServer, private readonly iconPath: vscode.Uri) {}

    /**
     * Shows the coverage of a programme in `document`: the one named, else the one at `position`,
     * else the first. Returns the view, or undefined (after telling the user why) if there is none.
     */
    async show(document: vscode.Uri, programmeName?: string, position?: vscode.Position): Promise<vscode.WebviewPanel | undefined> {
        const client = await this.server.readyClient();
        if (!client) {
            void vscode.window.showErrorMessage('The TrainSpec language server is not running, so coverage cannot be shown.', 'Restart').then(choice => {
                if (choice === 'Restart') {
                    void this.server.restart();
                }
            });
            return undefined;
        }
        const name = fileName(document);
        let matrices;
        try {
            ({ matrices } = await requestCoverage(client, document));
        } catch (error) {
            void vscode.window.showErrorMessage(`Could not work out the coverage of ${name}: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
        const matrix = chooseMatrix(matrices, programmeName, position);
        if (!matrix) {
            void vscode.window.showInformationMessage(programmeName === undefined
                ? `${name} has no programme. Coverage is shown for a programme (programme Name "Title" { … }).`
                : `${name} has no programme called ${programmeName}.`);
            return undefined;
        }
        const key = document.toString();
        const existing = [...this.panels].find(panel => panel.documentUri.toString() === key && panel.programmeName === matrix.programme.name);
        if (existing) {
            existing.reveal();
            void existing.refresh();
            return existing.webviewPanel;
        }
        const panel = new CoveragePanel(this.server, document, matrix, this.iconPath);
        this.panels.add(panel);
        panel.webviewPanel.onDidDispose(() => this.panels.delete(panel));
        return panel.webviewPanel;
    }

    dispose(): void {
        this.panels.forEach(panel => panel.dispose());
        this.panels.clear();
    }
}
