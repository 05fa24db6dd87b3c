import type { InitializeParams } from 'vscode-languageserver';
import { clientFeaturesOf, DEFAULT_CLIENT_FEATURES, type ClientFeatures } from '../protocol/initialization-options.js';

/**
 * What the editor at the other end of the connection can do, as it said at `initialize`: fetch
 * `builtin:` documents or only open files, show the coverage view, open documents on request.
 * Services that answer differently for different editors ask it, instead of each reading the
 * capabilities itself.
 */
export interface ClientSupport {
    readonly features: ClientFeatures;
    /** Reads the client's capabilities and options; the language server calls it before any other service's `initialize`. */
    initialize(params: InitializeParams): void;
}

export class DefaultClientSupport implements ClientSupport {
    protected current: ClientFeatures = DEFAULT_CLIENT_FEATURES;

    get features(): ClientFeatures {
        return this.current;
    }

    initialize(params: InitializeParams): void {
        this.current = clientFeaturesOf(params);
    }
}
