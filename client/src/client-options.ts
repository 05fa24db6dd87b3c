import * as path from 'node:path';
import type * as vscode from 'vscode';
import {
    RevealOutputChannelOn, TransportKind,
    type ErrorHandler, type InitializationFailedHandler, type LanguageClientOptions, type ServerOptions
} from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../language/src/protocol/constants.js';
import type { TrainSpecInitializationOptions } from '../../language/src/protocol/initialization-options.js';
import { SERVER_DOCUMENT_SELECTOR } from './document-selector.js';

/** The bundled server, out/server.cjs beside out/extension.cjs, spoken to over Node IPC. */
export function createServerOptions(context: vscode.ExtensionContext): ServerOptions {
    const module = context.asAbsolutePath(path.join('out', 'server.cjs'));
    return {
        run: { module, transport: TransportKind.ipc },
        // `F5` on the extension: the server waits for a debugger on port 6009.
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
}

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
        documentSelector: SERVER_DOCUMENT_SELECTOR,
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
