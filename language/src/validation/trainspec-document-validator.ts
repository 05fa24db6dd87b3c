import { DefaultDocumentValidator, type AstNode, type LangiumDocument, type ParseResult, type ValidationOptions } from 'langium';
import { DiagnosticSeverity, type CancellationToken, type Diagnostic } from 'vscode-languageserver';
import type { TrainSpecServices } from '../trainspec-module.js';
import { severityOf, type TrainSpecSettings } from '../workspace/trainspec-settings.js';
import { isSuggestingLinkingError } from '../references/suggesting-linker.js';
import { isWholeFileError } from '../workspace/resilient-document-factory.js';
import { DiagnosticCode, type ConfiguredSeverity } from './diagnostic-codes.js';

/** More than this many problems in one file are summed up in one last diagnostic. */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

const SEVERITIES: Record<Exclude<ConfiguredSeverity, 'off'>, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    information: DiagnosticSeverity.Information
};

/**
 * Gives syntax errors and unresolved references stable codes, carries the suggestions of an
 * unresolved reference for quick fixes, and reports each code with the severity that the
 * settings and the configuration file give it (leaving out those turned off).
 */
export class TrainSpecDocumentValidator extends DefaultDocumentValidator {
    protected readonly settings: TrainSpecSettings;

    constructor(services: TrainSpecServices) {
        super(services);
        this.settings = services.shared.settings.TrainSpecSettings;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        return diagnostics.flatMap(diagnostic => {
            const severity = typeof diagnostic.code === 'string' ? severityOf(this.settings, document.uri, diagnostic.code) : undefined;
            if (severity === 'off') {
                return [];
            }
            return severity ? [{ ...diagnostic, severity: SEVERITIES[severity] }] : [diagnostic];
        });
    }

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
     * Keeps a pathological file (thousands of clashing declarations, say) from flooding the
     * editor and the reports; the last diagnostic says how many more there are.
     */
    protected override async validateAst(rootNode: AstNode, options: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateAst(rootNode, options, cancelToken);
        if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) {
            return diagnostics;
        }
        const shown = diagnostics.slice(0, MAX_DIAGNOSTICS_PER_FILE);
        shown.push(this.toDiagnostic('info', `${diagnostics.length - MAX_DIAGNOSTICS_PER_FILE} more problems in this file are not shown.`,
            { node: rootNode, code: DiagnosticCode.TooManyProblems }));
        return shown;
    }

    protected override getSource(): string {
        return 'trainspec';
    }
}
