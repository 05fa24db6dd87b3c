import { DocumentState, URI } from 'langium';
import { CancellationToken, ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import { fingerprint } from '../text/fingerprint.js';
import type { CacheFolder } from '../workspace/cache-folder.js';
import type { ClientSupport } from './client-support.js';
import { coverageReport } from './coverage-report-request.js';

/**
 * Opens a programme's coverage report in editors without the coverage view: the Markdown report
 * that `trainspec report --format markdown` writes, from the same code, written to the cache
 * folder and opened with `window/showDocument`.
 *
 * A real file rather than an untitled document: `window/showDocument` carries only a URI, not a
 * text, so an untitled document would open empty; a file opens in every editor, can be kept or
 * shared, and is simply written again, up to date, at the next click.
 */
export interface CoverageReportOpener {
    /** Writes the report of the programme `programme` of the document `documentUri` and asks the editor to show it; resolves with the report's `file:` URI. */
    open(documentUri: string, programme: string, token?: CancellationToken): Promise<string>;
}

export class DefaultCoverageReportOpener implements CoverageReportOpener {
    protected readonly shared: TrainSpecSharedServices;
    protected readonly cacheFolder: () => CacheFolder | undefined;
    protected readonly clientSupport: ClientSupport;
    protected readonly connection: Connection | undefined;

    constructor(services: TrainSpecSharedServices) {
        this.shared = services;
        this.cacheFolder = () => services.workspace.CacheFolder;
        this.clientSupport = services.lsp.ClientSupport;
        this.connection = services.lsp.Connection;
    }

    async open(documentUri: string, programme: string, token = CancellationToken.None): Promise<string> {
        const cacheFolder = this.cacheFolder();
        if (!cacheFolder) {
            throw new ResponseError(ErrorCodes.InvalidRequest, 'This editor cannot open coverage reports: the language server has no folder to write them to. Run `trainspec report --format markdown` instead.');
        }
        await this.shared.workspace.DocumentBuilder.waitUntil(DocumentState.IndexedReferences, token);
        const { text, programmes } = coverageReport(this.shared, { format: 'markdown', uri: documentUri, programme });
        if (programmes === 0) {
            throw new ResponseError(ErrorCodes.InvalidParams, `There is no programme named "${programme}" in ${URI.parse(documentUri).path} (any more): save the spec and try again.`);
        }
        const name = `${fileNameOf(programme)}-coverage.md`;
        // One folder per spec, so that programmes of the same name in two specs do not overwrite each other's report.
        const files = await cacheFolder.write(['reports', fingerprint(URI.parse(documentUri).toString())], new Map([[name, text]]));
        const uri = files.get(name)!.toString();
        if (this.clientSupport.features.showDocument && this.connection) {
            await this.connection.window.showDocument({ uri, takeFocus: true });
        } else {
            this.connection?.window.showInformationMessage(`The coverage report of ${programme} is in ${URI.parse(uri).fsPath}.`);
        }
        return uri;
    }
}

/** A programme's name as part of a file name: letters, digits, `-` and `_` only, and not too long. */
function fileNameOf(programme: string): string {
    const name = programme.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
    return name.length > 0 ? name : 'programme';
}
