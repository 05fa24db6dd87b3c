import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';

/**
 * Where the language server runs and how the client reaches it: a Node process on the desktop
 * (node-server-host.ts), a web worker in the browser (browser-server-host.ts). Everything else
 * of the extension is the same in both.
 */
export interface ServerHost {
    /** Where the server runs, for the TrainSpec output. */
    readonly description: string;
    /** A fresh client, with its server not yet started. */
    createClient(options: LanguageClientOptions): BaseLanguageClient;
}
