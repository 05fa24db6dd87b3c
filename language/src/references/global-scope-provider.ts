import { DefaultScopeProvider, MultiMapScope, stream, type AstNodeDescription, type ReferenceInfo, type Scope, type Stream } from 'langium';
import type { TrainSpecServices } from '../trainspec-module.js';
import type { DeclarationPrecedence } from './declaration-precedence.js';

/**
 * Since every declaration is global (see GlobalScopeComputation), references go straight
 * to the cached global scope of their type instead of walking the container chain first.
 * A name declared more than once resolves by DeclarationPrecedence, not by the order of the index.
 */
export class GlobalScopeProvider extends DefaultScopeProvider {
    protected readonly precedence: DeclarationPrecedence;

    constructor(services: TrainSpecServices) {
        super(services);
        this.precedence = services.shared.references.DeclarationPrecedence;
    }

    override getScope(context: ReferenceInfo): Scope {
        return this.getGlobalScope(this.reflection.getReferenceType(context), context);
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        return this.globalScopeCache.get(referenceType, () => new PrecedenceScope(this.indexManager.allElements(referenceType), this.precedence));
    }
}

/** A scope of every declaration of one type, by name, in which a duplicated name gives the declaration that takes precedence. */
export class PrecedenceScope extends MultiMapScope {
    constructor(elements: Iterable<AstNodeDescription>, protected readonly precedence: DeclarationPrecedence) {
        super(elements);
    }

    override getElement(name: string): AstNodeDescription | undefined {
        const declarations = this.elements.get(name);
        return declarations.length > 1 ? this.precedence.first(declarations) : declarations[0];
    }

    override getElements(name: string): Stream<AstNodeDescription> {
        const declarations = this.elements.get(name);
        return stream(declarations.length > 1 ? [...declarations].sort((a, b) => this.precedence.compare(a, b)) : declarations);
    }
}
