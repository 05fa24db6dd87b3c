import { DocumentState, MultiMap, WorkspaceCache, type AstNodeDescription, type IndexManager } from 'langium';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import type { StandardsLibrary } from '../library/standards-library.js';

/** All declarations of one name, and how many of them the built-in library makes. */
export interface NamedDeclarations {
    readonly all: readonly AstNodeDescription[];
    readonly builtinCount: number;
}

/** Every declaration in the workspace by name, built-ins included; the basis of duplicate checks. */
export interface DeclarationIndex {
    declarationsNamed(name: string): NamedDeclarations;
}

interface ByName {
    declarations: MultiMap<string, AstNodeDescription>;
    builtinCounts: Map<string, number>;
}

export class DefaultDeclarationIndex implements DeclarationIndex {
    protected readonly indexManager: IndexManager;
    protected readonly library: StandardsLibrary;
    protected readonly cache: WorkspaceCache<'byName', ByName>;

    constructor(services: TrainSpecSharedServices) {
        this.indexManager = services.workspace.IndexManager;
        this.library = services.library.StandardsLibrary;
        this.cache = new WorkspaceCache(services, DocumentState.IndexedContent);
    }

    declarationsNamed(name: string): NamedDeclarations {
        const byName = this.cache.get('byName', () => this.index());
        return { all: byName.declarations.get(name), builtinCount: byName.builtinCounts.get(name) ?? 0 };
    }

    protected index(): ByName {
        const declarations = new MultiMap<string, AstNodeDescription>();
        const builtinCounts = new Map<string, number>();
        this.indexManager.allElements().forEach(description => {
            declarations.add(description.name, description);
            if (this.library.isBuiltin(description.documentUri)) {
                builtinCounts.set(description.name, (builtinCounts.get(description.name) ?? 0) + 1);
            }
        });
        return { declarations, builtinCounts };
    }
}
