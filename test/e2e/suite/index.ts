// The in-host suite: runs inside a real VS Code extension host and uses the `vscode` API.
// Written once; run by test/e2e/run-code-server.ts (code-server, here) and by
// test/e2e/run-electron.ts (@vscode/test-electron, wherever VS Code can be downloaded).
// Both open a temporary copy of examples/incomplete as the workspace folder.
// scripts/e2e/build.mjs bundles this file to out/e2e/suite.cjs with `vscode` external.
import * as vscode from 'vscode';
import { waitFor } from '../wait-for.js';
import { assert, report, runTests, test } from './runner.js';

const EXTENSION_ID = 'trainspec.trainspec';
const NOS_WORDING = 'Assess individuals’ needs and plan activities';
const UNRESOLVED = "Unknown standard 'AssesRiskOfHarm'. Did you mean 'AssessRiskOfHarm'?";

let activated = false;
let programme: vscode.TextDocument;

function requireActivated(): void {
    assert(activated, 'Skipped: the extension did not activate (see the first test)');
}

function workspaceFile(name: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert(folder, 'No workspace folder is open; the runner must open a copy of examples/incomplete');
    return vscode.Uri.joinPath(folder.uri, name);
}

function positionOf(document: vscode.TextDocument, text: string, offsetInText = 0, occurrence = 0): vscode.Position {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = document.getText().indexOf(text, index + 1);
        assert(index >= 0, `'${text}' does not occur ${occurrence + 1} time(s) in ${document.uri.fsPath}`);
    }
    return document.positionAt(index + offsetInText);
}

function describeDiagnostics(uri: vscode.Uri): string {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    if (diagnostics.length === 0) {
        return 'no diagnostics';
    }
    return diagnostics.map(d => `\n  ${vscode.DiagnosticSeverity[d.severity]} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message} [${codeOf(d)}]`).join('');
}

function codeOf(diagnostic: vscode.Diagnostic): string {
    const code = diagnostic.code;
    return String(typeof code === 'object' ? code.value : (code ?? ''));
}

function unresolvedDiagnostic(uri: vscode.Uri): vscode.Diagnostic | undefined {
    return vscode.languages.getDiagnostics(uri).find(d => d.message.includes("'AssesRiskOfHarm'"));
}

function hoverText(hovers: vscode.Hover[]): string {
    return hovers.flatMap(hover => hover.contents).map(content => (typeof content === 'string' ? content : content.value)).join('\n');
}

function labelOf(item: vscode.CompletionItem): string {
    return typeof item.label === 'string' ? item.label : item.label.label;
}

async function applyTextEdits(uri: vscode.Uri, edits: vscode.TextEdit[]): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.set(uri, edits);
    assert(await vscode.workspace.applyEdit(edit), 'workspace.applyEdit refused the edits');
}

async function replaceAll(document: vscode.TextDocument, text: string): Promise<void> {
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    await applyTextEdits(document.uri, [vscode.TextEdit.replace(whole, text)]);
}

test('the extension activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert(extension, `Extension ${EXTENSION_ID} is not loaded; extensions: ${vscode.extensions.all.map(e => e.id).filter(id => !id.startsWith('vscode.')).join(', ') || 'none but built-ins'}`);
    await extension.activate();
    assert(extension.isActive, `${EXTENSION_ID} is not active after activate()`);
    activated = true;
    programme = await vscode.workspace.openTextDocument(workspaceFile('programme.tspec'));
    await vscode.window.showTextDocument(programme);
    assert(programme.languageId === 'trainspec', `programme.tspec has language '${programme.languageId}', not 'trainspec'`);
}, 60_000);

