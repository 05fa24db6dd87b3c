import { AstUtils, type AstNode, type LangiumDocument, type NameProvider } from 'langium';
import type { Location } from 'vscode-languageserver-types';
import { itemProvenance, itemText, itemTitle, kindLabel, provenanceLabel, provenanceText, shownName, titleOf } from '../catalogue/item-descriptions.js';
import { programmesIn, type CoverageAnalysis, type RequirementOrigin, type RequirementStatus } from '../coverage/coverage-analysis.js';
import type { CoverageLabels } from '../coverage/coverage-labels.js';
import type { Programme } from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import type { CoverageMatrix, GroupOrigin, MatrixRequirement, RequirementGroup } from '../protocol/coverage-matrix.js';

/**
 * Builds the coverage matrices that the coverage view shows, from the workspace's one
 * CoverageAnalysis: each programme's requirements against its modules.
 */
export interface CoverageMatrixBuilder {
    /** The matrices of the programmes written in the document, in the order they are written. */
    matricesOf(document: LangiumDocument): CoverageMatrix[];
    matrixOf(programme: Programme): CoverageMatrix;
}

export class DefaultCoverageMatrixBuilder implements CoverageMatrixBuilder {
    protected readonly coverage: CoverageAnalysis;
    protected readonly labels: CoverageLabels;
    protected readonly names: NameProvider;

    constructor(services: TrainSpecServices) {
        this.coverage = services.shared.coverage.CoverageAnalysis;
        this.labels = services.shared.coverage.CoverageLabels;
        this.names = services.references.NameProvider;
    }

    matricesOf(document: LangiumDocument): CoverageMatrix[] {
        return programmesIn(document).map(programme => this.matrixOf(programme));
    }

    matrixOf(programme: Programme): CoverageMatrix {
        const coverage = this.coverage.ofProgramme(programme);
        const roles = [...new Set(coverage.roles.map(({ role }) => role.name))];
        const pathway = programme.pathway?.ref?.name;
        return {
            // The view keys programmes and modules by name and shows their titles: a half-typed one gets a stand-in for each.
            programme: { name: shownName(programme), title: titleOf(programme) ?? shownName(programme), location: this.locationOrStart(programme) },
            roles,
            ...(pathway !== undefined ? { pathway } : {}),
            modules: coverage.modules.map(module => ({
                name: shownName(module),
                title: titleOf(module) ?? '',
                ...(module.hours !== undefined ? { hours: module.hours } : {}),
                location: this.locationOrStart(module)
            })),
            groups: this.groups(coverage.requirements),
            ...(coverage.syntaxError ? { notChecked: this.labels.syntaxErrorWait(coverage.syntaxError, AstUtils.getDocument(programme).uri) } : {}),
            summary: { covered: coverage.requirements.length - coverage.gaps.length, total: coverage.requirements.length }
        };
    }

    /**
     * One group per role (or chain of roles) or pathway and source section. An item that two
     * of them require is listed under each; the groups of the first role come first.
     */
    protected groups(requirements: RequirementStatus[]): RequirementGroup[] {
        const groups = new Map<string, RequirementGroup & { rank: number }>();
        for (const status of requirements) {
            const source = this.sourceOf(status);
            const requirement = this.requirementOf(status);
            for (const origin of status.origins) {
                const groupOrigin = this.originOf(origin);
                const key = JSON.stringify([groupOrigin, source]);
                let group = groups.get(key);
                if (!group) {
                    const requiredBy = this.labels.origin(origin);
                    group = { requiredBy, origin: groupOrigin, source, requirements: [], rank: origin.kind === 'role' ? origin.roleIndex : Number.MAX_SAFE_INTEGER };
                    groups.set(key, group);
                }
                if (!group.requirements.some(listed => listed.id === requirement.id)) {
                    group.requirements.push(requirement);
                }
            }
        }
        return [...groups.values()].sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...group }) => group);
    }

    protected originOf(origin: RequirementOrigin): GroupOrigin {
        return origin.kind === 'role'
            ? { kind: 'role', id: origin.role.name, via: origin.via.map(role => role.name) }
            : { kind: 'pathway', id: origin.area.name };
    }

    protected requirementOf(status: RequirementStatus): MatrixRequirement {
        const location = this.locationOf(status.item);
        return {
            id: this.names.getName(status.item) ?? '',
            kind: kindLabel(status.item.$type),
            title: itemTitle(status.item),
            text: itemText(status.item),
            source: withoutUndefined(provenanceText(itemProvenance(status.item))),
            ...(location ? { location } : {}),
            coveredBy: status.coveredBy.map(shownName)
        };
    }

    /** The item's source document and section, without a competence's letter: 'Guidelines …, section 3.1'. */
    protected sourceOf(status: RequirementStatus): string {
        return provenanceLabel(provenanceText({ ...itemProvenance(status.item), letter: undefined }));
    }

    protected locationOrStart(node: AstNode): Location {
        return this.locationOf(node) ?? { uri: AstUtils.getDocument(node).uri.toString(), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    }

    /** Where the node's name is declared. */
    protected locationOf(node: AstNode): Location | undefined {
        const range = this.names.getNameNode(node)?.range ?? node.$cstNode?.range;
        return range ? { uri: AstUtils.getDocument(node).uri.toString(), range } : undefined;
    }
}

/** The object without its undefined properties, so that equal data compares and serialises alike. */
function withoutUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
