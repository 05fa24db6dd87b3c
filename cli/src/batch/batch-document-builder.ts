import { DefaultDocumentBuilder, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';

/**
 * The batch check's builder: it builds one group of files after another in the same workspace
 * (the built-in library stays loaded), and lets each group go once it is reported. Nothing is
 * edited in a batch run, so it needs none of the language server's revalidation after updates.
 */
export class BatchDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedServices) {
        super(services);
    }

    /** Forgets the documents (AST, text, index entries, build state) and clears the workspace caches, as a deletion would. */
    release(documents: LangiumDocument[]): void {
        const uris: URI[] = documents.map(document => document.uri);
        for (const uri of uris) {
            this.langiumDocuments.deleteDocument(uri);
            this.indexManager.remove(uri);
            this.buildState.delete(uri.toString());
        }
        // Caches that evict on an update (the global scope, for one) must not serve the released names.
        for (const listener of this.updateListeners) {
            void listener([], uris);
        }
    }
}
