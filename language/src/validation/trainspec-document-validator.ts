import { DefaultDocumentValidator, interruptAndCheck, type AstNode, type LangiumDocument, type ParseResult, type ValidationAcceptor, type ValidationOptions } from 'langium';
import { CancellationToken, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TrainSpecServices } from '../trainspec-module.js';
import { severityOf, type TrainSpecSettings } from '../workspace/trainspec-settings.js';
import { isSuggestingLinkingError } from '../references/suggesting-linker.js';
import { isWholeFileError } from '../workspace/resilient-document-factory.js';
import { forEachAstNode, isUncancellable } from '../workspace/ast-walk.js';
import { DiagnosticCode, type ConfiguredSeverity } from './diagnostic-codes.js';
import { TrainSpecValidationRegistry } from './trainspec-validation-registry.js';

/** More than this many problems in one file are summed up in one last diagnostic. */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

/** How many syntax nodes are checked between two chances for other work (and a cancellation) to run. */
const NODES_BETWEEN_YIELDS = 200;

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

    /**
     * Langium's walk over the syntax nodes, without a stream or a promise per node: it yields to
     * other work (and notices a cancellation by the next edit) every few hundred nodes rather than
     * at each, or never when nothing can cancel, and awaits a check only if it is asynchronous
     * (see TrainSpecValidationRegistry).
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor,
        cancelToken: CancellationToken = CancellationToken.None): Promise<void> {
        const registry = this.validationRegistry;
        const checksOf = registry instanceof TrainSpecValidationRegistry
            ? registry.checksByType(options.categories)
            : (type: string) => registry.getChecks(type, options.categories).toArray();
        const uncancellable = isUncancellable(cancelToken);
        let count = 0;
        for (const node of this.nodesToValidate(rootNode, options)) {
            if (!uncancellable && (++count % NODES_BETWEEN_YIELDS === 0 || cancelToken.isCancellationRequested)) {
                await interruptAndCheck(cancelToken);
            }
            for (const check of checksOf(node.$type)) {
                const result = check(node, acceptor, cancelToken);
                if (result) {
                    await result;
                }
            }
        }
    }

    /**
     * The nodes `validateAstNodes` checks, in the order it checks them, listed in a plain loop (see
     * ast-walk.ts): Langium's lazy stream cost more than the checks of most nodes.
     */
    protected nodesToValidate(rootNode: AstNode, options: ValidationOptions): AstNode[] {
        const nodes: AstNode[] = [];
        forEachAstNode(rootNode, node => {
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                nodes.push(node);
            }
            return nodeOptions.validateChildren;
        });
        return nodes;
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
        // A stray character (or an unclosed quote) already has its error; what the parser then trips over on that line is the same slip.
        const lexerLines = new Set(parseResult.lexerErrors.map(error => (error.line ?? 0) - 1));
        const parsing = diagnostics.splice(start).filter(diagnostic => !lexerLines.has(diagnostic.range.start.line));
        parsing.forEach(diagnostic => diagnostic.code = code);
        diagnostics.push(...parsing);
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
     * Gives each diagnostic the severity configured for its code, leaving out those turned off;
     * then keeps a pathological file (thousands of clashing declarations or unknown names, say)
     * from flooding the editor and the reports: the last diagnostic says how many more there are.
     * Syntax and linking errors come first, so they are the ones kept.
     */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = this.withConfiguredSeverities(document, await super.validateDocument(document, options, cancelToken));
        if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) {
            return diagnostics;
        }
        const shown = diagnostics.slice(0, MAX_DIAGNOSTICS_PER_FILE);
        const summary = this.toDiagnostic('info', `${diagnostics.length - MAX_DIAGNOSTICS_PER_FILE} more problems in this file are not shown.`,
            { node: document.parseResult.value, code: DiagnosticCode.TooManyProblems });
        return [...shown, ...this.withConfiguredSeverities(document, [summary])];
    }

    protected withConfiguredSeverities(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
        return diagnostics.flatMap(diagnostic => {
            const severity = typeof diagnostic.code === 'string' ? severityOf(this.settings, document.uri, diagnostic.code) : undefined;
            if (severity === 'off') {
                return [];
            }
            return severity ? [{ ...diagnostic, severity: SEVERITIES[severity] }] : [diagnostic];
        });
    }

    protected override getSource(): string {
        return 'trainspec';
    }
}
