import { DefaultLangiumDocumentFactory, isOperationCancelled, type AstNode, type LangiumCoreServices, type ParseResult, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { ParserOptions } from 'langium';

/** The deepest brace nesting a spec or catalogue can sensibly have (a framework holds items, which hold clauses). */
export const MAX_BRACE_DEPTH = 32;

/** The `name` of the parser error that stands for a whole file the parser could not take. */
export const UNPARSABLE_FILE = 'UnparsableFile';

/**
 * Chevrotain's error recovery can exhaust the stack on some malformed input, and slows down
 * sharply on deeply nested input. Such a file becomes an empty document with one clear error,
 * instead of taking the language server or the CLI down with it.
 */
export class ResilientDocumentFactory extends DefaultLangiumDocumentFactory {
    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        const tooDeep = this.checkDepth(text);
        if (tooDeep) {
            return this.unparsable(uri, tooDeep);
        }
        try {
            return super.parse(uri, text, options);
        } catch (error) {
            return this.unparsable(uri, describeFailure(error));
        }
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const tooDeep = this.checkDepth(text);
        if (tooDeep) {
            return this.unparsable(uri, tooDeep);
        }
        try {
            return await super.parseAsync(uri, text, cancellationToken);
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            return this.unparsable(uri, describeFailure(error));
        }
    }

    protected checkDepth(text: string): string | undefined {
        const depth = maxBraceDepth(text);
        return depth > MAX_BRACE_DEPTH
            ? `This file nests braces ${depth} levels deep, more than the ${MAX_BRACE_DEPTH} the parser takes, so it was not checked.`
            : undefined;
    }

    protected unparsable<T extends AstNode>(uri: URI, message: string): ParseResult<T> {
        const services = this.serviceRegistry.getServices(uri) as LangiumCoreServices;
        const empty = services.parser.LangiumParser.parse<T>('');
        const start = { startOffset: 0, endOffset: 0, startLine: 1, endLine: 1, startColumn: 1, endColumn: 1, image: '' };
        const error = { name: UNPARSABLE_FILE, message, token: start, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } };
        return { ...empty, parserErrors: [error as unknown as ParseResult['parserErrors'][number]] };
    }
}

function describeFailure(error: unknown): string {
    const reason = error instanceof RangeError ? 'it is nested too deeply or is too malformed' : 'the parser failed on it';
    return `The parser cannot take this file: ${reason} (${error instanceof Error ? error.message : String(error)}), so it was not checked.`;
}

/** The deepest nesting of `{` outside strings and comments. */
export function maxBraceDepth(text: string): number {
    let depth = 0;
    let max = 0;
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (char === '"') {
            i = skipString(text, i);
        } else if (char === '/' && text[i + 1] === '/') {
            i = text.indexOf('\n', i);
            i = i < 0 ? text.length : i;
        } else if (char === '/' && text[i + 1] === '*') {
            i = text.indexOf('*/', i + 2);
            i = i < 0 ? text.length : i + 1;
        } else if (char === '{') {
            max = Math.max(max, ++depth);
        } else if (char === '}') {
            depth = Math.max(0, depth - 1);
        }
    }
    return max;
}

function skipString(text: string, open: number): number {
    for (let i = open + 1; i < text.length; i++) {
        if (text[i] === '\\') {
            i++;
        } else if (text[i] === '"') {
            return i;
        }
    }
    return text.length;
}
