import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';
import { EOF, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import { PlainParserErrorMessageProvider } from './plain-parser-error-message-provider.js';

/** The part of Chevrotain's in-rule error recovery that single-token replacement builds on. */
interface InRuleRecovery {
    tryInRuleRecovery(expected: TokenType, follows: TokenType[]): IToken;
    canPerformInRuleRecovery(expected: TokenType, follows: TokenType[]): boolean;
    getTokenToInsert(expected: TokenType): IToken;
    tokenMatcher(token: IToken, type: TokenType): boolean;
    LA(offset: number): IToken;
    SKIP_TOKEN(): IToken;
    input: IToken[];
    currIdx: number;
}

/** Braces hold whole programmes and modules: recovery never replaces one, or it would unbalance the rest of the file. */
const BRACES = new Set(['{', '}']);

/**
 * A LangiumParser that starts every parse from a clean slate and recovers from a wrong token
 * by replacing it.
 *
 * Chevrotain recovers in a rule by inserting a missing token or deleting an extra one. A
 * designer's commonest slip is a wrong token where a value belongs (`hours thirty`); neither
 * applies, so Chevrotain re-synchronises at the next `}`, which closes the module early and
 * the programme with it: every module after the slip falls out of the programme, and coverage
 * and module checks report problems that are not there. Replacing the token (as ANTLR does)
 * keeps the rest of the tree, with one error.
 */
export class ResilientLangiumParser extends LangiumParser {
    protected readonly messages: LangiumCoreServices['parser']['ParserErrorMessageProvider'];

    constructor(services: LangiumCoreServices) {
        super(services);
        this.messages = services.parser.ParserErrorMessageProvider;
        addSingleTokenReplacement(this.wrapper as unknown as InRuleRecovery);
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        // When Chevrotain's recovery exhausts the call stack, LangiumParser keeps the half-built nodes
        // of that file on its private node stack and would graft them into the next document it parses.
        (this as unknown as { stack: AstNode[] }).stack = [];
        const result = super.parse<T>(input, options);
        result.parserErrors.forEach(error => this.placeAfterPreviousToken(error));
        return result;
    }

    /**
     * An error is found at the token where something else was needed. When it says what is
     * missing before that token ("`hours` needs a whole number") and the token is on a later
     * line (`hours` ends one line, the next clause starts the next), the error belongs right
     * after the token before it: diagnostics and the coverage notice then name that line.
     */
    protected placeAfterPreviousToken(error: IRecognitionException): void {
        const previous = (error as IRecognitionException & { previousToken?: IToken }).previousToken;
        const token = error.token;
        if (!(this.messages instanceof PlainParserErrorMessageProvider) || !previous || !hasPosition(previous) || !hasPosition(token)
            || !this.messages.isMissingBefore(token) || previous.endLine! >= token.startLine!) {
            return;
        }
        error.token = {
            ...token,
            startOffset: previous.endOffset! + 1,
            endOffset: previous.endOffset!,
            startLine: previous.endLine,
            startColumn: previous.endColumn! + 1,
            endLine: previous.endLine,
            endColumn: previous.endColumn
        };
    }

    /**
     * The tokens of the current parse before `token`, nearest last, at most `limit`: what error
     * messages read their context from. A token that recovery inserted, or the end of the file,
     * has no offset: then the tokens before the parser's position.
     */
    tokensBefore(token: IToken, limit: number): IToken[] {
        const { input, currIdx } = this.wrapper as unknown as InRuleRecovery;
        const end = token.tokenType !== EOF && Number.isFinite(token.startOffset) ? firstAtOrAfter(input, token.startOffset) : Math.min(currIdx + 1, input.length);
        return input.slice(Math.max(0, end - limit), end);
    }
}

/** Whether a token has a place in the text: not the end of the file, nor a token recovery inserted. */
function hasPosition(token: IToken): boolean {
    return token.tokenType !== EOF && Number.isFinite(token.startOffset) && token.startOffset >= 0 && Number.isFinite(token.startLine);
}

/**
 * The index of the first token that starts at or after `offset`: tokens come in order, and
 * Chevrotain pads the end with end-of-file tokens (which have no real offset) while it parses.
 */
function firstAtOrAfter(tokens: IToken[], offset: number): number {
    let low = 0;
    let high = tokens.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        const token = tokens[middle];
        if (token.tokenType !== EOF && token.startOffset < offset) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

function addSingleTokenReplacement(parser: InRuleRecovery): void {
    const tryInRuleRecovery = parser.tryInRuleRecovery.bind(parser);
    parser.tryInRuleRecovery = (expected, follows) => {
        const wrong = parser.LA(1);
        const next = parser.LA(2);
        if (!parser.canPerformInRuleRecovery(expected, follows) && !BRACES.has(wrong.image)
            && follows.some(type => parser.tokenMatcher(next, type))) {
            parser.SKIP_TOKEN();
            return parser.getTokenToInsert(expected);
        }
        return tryInRuleRecovery(expected, follows);
    };
}

export function createResilientLangiumParser(services: LangiumCoreServices): LangiumParser {
    const parser = createParser(services.Grammar, new ResilientLangiumParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
