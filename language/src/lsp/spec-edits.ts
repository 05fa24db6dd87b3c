import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Module } from '../generated/ast.js';
import { INDENT } from './trainspec-formatter.js';

/**
 * Text edits that add to a spec without disturbing what is there: an item appended to a
 * list, a clause line added to a block. Each keeps the text parsing and follows the
 * canonical layout as far as the surrounding text does.
 */

/** The keywords that open a clause or a nested declaration inside a programme or a module. */
const CLAUSE_STARTS = new Set(['prepares', 'pathway', 'route', 'includes', 'module', 'hours', 'assessed', 'covers']);

/** A text edit in the document that holds `node`. */
export interface DocumentEdit {
    document: LangiumDocument;
    edit: TextEdit;
}

/** `, name` after the last item of a list, such as the last reference of a `covers` line. */
export function appendToList(node: AstNode, lastItem: CstNode, name: string): DocumentEdit {
    const document = AstUtils.getDocument(node);
    const at = document.textDocument.positionAt(lastItem.end);
    return { document, edit: { range: { start: at, end: at }, newText: `, ${name}` } };
}

/** The edits as one workspace edit, grouped by document. */
export function workspaceEdit(...edits: DocumentEdit[]): WorkspaceEdit {
    const changes: Record<string, TextEdit[]> = {};
    for (const { document, edit } of edits) {
        (changes[document.uri.toString()] ??= []).push(edit);
    }
    return { changes };
}

/** `name` added to the module's `covers`: after the last standard it lists, or as a new `covers` line. */
export function addToCovers(module: Module, name: string): DocumentEdit | undefined {
    const last = module.covers.at(-1)?.$refNode;
    return last ? appendToList(module, last, name) : insertAtEndOfBlock(module, [`covers ${name}`]);
}

/**
 * New lines as the last content of a block (a programme or a module), just before its
 * closing brace, indented one level deeper than the line the block starts on.
 */
export function insertAtEndOfBlock(node: AstNode, lines: string[], options: { blankLineBefore?: boolean } = {}): DocumentEdit | undefined {
    const document = AstUtils.getDocument(node);
    const close = GrammarUtils.findNodesForKeyword(node.$cstNode, '}').at(-1);
    if (!node.$cstNode || !close) {
        return undefined;
    }
    const text = document.textDocument.getText();
    const eol = lineEnding(text);
    const outer = indentationOfLine(text, node.$cstNode.offset);
    const body = lines.map(line => outer + INDENT + line + eol).join('');
    const lineStart = startOfLine(text, close.offset);
    if (text.slice(lineStart, close.offset).trim() === '') {
        // The brace opens its line: the new lines go right above it.
        const blank = options.blankLineBefore && previousNonSpace(text, lineStart) !== '{' ? eol : '';
        return { document, edit: insertAt(document, lineStart, blank + body) };
    }
    // The brace follows other text on its line: it moves to a line of its own.
    let from = close.offset;
    while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) {
        from--;
    }
    const blank = options.blankLineBefore && text[from - 1] !== '{' ? eol : '';
    const range = { start: document.textDocument.positionAt(from), end: document.textDocument.positionAt(close.offset) };
    return { document, edit: { range, newText: eol + blank + body + outer } };
}

/**
 * A new clause line in a block, on the line after the one on which `offset` lies, when that
 * line starts a clause of the block (or its closing brace); otherwise at the end of the block.
 */
export function insertLineAfter(node: AstNode, offset: number, line: string): DocumentEdit | undefined {
    const document = AstUtils.getDocument(node);
    const text = document.textDocument.getText();
    const newline = text.indexOf('\n', offset);
    const at = newline + 1;
    if (newline >= 0 && node.$cstNode && startsClauseLine(node, at)) {
        const body = indentationOfLine(text, node.$cstNode.offset) + INDENT + line + lineEnding(text);
        return { document, edit: insertAt(document, at, body) };
    }
    return insertAtEndOfBlock(node, [line]);
}

/** Whether text inserted at `offset` would start a line between two clauses of the block `node`. */
function startsClauseLine(node: AstNode, offset: number): boolean {
    const leaves = CstUtils.streamCst(node.$cstNode!).filter(isLeafCstNode).toArray();
    if (leaves.some(leaf => leaf.offset < offset && offset < leaf.end)) {
        return false;
    }
    const next = leaves.find(leaf => leaf.offset >= offset && !leaf.hidden);
    if (!next) {
        return false;
    }
    const keyword = keywordOf(next);
    if (keyword === '}') {
        return next.astNode === node;
    }
    return keyword !== undefined && CLAUSE_STARTS.has(keyword) && (next.astNode === node || next.astNode.$container === node);
}

function keywordOf(leaf: LeafCstNode): string | undefined {
    return GrammarAST.isKeyword(leaf.grammarSource) ? leaf.grammarSource.value : undefined;
}

function insertAt(document: LangiumDocument, offset: number, newText: string): TextEdit {
    const at = document.textDocument.positionAt(offset);
    return { range: { start: at, end: at }, newText };
}

export function lineEnding(text: string): string {
    return text.includes('\r\n') ? '\r\n' : '\n';
}

function startOfLine(text: string, offset: number): number {
    return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The spaces and tabs that start the line on which `offset` lies. */
function indentationOfLine(text: string, offset: number): string {
    return /^[ \t]*/.exec(text.slice(startOfLine(text, offset)))![0];
}

function previousNonSpace(text: string, offset: number): string | undefined {
    for (let i = offset - 1; i >= 0; i--) {
        if (!/\s/.test(text[i])) {
            return text[i];
        }
    }
    return undefined;
}
