import type { DeepPartial, Module } from 'langium';
import { startLanguageServer, type DefaultSharedModuleContext } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { startAuthoringFeatures } from '../lsp/authoring-lsp-module.js';
import { createTrainSpecServices, type TrainSpecLanguages, type TrainSpecSharedServices } from '../trainspec-module.js';

/**
 * Starts the TrainSpec language server on a connection, whatever carries it (stdio or IPC in
 * Node, messages in a browser worker): `context` gives the file system, and `overrides` what
 * only some hosts have (in Node, the cache folder for editors that open the library as files).
 */
export function startTrainSpecServer(
    connection: Connection,
    context: Omit<DefaultSharedModuleContext, 'connection'>,
    overrides?: Module<TrainSpecSharedServices, DeepPartial<TrainSpecSharedServices>>
): TrainSpecLanguages {
    const languages = createTrainSpecServices({ ...context, connection }, overrides);
    startLanguageServer(languages.shared);
    // The coverage matrix request, and the `trainspec` settings (coverage severity).
    startAuthoringFeatures(languages.shared);
    return languages;
}
