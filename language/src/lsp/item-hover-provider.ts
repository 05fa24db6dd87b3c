import type { AstNode, NameProvider } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import { provenanceLabel } from '../catalogue/item-descriptions.js';
import type { CoverageAnalysis, RequirementStatus } from '../coverage/coverage-analysis.js';
import {
    isArea, isCoverable, isFramework, isModule, isProgramme, isRequirable, isRole, isSourceDocument, isUnit,
    type Framework, type Module, type Programme, type Requirable, type Role, type SourceDocument
} from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import type { ItemUsageIndex } from './item-usage-index.js';
import { declarationLink, escapeMarkdown, heading, isCatalogueItem, itemMarkdown, plural } from './item-markdown.js';

/**
 * Hover on a declaration or a reference: a standard's kind, title, verbatim text and source,
 * which roles require it and which modules cover it; a summary for roles, modules and programmes.
 */
export class ItemHoverProvider extends AstNodeHoverProvider {
    protected readonly nameProvider: NameProvider;
    protected readonly usage: ItemUsageIndex;
    protected readonly coverage: CoverageAnalysis;

    constructor(services: TrainSpecServices) {
        super(services);
        this.nameProvider = services.references.NameProvider;
        this.usage = services.editing.ItemUsageIndex;
        this.coverage = services.shared.coverage.CoverageAnalysis;
    }

    protected getAstNodeHoverContent(node: AstNode): string | undefined {
        return this.describe(node)?.join('\n\n');
    }

    protected describe(node: AstNode): string[] | undefined {
        const name = this.nameProvider.getName(node) ?? '';
        if (isRole(node)) {
            return [...itemMarkdown(node, name), ...this.roleRequirements(node)];
        }
        if (isRequirable(node)) {
            return [...itemMarkdown(node, name), ...this.itemUsage(node)];
        }
        if (isCatalogueItem(node)) {
            return itemMarkdown(node, name);
        }
        if (isModule(node)) {
            return this.moduleSummary(node, name);
        }
        if (isProgramme(node)) {
            return this.programmeSummary(node, name);
        }
        if (isFramework(node) || isSourceDocument(node)) {
            return this.documentSummary(node, name);
        }
        return undefined;
    }

    protected itemUsage(item: Requirable): string[] {
        const roles = this.usage.requiredBy(item).map(role => role.name).sort();
        const paragraphs = [`**Required by:** ${roles.length > 0 ? roles.join(', ') : 'no role'}`];
        if (isArea(item)) {
            paragraphs.push(`**Units:** ${item.units.map(ref => ref.$refText).join(', ')}`);
        }
        const areas = isUnit(item) ? this.usage.areasListing(item) : [];
        if (areas.length > 0) {
            paragraphs.push(`**Pathways:** ${areas.map(area => area.name).join(', ')}`);
        }
        if (isCoverable(item)) {
            const modules = this.usage.coveredBy(item);
            paragraphs.push(`**Covered by:** ${modules.length > 0 ? modules.map(declarationLink).join(', ') : 'no module yet'}`);
        }
        return paragraphs;
    }

    protected roleRequirements(role: Role): string[] {
        const resolved = this.usage.requirementsOf(role);
        const paragraphs = role.extends.length > 0 ? [`**Extends:** ${role.extends.map(ref => ref.$refText).join(', ')}`] : [];
        const through = resolved.pathwayRequiredBy && resolved.pathwayRequiredBy !== role ? ` (through ${resolved.pathwayRequiredBy.name})` : '';
        const pathway = resolved.pathwayRequiredBy ? `, plus the units of a specialist pathway${through}` : '';
        paragraphs.push(`**Requires:** ${plural(resolved.requirements.length, 'standard')}${pathway}`);
        return paragraphs;
    }

    protected moduleSummary(module: Module, name: string): string[] {
        const assessments = module.assessments.map(assessment => escapeMarkdown(assessment.method));
        const facts = [
            `**Hours:** ${module.hours ?? 'not given'}`,
            `**Assessed by:** ${assessments.length > 0 ? assessments.join(', ') : 'not given'}`,
            `**Covers:** ${plural(module.covers.length, 'standard')}`
        ];
        const programmes = this.coverage.programmesOf(module);
        return [
            heading(module, name, module.title),
            facts.join(' · '),
            `**Programmes:** ${programmes.length > 0 ? programmes.map(declarationLink).join(', ') : 'none; no programme contains or includes it'}`
        ];
    }

    protected programmeSummary(programme: Programme, name: string): string[] {
        const coverage = this.coverage.ofProgramme(programme);
        const facts = [`**Prepares:** ${programme.roles.length > 0 ? programme.roles.map(ref => ref.$refText).join(', ') : 'no role'}`];
        if (programme.pathway) {
            facts.push(`**Pathway:** ${programme.pathway.$refText}`);
        } else if (coverage.pathwayMissingFor) {
            facts.push(`**Pathway:** none, but ${coverage.pathwayMissingFor.name} needs one`);
        }
        if (programme.route) {
            facts.push(`**Route:** ${programme.route.$refText}`);
        }
        const paragraphs = [heading(programme, name, programme.title), facts.join(' · ')];
        const requirements = coverage.requirements;
        const gaps = coverage.gaps.length > 0 ? `, ${plural(coverage.gaps.length, 'gap')}` : '';
        paragraphs.push(`**Coverage:** ${requirements.length - coverage.gaps.length} of ${plural(requirements.length, 'requirement')} covered${gaps}`);
        const breakdown = coverage.roles.map(({ role }) => tally(role.name, requirements.filter(status => status.origins.some(origin => origin.kind === 'role' && origin.role === role))));
        if (programme.pathway?.ref) {
            breakdown.push(tally(`${programme.pathway.ref.name} pathway`, requirements.filter(status => status.origins.some(origin => origin.kind === 'pathway'))));
        }
        if (breakdown.length > 1) {
            paragraphs.push(breakdown.join('\n'));
        }
        paragraphs.push(`**Modules:** ${coverage.modules.length}`);
        return paragraphs;
    }

    protected documentSummary(node: Framework | SourceDocument, name: string): string[] {
        const paragraphs = [heading(node, name, node.title)];
        const source = isFramework(node) ? provenanceLabel({ document: node.source?.ref?.title, section: node.section }) : '';
        if (source) {
            paragraphs.push(`**Source:** ${escapeMarkdown(source)}`);
        }
        return paragraphs;
    }
}

/** '- PO: 30 of 35 covered'. */
function tally(label: string, statuses: RequirementStatus[]): string {
    return `- ${label}: ${statuses.filter(status => status.coveredBy.length > 0).length} of ${statuses.length} covered`;
}
