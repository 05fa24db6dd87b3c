import * as vscode from 'vscode';
import { Commands, LanguageIds } from '../../../language/src/protocol/constants.js';
import { AddToCoversRequest, StandardsTreeRequest } from '../../../language/src/protocol/lsp-ext.js';
import type { StandardsTreeNode, StandardsTreeParams, StandardsTreeResult } from '../../../language/src/protocol/standards-tree.js';
import type { TrainSpecServer } from '../trainspec-server.js';
import { markSentence, StandardsIndex, tooltipMarkdown } from './standards-tree-model.js';

/** The id of the standards browser's tree view, as package.json's `contributes.views` declares it. */
export const STANDARDS_VIEW_ID = 'trainspec.standards';

/** How long the view waits after an edit or a cursor move before it asks the server again. */
const REFRESH_DELAY_MS = 400;

/**
 * The standards browser: every framework and catalogue of the library and the workspace as a
 * tree (from `trainspec/standardsTree`), each standard ticked or marked as a gap for the
 * programme at the cursor. In a module that several programmes share, the programme is chosen
 * in the view's title. It asks the server again only while it is visible.
 */
export class StandardsView implements vscode.TreeDataProvider<StandardsTreeNode>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<StandardsTreeNode | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    private readonly treeView: vscode.TreeView<StandardsTreeNode>;
    private readonly disposables: vscode.Disposable[] = [];
    private result: StandardsTreeResult = { roots: [], programmes: [] };
    private index = new StandardsIndex([]);
    /** The programme chosen in the title, by name; kept while the cursor stays among programmes that include it. */
    private chosenProgramme: string | undefined;
    /** The spec editor the marks are for: the active one, or the last one when the view has the focus. */
    private editor: vscode.TextEditor | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private generation = 0;

    constructor(private readonly server: TrainSpecServer) {
        this.treeView = vscode.window.createTreeView(STANDARDS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
        this.editor = specEditor(vscode.window.activeTextEditor);
        this.disposables.push(
            this.treeView,
            this.changed,
            this.treeView.onDidChangeVisibility(() => this.scheduleRefresh(0)),
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (editor) {
                    this.editor = specEditor(editor);
                    this.scheduleRefresh();
                }
            }),
            vscode.window.onDidChangeTextEditorSelection(event => {
                if (event.textEditor === this.editor) {
                    this.scheduleRefresh();
                }
            }),
            vscode.languages.onDidChangeDiagnostics(() => this.scheduleRefresh()),
            server.onDidStart(() => this.scheduleRefresh(0)),
            vscode.commands.registerCommand(Commands.findStandard, () => this.find()),
            vscode.commands.registerCommand(Commands.chooseProgramme, () => this.chooseProgramme()),
            vscode.commands.registerCommand(Commands.refreshStandards, () => this.refresh()),
            vscode.commands.registerCommand(Commands.addStandardToModule, (node?: StandardsTreeNode) => this.addToModule(node ?? this.treeView.selection[0]))
        );
        this.scheduleRefresh(0);
    }

    getTreeItem(node: StandardsTreeNode): vscode.TreeItem {
        const collapsible = node.children && node.children.length > 0
            ? (this.index.parentOf(node) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded)
            : vscode.TreeItemCollapsibleState.None;
        const item = new vscode.TreeItem(node.id, collapsible);
        item.description = node.title;
        const tooltip = new vscode.MarkdownString(tooltipMarkdown(node, this.result.programme?.title));
        tooltip.isTrusted = false;
        item.tooltip = tooltip;
        item.iconPath = iconOf(node);
        item.contextValue = node.coverable ? 'standard.coverable' : 'standard';
        const mark = markSentence(node, this.result.programme?.title);
        item.accessibilityInformation = { label: [node.kind, node.id, node.title, mark].filter(Boolean).join(', ') };
        const { start, end } = node.location.range;
        item.command = {
            command: 'vscode.open',
            title: 'Open Definition',
            arguments: [vscode.Uri.parse(node.location.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character), preview: true }]
        };
        return item;
    }

    getChildren(node?: StandardsTreeNode): StandardsTreeNode[] {
        return node ? node.children ?? [] : this.result.roots;
    }

    getParent(node: StandardsTreeNode): StandardsTreeNode | undefined {
        return this.index.parentOf(node);
    }

    /** Asks the server for the tree, for the programme at the cursor of the spec editor. */
    async refresh(): Promise<void> {
        const generation = ++this.generation;
        const client = await this.server.readyClient();
        if (!client) {
            this.treeView.message = 'The TrainSpec language server is not running.';
            return;
        }
        const editor = this.editor;
        const params: StandardsTreeParams = editor
            ? {
                uri: client.code2ProtocolConverter.asUri(editor.document.uri),
                position: client.code2ProtocolConverter.asPosition(editor.selection.active),
                ...(this.chosenProgramme !== undefined ? { programme: this.chosenProgramme } : {})
            }
            : {};
        let result: StandardsTreeResult | null;
        try {
            result = await client.sendRequest(StandardsTreeRequest, params);
        } catch {
            // The server was busy or restarting: the next edit, move or start asks again.
            return;
        }
        if (generation !== this.generation || !result) {
            return;
        }
        this.result = result;
        this.index = new StandardsIndex(result.roots);
        this.treeView.description = result.programme ? `for ${result.programme.title}` : undefined;
        this.treeView.message = result.programme ? undefined : 'Put the cursor in a programme or one of its modules to see what it covers: a tick for covered, a circle for a gap.';
        void vscode.commands.executeCommand('setContext', 'trainspec.standards.programmes', result.programmes.length);
        this.changed.fire(undefined);
    }

    /** "Find a standard…": a quick pick over every standard's name, title and words; the one chosen is revealed and opened. */
    async find(): Promise<void> {
        if (this.result.roots.length === 0) {
            await this.refresh();
        }
        const items = this.index.standards().map(node => ({
            label: node.id,
            description: node.title,
            detail: node.text || node.kind,
            node
        }));
        const picked = await vscode.window.showQuickPick(items, {
            title: 'Find a standard',
            placeHolder: 'Type words of its name, title or text, e.g. "risk harm"',
            matchOnDescription: true,
            matchOnDetail: true
        });
        if (!picked) {
            return;
        }
        await vscode.commands.executeCommand(`${STANDARDS_VIEW_ID}.focus`);
        await this.treeView.reveal(picked.node, { select: true, focus: true, expand: true });
    }

    /** The programme whose coverage the marks show, among those at the cursor. */
    async chooseProgramme(): Promise<void> {
        await this.refresh();
        const { programmes, programme } = this.result;
        if (programmes.length === 0) {
            void vscode.window.showInformationMessage('Put the cursor in a programme spec (.tspec), in a programme or one of its modules, to choose the programme the standards are marked for.');
            return;
        }
        const picked = await vscode.window.showQuickPick(programmes.map(each => ({
            label: each.title,
            description: each.name,
            name: each.name,
            picked: each.name === programme?.name
        })), { title: 'Mark the standards for which programme?', placeHolder: 'The programmes that contain or include the module at the cursor' });
        if (picked) {
            this.chosenProgramme = picked.name;
            await this.refresh();
        }
    }

    /** Adds the standard to the `covers` of the module at the cursor of the spec editor. */
    async addToModule(node: StandardsTreeNode | undefined): Promise<void> {
        const editor = this.editor;
        const client = await this.server.readyClient();
        if (!node || !node.coverable) {
            void vscode.window.showInformationMessage('Choose a standard in the TrainSpec Standards view to add it to a module.');
            return;
        }
        if (!editor || !client) {
            void vscode.window.showInformationMessage('Open a programme spec (.tspec) and put the cursor in a module to add a standard to what it covers.');
            return;
        }
        const result = await client.sendRequest(AddToCoversRequest, {
            textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
            position: client.code2ProtocolConverter.asPosition(editor.selection.active),
            item: node.id
        });
        if (!result.edit) {
            void vscode.window.showInformationMessage(result.message ?? `Could not add ${node.id}.`);
            return;
        }
        await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(result.edit));
    }

    private scheduleRefresh(delay = REFRESH_DELAY_MS): void {
        if (!this.treeView.visible) {
            return;
        }
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), delay);
    }

    dispose(): void {
        clearTimeout(this.timer);
        for (const disposable of this.disposables) {
            disposable.dispose();
        }
    }
}

/** The editor, if it shows a programme spec. */
function specEditor(editor: vscode.TextEditor | undefined): vscode.TextEditor | undefined {
    return editor?.document.languageId === LanguageIds.spec ? editor : undefined;
}

function iconOf(node: StandardsTreeNode): vscode.ThemeIcon {
    if (node.mark === 'covered') {
        return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
    }
    if (node.mark === 'gap') {
        return new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.warningForeground'));
    }
    switch (node.kind) {
        case 'framework': return new vscode.ThemeIcon('book');
        case 'catalogue': return new vscode.ThemeIcon('library');
        case 'role': return new vscode.ThemeIcon('person');
        default: return new vscode.ThemeIcon(node.children && node.children.length > 0 ? 'list-tree' : 'circle-small');
    }
}
