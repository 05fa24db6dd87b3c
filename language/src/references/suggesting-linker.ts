import { DefaultLinker, type AstNodeDescription, type LangiumDocument, type LinkingError, type ReferenceInfo, type Scope } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { TrainSpecServices } from '../trainspec-module.js';
import { kindLabel } from '../catalogue/item-descriptions.js';
import { forEachAstNode, forEachReference, isUncancellable } from '../workspace/ast-walk.js';
import { NameIndex, quoteAlternatives } from './did-you-mean.js';

/** A linking error that knows the closest names in scope, for the message and for quick fixes. */
export interface SuggestingLinkingError extends LinkingError {
    readonly suggestions: readonly string[];
}

export function isSuggestingLinkingError(error: LinkingError): error is SuggestingLinkingError {
    return Array.isArray((error as Partial<SuggestingLinkingError>).suggestions);
}

/** Reports an unknown name in the curriculum designer's terms, with up to three "did you mean" names. */
export class SuggestingLinker extends DefaultLinker {
    protected readonly outside: TrainSpecServices['shared']['references']['OutsideDeclarations'];
    /**
     * The names of each scope (and, in a batch check, of the files checked elsewhere), indexed once:
     * global scopes are cached until the workspace changes, so a spec full of unknown names does
     * not list and scan every name for each one.
     */
    protected readonly nameIndexes = new WeakMap<Scope, NameIndex>();
    /**
     * The last index of each reference type, with its names: a new workspace state whose names
     * of that type are the same (an edit of a spec leaves the library's standards as they are)
     * keeps the index, and with it the answers to the unknown names it has already been asked
     * about, so a file of unknown names is not searched again at each keystroke.
     */
    protected readonly lastIndexes = new Map<string, { names: string[]; index: NameIndex }>();

    constructor(services: TrainSpecServices) {
        super(services);
        this.outside = services.shared.references.OutsideDeclarations;
    }

    /** Where nothing can cancel the build (a batch check), links in a plain loop: see ast-walk.ts. */
    override link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        if (!isUncancellable(cancelToken) || this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        forEachAstNode(document.parseResult.value, node => forEachReference(node, reference => this.doLink(reference, document)));
        return Promise.resolve();
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): SuggestingLinkingError {
        const typed = refInfo.reference.$refText;
        const referenceType = this.reflection.getReferenceType(refInfo);
        const suggestions = this.nameIndex(this.scopeProvider.getScope(refInfo), referenceType).suggest(typed);
        const label = refInfo.property === 'pathway' ? 'pathway' : kindLabel(referenceType);
        const hint = suggestions.length > 0 ? ` Did you mean ${quoteAlternatives(suggestions)}?` : '';
        return { info: refInfo, message: `Unknown ${label} '${typed}'.${hint}`, targetDescription, suggestions };
    }

    /** A scope holds the names of one reference type, so the outside names of that type join it. */
    protected nameIndex(scope: Scope, referenceType: string): NameIndex {
        let index = this.nameIndexes.get(scope);
        if (!index) {
            const names = [...scope.getAllElements().map(description => description.name), ...this.outside.namesOfType(referenceType)];
            const last = this.lastIndexes.get(referenceType);
            index = last && sameNames(last.names, names) ? last.index : new NameIndex(names);
            this.lastIndexes.set(referenceType, { names, index });
            this.nameIndexes.set(scope, index);
        }
        return index;
    }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
    return a.length === b.length && a.every((name, i) => name === b[i]);
}