test('diagnostics: unresolved reference with a suggestion, and uncovered requirements', async () => {
    requireActivated();
    const uri = programme.uri;
    const diagnostics = await waitFor('the unresolved-reference error and three uncovered-requirement warnings on programme.tspec', () => {
        const current = vscode.languages.getDiagnostics(uri);
        const warnings = current.filter(d => d.message.startsWith('No module covers'));
        return current.some(d => d.message.includes(UNRESOLVED)) && warnings.length >= 3 ? current : undefined;
    }, { timeoutMs: 60_000, describe: () => describeDiagnostics(uri) });
    const error = diagnostics.find(d => d.message.includes(UNRESOLVED))!;
    assert(error.severity === vscode.DiagnosticSeverity.Error, `the unresolved reference is a ${vscode.DiagnosticSeverity[error.severity]}, not an Error`);
    assert(codeOf(error) === 'unresolved-reference', `its code is '${codeOf(error)}', not 'unresolved-reference'`);
    const misspelt = positionOf(programme, 'AssesRiskOfHarm');
    assert(error.range.start.isEqual(misspelt), `the error starts at ${error.range.start.line + 1}:${error.range.start.character + 1}, not at the misspelt name (${misspelt.line + 1}:${misspelt.character + 1})`);
    const warnings = diagnostics.filter(d => codeOf(d) === 'uncovered-requirement');
    // Each gap names its standard by kind and words; the identifier stays in the diagnostic's data.
    for (const item of ['the PQF outcome "develop own knowledge and skills"', 'the PQF outcome "Understanding of the causes of crime and management of offending behaviour."', 'the NOS unit "Deliver accredited programmes"']) {
        const warning = warnings.find(d => d.message.startsWith(`No module covers ${item},`));
        assert(warning, `no uncovered-requirement warning for ${item}:${describeDiagnostics(uri)}`);
        assert(warning.severity === vscode.DiagnosticSeverity.Warning, `the warning for ${item} is a ${vscode.DiagnosticSeverity[warning.severity]}`);
    }
    assert(diagnostics.some(d => d.message.includes('"develop own knowledge and skills"')), 'the gap for PsoDevelopSelf does not quote the standard');
}, 90_000);

test('hover on a reference shows the NOS wording', async () => {
    requireActivated();
    const position = positionOf(programme, 'AssessNeedsAndPlan', 3);
    let text = '';
    await waitFor(`a hover containing "${NOS_WORDING}"`, async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', programme.uri, position);
        text = hoverText(hovers ?? []);
        return text.includes(NOS_WORDING) ? true : undefined;
    }, { timeoutMs: 30_000, intervalMs: 250, describe: () => JSON.stringify(text) });
    assert(text.includes('AssessNeedsAndPlan'), `the hover does not name the item: ${JSON.stringify(text)}`);
});

test('completion in a covers list offers library identifiers', async () => {
    requireActivated();
    // At the start of the first reference after `covers`, where any standard may be written.
    const position = positionOf(programme, 'covers KnowledgeOfPolicy', 'covers '.length);
    let labels: string[] = [];
    const list = await waitFor('completion items for library identifiers', async () => {
        const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', programme.uri, position);
        labels = (result?.items ?? []).map(labelOf);
        return ['AssessRiskOfHarm', 'PsoDevelopSelf', 'RoSH.a', 'DeliverAccreditedProgrammes'].every(id => labels.includes(id)) ? result : undefined;
    }, { timeoutMs: 30_000, intervalMs: 250, describe: () => `${labels.length} items: ${labels.slice(0, 30).join(', ')}` });
    const item = list.items.find(i => labelOf(i) === 'AssessRiskOfHarm')!;
    assert(item.detail?.includes('Assess risk of harm and the need for intervention'), `AssessRiskOfHarm's detail is not its title: ${JSON.stringify(item.detail)}`);
    assert(!labels.includes('DraftProgrammesPso'), 'completion offers the programme itself as a standard');
});

test('completion ranks the uncovered requirements of the programme first', async () => {
    requireActivated();
    const position = positionOf(programme, 'covers KnowledgeOfPolicy', 'covers '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', programme.uri, position);
    // VS Code orders by sortText (falling back to the label) before the user types anything.
    const sortKey = (item: vscode.CompletionItem): string => item.sortText ?? labelOf(item);
    const ordered = [...list.items].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0)).map(labelOf);
    const uncovered = ['PsoDevelopSelf', 'UnderstandingOfOffending', 'DeliverAccreditedProgrammes'];
    const firstThree = ordered.slice(0, uncovered.length);
    assert(uncovered.every(id => firstThree.includes(id)), `the first items are ${ordered.slice(0, 8).join(', ')}; expected the uncovered ${uncovered.join(', ')}`);
});

