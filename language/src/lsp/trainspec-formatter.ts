import { CstUtils, GrammarAST, isLeafCstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, FormattingOptions, Range, TextEdit
} from 'vscode-languageserver';

/** One level of indentation in the canonical layout, unless the editor asks for another (indentUnit). */
export const INDENT = '    ';

/** More spaces than any editor offers per level: beyond it the options are taken for a mistake. */
const MAX_TAB_SIZE = 16;

/**
 * One level of indentation as the editor's options ask for it: a tab, or `tabSize` spaces
 * (the canonical four when the options make no sense, so that bad input cannot blow a file up).
 */
export function indentUnit(options: Pick<FormattingOptions, 'tabSize' | 'insertSpaces'> | undefined): string {
    if (!options) {
        return INDENT;
    }
    if (!options.insertSpaces) {
        return '\t';
    }
    return Number.isInteger(options.tabSize) && options.tabSize >= 1 && options.tabSize <= MAX_TAB_SIZE ? ' '.repeat(options.tabSize) : INDENT;
}

/** The keyword that starts each kind of declaration; a declaration gets a blank line before it. */
const DECLARATION_KEYWORDS: Readonly<Record<string, string>> = {
    Programme: 'programme',
    Module: 'module',
    SourceDocument: 'document',
    Framework: 'framework',
    SkillSet: 'skill',
    Unit: 'unit',
    Area: 'area',
    CompetenceGroup: 'competences',
    Outcome: 'outcome',
    Qualification: 'qualification',
    Route: 'route',
    Role: 'role',
    Guidance: 'guidance'
};

const DETAILS = ['text', 'code', 'source', 'note'];

/** The keywords that start a clause (one line) inside each kind of declaration. */
const CLAUSE_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
    Programme: ['prepares', 'pathway', 'route', 'includes'],
    Module: ['hours', 'assessed', 'covers'],
    Framework: ['source'],
    SkillSet: DETAILS,
    Unit: DETAILS,
    Area: [...DETAILS, 'units'],
    CompetenceGroup: DETAILS,
    Outcome: DETAILS,
    Qualification: DETAILS,
    Route: [...DETAILS, 'qualifications', 'work'],
    Role: DETAILS,
    Requirement: ['requires'],
    Guidance: DETAILS
};

type TokenKind = 'declaration' | 'clause' | 'open' | 'close' | 'comma' | 'dot' | 'lineComment' | 'blockComment' | 'other';

interface Token {
    kind: TokenKind;
    offset: number;
    end: number;
}

/**
 * The canonical layout of specs and catalogues: one indentation per brace level (four spaces,
 * or what the editor's `tabSize` and `insertSpaces` ask for), one clause per
 * line, `{` on the declaration's line, one blank line before each declaration and after each
 * block, `, ` between list items.
 *
 * It only ever rewrites whitespace (between tokens, and at the end of a line comment), so no
 * text and no comment can be lost or reordered. A comment stays where it is: on its own line
 * (re-indented), or at the end of the line it trails. Blank lines the author left between clauses and comments are kept (at
 * most one). A document with syntax errors is left alone: its tokens may not mean what the
 * layout assumes.
 */
