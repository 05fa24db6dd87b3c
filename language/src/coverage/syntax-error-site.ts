import { AstUtils, type AstNode, type LangiumDocument, type ParseResult, type URI } from 'langium';
import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import { isCatalogue, isSpec } from '../generated/ast.js';

/** Where a syntax error is that keeps the coverage of a programme from being checked. */
export interface SyntaxErrorSite {
    uri: URI;
    /** 1-based, as people count lines. */
    line: number;
}

/** A syntax error (lexing or parsing) by the offset of its first character and its 1-based line. */
interface PlacedError {
    offset: number;
    line: number;
}

/** The syntax errors of one parse, in order, and its top-level elements, in order, to match them up. */
interface ErrorIndex {
    errors: PlacedError[];
    errorOffsets: number[];
    /** The errors that lie in no top-level element: a token that fits nowhere, such as a `}` too many. */
    strays: PlacedError[];
    strayOffsets: number[];
    elements: Map<AstNode, number>;
    starts: number[];
    ends: number[];
}

// Worked out once per parse: a programme and each module it includes ask, and so does every programme of the file.
const indexes = new WeakMap<ParseResult, ErrorIndex>();

/**
 * The first syntax error that could have changed the tree of `node`, in its own file, or undefined.
 *
 * The parser reads a file from its start, and recovery from an error changes the tree only from
 * the error on. So a top-level element (a programme, a module) with no error between its first
 * token and the first token of the next element was parsed exactly as written, whatever comes
 * later in the file; an error on the next element's first token touches it too (its closing `}`
 * may be missing). The one exception is a token that fits in no element, such as a `}` too
 * many: it may have closed any element before it early, so it touches all of them. A designer
 * typing at the end of a long file therefore holds up the coverage of the element being typed
 * and of the programmes that include it, not of every programme above it.
 */
export function syntaxErrorTouching(node: AstNode): SyntaxErrorSite | undefined {
    const document = AstUtils.getDocument(node);
    const { lexerErrors, parserErrors } = document.parseResult;
    if (lexerErrors.length === 0 && parserErrors.length === 0) {
        return undefined;
    }
    const index = errorIndex(document);
    const element = topLevelElement(node, document);
    const at = element === undefined ? undefined : index.elements.get(element);
    const error = at === undefined ? index.errors[0] : firstTouching(index, at);
    return error ? { uri: document.uri, line: error.line } : undefined;
}

function firstTouching(index: ErrorIndex, at: number): PlacedError | undefined {
    const nextStart = at + 1 < index.starts.length ? index.starts[at + 1] : Number.POSITIVE_INFINITY;
    // Every error from the element's start up to the next element's first token is in the element, after it or on that token.
    const first = index.errors[firstAtOrAfter(index.errorOffsets, index.starts[at])];
    if (first && first.offset <= nextStart) {
        return first;
    }
    return index.strays[firstAtOrAfter(index.strayOffsets, index.ends[at])];
}

function errorIndex(document: LangiumDocument): ErrorIndex {
    let index = indexes.get(document.parseResult);
    if (!index) {
        const root = document.parseResult.value;
        const elements = (isSpec(root) || isCatalogue(root) ? root.elements as AstNode[] : []).filter(element => element.$cstNode);
        const starts = elements.map(element => element.$cstNode!.offset);
        const ends = elements.map(element => element.$cstNode!.end);
        const errors = placedErrors(document).sort((a, b) => a.offset - b.offset);
        const strays = errors.filter(error => {
            const at = firstAtOrAfter(starts, error.offset + 1) - 1;
            return at < 0 || error.offset >= ends[at];
        });
        index = { errors, errorOffsets: errors.map(offsetOf), strays, strayOffsets: strays.map(offsetOf), elements: new Map(elements.map((element, at) => [element, at])), starts, ends };
        indexes.set(document.parseResult, index);
    }
    return index;
}

/** The element of the file's root that holds `node`; undefined for the root itself. */
function topLevelElement(node: AstNode, document: LangiumDocument): AstNode | undefined {
    const root = document.parseResult.value;
    let current: AstNode | undefined = node;
    while (current && current.$container !== root) {
        current = current.$container;
    }
    return current;
}

function placedErrors(document: LangiumDocument): PlacedError[] {
    const { lexerErrors, parserErrors } = document.parseResult;
    const lineAt = (offset: number): number => document.textDocument.positionAt(offset).line + 1;
    return [
        ...lexerErrors.map((error: ILexingError) => ({ offset: error.offset, line: error.line ?? lineAt(error.offset) })),
        ...parserErrors.map(error => placeParserError(error, document.textDocument.getText().length, lineAt))
    ];
}

/**
 * Where a parser error is: at its token, or, for a token that is missing (the end of the file,
 * a token recovery inserted, or one placed right after the token before it, which has no
 * length), on the last character of the token before it, as the diagnostic is shown there.
 */
function placeParserError(error: IRecognitionException, length: number, lineAt: (offset: number) => number): PlacedError {
    const token = error.token;
    if (hasOffset(token)) {
        const zeroLength = token.endOffset! < token.startOffset;
        const offset = zeroLength ? Math.max(0, token.endOffset!) : token.startOffset;
        const line = zeroLength ? token.endLine : token.startLine;
        return { offset, line: line !== undefined && Number.isFinite(line) && line > 0 ? line : lineAt(offset) };
    }
    const previous = (error as IRecognitionException & { previousToken?: IToken }).previousToken;
    if (previous && hasOffset(previous)) {
        const offset = Math.max(previous.startOffset, previous.endOffset!);
        return { offset, line: previous.endLine !== undefined && Number.isFinite(previous.endLine) && previous.endLine > 0 ? previous.endLine : lineAt(offset) };
    }
    return { offset: length, line: lineAt(length) };
}

/** Whether a token has a place in the text: the end of the file and inserted tokens have offset -1 or NaN. */
function hasOffset(token: IToken): boolean {
    return Number.isFinite(token.startOffset) && token.startOffset >= 0 && token.endOffset !== undefined && Number.isFinite(token.endOffset);
}

function offsetOf(error: PlacedError): number {
    return error.offset;
}

/** The index of the first of the sorted `offsets` at or after `offset`. */
function firstAtOrAfter(offsets: readonly number[], offset: number): number {
    let low = 0;
    let high = offsets.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (offsets[middle] < offset) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}
