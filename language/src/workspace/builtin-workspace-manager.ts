import { DefaultWorkspaceManager, type LangiumDocument, type Stream, type URI, type WorkspaceFolder } from 'langium';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import type { StandardsLibrary } from '../library/standards-library.js';

/** Loads the built-in standards library into every workspace, next to the user's files. */
export class BuiltinWorkspaceManager extends DefaultWorkspaceManager {
    protected readonly library: StandardsLibrary;

    constructor(services: TrainSpecSharedServices) {
        super(services);
        this.library = services.library.StandardsLibrary;
        // Coverage gaps belong in the Problems view from the start, not only for the files someone opens.
        this.initialBuildOptions = { validation: true };
    }

    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        this.library.createDocuments().forEach(collector);
    }

    /**
     * Leaves out a file that is a built-in catalogue itself (StandardsLibrary.isCopy), as the
     * command line does: the built-in library is already loaded, and the copy would redefine
     * every standard in it.
     */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await super.loadWorkspaceDocuments(uris, document => {
            if (this.library.isCopy(document.textDocument.getText())) {
                this.langiumDocuments.deleteDocument(document.uri);
            } else {
                collector(document);
            }
        });
    }
}
