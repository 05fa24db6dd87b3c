import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { DeclaredName } from '../../../language/src/references/outside-declarations.js';
import { createTrainSpecServices, type TrainSpecLanguages, type TrainSpecSharedServices } from '../../../language/src/trainspec-module.js';
import type { TrainSpecSettings } from '../../../language/src/workspace/trainspec-settings.js';
import { findingsOf, type Finding } from '../reports/check-report.js';
import { BatchDocumentBuilder } from './batch-document-builder.js';
import { ContentIndexManager } from './content-index-manager.js';

/** A finding without its file: stored findings stay valid when the check runs from another folder. */
export type FileFinding = Omit<Finding, 'file'>;

/** One file to check: where it is, how it is shown, what it says, and the group it belongs to. */
export interface TaskFile {
    path: string;
    displayPath: string;
    text: string;
    group: number;
}

/** Whole groups of files, checked together in one workspace because none can affect another. */
export interface GroupTask {
    files: TaskFile[];
    /** What the rest of the workspace declares, for "did you mean" suggestions; see OutsideDeclarations. */
    outside?: DeclaredName[];
}

/** What checking one file found, and what the batch check needs to know that its grouping was right. */
export interface FileResult {
    findings: FileFinding[];
    /** Every name the file declares, with its type (exactly as the index has it). */
    declarations: DeclaredName[];
    /** The text of each reference that resolved to nothing. */
    unresolved: string[];
    /** Names that resolved to a file of another group: the grouping missed a dependency. */
    crossings: string[];
}

export interface GroupChecker {
    /** Loads the built-in library, so that a thread can do so while the main thread is still reading files. */
    prepare(): Promise<void>;
    check(task: GroupTask): Promise<FileResult[]>;
}

/**
 * Checks groups of files one task after another in one workspace that keeps the built-in
 * library loaded and linked, and lets each task's documents go once their findings are taken.
 */
export class DefaultGroupChecker implements GroupChecker {
    protected readonly languages: TrainSpecLanguages;
    protected readonly builder: BatchDocumentBuilder;
    protected ready?: Promise<void>;

    constructor(settings: Partial<TrainSpecSettings>) {
        const overrides = {
            workspace: {
                IndexManager: (services: TrainSpecSharedServices) => new ContentIndexManager(services),
                DocumentBuilder: (services: TrainSpecSharedServices) => new BatchDocumentBuilder(services)
            }
        };
        this.languages = createTrainSpecServices(NodeFileSystem, overrides);
        Object.assign(this.languages.shared.settings.TrainSpecSettings, settings);
        this.builder = this.languages.shared.workspace.DocumentBuilder as BatchDocumentBuilder;
    }

    prepare(): Promise<void> {
        return this.ready ??= this.loadLibrary();
    }

    async check(task: GroupTask): Promise<FileResult[]> {
        await this.prepare();
        const { LangiumDocumentFactory, LangiumDocuments } = this.languages.shared.workspace;
        this.languages.shared.references.OutsideDeclarations.replace(task.outside ?? []);
        const documents = task.files.map(file => LangiumDocumentFactory.fromString(file.text, URI.file(file.path)));
        documents.forEach(document => LangiumDocuments.addDocument(document));
        try {
            await this.builder.build(documents, { validation: true });
            const groupOf = new Map(documents.map((document, index) => [document.uri.toString(), task.files[index].group]));
            return documents.map((document, index) => this.resultOf(document, task.files[index], groupOf));
        } finally {
            this.builder.release(documents);
        }
    }

    protected async loadLibrary(): Promise<void> {
        const library = this.languages.shared.library.StandardsLibrary.createDocuments();
        library.forEach(document => this.languages.shared.workspace.LangiumDocuments.addDocument(document));
        await this.builder.build(library, { validation: false });
    }

    protected resultOf(document: LangiumDocument, file: TaskFile, groupOf: Map<string, number>): FileResult {
        const findings = findingsOf(document, file.displayPath).map(({ file: _file, ...finding }) => finding);
        const declarations = this.languages.shared.workspace.IndexManager.allElements(undefined, new Set([document.uri.toString()]))
            .map(description => [description.name, description.type] as const).toArray();
        const unresolved = new Set<string>();
        const crossings = new Set<string>();
        for (const reference of document.references) {
            if (reference.error) {
                unresolved.add(reference.$refText);
                continue;
            }
            const target = 'ref' in reference ? reference.$nodeDescription?.documentUri?.toString() : undefined;
            const targetGroup = target === undefined ? undefined : groupOf.get(target);
            if (targetGroup !== undefined && targetGroup !== file.group) {
                crossings.add(reference.$refText);
            }
        }
        return { findings, declarations, unresolved: [...unresolved], crossings: [...crossings] };
    }
}

