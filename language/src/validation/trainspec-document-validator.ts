import { DefaultDocumentValidator, type LangiumDocument, type ParseResult, type ValidationOptions } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver';
import { isSuggestingLinkingError } from '../references/suggesting-linker.js';
import { isWholeFileError } from '../workspace/resilient-document-factory.js';
import { DiagnosticCode } from './diagnostic-codes.js';

/** More than this many problems in one file are summed up in one last diagnostic. */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

/**
 * Gives syntax errors and unresolved references stable codes, and carries the suggestions
 * of an unresolved reference for quick fixes.
 */
export class TrainSpecDocumentValidator extends DefaultDocumentValidator {
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        diagnostics.slice(start).forEach(diagnostic => diagnostic.code = DiagnosticCode.SyntaxError);
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        const wholeFile: unknown = parseResult.parserErrors.find(error => isWholeFileError(error));
        const code = isWholeFileError(wholeFile) ? wholeFile.code : DiagnosticCode.SyntaxError;
        diagnostics.slice(start).forEach(diagnostic => diagnostic.code = code);
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) {
                continue;
            }
            diagnostics.push(this.toDiagnostic('error', error.message, {
                node: error.info.container,
                range: reference.$refNode?.range,
                property: error.info.property,
                index: error.info.index,
                code: DiagnosticCode.UnresolvedReference,
                data: {
                    code: DiagnosticCode.UnresolvedReference,
                    refText: reference.$refText,
                    suggestions: isSuggestingLinkingError(error) ? error.suggestions : []
                }
            }));
        }
    }

    /**
     * Keeps a pathological file (thousands of clashing declarations or unknown names, say) from
     * flooding the editor and the reports; the last diagnostic says how many more there are.
     * Syntax and linking errors come first, so they are the ones kept.
     */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) {
            return diagnostics;
        }
        const shown = diagnostics.slice(0, MAX_DIAGNOSTICS_PER_FILE);
        shown.push(this.toDiagnostic('info', `${diagnostics.length - MAX_DIAGNOSTICS_PER_FILE} more problems in this file are not shown.`,
            { node: document.parseResult.value, code: DiagnosticCode.TooManyProblems }));
        return shown;
    }

    protected override getSource(): string {
        return 'trainspec';
    }
}
