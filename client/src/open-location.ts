import * as vscode from 'vscode';
import type { Location } from 'vscode-languageclient';

/**
 * Opens an LSP location (a module, a programme, a standard in the built-in library) in a text
 * editor, selecting its range. `builtin:` locations open read-only through the server.
 */
export async function openLocation(location: Location, viewColumn: vscode.ViewColumn = vscode.ViewColumn.One): Promise<void> {
    const { start, end } = location.range;
    const selection = new vscode.Range(start.line, start.character, end.line, end.character);
    await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection, viewColumn, preview: true });
}
