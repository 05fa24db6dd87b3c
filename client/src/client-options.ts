import * as vscode from 'vscode';
import {
    RevealOutputChannelOn,
    type ErrorHandler, type InitializationFailedHandler, type LanguageClientOptions
} from 'vscode-languageclient';
import { SETTINGS_SECTION } from '../../language/src/protocol/constants.js';
import type { TrainSpecInitializationOptions } from '../../language/src/protocol/initialization-options.js';
import { serverDocumentSelector } from './document-selector.js';

export interface ClientParts {
    output: vscode.LogOutputChannel;
    traceOutput: vscode.LogOutputChannel;
    fileWatcher: vscode.FileSystemWatcher;
    errorHandler: ErrorHandler;
    initializationFailedHandler: InitializationFailedHandler;
}

/**
 * What the extension tells the server it does, beyond the standard capabilities: it opens the
 * built-in library's `builtin:` documents (vscode-languageclient fetches them with
 * workspace/textDocumentContent, see open-location.ts), and the coverage code lens opens its
 * coverage view (trainspec.showCoverage) rather than the server's Markdown report.
 */
export const INITIALIZATION_OPTIONS: TrainSpecInitializationOptions = { library: 'builtin', coverageView: true };

export function createClientOptions(parts: ClientParts): LanguageClientOptions {
    return {
        initializationOptions: INITIALIZATION_OPTIONS,
        documentSelector: serverDocumentSelector((vscode.workspace.workspaceFolders ?? []).map(folder => folder.uri.scheme)),
        synchronize: {
            // The server reads `trainspec.*` (e.g. trainspec.coverage.severity) and hears when it changes.
            configurationSection: SETTINGS_SECTION,
            // Specs and catalogues that change on disk, open or not (git checkout, other editors).
            fileEvents: parts.fileWatcher
        },
        outputChannel: parts.output,
        traceOutputChannel: parts.traceOutput,
        // Problems are reported through the status items and our own notifications.
        revealOutputChannelOn: RevealOutputChannelOn.Never,
        errorHandler: parts.errorHandler,
        initializationFailedHandler: parts.initializationFailedHandler,
        progressOnInitialization: true
    };
}
