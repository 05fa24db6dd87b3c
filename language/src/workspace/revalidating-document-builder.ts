import { DefaultDocumentBuilder, DocumentState, type LangiumDocument, type URI } from 'langium';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import { WORKSPACE_CATEGORY } from '../validation/diagnostic-codes.js';
import { isWorkspaceDependent } from '../validation/workspace-checks.js';

/**
 * Langium rebuilds a changed document and the documents that reference it. Coverage reaches
 * further: a programme's gaps change when a module it includes, a role it extends two files
 * away, or a programme that includes a module elsewhere changes. After each update, this builder
 * re-runs the workspace-dependent checks of every other document and revalidates those whose
 * results differ, so every affected programme and module shows current diagnostics.
 */
export class RevalidatingDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: TrainSpecSharedServices) {
        super(services);
        const validation = this.updateBuildOptions.validation;
        if (typeof validation === 'object' && validation.categories && !validation.categories.includes(WORKSPACE_CATEGORY)) {
            this.updateBuildOptions = { ...this.updateBuildOptions, validation: { ...validation, categories: [...validation.categories, WORKSPACE_CATEGORY] } };
        }
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = CancellationToken.None): Promise<void> {
        await super.update(changed, deleted, cancelToken);
        const stale: LangiumDocument[] = [];
        for (const document of this.langiumDocuments.all) {
            if (this.ranWorkspaceChecks(document) && await this.hasStaleWorkspaceDiagnostics(document, cancelToken)) {
                stale.push(document);
            }
        }
        if (stale.length > 0) {
            stale.forEach(document => this.resetToState(document, DocumentState.IndexedReferences));
            await this.buildDocuments(stale, this.updateBuildOptions, cancelToken);
        }
    }

    protected ranWorkspaceChecks(document: LangiumDocument): boolean {
        return document.state === DocumentState.Validated
            && (this.buildState.get(document.uri.toString())?.result?.validationChecks?.includes(WORKSPACE_CATEGORY) ?? false);
    }

    protected async hasStaleWorkspaceDiagnostics(document: LangiumDocument, cancelToken: CancellationToken): Promise<boolean> {
        const validator = this.serviceRegistry.getServices(document.uri).validation.DocumentValidator;
        const current = await validator.validateDocument(document, { categories: [WORKSPACE_CATEGORY] }, cancelToken);
        const previous = (document.diagnostics ?? []).filter(isWorkspaceDependent);
        return fingerprint(current) !== fingerprint(previous);
    }
}

function fingerprint(diagnostics: Diagnostic[]): string {
    return diagnostics
        .map(diagnostic => JSON.stringify([diagnostic.code, diagnostic.severity, diagnostic.message, diagnostic.range]))
        .sort()
        .join('\n');
}
