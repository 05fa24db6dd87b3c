import type { LangiumDocument, URI } from 'langium';
import type { IRecognitionException } from 'chevrotain';

/** Where the first syntax error of a file is: what keeps the coverage of a programme that reads the file from being checked. */
export interface SyntaxErrorSite {
    uri: URI;
    /** 1-based, as people count lines. */
    line: number;
}

/** The first syntax error (lexing or parsing) of the document, by line, or undefined if it has none. */
export function firstSyntaxError(document: LangiumDocument): SyntaxErrorSite | undefined {
    const { lexerErrors, parserErrors } = document.parseResult;
    const lines = [...lexerErrors.map(error => error.line ?? 1), ...parserErrors.map(errorLine)];
    return lines.length > 0 ? { uri: document.uri, line: Math.min(...lines) } : undefined;
}

/**
 * The line a parser error is reported on: its token's, or, for a token that recovery
 * inserted (it has no position), the end of the token before it, as Langium reports it.
 */
function errorLine(error: IRecognitionException): number {
    if (Number.isFinite(error.token.startLine)) {
        return error.token.startLine!;
    }
    const previous = (error as IRecognitionException & { previousToken?: { endLine?: number } }).previousToken;
    return previous?.endLine !== undefined && Number.isFinite(previous.endLine) ? previous.endLine : 1;
}
