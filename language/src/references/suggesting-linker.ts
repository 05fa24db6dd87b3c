import { DefaultLinker, type AstNodeDescription, type LinkingError, type ReferenceInfo, type Scope } from 'langium';
import { kindLabel } from '../catalogue/item-descriptions.js';
import { NameIndex, quoteAlternatives } from './did-you-mean.js';

/** A linking error that knows the closest names in scope, for the message and for quick fixes. */
export interface SuggestingLinkingError extends LinkingError {
    suggestions: string[];
}

export function isSuggestingLinkingError(error: LinkingError): error is SuggestingLinkingError {
    return Array.isArray((error as Partial<SuggestingLinkingError>).suggestions);
}

/** Reports an unknown name in the curriculum designer's terms, with up to three "did you mean" names. */
export class SuggestingLinker extends DefaultLinker {
    /**
     * The names of each scope, indexed once: global scopes are cached until the workspace
     * changes, so a spec full of unknown names does not list and scan every name for each one.
     */
    protected readonly nameIndexes = new WeakMap<Scope, NameIndex>();

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): SuggestingLinkingError {
        const typed = refInfo.reference.$refText;
        const suggestions = this.nameIndex(this.scopeProvider.getScope(refInfo)).suggest(typed);
        const label = refInfo.property === 'pathway' ? 'pathway' : kindLabel(this.reflection.getReferenceType(refInfo));
        const hint = suggestions.length > 0 ? ` Did you mean ${quoteAlternatives(suggestions)}?` : '';
        return { info: refInfo, message: `Unknown ${label} '${typed}'.${hint}`, targetDescription, suggestions };
    }

    protected nameIndex(scope: Scope): NameIndex {
        let index = this.nameIndexes.get(scope);
        if (!index) {
            index = new NameIndex(scope.getAllElements().map(description => description.name));
            this.nameIndexes.set(scope, index);
        }
        return index;
    }
}
