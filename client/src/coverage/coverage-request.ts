import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    COVERAGE_MATRIX_REQUEST, type CoverageMatrixParams, type CoverageMatrixResult
} from '../../../language/src/lsp/coverage-matrix.js';

/** Asks the server for the coverage matrices of the programmes in `document`. */
export async function requestCoverage(client: LanguageClient, document: vscode.Uri): Promise<CoverageMatrixResult> {
    const params: CoverageMatrixParams = { uri: client.code2ProtocolConverter.asUri(document) };
    const result = await client.sendRequest<CoverageMatrixResult | null>(COVERAGE_MATRIX_REQUEST, params);
    return { matrices: result?.matrices ?? [] };
}