test('typing `programme` and pressing Tab writes the programme snippet, which ends in `covers` with standards offered', async () => {
    requireActivated();
    const document = await vscode.workspace.openTextDocument({ language: 'trainspec', content: 'progr' });
    const editor = await vscode.window.showTextDocument(document);
    const end = document.positionAt(document.getText().length);
    let first: vscode.CompletionItem | undefined;
    const sortKey = (item: vscode.CompletionItem): string => item.sortText ?? labelOf(item);
    await waitFor('the programme snippet first in the completion list', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
        first = [...(list?.items ?? [])].filter(item => labelOf(item).startsWith('progr')).sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0))[0];
        return first?.kind === vscode.CompletionItemKind.Snippet ? true : undefined;
    }, { timeoutMs: 30_000, intervalMs: 250, describe: () => JSON.stringify(first) });
    // What Tab on the first suggestion does: insert its snippet over the typed word.
    const snippet = first!.insertText;
    assert(snippet instanceof vscode.SnippetString, `the programme suggestion inserts ${JSON.stringify(snippet)}, not a snippet`);
    await editor.insertSnippet(snippet, new vscode.Range(new vscode.Position(0, 0), end));
    assert(/^programme ProgrammeName "Programme title" \{/.test(document.getText()), `the snippet wrote:\n${document.getText()}`);
    // Tab through the placeholders (name, title, role, pathway, module …) to the snippet's end.
    const atCovers = (): boolean => document.lineAt(editor.selection.active.line).text.trimEnd().endsWith('covers');
    for (let tab = 0; tab < 12 && !atCovers(); tab++) {
        await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    }
    const cursor = editor.selection.active;
    assert(atCovers(), `the cursor ends on '${document.lineAt(cursor.line).text}', not after covers`);
    let labels: string[] = [];
    await waitFor('standards offered after covers', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, cursor);
        labels = (list?.items ?? []).map(labelOf);
        return labels.includes('PsoAssessRisk') ? true : undefined;
    }, { timeoutMs: 30_000, intervalMs: 250, describe: () => `${labels.length} items: ${labels.slice(0, 20).join(', ')}` });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}, 90_000);

test('quick fix replaces the misspelt reference and its diagnostic goes away', async () => {
    requireActivated();
    const uri = programme.uri;
    const diagnostic = await waitFor('the unresolved-reference diagnostic', () => unresolvedDiagnostic(uri), { timeoutMs: 30_000, describe: () => describeDiagnostics(uri) });
    let titles: string[] = [];
    const fix = await waitFor("a quick fix to 'AssessRiskOfHarm'", async () => {
        const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
            'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 10);
        titles = (actions ?? []).map(a => a.title);
        // A Command's `command` is a string; a CodeAction's is absent or an object.
        const codeActions = (actions ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
        return codeActions.find(a => a.edit !== undefined && a.title.includes('AssessRiskOfHarm'));
    }, { timeoutMs: 20_000, intervalMs: 250, describe: () => `code actions: ${JSON.stringify(titles)}` });
    assert(fix.kind === undefined || vscode.CodeActionKind.QuickFix.contains(fix.kind), `the fix's kind is ${fix.kind?.value}, not quickfix`);
    assert(await vscode.workspace.applyEdit(fix.edit!), 'workspace.applyEdit refused the quick fix');
    if (fix.command) {
        const args: unknown[] = fix.command.arguments ?? [];
        await vscode.commands.executeCommand(fix.command.command, ...args);
    }
    assert(programme.getText().includes('covers PsoAssessRisk, AssessRiskOfHarm, PsoPromoteEquality'), `the covers line is not fixed:\n${programme.lineAt(diagnostic.range.start.line).text}`);
    await waitFor('the unresolved-reference diagnostic to go away', () => (unresolvedDiagnostic(uri) ? undefined : true), { timeoutMs: 30_000, describe: () => describeDiagnostics(uri) });
    const errors = vscode.languages.getDiagnostics(uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error);
    assert(errors.length === 0, `errors remain after the fix:${describeDiagnostics(uri)}`);
}, 60_000);

test('format document turns a badly indented spec into the canonical layout', async () => {
    requireActivated();
    const uri = programme.uri;
    // The examples are in the canonical layout, so the current text (after the quick fix) is what formatting must produce.
    const canonical = programme.getText();
    const messy = canonical.split('\n').map((line, index) => {
        const content = line.trim();
        return content === '' ? line : `${' '.repeat([0, 7, 2, 13, 1][index % 5])}${content}`;
    }).join('\n');
    assert(messy !== canonical, 'the messy text equals the canonical text');
    await replaceAll(programme, messy);
    const options: vscode.FormattingOptions = { tabSize: 4, insertSpaces: true };
    let edits: vscode.TextEdit[] | undefined;
    await waitFor('formatting edits', async () => {
        edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, options);
        return edits && edits.length > 0 ? true : undefined;
    }, { timeoutMs: 20_000, intervalMs: 250, describe: () => `edits: ${JSON.stringify(edits)}` });
    await applyTextEdits(uri, edits!);
    const formatted = programme.getText();
    assert(formatted === canonical, `formatting did not give the canonical text.\n--- expected ---\n${canonical}\n--- actual ---\n${formatted}`);
    const again = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, options);
    if (again && again.length > 0) {
        await applyTextEdits(uri, again);
    }
    assert(programme.getText() === canonical, 'formatting twice changed the text again');
    await programme.save();
}, 60_000);

