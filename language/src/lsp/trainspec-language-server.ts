import { DefaultLanguageServer } from 'langium/lsp';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver';
import { SERVER_NAME } from '../protocol/constants.js';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import { trainSpecVersion } from '../version.js';
import type { ClientSupport } from './client-support.js';

/**
 * Langium's language server, telling the client who it is (`serverInfo`: editors show it, and
 * bug reports quote it) and reading what the client supports before any other service starts.
 */
export class TrainSpecLanguageServer extends DefaultLanguageServer {
    protected readonly clientSupport: ClientSupport;

    constructor(services: TrainSpecSharedServices) {
        super(services);
        this.clientSupport = services.lsp.ClientSupport;
    }

    protected override fireInitializeOnDefaultServices(params: InitializeParams): void {
        this.clientSupport.initialize(params);
        super.fireInitializeOnDefaultServices(params);
    }

    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        return { ...super.buildInitializeResult(params), serverInfo: { name: SERVER_NAME, version: trainSpecVersion } };
    }
}
