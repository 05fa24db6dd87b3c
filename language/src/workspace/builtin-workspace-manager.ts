import { DefaultWorkspaceManager, type FileSystemNode, type LangiumDocument, type Stream, type URI, type WorkspaceFolder } from 'langium';
import type { ConfigLoader } from '../config/config-loader.js';
import type { ClientSupport } from '../lsp/client-support.js';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import type { StandardsLibrary } from '../library/standards-library.js';
import { isIgnored, type TrainSpecSettings } from './trainspec-settings.js';

/**
 * Loads the built-in standards library into every workspace, next to the user's files, and
 * reads the configuration files first, so that the files they ignore are never loaded. For an
 * editor that cannot fetch `builtin:` documents, the library is placed in files first (see
 * StandardsLibrary.placeInFiles), so that go to definition opens it there.
 */
export class BuiltinWorkspaceManager extends DefaultWorkspaceManager {
    protected readonly library: StandardsLibrary;
    protected readonly settings: TrainSpecSettings;
    protected readonly configLoader: () => ConfigLoader;
    protected readonly clientSupport: ClientSupport;

    constructor(services: TrainSpecSharedServices) {
        super(services);
        this.library = services.library.StandardsLibrary;
        this.clientSupport = services.lsp.ClientSupport;
        this.settings = services.settings.TrainSpecSettings;
        this.configLoader = () => services.settings.ConfigLoader;
        // Coverage gaps belong in the Problems view from the start, not only for the files someone opens.
        this.initialBuildOptions = { validation: true };
    }

    protected override async performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
        await this.configLoader().load(folders);
        return super.performStartup(folders);
    }

    /** Ignored files and folders are passed over: never read, parsed or checked; so are the library's own files, in a workspace that holds the cache folder. */
    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        return super.shouldIncludeEntry(entry) && !isIgnored(this.settings, entry.uri) && !this.library.isBuiltin(entry.uri);
    }

    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        if (this.clientSupport.features.library === 'files') {
            await this.library.placeInFiles();
        }
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
