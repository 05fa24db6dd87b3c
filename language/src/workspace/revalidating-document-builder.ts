import { AstUtils, DefaultDocumentBuilder, DocumentState, isMultiReference, URI, type LangiumDocument } from 'langium';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import type { DependencyGraph } from './dependency-graph.js';
import type { OwedWork, PendingRevalidation } from './pending-revalidation.js';
import type { DeclarationPrecedence } from '../references/declaration-precedence.js';
import { WORKSPACE_CATEGORY } from '../validation/diagnostic-codes.js';
import { isWorkspaceDependent } from '../validation/workspace-checks.js';

/**
 * Langium rebuilds a changed document and the documents that reference it. Coverage reaches
 * further: a programme's gaps change when a module it includes, a role it extends two files
 * away, or a programme that includes a module elsewhere changes. After each update, this builder
 * re-runs the workspace-dependent checks of the documents the change can reach (the
 * DependencyGraph says which), and revalidates those whose results differ, so every affected
 * programme and module shows current diagnostics.
 *
 * The documents to re-check are owed work (PendingRevalidation), not a local of one update:
 * when the next edit cancels an update, the next update that completes its sweep does that
 * work too. `update([], [])` changes nothing and only does what is owed.
 */
export class RevalidatingDocumentBuilder extends DefaultDocumentBuilder {
    protected readonly dependencies: () => DependencyGraph;
    protected readonly pending: () => PendingRevalidation;
    protected readonly precedence: () => DeclarationPrecedence;
    /** Documents validated by the current update's own build: their diagnostics are current already. */
    protected readonly validatedInUpdate = new Set<string>();

    constructor(services: TrainSpecSharedServices) {
        super(services);
        this.dependencies = () => services.workspace.DependencyGraph;
        this.pending = () => services.workspace.PendingRevalidation;
        this.precedence = () => services.references.DeclarationPrecedence;
        const validation = this.updateBuildOptions.validation;
        if (typeof validation === 'object' && validation.categories && !validation.categories.includes(WORKSPACE_CATEGORY)) {
            this.updateBuildOptions = { ...this.updateBuildOptions, validation: { ...validation, categories: [...validation.categories, WORKSPACE_CATEGORY] } };
        }
        this.onDocumentPhase(DocumentState.Validated, document => {
            this.validatedInUpdate.add(document.uri.toString());
        });
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = CancellationToken.None): Promise<void> {
        const uris = [...changed, ...deleted].map(uri => uri.toString());
        // What the change reaches before it: an `includes` the edit removes still matters.
        this.pending().add(uris, uris.length > 0 ? this.dependencies().reachOf(uris) : []);
        const work = this.pending().take();
        this.validatedInUpdate.clear();
        try {
            await super.update(changed, deleted, cancelToken);
            await this.relinkShadowed(work, cancelToken);
            // What the changed files reach now, those of updates cancelled before this one included.
            if (work.sources.size > 0) {
                this.dependencies().reachOf(work.sources).forEach(uri => work.reach.add(uri));
            }
            await this.sweep(work, cancelToken);
        } catch (error) {
            this.pending().restore(work);
            throw error;
        }
    }

