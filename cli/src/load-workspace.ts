import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createTrainSpecServices, type TrainSpecLanguages } from '../../language/src/trainspec-module.js';
import { countText } from '../../language/src/report/report-text.js';
import type { TrainSpecSettings } from '../../language/src/workspace/trainspec-settings.js';
import type { Progress } from './progress.js';
import type { SourceFile } from './source-files.js';

export interface LoadedWorkspace {
    services: TrainSpecLanguages;
    /** The user's documents, in the order of the files given. */
    documents: LangiumDocument[];
}

/** What the builder does next once all documents have reached each state. */
const NEXT_STEP: Array<[DocumentState, string]> = [
    [DocumentState.Parsed, 'indexing'],
    [DocumentState.IndexedContent, 'linking references'],
    [DocumentState.IndexedReferences, 'checking coverage']
];

/**
 * Loads the built-in library and the given files into one workspace and builds it, the way
 * the language server does for an open folder.
 */
export async function loadWorkspace(files: SourceFile[], settings: Partial<TrainSpecSettings>, progress: Progress): Promise<LoadedWorkspace> {
    const services = createTrainSpecServices(NodeFileSystem);
    Object.assign(services.shared.settings.TrainSpecSettings, settings);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const total = `${countText(files.length)} file${files.length === 1 ? '' : 's'}`;
    progress.report(`Checking ${total}: parsing…`);
    const documents = files.map(file => LangiumDocumentFactory.fromString(file.text, URI.file(file.path)));
    const all = [...services.shared.library.StandardsLibrary.createDocuments(), ...documents];
    all.forEach(document => LangiumDocuments.addDocument(document));
    const listeners = NEXT_STEP.map(([state, label]) => DocumentBuilder.onBuildPhase(state, () => progress.report(`Checking ${total}: ${label}…`)));
    try {
        await DocumentBuilder.build(all, { validation: true });
    } finally {
        listeners.forEach(listener => listener.dispose());
        progress.done();
    }
    return { services, documents };
}
