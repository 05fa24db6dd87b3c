import type { InitializeParams } from 'vscode-languageserver-protocol';

/**
 * What a client tells the TrainSpec language server when it starts it, beyond the standard
 * capabilities, and how the server reads both. Plain data, shared by the server and the VS Code
 * client (which sends `initializationOptions`).
 */

/**
 * How the built-in library reaches the editor:
 * - `builtin`: as read-only `builtin:` documents, whose text the client fetches with
 *   `workspace/textDocumentContent` (LSP 3.18; vscode-languageclient 10 does);
 * - `files`: as read-only files that the server writes once to its cache folder, which any
 *   editor can open (Neovim, Emacs, Helix …); every location the server returns into the
 *   library is then a `file:` URI.
 */
export type LibraryDelivery = 'builtin' | 'files';

/** The `initializationOptions` the TrainSpec language server reads; every one is optional. */
export interface TrainSpecInitializationOptions {
    /** Overrides how the library is delivered; by default `builtin` if the client can fetch documents, `files` otherwise. */
    library?: LibraryDelivery;
    /**
     * Whether the client shows the coverage view itself (`trainspec.showCoverage`), as the VS
     * Code extension does. Without it, the coverage code lens runs the server's own command,
     * which opens the programme's Markdown coverage report.
     */
    coverageView?: boolean;
}

/** What the server makes of what a client says at `initialize`. */
export interface ClientFeatures {
    library: LibraryDelivery;
    coverageView: boolean;
    /** Whether the client opens documents the server asks it to (`window/showDocument`). */
    showDocument: boolean;
    /** Whether the client asks for code lenses again when the server says they changed (`workspace/codeLens/refresh`). */
    codeLensRefresh: boolean;
}

/** What a client that never said anything (the CLI, tests without an editor) is taken to support: VS Code's features. */
export const DEFAULT_CLIENT_FEATURES: ClientFeatures = { library: 'builtin', coverageView: true, showDocument: false, codeLensRefresh: false };

/** Reads the client's features from its `initialize` parameters; options of the wrong type are ignored, not fatal. */
export function clientFeaturesOf(params: Pick<InitializeParams, 'capabilities' | 'initializationOptions'>): ClientFeatures {
    const given: unknown = params.initializationOptions;
    const options: Partial<Record<keyof TrainSpecInitializationOptions, unknown>> = typeof given === 'object' && given !== null ? given : {};
    const fetchesDocuments = params.capabilities.workspace?.textDocumentContent !== undefined;
    return {
        library: options.library === 'builtin' || options.library === 'files' ? options.library : (fetchesDocuments ? 'builtin' : 'files'),
        coverageView: options.coverageView === true,
        showDocument: params.capabilities.window?.showDocument?.support === true,
        codeLensRefresh: params.capabilities.workspace?.codeLens?.refreshSupport === true
    };
}
