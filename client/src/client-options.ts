import * as vscode from 'vscode';
import {
    RevealOutputChannelOn,
    type ErrorHandler, type InitializationFailedHandler, type LanguageClientOptions
} from 'vscode-languageclient';
import { SETTINGS_SECTION } from '../../language/src/protocol/constants.js';
import { serverDocumentSelector } from './document-selector.js';

export interface ClientParts {
    output: vscode.LogOutputChannel;
    traceOutput: vscode.LogOutputChannel;
    fileWatcher: vscode.FileSystemWatcher;
    errorHandler: ErrorHandler;
    initializationFailedHandler: InitializationFailedHandler;
}

export function createClientOptions(parts: ClientParts): LanguageClientOptions {
    return {
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
