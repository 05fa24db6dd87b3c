import { UriUtils, URI, type FileSystemProvider, type LangiumDocuments, type ServiceRegistry, type WorkspaceManager } from 'langium';
import { DefaultDocumentUpdateHandler, type TextDocuments } from 'langium/lsp';
import type { Connection, DidChangeWatchedFilesParams, TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigLoader } from '../config/config-loader.js';
import type { StandardsLibrary } from '../library/standards-library.js';
import { logUnexpectedError } from '../server/unexpected-errors.js';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import { isIgnored, type TrainSpecSettings } from '../workspace/trainspec-settings.js';

/**
 * Turns what the editor says about documents and files into workspace updates, such that
 * nothing a client sends can take the server down or corrupt the workspace:
 *
 * - an error escaping a document build is logged, and the server goes on (Langium's handler
 *   leaves the rejection unhandled, and Node ends the process);
 * - documents of other languages (a README.md the editor opens) are not TrainSpec's business;
 * - the built-in library is read-only: whatever a client opens, edits or reports as changed
 *   or deleted under the `builtin:` scheme, the workspace keeps the library's own text;
 * - an open document is the editor's text, whatever the disk says: a file deleted on disk stays
 *   in the workspace while it is open; once closed, it is the file again, or gone with it;
 * - files that the configuration file ignores are never loaded, open or not; when a
 *   configuration file changes, it is read again and the whole workspace is checked anew.
 */
export class TrainSpecDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    protected readonly library: StandardsLibrary;
    protected readonly textDocuments: TextDocuments<TextDocument>;
    protected readonly langiumDocuments: LangiumDocuments;
    protected readonly fileSystem: FileSystemProvider;
    protected readonly registry: ServiceRegistry;
    protected readonly connection: Connection | undefined;
    protected readonly settings: TrainSpecSettings;
    protected readonly configLoader: ConfigLoader;
    protected readonly workspace: WorkspaceManager;

    constructor(services: TrainSpecSharedServices) {
        super(services);
        this.settings = services.settings.TrainSpecSettings;
        this.configLoader = services.settings.ConfigLoader;
        this.workspace = services.workspace.WorkspaceManager;
        this.library = services.library.StandardsLibrary;
        this.textDocuments = services.workspace.TextDocuments;
        this.langiumDocuments = services.workspace.LangiumDocuments;
        this.fileSystem = services.workspace.FileSystemProvider;
        this.registry = services.ServiceRegistry;
        this.connection = services.lsp.Connection;
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(change.document.uri);
        if (this.isEditable(uri)) {
            this.fireDocumentUpdate([uri], []);
        }
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const configChanged = params.changes.some(change => this.configLoader.isConfigFile(URI.parse(change.uri)));
        super.didChangeWatchedFiles({ changes: params.changes.filter(change => !this.configLoader.isConfigFile(URI.parse(change.uri))) });
        if (configChanged) {
            this.reloadConfig();
        }
    }

    /**
     * Reads the configuration files again and brings the workspace in line: files now ignored
     * leave it, files no longer ignored join it, and every other file is checked anew, since
     * any severity may have changed.
     */
    protected reloadConfig(): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(async token => {
                await this.configLoader.load([...this.workspace.workspaceFolders ?? []]);
                const loaded = this.langiumDocuments.all.map(document => document.uri).filter(uri => !this.library.isBuiltin(uri)).toArray();
                const deleted = loaded.filter(uri => isIgnored(this.settings, uri));
                const found = (await Promise.all((this.workspace.workspaceFolders ?? []).map(folder => this.workspace.searchFolder(URI.parse(folder.uri))))).flat();
                const changed = [...loaded.filter(uri => !isIgnored(this.settings, uri)), ...found.filter(uri => !this.langiumDocuments.hasDocument(uri))];
                await this.documentBuilder.update(changed, deleted, token);
            }))
            .catch(error => logUnexpectedError(this.connection, 'Reading the configuration file', error));
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (this.library.isBuiltin(uri)) {
            return;
        }
        // Closed, the document is the file again: its text on disk (unsaved edits are gone), or nothing.
        // Its language now follows from its name alone: a notes.md the editor called TrainSpec is no longer one.
        const isFile = this.registry.hasServices(uri) ? this.fileSystem.exists(uri).catch(() => false) : Promise.resolve(false);
        isFile.then(exists => exists ? this.fireDocumentUpdate([uri], []) : this.fireDocumentUpdate([], [uri]))
            .catch(error => logUnexpectedError(this.connection, `Closing ${uri.toString()}`, error));
    }

    /**
     * Updates the workspace, leaving out the built-in library, open documents of other languages
     * and, among the deleted, what is open in the editor; which documents are open is read when
     * the update runs, since a document may be opened or closed while it waits for the lock.
     */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.workspaceManager.ready
            .then(() => this.concernsWorkspace(changed, deleted) ? this.workspaceLock.write(async token => {
                const changedNow = changed.filter(uri => this.isChangeable(uri));
                const deletedNow = deleted.flatMap(uri => this.deletable(uri));
                // An empty update would mean "the settings changed" and recheck every document.
                if (changedNow.length > 0 || deletedNow.length > 0) {
                    await this.documentBuilder.update(changedNow, deletedNow, token);
                }
            }) : undefined)
            .catch(error => logUnexpectedError(this.connection, 'Updating the workspace', error));
    }

    /**
     * Whether an update may change the workspace at all. One that cannot takes no write lock: a
     * write cancels the build in progress, and an update with nothing to do would not resume it
     * (an editor opening a library file while the workspace is first built left it unbuilt, and
     * every request waiting for it hanging). Read once the workspace is ready, when the library
     * is in place; the update reads it again under the lock.
     */
    protected concernsWorkspace(changed: URI[], deleted: URI[]): boolean {
        return changed.some(uri => this.isChangeable(uri)) || deleted.some(uri => this.deletable(uri).length > 0);
    }

    /** Whether editor events about `uri` concern the workspace: a document of TrainSpec's languages, outside the library. */
    protected isEditable(uri: URI): boolean {
        return !this.library.isBuiltin(uri) && this.registry.hasServices(uri) && !isIgnored(this.settings, uri);
    }

    /** Whether a change reported for `uri` (a file or a folder) may be read into the workspace. */
    protected isChangeable(uri: URI): boolean {
        return !this.library.isBuiltin(uri) && !isIgnored(this.settings, uri) && (this.textDocuments.get(uri) === undefined || this.registry.hasServices(uri));
    }

    /** What to remove from the workspace when `uri` (a file or a folder) is deleted: all it holds but open documents. */
    protected deletable(uri: URI): URI[] {
        if (this.library.isBuiltin(uri) || this.textDocuments.get(uri) !== undefined) {
            return [];
        }
        const open = this.textDocuments.keys().filter(key => UriUtils.contains(uri, key));
        if (open.length === 0) {
            return [uri];
        }
        const kept = new Set(open.map(key => URI.parse(key).toString()));
        return this.langiumDocuments.all
            .filter(document => UriUtils.contains(uri, document.uri) && !kept.has(document.uri.toString()))
            .map(document => document.uri)
            .toArray();
    }
}
