import { DefaultDocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { isSuggestingLinkingError } from '../references/suggesting-linker.js';
import { DiagnosticCode } from './diagnostic-codes.js';

/** Gives unresolved references a stable code and carries their suggestions for quick fixes. */
export class TrainSpecDocumentValidator extends DefaultDocumentValidator {
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

    protected override getSource(): string {
        return 'trainspec';
    }
}
