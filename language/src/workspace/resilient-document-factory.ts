import { DefaultLangiumDocumentFactory, DocumentState, isOperationCancelled, type AstNode, type LangiumDocument, type ParseResult, type ParserOptions, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { StandardsLibrary } from '../library/standards-library.js';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import { DiagnosticCode } from '../validation/diagnostic-codes.js';
import { TooDeeplyNestedError } from '../parser/nesting-guard-lexer.js';
import { decodeSource, type SourceTextProblem } from './source-text.js';

/** The `name` of the parser error that stands for a whole file that could not be parsed. */
export const WHOLE_FILE_ERROR = 'TrainSpecWholeFileError';

/** A parser error about the whole file, carrying the diagnostic code to report it with. */
export interface WholeFileError {
    name: typeof WHOLE_FILE_ERROR;
    code: string;
    message: string;
}

export function isWholeFileError(error: unknown): error is WholeFileError {
    return (error as Partial<WholeFileError> | undefined)?.name === WHOLE_FILE_ERROR;
}

/**
 * Turns any file that cannot be parsed into an empty document with one clear error, instead
 * of taking the language server or the CLI down with it: a binary or non-UTF-8 file on disk,
 * and input on which Chevrotain's error recovery exhausts the stack or (deeply nested, which
 * NestingGuardLexer refuses) slows down sharply.
 */
export class ResilientDocumentFactory extends DefaultLangiumDocumentFactory {
    /** Files on disk whose bytes are not text, by URI, until they are read again. */
    protected readonly undecodable = new Map<string, SourceTextProblem>();
    /** Lazily: the library creates its documents with this factory. */
    protected readonly library: () => StandardsLibrary;

    constructor(services: TrainSpecSharedServices) {
        super(services);
        this.library = () => services.library.StandardsLibrary;
    }

    protected override async getInitialText(uri: URI, _cancellationToken: CancellationToken): Promise<string> {
        return this.readText(uri);
    }

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        if (this.library().isBuiltin(document.uri)) {
            // The built-in library is read-only: whatever text a client holds under its URI, it keeps its own text and tree.
            document.state = DocumentState.Parsed;
            return document;
        }
        return super.update(document, cancellationToken);
    }

    protected override async getUpdatedText<T extends AstNode>(document: LangiumDocument<T>, textDocument: TextDocument | undefined, _cancellationToken: CancellationToken): Promise<string> {
        if (textDocument) {
            this.undecodable.delete(document.uri.toString());
            return textDocument.getText();
        }
        return this.readText(document.uri);
    }

    protected async readText(uri: URI): Promise<string> {
        const decoded = decodeSource(await this.fileSystemProvider.readBinary(uri));
        if ('problem' in decoded) {
            this.undecodable.set(uri.toString(), decoded.problem);
            return '';
        }
        this.undecodable.delete(uri.toString());
        return decoded.text;
    }

    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        const problem = this.problemBeforeParsing(uri, text);
        if (problem) {
            return this.wholeFileError(uri, problem);
        }
        try {
            return super.parse(uri, text, options);
        } catch (error) {
            return this.wholeFileError(uri, parserFailure(error));
        }
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const problem = this.problemBeforeParsing(uri, text);
        if (problem) {
            return this.wholeFileError(uri, problem);
        }
        try {
            return await super.parseAsync(uri, text, cancellationToken);
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            return this.wholeFileError(uri, parserFailure(error));
        }
    }

    protected problemBeforeParsing(uri: URI, _text: string): Omit<WholeFileError, 'name'> | undefined {
        const undecodable = this.undecodable.get(uri.toString());
        return undecodable ? { code: undecodable.kind, message: undecodable.message } : undefined;
    }

    protected wholeFileError<T extends AstNode>(uri: URI, problem: Omit<WholeFileError, 'name'>): ParseResult<T> {
        const services = this.serviceRegistry.getServices(uri);
        const empty = services.parser.LangiumParser.parse<T>('');
        const token = { startOffset: 0, endOffset: 0, startLine: 1, endLine: 1, startColumn: 1, endColumn: 1, image: '' };
        const error: WholeFileError & object = { name: WHOLE_FILE_ERROR, ...problem, ...{ token, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } } };
        return { ...empty, parserErrors: [error as unknown as ParseResult['parserErrors'][number]] };
    }
}

function parserFailure(error: unknown): Omit<WholeFileError, 'name'> {
    if (error instanceof TooDeeplyNestedError) {
        return { code: DiagnosticCode.UnparsableFile, message: error.message };
    }
    const reason = error instanceof RangeError ? 'it is nested too deeply or is too malformed' : 'the parser failed on it';
    return { code: DiagnosticCode.UnparsableFile, message: `The parser cannot take this file: ${reason} (${error instanceof Error ? error.message : String(error)}), so it was not checked.` };
}
