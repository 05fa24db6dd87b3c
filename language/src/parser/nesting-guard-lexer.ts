import { DefaultLexer, type LexerResult, type TokenizeOptions } from 'langium';

/** The deepest brace nesting a spec or catalogue can sensibly have (a framework holds items, which hold clauses). */
export const MAX_BRACE_DEPTH = 32;

/** Thrown instead of handing the parser a file nested deeper than MAX_BRACE_DEPTH. */
export class TooDeeplyNestedError extends Error {
    constructor(readonly depth: number) {
        super(`This file nests braces ${depth} levels deep, more than the ${MAX_BRACE_DEPTH} the parser takes, so it was not checked.`);
        this.name = 'TooDeeplyNestedError';
    }
}

/**
 * Chevrotain's error recovery slows down sharply on deeply nested input, so a whole file is
 * refused before parsing when its braces nest too deeply. The depth is measured on the tokens
 * this lexer produces for the parser, so strings and comments (however they end, or fail to)
 * are exactly what the parser would see, and the file is lexed once.
 * Partial lexing (completion up to the cursor) is not guarded: it is never of a refused file.
 */
export class NestingGuardLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        if (options?.mode !== 'partial') {
            const depth = maxBraceDepth(result.tokens);
            if (depth > MAX_BRACE_DEPTH) {
                throw new TooDeeplyNestedError(depth);
            }
        }
        return result;
    }
}

/** The deepest nesting of `{` tokens; a `}` too many does not go below zero. */
export function maxBraceDepth(tokens: LexerResult['tokens']): number {
    let depth = 0;
    let max = 0;
    for (const token of tokens) {
        if (token.image === '{') {
            max = Math.max(max, ++depth);
        } else if (token.image === '}') {
            depth = Math.max(0, depth - 1);
        }
    }
    return max;
}
