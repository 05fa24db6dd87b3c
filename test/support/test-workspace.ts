import { URI, type AstNode, type LangiumDocument } from 'langium';
import { Diagnostic, type Range } from 'vscode-languageserver';
import { createTrainSpecServices, type TrainSpecLanguages } from '../../language/src/trainspec-module.js';
import type { TrainSpecSettings } from '../../language/src/workspace/trainspec-settings.js';
import { InMemoryFileSystem } from './in-memory-file-system.js';
import { rangeOf } from './text-ranges.js';

const ROOT = 'file:///workspace';

/**
 * A TrainSpec workspace in memory, loaded the way the language server loads a folder
 * (built-in library included), that tests can edit and delete files in.
 */
export class TestWorkspace {
    private constructor(readonly services: TrainSpecLanguages, private readonly fileSystem: InMemoryFileSystem) {}

    /** Loads the files and the built-in library; `settings` apply before the first build. */
    static async create(files: Record<string, string | Uint8Array>, settings: Partial<TrainSpecSettings> = {}): Promise<TestWorkspace> {
        const fileSystem = new InMemoryFileSystem();
        const services = createTrainSpecServices({ fileSystemProvider: () => fileSystem });
        Object.assign(services.shared.settings.TrainSpecSettings, settings);
        const workspace = new TestWorkspace(services, fileSystem);
        for (const [path, text] of Object.entries(files)) {
            fileSystem.write(workspace.uri(path), text);
        }
        await services.shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: ROOT, name: 'workspace' }]);
        return workspace;
    }

    uri(path: string): URI {
        return URI.parse(`${ROOT}/${path}`);
    }

    document(path: string): LangiumDocument {
        const document = this.services.shared.workspace.LangiumDocuments.getDocument(this.uri(path));
        if (!document) {
            throw new Error(`No document at ${path}`);
        }
        return document;
    }

    /** The one declaration of the given kind with this name, in the workspace or the built-in library. */
    declaration<T extends AstNode>(name: string, is: (node: unknown) => node is T): T {
        const { IndexManager, LangiumDocuments } = this.services.shared.workspace;
        const matches = IndexManager.allElements()
            .filter(description => description.name === name)
            .map(description => this.services.spec.workspace.AstNodeLocator.getAstNode(
                LangiumDocuments.getDocument(description.documentUri)!.parseResult.value, description.path))
            .filter(is)
            .toArray();
        if (matches.length !== 1) {
            throw new Error(`Expected one declaration named '${name}', found ${matches.length}`);
        }
        return matches[0];
    }

    /** A declaration's name as specs refer to it: `Group.letter` for a lettered competence. */
    nameOf(node: AstNode): string {
        return this.services.spec.references.NameProvider.getName(node) ?? '';
    }

    /** The document's diagnostics, or only those with the given code. */
    diagnostics(path: string, code?: string): Diagnostic[] {
        return (this.document(path).diagnostics ?? []).filter(diagnostic => code === undefined || diagnostic.code === code);
    }

    /** Messages of the diagnostics with the given code, in the order they were reported. */
    messages(path: string, code?: string): string[] {
        return this.diagnostics(path, code).map(Diagnostic.getMessageString);
    }

    /** The range of an occurrence of `text` in the file (see rangeOf). */
    rangeOf(path: string, text: string, occurrence = 0): Range {
        return rangeOf(this.document(path).textDocument, text, occurrence);
    }

    /** Changes the file without telling the workspace: an update must follow. */
    writeFile(path: string, content: string | Uint8Array): void {
        this.fileSystem.write(this.uri(path), content);
    }

    async write(path: string, content: string | Uint8Array): Promise<void> {
        this.writeFile(path, content);
        await this.services.shared.workspace.DocumentBuilder.update([this.uri(path)], []);
    }

    /**
     * Writes the file and queues its update on the workspace lock, as the language server does
     * on an edit: an update queued after it cancels it if it is still running. Resolves when
     * the update has ended, completed or cancelled.
     */
    queueWrite(path: string, content: string | Uint8Array): Promise<void> {
        this.writeFile(path, content);
        const { WorkspaceLock, DocumentBuilder } = this.services.shared.workspace;
        return WorkspaceLock.write(token => DocumentBuilder.update([this.uri(path)], [], token));
    }

    async delete(path: string): Promise<void> {
        this.fileSystem.delete(this.uri(path));
        await this.services.shared.workspace.DocumentBuilder.update([], [this.uri(path)]);
    }
}