export class TrainSpecFormatter implements Formatter {
    formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        return this.layout(document, indentUnit(params.options));
    }

    /** The edits of the whole layout that touch the range, such as the indentation of its first line. */
    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        return this.layout(document, indentUnit(params.options)).filter(edit => overlaps(params.range, edit.range));
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    /** The edits that bring the whole document into the canonical layout; none if it cannot be formatted safely. */
    protected layout(document: LangiumDocument, indentation: string = INDENT): TextEdit[] {
        const { parseResult, textDocument } = document;
        const root = parseResult.value.$cstNode;
        if (!root || parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) {
            return [];
        }
        const text = textDocument.getText();
        const tokens = CstUtils.streamCst(root).filter(isLeafCstNode).filter(leaf => leaf.length > 0)
            .map(leaf => this.token(leaf)).toArray().sort((a, b) => a.offset - b.offset);
        if (tokens.length === 0 || !this.onlyWhitespaceBetween(tokens, text)) {
            return [];
        }
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const edits: TextEdit[] = [];
        const replace = (start: number, end: number, wanted: string) => {
            if (text.slice(start, end) !== wanted) {
                edits.push({ range: { start: textDocument.positionAt(start), end: textDocument.positionAt(end) }, newText: wanted });
            }
        };
        const originalBlankLines = (i: number): number => i === 0 ? 0 : Math.max(0, countNewlines(text.slice(tokens[i - 1].end, tokens[i].offset)) - 1);
        const startsOwnLine = (i: number): boolean => i === 0 || countNewlines(text.slice(tokens[i - 1].end, tokens[i].offset)) > 0;
        let depth = 0;
        for (let i = 0; i < tokens.length; i++) {
            const token = tokens[i];
            if (token.kind === 'close') {
                depth = Math.max(0, depth - 1);
            }
            if (i === 0) {
                replace(0, token.offset, '');
            } else {
                const previous = tokens[i - 1];
                if (this.startsLine(tokens, i, startsOwnLine)) {
                    const blankLines = this.blankLinesBefore(tokens, i, startsOwnLine, originalBlankLines);
                    const indent = this.indentOf(tokens, i, depth);
                    replace(previous.end, token.offset, eol.repeat(blankLines + 1) + indentation.repeat(indent));
                } else {
                    replace(previous.end, token.offset, this.spaceBetween(previous, token));
                }
            }
            if (token.kind === 'lineComment') {
                // The end of a line comment is the end of its line: spaces there are trailing whitespace.
                const content = text.slice(token.offset, token.end);
                replace(token.offset + content.trimEnd().length, token.end, '');
            }
            if (token.kind === 'open') {
                depth++;
            }
        }
        replace(tokens[tokens.length - 1].end, text.length, eol);
        return edits;
    }

    protected token(leaf: LeafCstNode): Token {
        return { kind: this.kindOf(leaf), offset: leaf.offset, end: leaf.end };
    }

    protected kindOf(leaf: LeafCstNode): TokenKind {
        if (leaf.hidden) {
            return leaf.tokenType.name === 'SL_COMMENT' ? 'lineComment' : 'blockComment';
        }
        const type = leaf.astNode.$type;
        const keyword = GrammarAST.isKeyword(leaf.grammarSource) ? leaf.grammarSource.value : undefined;
        switch (keyword) {
            case '{': return 'open';
            case '}': return 'close';
            case ',': return 'comma';
            case '.': return 'dot';
        }
        if (keyword !== undefined && DECLARATION_KEYWORDS[type] === keyword) {
            return 'declaration';
        }
        if (keyword !== undefined && CLAUSE_KEYWORDS[type]?.includes(keyword)) {
            return 'clause';
        }
        // A lettered competence is a line of its group: `a "…"`.
        if (type === 'Competence' && leaf.tokenType.name === 'ID') {
            return 'clause';
        }
        return 'other';
    }

    /** The layout only rearranges whitespace; anything else between tokens means the tokens are not the whole text. */
    protected onlyWhitespaceBetween(tokens: Token[], text: string): boolean {
        let last = 0;
        for (const token of tokens) {
            if (token.offset < last || /\S/.test(text.slice(last, token.offset))) {
                return false;
            }
            last = token.end;
        }
        return !/\S/.test(text.slice(last));
    }

    protected startsLine(tokens: Token[], i: number, startsOwnLine: (i: number) => boolean): boolean {
        const token = tokens[i];
        const previous = tokens[i - 1];
        if (previous.kind === 'lineComment' || (previous.kind === 'blockComment' && startsOwnLine(i))) {
            return true;
        }
        if (previous.kind === 'blockComment' && startsOwnLine(i - 1)) {
            // `/* … */ covers X`: a comment that opens a line keeps what follows it on that line.
            return false;
        }
        if (isComment(token)) {
            // A comment on a line of its own keeps it; one that trails a line stays at its end.
            return startsOwnLine(i);
        }
        return token.kind === 'close' || token.kind === 'declaration' || token.kind === 'clause' || this.previousCode(tokens, i)?.kind === 'open';
    }

    protected blankLinesBefore(tokens: Token[], i: number, startsOwnLine: (i: number) => boolean, originalBlankLines: (i: number) => number): number {
        const token = tokens[i];
        // What the line before ends with, ignoring comments that trail it.
        let anchor = i - 1;
        while (anchor > 0 && isComment(tokens[anchor]) && !startsOwnLine(anchor)) {
            anchor--;
        }
        const before = tokens[anchor];
        if (before.kind === 'open' || token.kind === 'close') {
            return 0;
        }
        const original = Math.min(1, originalBlankLines(i));
        if (isComment(before) && startsOwnLine(anchor) && original === 0) {
            // A comment directly above stays attached to what it describes.
            return 0;
        }
        const separated = before.kind === 'close' || this.startsDeclaration(tokens, i, originalBlankLines);
        return separated ? 1 : original;
    }

    /** Whether the token is a declaration, or the first of the comments right above one. */
    protected startsDeclaration(tokens: Token[], i: number, originalBlankLines: (i: number) => number): boolean {
        let j = i;
        while (j < tokens.length && isComment(tokens[j])) {
            j++;
            if (j < tokens.length && originalBlankLines(j) > 0) {
                return false;
            }
        }
        return j < tokens.length && tokens[j].kind === 'declaration';
    }

    protected indentOf(tokens: Token[], i: number, depth: number): number {
        const token = tokens[i];
        let next = i;
        while (next < tokens.length && isComment(tokens[next])) {
            next++;
        }
        // A comment is indented like the code it precedes; a line that continues a clause one level deeper.
        const code = tokens[next];
        if (code === undefined || code.kind === 'close' || code.kind === 'declaration' || code.kind === 'clause') {
            return depth;
        }
        if (!isComment(token) && this.previousCode(tokens, i)?.kind === 'open') {
            return depth;
        }
        return depth + 1;
    }

    protected spaceBetween(previous: Token, token: Token): string {
        if (isComment(previous) || isComment(token)) {
            return ' ';
        }
        return token.kind === 'comma' || token.kind === 'dot' || previous.kind === 'dot' ? '' : ' ';
    }

    protected previousCode(tokens: Token[], i: number): Token | undefined {
        for (let j = i - 1; j >= 0; j--) {
            if (!isComment(tokens[j])) {
                return tokens[j];
            }
        }
        return undefined;
    }
}

function isComment(token: Token): boolean {
    return token.kind === 'lineComment' || token.kind === 'blockComment';
}

function countNewlines(text: string): number {
    let count = 0;
    for (const char of text) {
        if (char === '\n') {
            count++;
        }
    }
    return count;
}

/** Whether the edit's range shares text with the range, or (an insertion) lies within it. */
function overlaps(range: Range, edit: Range): boolean {
    const compare = (a: Range['start'], b: Range['start']) => a.line - b.line || a.character - b.character;
    const isInsertion = compare(edit.start, edit.end) === 0;
    return isInsertion
        ? compare(range.start, edit.start) <= 0 && compare(edit.start, range.end) <= 0
        : compare(edit.start, range.end) < 0 && compare(range.start, edit.end) < 0;
}
