import { AstUtils, DefaultDocumentBuilder, DocumentState, URI, type LangiumDocument } from 'langium';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import type { DeclarationIndex } from './declaration-index.js';
import { WORKSPACE_CATEGORY } from '../validation/diagnostic-codes.js';
import { isWorkspaceDependent } from '../validation/workspace-checks.js';

/** How a document's change can reach other documents' workspace checks: what it links to and what it declares. */
interface Footprint {
    targets: Set<string>;
    names: Set<string>;
}

/**
 * Langium rebuilds a changed document and the documents that reference it. Coverage reaches
 * further: a programme's gaps change when a module it includes, a role it extends two files
 * away, or a programme that includes a module elsewhere changes. After each update, this builder
 * re-runs the workspace-dependent checks of the documents the change can reach, and revalidates
 * those whose results differ, so every affected programme and module shows current diagnostics.
 */
export class RevalidatingDocumentBuilder extends DefaultDocumentBuilder {
    protected readonly declarations: () => DeclarationIndex;

    constructor(services: TrainSpecSharedServices) {
        super(services);
        this.declarations = () => services.workspace.DeclarationIndex;
        const validation = this.updateBuildOptions.validation;
        if (typeof validation === 'object' && validation.categories && !validation.categories.includes(WORKSPACE_CATEGORY)) {
            this.updateBuildOptions = { ...this.updateBuildOptions, validation: { ...validation, categories: [...validation.categories, WORKSPACE_CATEGORY] } };
        }
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = CancellationToken.None): Promise<void> {
        const uris = new Set([...changed, ...deleted].map(uri => uri.toString()));
        // Dependencies both before and after the change: an `includes` the edit removed still matters.
        const reach = this.reachOf(uris, [...uris]);
        await super.update(changed, deleted, cancelToken);
        this.reachOf(uris, changed.map(uri => uri.toString())).forEach(uri => reach.add(uri));
        // With nothing changed on disk, a setting did, and every document may report differently.
        const candidates = uris.size === 0 ? this.langiumDocuments.all : this.langiumDocuments.all.filter(document => reach.has(document.uri.toString()));
        const stale: LangiumDocument[] = [];
        for (const document of candidates) {
            if (this.ranWorkspaceChecks(document) && await this.hasStaleWorkspaceDiagnostics(document, cancelToken)) {
                stale.push(document);
            }
        }
        if (stale.length > 0) {
            stale.forEach(document => this.resetToState(document, DocumentState.IndexedReferences));
            await this.buildDocuments(stale, this.updateBuildOptions, cancelToken);
        }
    }

    /**
     * The documents whose workspace checks the changed ones can affect, as the index stands now:
     * those that depend on them however indirectly (a programme, its role, the role that role
     * extends), those they link to (the owners of an included module), and those that declare
     * a name they declare (duplicates).
     */
    protected reachOf(changed: Set<string>, present: string[]): Set<string> {
        const reach = new Set(changed);
        for (let grew = true; grew;) {
            grew = false;
            for (const document of this.langiumDocuments.all) {
                const uri = document.uri.toString();
                if (!reach.has(uri) && this.indexManager.isAffected(document, reach)) {
                    reach.add(uri);
                    grew = true;
                }
            }
        }
        for (const footprint of present.map(uri => this.footprint(uri))) {
            footprint?.targets.forEach(target => reach.add(target));
            footprint?.names.forEach(name => this.declarations().declarationsNamed(name).all.forEach(other => reach.add(other.documentUri.toString())));
        }
        return reach;
    }

    protected footprint(uri: string): Footprint | undefined {
        const document = this.langiumDocuments.getDocument(URI.parse(uri));
        if (!document) {
            return undefined;
        }
        const targets = new Set<string>();
        for (const reference of document.references) {
            const target = 'ref' in reference ? reference.$nodeDescription?.documentUri : undefined;
            if (target) {
                targets.add(target.toString());
            }
        }
        const names = new Set<string>();
        const nameProvider = this.serviceRegistry.getServices(document.uri).references.NameProvider;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            const name = nameProvider.getName(node);
            if (name) {
                names.add(name);
            }
        }
        return { targets, names };
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
