import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';

/**
 * A LangiumParser that starts every parse from a clean slate. When Chevrotain's error
 * recovery exhausts the call stack, LangiumParser keeps the half-built nodes of that file
 * on its private node stack and would graft them into the next document it parses.
 */
export class ResilientLangiumParser extends LangiumParser {
    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        (this as unknown as { stack: AstNode[] }).stack = [];
        return super.parse<T>(input, options);
    }
}

export function createResilientLangiumParser(services: LangiumCoreServices): LangiumParser {
    const parser = createParser(services.Grammar, new ResilientLangiumParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
