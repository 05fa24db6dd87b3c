import type { LangiumDocument, NameProvider } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { shownName } from '../catalogue/item-descriptions.js';
import { programmesIn, type CoverageAnalysis } from '../coverage/coverage-analysis.js';
import type { CoverageLabels } from '../coverage/coverage-labels.js';
import type { Programme } from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import { Commands, ServerCommands } from '../protocol/constants.js';
import type { ClientSupport } from './client-support.js';

/**
 * Above each programme, how much of each target role and of the pathway its modules cover,
 * such as `Probation Officer: 12 of 14 requirements covered` (the model's tallies), or, while a
 * syntax error stands in the way, when it will be checked; clicking one opens the coverage view
 * (in VS Code), or, in editors without it, the programme's Markdown coverage report (a command of
 * the server's own).
 */
export class CoverageCodeLensProvider implements CodeLensProvider {
    protected readonly coverage: CoverageAnalysis;
    protected readonly labels: CoverageLabels;
    protected readonly names: NameProvider;
    protected readonly clientSupport: ClientSupport;

    constructor(services: TrainSpecServices) {
        this.clientSupport = services.shared.lsp.ClientSupport;
        this.coverage = services.shared.coverage.CoverageAnalysis;
        this.labels = services.shared.coverage.CoverageLabels;
        this.names = services.references.NameProvider;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        return programmesIn(document).flatMap(programme => this.lensesOf(document, programme));
    }

    protected lensesOf(document: LangiumDocument, programme: Programme): CodeLens[] {
        const range = this.names.getNameNode(programme)?.range ?? programme.$cstNode?.range;
        if (!range) {
            return [];
        }
        const coverage = this.coverage.ofProgramme(programme);
        const titles = coverage.syntaxError ? [this.labels.syntaxErrorWait(coverage.syntaxError, document.uri)] : coverage.tallies.map(tally => this.labels.tally(tally));
        const command = this.clientSupport.features.coverageView ? Commands.showCoverage : ServerCommands.openCoverageReport;
        return titles.map(title => ({
            range,
            // The coverage view knows a programme without a name yet by the same stand-in (see CoverageMatrixBuilder).
            command: { title, command, arguments: [document.uri.toString(), shownName(programme)] }
        }));
    }
}