test('the TrainSpec: Show Coverage command opens a webview', async () => {
    requireActivated();
    await vscode.window.showTextDocument(programme);
    const webviewTabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap(group => group.tabs).filter(tab => tab.input instanceof vscode.TabInputWebview);
    const before = webviewTabs().length;
    await vscode.commands.executeCommand('trainspec.showCoverage');
    const tab = await waitFor('a webview tab', () => (webviewTabs().length > before ? webviewTabs().at(-1) : undefined), {
        timeoutMs: 20_000,
        describe: () => vscode.window.tabGroups.all.flatMap(group => group.tabs).map(t => `${t.label} (${(t.input as { constructor?: { name?: string } })?.constructor?.name})`).join(', ')
    });
    const input = tab.input as vscode.TabInputWebview;
    report(`      coverage view: tab '${tab.label}', viewType '${input.viewType}'`);
    assert(/coverage/i.test(tab.label) || /coverage/i.test(input.viewType), `the webview tab '${tab.label}' (${input.viewType}) is not the coverage view`);
});

test('the walkthrough\'s example opens with its gaps, and the standards browser adds a standard to the module at the cursor', async () => {
    requireActivated();
    await vscode.commands.executeCommand('trainspec.openExample');
    const editor = vscode.window.activeTextEditor;
    assert(editor && editor.document.languageId === 'trainspec' && editor.document.isUntitled, 'TrainSpec: Open Example Programme did not open an unsaved spec');
    const document = editor.document;
    assert(document.getText().includes('programme ExamplePso'), `the example is not the walkthrough's:\n${document.getText().slice(0, 300)}`);
    const gap = (): vscode.Diagnostic | undefined => vscode.languages.getDiagnostics(document.uri).find(d => d.message.includes('"develop own knowledge and skills"'));
    await waitFor('the example\'s PsoDevelopSelf gap', () => gap(), { timeoutMs: 60_000, describe: () => describeDiagnostics(document.uri) });
    // The cursor in module Policy; the view's command, as its inline button runs it on a standard.
    const inPolicy = positionOf(document, 'covers KnowledgeOfPolicy');
    editor.selection = new vscode.Selection(inPolicy, inPolicy);
    await vscode.commands.executeCommand('trainspec.standards.focus');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('trainspec.standards.addToModule', { id: 'PsoDevelopSelf', kind: 'PQF outcome', title: '', text: '', source: '', coverable: true, builtin: true, location: { uri: 'builtin:/pqf-leaflet.nos', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } });
    await waitFor('PsoDevelopSelf in the covers of Policy', () => (document.getText().includes('covers KnowledgeOfPolicy, UnderstandingOfOffending, PsoDevelopSelf') ? true : undefined), { timeoutMs: 20_000, describe: () => document.getText() });
    await waitFor('the gap to go away', () => (gap() ? undefined : true), { timeoutMs: 30_000, describe: () => describeDiagnostics(document.uri) });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}, 120_000);

test('TrainSpec: Export Coverage Report… saves the report that trainspec report writes', async () => {
    requireActivated();
    const target = workspaceFile('coverage-report.md');
    const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>('trainspec.exportReport', programme.uri.toString(), 'DraftProgrammesPso', { format: 'markdown', saveTo: target.toString() });
    assert(saved?.toString() === target.toString(), `the command saved to ${saved?.toString() ?? 'nowhere'}, not ${target.toString()}`);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    report(`      exported ${text.length} characters of Markdown`);
    assert(text.startsWith('# Coverage report'), `the export does not start with the report's heading: ${text.slice(0, 80)}`);
    assert(text.includes('<summary><strong>PSO Diploma: Programmes pathway (draft)</strong>'), 'the export does not name the programme');
}, 60_000);

/** Entry point for @vscode/test-electron and for the workbench's extensionTestsPath. */
export async function run(): Promise<void> {
    const started = Date.now();
    report(`TrainSpec in-host suite: VS Code ${vscode.version}, ${vscode.env.appName} (${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}), workspace ${vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? 'none'}`);
    try {
        await runTests();
    } finally {
        report(`suite finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
}
