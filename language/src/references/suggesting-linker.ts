import { DefaultLinker, type AstNodeDescription, type LinkingError, type ReferenceInfo } from 'langium';
import type { TrainSpecServices } from '../trainspec-module.js';
import { kindLabel } from '../catalogue/item-descriptions.js';
import { didYouMean, quoteAlternatives } from './did-you-mean.js';

/** A linking error that knows the closest names in scope, for the message and for quick fixes. */
export interface SuggestingLinkingError extends LinkingError {
    suggestions: string[];
}

export function isSuggestingLinkingError(error: LinkingError): error is SuggestingLinkingError {
    return Array.isArray((error as Partial<SuggestingLinkingError>).suggestions);
}

/** Reports an unknown name in the curriculum designer's terms, with up to three "did you mean" names. */
export class SuggestingLinker extends DefaultLinker {
    protected readonly outside: TrainSpecServices['shared']['references']['OutsideDeclarations'];

    constructor(services: TrainSpecServices) {
        super(services);
        this.outside = services.shared.references.OutsideDeclarations;
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): SuggestingLinkingError {
        const typed = refInfo.reference.$refText;
        const referenceType = this.reflection.getReferenceType(refInfo);
        const candidates = [...this.scopeProvider.getScope(refInfo).getAllElements().map(description => description.name), ...this.outside.namesOfType(referenceType)];
        const suggestions = didYouMean(typed, candidates);
        const label = refInfo.property === 'pathway' ? 'pathway' : kindLabel(referenceType);
        const hint = suggestions.length > 0 ? ` Did you mean ${quoteAlternatives(suggestions)}?` : '';
        return { info: refInfo, message: `Unknown ${label} '${typed}'.${hint}`, targetDescription, suggestions };
    }
}
