import { URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createTrainSpecServices, type TrainSpecLanguages } from '../../language/src/trainspec-module.js';
import { InMemoryFileSystem } from './in-memory-file-system.js';

const ROOT = 'file:///workspace';

/**
 * A TrainSpec workspace in memory, loaded the way the language server loads a folder
 * (built-in library included), that tests can edit and delete files in.
 */
export class TestWorkspace {
    private constructor(readonly services: TrainSpecLanguages, private readonly fileSystem: InMemoryFileSystem) {}

    static async create(files: Record<string, string>): Promise<TestWorkspace> {
        const fileSystem = new InMemoryFileSystem();
        const services = createTrainSpecServices({ fileSystemProvider: () => fileSystem });
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

    diagnostics(path: string): Diagnostic[] {
        return this.document(path).diagnostics ?? [];
    }

    /** Messages of the diagnostics with the given code, in document order. */
    messages(path: string, code?: string): string[] {
        return this.diagnostics(path).filter(diagnostic => code === undefined || diagnostic.code === code).map(diagnostic => diagnostic.message);
    }

    async write(path: string, text: string): Promise<void> {
        this.fileSystem.write(this.uri(path), text);
        await this.services.shared.workspace.DocumentBuilder.update([this.uri(path)], []);
    }

    async delete(path: string): Promise<void> {
        this.fileSystem.delete(this.uri(path));
        await this.services.shared.workspace.DocumentBuilder.update([], [this.uri(path)]);
    }
}
