import type { LangiumDocument, NameProvider } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { programmesIn, type CoverageAnalysis, type RequirementStatus } from '../coverage/coverage-analysis.js';
import type { Programme } from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import { Commands } from '../protocol/constants.js';

/**
 * Above each programme, how much of each target role and of the pathway its modules cover,
 * such as `PO: 12 of 14 requirements covered`; clicking one opens the coverage view.
 */
export class CoverageCodeLensProvider implements CodeLensProvider {
    protected readonly coverage: CoverageAnalysis;
    protected readonly names: NameProvider;

    constructor(services: TrainSpecServices) {
        this.coverage = services.shared.coverage.CoverageAnalysis;
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
        const { requirements, roles } = this.coverage.ofProgramme(programme);
        const lens = (title: string): CodeLens => ({
            range,
            command: { title, command: Commands.showCoverage, arguments: [document.uri.toString(), programme.name] }
        });
        const lenses = [...new Set(roles.map(({ role }) => role))].map(role => {
            const { covered, total } = count(requirements.filter(status => status.origins.some(origin => origin.kind === 'role' && origin.role === role)));
            return lens(`${role.name}: ${covered} of ${total} ${total === 1 ? 'requirement' : 'requirements'} covered`);
        });
        const area = programme.pathway?.ref;
        if (area) {
            const { covered, total } = count(requirements.filter(status => status.origins.some(origin => origin.kind === 'pathway')));
            lenses.push(lens(`${area.name} pathway: ${covered} of ${total} ${total === 1 ? 'unit' : 'units'} covered`));
        }
        return lenses;
    }
}

function count(statuses: RequirementStatus[]): { covered: number; total: number } {
    return { covered: statuses.filter(status => status.coveredBy.length > 0).length, total: statuses.length };
}
