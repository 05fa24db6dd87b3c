import * as vscode from 'vscode';
import { fileName } from '../file-name.js';
import type { CoverageMatrix } from '../../../language/src/protocol/coverage-matrix.js';
import { EXPORT_REPORT_COMMAND } from '../command-ids.js';
import { openLocation } from '../open-location.js';
import type { TrainSpecServer } from '../trainspec-server.js';
import { renderCoveragePage, renderMatrix, renderNotice } from './coverage-html.js';
import { chooseMatrix, findLocation, matrixDocumentUris, parseViewMessage } from './coverage-model.js';
import { requestCoverage } from './coverage-request.js';

export const COVERAGE_VIEW_TYPE = 'trainspec.coverage';

/** How long the view waits after the last edit or diagnostics change before it asks again. */
const REFRESH_DELAY_MS = 300;

/**
 * One coverage view: the matrix of one programme, kept up to date as its files change and
 * their diagnostics are republished. Clicking a programme, module or requirement opens it.
 */
export class CoveragePanel implements vscode.Disposable {
    readonly webviewPanel: vscode.WebviewPanel;
    private matrix: CoverageMatrix;
    private body: string;
    /** The documents (URI strings, normalised by VS Code) whose diagnostics concern this matrix. */
    private watched = new Set<string>();
    private refreshTimer: NodeJS.Timeout | undefined;
    /** Counts requests; answers to an older one are dropped. */
    private requests = 0;
    private disposed = false;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly server: TrainSpecServer, readonly documentUri: vscode.Uri, matrix: CoverageMatrix, iconPath: vscode.Uri) {
        this.matrix = matrix;
        this.body = renderMatrix(matrix);
        this.webviewPanel = vscode.window.createWebviewPanel(COVERAGE_VIEW_TYPE, panelTitle(matrix),
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: true, enableFindWidget: true, localResourceRoots: [] });
        this.webviewPanel.iconPath = iconPath;
        this.watchDocuments(matrix);
        this.writePage();

        this.disposables.push(
            this.webviewPanel.onDidDispose(() => this.dispose()),
            this.webviewPanel.webview.onDidReceiveMessage(message => this.onMessage(message)),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (isTrainSpecDocument(event.document) && event.contentChanges.length > 0) {
                    this.scheduleRefresh();
                }
            }),
            vscode.languages.onDidChangeDiagnostics(event => {
                if (event.uris.some(uri => this.watched.has(uri.toString()))) {
                    this.scheduleRefresh();
                }
            }),
            server.onDidStart(() => this.scheduleRefresh())
        );
    }

    /** The programme shown; it follows a rename when the document has only one programme. */
    get programmeName(): string {
        return this.matrix.programme.name;
    }

    reveal(): void {
        this.webviewPanel.reveal(undefined, true);
    }

    scheduleRefresh(): void {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
    }

    async refresh(): Promise<void> {
        const request = ++this.requests;
        const isStale = () => this.disposed || request !== this.requests;
        const client = await this.server.readyClient();
        if (isStale()) {
            return;
        }
        if (!client) {
            this.showBody(renderNotice('The TrainSpec language server is not running. Run “TrainSpec: Restart Language Server” to start it again.'));
            return;
        }
        try {
            const { matrices } = await requestCoverage(client, this.documentUri);
            if (isStale()) {
                return;
            }
            const matrix = chooseMatrix(matrices, this.programmeName) ?? (matrices.length === 1 ? matrices[0] : undefined);
            if (matrix) {
                this.matrix = matrix;
                this.watchDocuments(matrix);
                this.webviewPanel.title = panelTitle(matrix);
                this.showBody(renderMatrix(matrix));
            } else {
                this.showBody(renderNotice(`${fileName(this.documentUri)} no longer has a programme called ${this.programmeName}.`));
            }
        } catch (error) {
            // A server that stopped meanwhile is no news: the next start refreshes the view.
            if (!isStale() && client.isRunning()) {
                this.showBody(renderNotice(`The language server could not work out the coverage: ${error instanceof Error ? error.message : String(error)}`));
            }
        }
    }

    dispose(): void {
        if (this.disposed) {
            return;
        }
        this.disposed = true;
        clearTimeout(this.refreshTimer);
        this.disposables.forEach(disposable => {
            disposable.dispose();
        });
        this.webviewPanel.dispose();
    }

    private watchDocuments(matrix: CoverageMatrix): void {
        this.watched = new Set([this.documentUri.toString(), ...matrixDocumentUris(matrix).map(uri => vscode.Uri.parse(uri).toString())]);
    }

    /** A visible view gets the new body in a message (keeping its scroll position); a hidden one a new page. */
    private showBody(body: string): void {
        this.body = body;
        if (this.webviewPanel.visible) {
            void this.webviewPanel.webview.postMessage({ type: 'update', html: body });
        } else {
            this.writePage();
        }
    }

    private writePage(): void {
        // Web Crypto, in Node as in the browser.
        const nonce = Array.from(crypto.getRandomValues(new Uint8Array(18)), byte => byte.toString(16).padStart(2, '0')).join('');
        this.webviewPanel.webview.html = renderCoveragePage(this.body, { nonce, title: panelTitle(this.matrix) });
    }

    private onMessage(value: unknown): void {
        const message = parseViewMessage(value);
        if (message?.type === 'ready') {
            // The page (re)loaded, perhaps from older HTML: bring it up to date.
            void this.webviewPanel.webview.postMessage({ type: 'update', html: this.body });
        } else if (message?.type === 'export') {
            void vscode.commands.executeCommand(EXPORT_REPORT_COMMAND, this.documentUri.toString(), this.programmeName);
        } else if (message?.type === 'reveal') {
            const location = findLocation(this.matrix, message.target, message.name);
            if (location) {
                openLocation(location, this.editorColumn()).then(undefined, (error: unknown) =>
                    void vscode.window.showErrorMessage(`Could not open ${message.name}: ${error instanceof Error ? error.message : String(error)}`));
            }
        }
    }

    /** Where to open a location: beside the view, where the programme's editor is, if it is visible. */
    private editorColumn(): vscode.ViewColumn {
        const editor = vscode.window.visibleTextEditors.find(candidate => candidate.document.uri.toString() === this.documentUri.toString());
        return editor?.viewColumn ?? vscode.ViewColumn.One;
    }
}

function panelTitle(matrix: CoverageMatrix): string {
    return `TrainSpec: Coverage — ${matrix.programme.title}`;
}

function isTrainSpecDocument(document: vscode.TextDocument): boolean {
    return document.languageId === 'trainspec' || document.languageId === 'trainspec-standards';
}
