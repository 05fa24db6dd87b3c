import { DocumentState } from 'langium';
import { createRequestHandler } from 'langium/lsp';
import type { CancellationToken } from 'vscode-languageserver';
import type { TrainSpecServices, TrainSpecSharedServices } from '../trainspec-module.js';
import type { CoverageMatrixResult } from '../protocol/coverage-matrix.js';
import { CoverageMatrixRequest } from '../protocol/lsp-ext.js';

/**
 * Answers `trainspec/coverageMatrix` on the language server's connection: the coverage
 * matrices of the programmes in a document, once the workspace has linked it. A document
 * that holds no programmes (a catalogue, say) has none.
 */
export function registerCoverageMatrixRequest(shared: TrainSpecSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) {
        return;
    }
    const handler = createRequestHandler((services, document) => {
        const builder = (services as TrainSpecServices).authoring.CoverageMatrixBuilder;
        return { matrices: builder.matricesOf(document) } satisfies CoverageMatrixResult;
    }, shared, DocumentState.IndexedReferences);
    connection.onRequest(CoverageMatrixRequest, async (params, token: CancellationToken) =>
        (await handler({ textDocument: { uri: params.uri } }, token)) ?? ({ matrices: [] } satisfies CoverageMatrixResult));
}
