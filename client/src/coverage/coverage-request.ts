import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { CoverageMatrixParams, CoverageMatrixResult } from '../../../language/src/protocol/coverage-matrix.js';
import { CoverageMatrixRequest } from '../../../language/src/protocol/lsp-ext.js';

/** Asks the server for the coverage matrices of the programmes in `document`. */
export async function requestCoverage(client: BaseLanguageClient, document: vscode.Uri): Promise<CoverageMatrixResult> {
    const params: CoverageMatrixParams = { uri: client.code2ProtocolConverter.asUri(document) };
    const result = await client.sendRequest(CoverageMatrixRequest, params) as CoverageMatrixResult | null;
    return { matrices: result?.matrices ?? [] };
}
