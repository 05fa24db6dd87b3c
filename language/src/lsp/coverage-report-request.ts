import { DocumentState, UriUtils, URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { programmesIn } from '../coverage/coverage-analysis.js';
import type { Programme } from '../generated/ast.js';
import { LanguageIds } from '../protocol/constants.js';
import type { CoverageReportParams, CoverageReportResult } from '../protocol/coverage-report.js';
import { CoverageReportRequest } from '../protocol/lsp-ext.js';
import { renderReport } from '../report/render-report.js';
import type { TrainSpecServices, TrainSpecSharedServices } from '../trainspec-module.js';
import { trainSpecVersion } from '../version.js';

/**
 * Answers `trainspec/coverageReport`: the coverage report that `trainspec report` writes, in the
 * same format and from the same code, of one document's programmes or of the whole workspace,
 * once the workspace has linked everything. The VS Code coverage view exports it.
 */
export function registerCoverageReportRequest(shared: TrainSpecSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) {
        return;
    }
    connection.onRequest(CoverageReportRequest, async (params, token: CancellationToken) => {
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.IndexedReferences, token);
        return coverageReport(shared, params);
    });
}

/** The report the request answers with, from the workspace as it is now. */
export function coverageReport(shared: TrainSpecSharedServices, params: CoverageReportParams): CoverageReportResult {
    // The report builder is an authoring service of each language; the spec language's is the natural one to ask.
    const spec = shared.ServiceRegistry.all.find(services => services.LanguageMetaData.languageId === LanguageIds.spec) as TrainSpecServices;
    const programmes = selectedProgrammes(shared, params);
    const folders = shared.workspace.WorkspaceManager.workspaceFolders ?? [];
    const report = spec.authoring.CoverageReportBuilder.build(programmes, {
        version: trainSpecVersion,
        generated: new Date(),
        // Files as the workspace's explorer shows them: relative to the folder that holds them.
        fileOf: uri => {
            const folder = folders.map(candidate => URI.parse(candidate.uri)).find(candidate => uri.toString().startsWith(`${candidate.toString()}/`));
            return folder ? UriUtils.relative(folder, uri) : uri.toString();
        }
    });
    return { text: renderReport(report, params.format), programmes: programmes.length };
}

function selectedProgrammes(shared: TrainSpecSharedServices, params: CoverageReportParams): Programme[] {
    const documents = shared.workspace.LangiumDocuments;
    let programmes: Programme[];
    if (params.uri !== undefined) {
        const document = documents.getDocument(URI.parse(params.uri));
        programmes = document ? programmesIn(document) : [];
    } else {
        programmes = shared.coverage.CoverageAnalysis.programmes();
    }
    return params.programme === undefined ? programmes : programmes.filter(programme => programme.name === params.programme);
}
