import { DocumentState, WorkspaceCache, type AstNodeDescription, type IndexManager } from 'langium';
import type { DeclarationPrecedence } from '../references/declaration-precedence.js';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import type { StandardsLibrary } from '../library/standards-library.js';

/** All declarations of one name, and how many of them the built-in library makes. */
export interface NamedDeclarations {
    /** In order of precedence (see DeclarationPrecedence): the one references resolve to first. */
    readonly all: readonly AstNodeDescription[];
    readonly builtinCount: number;
}

/** Every declaration in the workspace by name, built-ins included; the basis of duplicate checks. */
export interface DeclarationIndex {
    declarationsNamed(name: string): NamedDeclarations;
}

const NONE: readonly AstNodeDescription[] = [];

interface ByName {
    declarations: Map<string, AstNodeDescription[]>;
    builtinCounts: Map<string, number>;
}

export class DefaultDeclarationIndex implements DeclarationIndex {
    protected readonly indexManager: IndexManager;
    protected readonly library: StandardsLibrary;
    protected readonly precedence: DeclarationPrecedence;
    protected readonly cache: WorkspaceCache<'byName', ByName>;

    constructor(services: TrainSpecSharedServices) {
        this.indexManager = services.workspace.IndexManager;
        this.library = services.library.StandardsLibrary;
        this.precedence = services.references.DeclarationPrecedence;
        this.cache = new WorkspaceCache(services, DocumentState.IndexedContent);
    }

    declarationsNamed(name: string): NamedDeclarations {
        const byName = this.cache.get('byName', () => this.index());
        return { all: byName.declarations.get(name) ?? NONE, builtinCount: byName.builtinCounts.get(name) ?? 0 };
    }

    protected index(): ByName {
        const declarations = new Map<string, AstNodeDescription[]>();
        const builtinCounts = new Map<string, number>();
        this.indexManager.allElements().forEach(description => {
            const named = declarations.get(description.name);
            if (named) {
                named.push(description);
            } else {
                declarations.set(description.name, [description]);
            }
            if (this.library.isBuiltin(description.documentUri)) {
                builtinCounts.set(description.name, (builtinCounts.get(description.name) ?? 0) + 1);
            }
        });
        // Sorted once here (a stable sort keeps each file's text order), so messages name the others in an order that does not depend on history.
        declarations.forEach(named => named.length > 1 && named.sort((a, b) => this.precedence.compare(a, b)));
        return { declarations, builtinCounts };
    }
}
