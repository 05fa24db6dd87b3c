import { DocumentState, MultiMap, WorkspaceCache, type AstNodeDescription, type IndexManager } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';

/** Every declaration in the workspace by name, built-ins included; the basis of duplicate checks. */
export interface DeclarationIndex {
    declarationsNamed(name: string): readonly AstNodeDescription[];
}

export class DefaultDeclarationIndex implements DeclarationIndex {
    protected readonly indexManager: IndexManager;
    protected readonly cache: WorkspaceCache<'byName', MultiMap<string, AstNodeDescription>>;

    constructor(services: LangiumSharedServices) {
        this.indexManager = services.workspace.IndexManager;
        this.cache = new WorkspaceCache(services, DocumentState.IndexedContent);
    }

    declarationsNamed(name: string): readonly AstNodeDescription[] {
        const byName = this.cache.get('byName', () => {
            const index = new MultiMap<string, AstNodeDescription>();
            this.indexManager.allElements().forEach(description => index.add(description.name, description));
            return index;
        });
        return byName.get(name);
    }
}