    /**
     * Langium relinks a document when its indexed references point into a changed one. A build
     * cancelled between linking a document and indexing its references leaves it linked with
     * no references indexed (resetting it removed them): a later change to what it links to
     * would pass it by, and it would keep pointing at the old content. Such a document is
     * relinked whatever changed.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (document.state < DocumentState.IndexedReferences) {
            return true;
        }
        // Langium asks this of every document on each update; the graph answers from the file's
        // recorded edges, without walking its references.
        return this.dependencies().linksInto(document.uri.toString(), changedUris) ?? super.shouldRelink(document, changedUris);
    }

    /**
     * A file that now declares a name declared elsewhere too may take precedence over the other
     * declarations (DeclarationPrecedence): references to the name should now resolve into it,
     * but Langium relinks only the documents that refer into a changed file (or fail to resolve
     * a name), so those that refer to another declaration of the name keep pointing there.
     * Those documents are relinked now, and owed as changed files are: what they reach is
     * re-checked. Only names declared more than once cost anything.
     */
    protected async relinkShadowed(work: OwedWork, cancelToken: CancellationToken): Promise<void> {
        const graph = this.dependencies();
        const precedence = this.precedence();
        const shadowed = new Set<string>();
        const candidates = new Set<string>();
        for (const source of work.sources) {
            for (const name of graph.namesDeclaredIn(source)) {
                const others = [...graph.declarersOf(name)].filter(declarer => declarer !== source);
                // Only a file that takes precedence over every other declarer changes where the name resolves.
                if (others.length > 0 && others.every(other => precedence.compareFiles(source, other) < 0)) {
                    shadowed.add(name);
                    others.forEach(other => graph.dependentsOf(other).forEach(dependent => candidates.add(dependent)));
                }
            }
        }
        // Documents relinked by this update's own build resolve as the scope says already, and are passed quickly.
        const stale = this.documentsAt(candidates).filter(document => this.linksAside(document, shadowed));
        if (stale.length === 0) {
            return;
        }
        const uris = stale.map(document => document.uri.toString());
        // What they reach before relinking (the files they included, say), then, as sources, what they reach after.
        graph.reachOf(uris).forEach(uri => work.reach.add(uri));
        uris.forEach(uri => work.sources.add(uri));
        stale.forEach(document => this.resetToState(document, DocumentState.ComputedScopes));
        // Documents validated so far in this update saw the old links: the sweep is to compare them again.
        this.validatedInUpdate.clear();
        await this.buildDocuments(stale, this.updateBuildOptions, cancelToken);
    }

    /** Whether a reference of the document to one of `names` resolves to another declaration than its scope now gives. */
    protected linksAside(document: LangiumDocument, names: ReadonlySet<string>): boolean {
        const scopeProvider = this.serviceRegistry.getServices(document.uri).references.ScopeProvider;
        return AstUtils.streamAst(document.parseResult.value).some(node => AstUtils.streamReferences(node).some(info => {
            const { reference } = info;
            // The grammar has no multi-references, which resolve to every declaration of a name anyway.
            if (isMultiReference(reference) || !names.has(reference.$refText)) {
                return false;
            }
            const current = reference.$nodeDescription;
            const target = scopeProvider.getScope(info).getElement(reference.$refText);
            return current?.documentUri.toString() !== target?.documentUri.toString() || current?.path !== target?.path;
        }));
    }

    /**
     * Langium checks for cancellation before each listener of a phase, so a build cancelled just
     * after documents reached a state would not tell its listeners: the workspace caches that
     * clear when references are indexed (coverage) would serve the old model to later checks,
     * and a document validated just before the cancellation would never be published. The
     * documents did reach the state, so the listeners hear of it; the build stops at its next check.
     */
    protected override async notifyBuildPhase(documents: LangiumDocument[], state: DocumentState, _cancelToken: CancellationToken): Promise<void> {
        await super.notifyBuildPhase(documents, state, CancellationToken.None);
    }

    protected override async notifyDocumentPhase(document: LangiumDocument, state: DocumentState, _cancelToken: CancellationToken): Promise<void> {
        await super.notifyDocumentPhase(document, state, CancellationToken.None);
    }

    /** Re-runs the workspace checks of the owed documents, and revalidates those whose results changed. */
    protected async sweep(work: OwedWork, cancelToken: CancellationToken): Promise<void> {
        const candidates = work.all ? this.langiumDocuments.all.toArray() : this.documentsAt(work.reach);
        const stale: LangiumDocument[] = [];
        for (const document of candidates) {
            if (!this.validatedInUpdate.has(document.uri.toString()) && this.ranWorkspaceChecks(document)
                && await this.hasStaleWorkspaceDiagnostics(document, cancelToken)) {
                stale.push(document);
            }
        }
        if (stale.length > 0) {
            stale.forEach(document => this.resetToState(document, DocumentState.IndexedReferences));
            await this.buildDocuments(stale, this.updateBuildOptions, cancelToken);
        }
    }

    protected documentsAt(uris: Set<string>): LangiumDocument[] {
        return [...uris].flatMap(uri => this.langiumDocuments.getDocument(URI.parse(uri)) ?? []);
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
