import { AstUtils, type LangiumDocuments, type URI } from 'langium';
import type { CoverageAnalysis } from '../coverage/coverage-analysis.js';
import type { CoverageLabels } from '../coverage/coverage-labels.js';
import { isCatalogue, isSourceDocument, type Programme, type SourceDocument } from '../generated/ast.js';
import type { StandardsLibrary } from '../library/standards-library.js';
import type { CoverageMatrixBuilder } from '../lsp/coverage-matrix-builder.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import { REPORT_KIND, REPORT_VERSION, type CoverageReport, type NamedItem, type ReportProgramme, type ReportSource } from './coverage-report.js';

export interface ReportOptions {
    /** TrainSpec's version, named in the report. */
    version: string;
    /** When the report is made. */
    generated: Date;
    /** How a programme's file is named in the report; its URI unless told. */
    fileOf?: (uri: URI) => string;
}

/**
 * Builds the coverage report of programmes from the coverage matrices the editor's coverage
 * view shows (and so from the one CoverageAnalysis), adding what a printed report needs:
 * titles of roles and pathway, the route, hours and the source documents.
 */
export interface CoverageReportBuilder {
    build(programmes: Programme[], options: ReportOptions): CoverageReport;
}

export class DefaultCoverageReportBuilder implements CoverageReportBuilder {
    protected readonly matrices: CoverageMatrixBuilder;
    protected readonly coverage: CoverageAnalysis;
    protected readonly labels: CoverageLabels;
    protected readonly library: StandardsLibrary;
    protected readonly documents: LangiumDocuments;

    constructor(services: TrainSpecServices) {
        this.matrices = services.authoring.CoverageMatrixBuilder;
        this.coverage = services.shared.coverage.CoverageAnalysis;
        this.labels = services.shared.coverage.CoverageLabels;
        this.library = services.shared.library.StandardsLibrary;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    build(programmes: Programme[], options: ReportOptions): CoverageReport {
        const reported = programmes.map(programme => this.programmeOf(programme, options));
        return {
            kind: REPORT_KIND,
            version: REPORT_VERSION,
            generator: { name: 'TrainSpec', version: options.version },
            generated: options.generated.toISOString(),
            sources: this.sources(reported),
            programmes: reported
        };
    }

    protected programmeOf(programme: Programme, options: ReportOptions): ReportProgramme {
        const matrix = this.matrices.matrixOf(programme);
        const coverage = this.coverage.ofProgramme(programme);
        const hoursOf = new Map(matrix.modules.map(module => [module.name, module.hours ?? 0]));
        const pathway = programme.pathway?.ref;
        const route = programme.route?.ref;
        const uri = AstUtils.getDocument(programme).uri;
        return {
            id: programme.name,
            title: programme.title,
            file: options.fileOf ? options.fileOf(uri) : uri.toString(),
            roles: coverage.roles.map(({ role }) => ({ id: role.name, title: this.labels.role(role) })),
            ...(pathway ? { pathway: { id: pathway.name, title: pathway.title || pathway.name } } : {}),
            ...(route ? { route: { id: route.name, title: route.title || route.name } } : {}),
            ...(coverage.pathwayMissingFor ? { pathwayMissingFor: named(coverage.pathwayMissingFor.name, this.labels.role(coverage.pathwayMissingFor)) } : {}),
            totalHours: matrix.modules.reduce((sum, module) => sum + (module.hours ?? 0), 0),
            modules: matrix.modules.map(module => ({ id: module.name, title: module.title, ...(module.hours !== undefined ? { hours: module.hours } : {}) })),
            summary: { covered: matrix.summary.covered, total: matrix.summary.total, gaps: matrix.summary.total - matrix.summary.covered },
            tallies: coverage.tallies.map(tally => ({
                kind: tally.subject.kind,
                id: tally.subject.kind === 'role' ? tally.subject.role.name : tally.subject.area.name,
                label: this.labels.tally(tally),
                covered: tally.covered,
                total: tally.total
            })),
            groups: matrix.groups.map(group => ({
                requiredBy: group.requiredBy,
                origin: group.origin,
                source: group.source,
                requirements: group.requirements.map(requirement => ({
                    id: requirement.id,
                    kind: requirement.kind,
                    title: requirement.title,
                    text: requirement.text,
                    source: requirement.source,
                    coveredBy: requirement.coveredBy,
                    hours: requirement.coveredBy.reduce((sum, name) => sum + (hoursOf.get(name) ?? 0), 0)
                }))
            }))
        };
    }

    /** The built-in library's source documents, then any other that the reported requirements quote. */
    protected sources(programmes: ReportProgramme[]): ReportSource[] {
        const quoted = new Set(programmes.flatMap(programme => programme.groups.flatMap(group => group.requirements.map(requirement => requirement.source.document))));
        const sources: ReportSource[] = [];
        for (const document of this.documents.all) {
            const root = document.parseResult.value;
            const builtin = this.library.isBuiltin(document.uri);
            const declared = isCatalogue(root) ? root.elements.filter(isSourceDocument) : [];
            for (const source of declared.filter(each => builtin || quoted.has(each.title))) {
                sources.push(sourceOf(source, builtin));
            }
        }
        // The built-in library first, as it loads first in every workspace.
        return sources.sort((a, b) => Number(b.builtin) - Number(a.builtin));
    }
}

function sourceOf(source: SourceDocument, builtin: boolean): ReportSource {
    return { id: source.name, title: source.title, ...(source.published !== undefined ? { published: source.published } : {}), builtin };
}

function named(id: string, title: string): NamedItem {
    return { id, title };
}
