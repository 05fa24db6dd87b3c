import { DefaultScopeProvider, type ReferenceInfo, type Scope } from 'langium';

/**
 * Since every declaration is global (see GlobalScopeComputation), references go straight
 * to the cached global scope of their type instead of walking the container chain first.
 */
export class GlobalScopeProvider extends DefaultScopeProvider {
    override getScope(context: ReferenceInfo): Scope {
        return this.getGlobalScope(this.reflection.getReferenceType(context), context);
    }
}
