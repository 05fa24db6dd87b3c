import type { Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { TrainSpecServices, TrainSpecSharedServices } from '../trainspec-module.js';
import { CoverageCodeLensProvider } from './coverage-code-lens-provider.js';
import { DefaultCoverageMatrixBuilder, type CoverageMatrixBuilder } from './coverage-matrix-builder.js';
import { registerCoverageMatrixRequest } from './coverage-matrix-request.js';
import { registerCoverageReportRequest } from './coverage-report-request.js';
import { DefaultCoverageReportBuilder, type CoverageReportBuilder } from '../report/coverage-report-builder.js';
import { registerServerStatusNotification } from './server-status-notification.js';
import { registerCodeLensRefresh } from './code-lens-refresh.js';
import { DefaultStandardsTreeBuilder, type StandardsTreeBuilder } from './standards-tree-builder.js';
import { registerStandardsTreeRequests } from './standards-tree-request.js';
import { TrainSpecCodeActionProvider } from './trainspec-code-action-provider.js';
import { TrainSpecFormatter } from './trainspec-formatter.js';

/** The authoring services each language adds to Langium's. */
export interface AuthoringAddedServices {
    authoring: {
        CoverageMatrixBuilder: CoverageMatrixBuilder;
        StandardsTreeBuilder: StandardsTreeBuilder;
        CoverageReportBuilder: CoverageReportBuilder;
    };
}

/** Changing specs: formatting, quick fixes, code lenses and the coverage matrix. */
export const AuthoringLspModule: Module<TrainSpecServices, PartialLangiumServices & AuthoringAddedServices> = {
    lsp: {
        Formatter: () => new TrainSpecFormatter(),
        CodeActionProvider: services => new TrainSpecCodeActionProvider(services),
        CodeLensProvider: services => new CoverageCodeLensProvider(services)
    },
    authoring: {
        CoverageMatrixBuilder: services => new DefaultCoverageMatrixBuilder(services),
        StandardsTreeBuilder: services => new DefaultStandardsTreeBuilder(services),
        CoverageReportBuilder: services => new DefaultCoverageReportBuilder(services)
    }
};

/**
 * Starts what the language server offers beyond Langium's own handlers: the coverage
 * matrix and standards browser requests, the `trainspec/status` notification, code lens refreshes and following the editor's
 * `trainspec` settings. Call it after `startLanguageServer`.
 */
export function startAuthoringFeatures(shared: TrainSpecSharedServices): void {
    registerCoverageMatrixRequest(shared);
    registerStandardsTreeRequests(shared);
    registerCoverageReportRequest(shared);
    registerServerStatusNotification(shared);
    registerCodeLensRefresh(shared);
    // Record the dependency edges as the workspace is first built, not on the first edit.
    shared.workspace.DependencyGraph.track();
    shared.settings.SettingsConfiguration.listen();
}
