import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type NameProvider } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { provenanceLabel, shownName, titleOf } from '../catalogue/item-descriptions.js';
import { skillSetOf, type CoverageAnalysis } from '../coverage/coverage-analysis.js';
import type { CoverageLabels } from '../coverage/coverage-labels.js';
import type { ItemUsage } from '../coverage/item-usage.js';
import {
    isArea, isCoverable, isFramework, isModule, isProgramme, isRequirable, isRole, isSkillSet, isSourceDocument, isUnit,
    type Coverable, type Framework, type Module, type Programme, type Requirable, type Role, type SkillSet, type SourceDocument
} from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import { declarationLink, escapeMarkdown, heading, isCatalogueItem, itemMarkdown, plural } from './item-markdown.js';

/**
 * Hover on a declaration or a reference: a standard's kind, title, verbatim text and source,
 * and who requires and covers it; a summary for roles, modules and programmes. Everything
 * about coverage is read from the coverage model. Inside a programme or a module, a standard's
 * usage is told for the programmes there (exactly what their diagnostics and lenses count);
 * elsewhere, for the whole workspace.
 */
export class ItemHoverProvider extends AstNodeHoverProvider {
    protected readonly nameProvider: NameProvider;
    protected readonly usage: ItemUsage;
    protected readonly coverage: CoverageAnalysis;
    protected readonly labels: CoverageLabels;

    constructor(services: TrainSpecServices) {
        super(services);
        this.nameProvider = services.references.NameProvider;
        this.usage = services.shared.coverage.ItemUsage;
        this.coverage = services.shared.coverage.CoverageAnalysis;
        this.labels = services.shared.coverage.CoverageLabels;
    }

    /** As Langium's, but the hovered declaration is described in the context of the programmes around the reference. */
    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const site = root ? CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp) : undefined;
        if (!site || site.end <= offset) {
            return undefined;
        }
        const programmes = this.programmesAround(site.astNode);
        const contents = this.references.findDeclarations(site).flatMap(node => this.describe(node, programmes)?.join('\n\n') ?? []);
        return contents.length > 0 ? { contents: { kind: 'markdown', value: contents.join(' ') } } : super.getHoverContent(document, params);
    }

    protected getAstNodeHoverContent(node: AstNode): string | undefined {
        return this.describe(node, [])?.join('\n\n');
    }

    /** The programmes whose coverage a reference at this node takes part in: its programme's, or its module's. */
    protected programmesAround(node: AstNode): Programme[] {
        const module = AstUtils.getContainerOfType(node, isModule);
        if (module) {
            return this.coverage.programmesOf(module);
        }
        const programme = AstUtils.getContainerOfType(node, isProgramme);
        return programme ? [programme] : [];
    }

    protected describe(node: AstNode, programmes: Programme[]): string[] | undefined {
        const name = this.nameProvider.getName(node);
        if (isRole(node)) {
            return [...itemMarkdown(node, name), ...this.roleRequirements(node)];
        }
        if (isCoverable(node) && programmes.length > 0) {
            const units = isSkillSet(node) ? programmes.map(programme => this.unitsCoveredIn(programme, node)) : [];
            return [...itemMarkdown(node, name), ...this.itemFacts(node), ...programmes.map(programme => this.usageIn(programme, node)), ...units];
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

    /** Across the workspace: the roles that require the item and the modules that cover it. */
    protected itemUsage(item: Requirable): string[] {
        const roles = this.usage.requiredBy(item).map(requiring => this.labels.roleRequiring(requiring)).sort();
        const paragraphs = [`**Required by:** ${roles.length > 0 ? escapeMarkdown(roles.join(', ')) : 'no role'}`];
        paragraphs.push(...this.itemFacts(item));
        if (isCoverable(item)) {
            const modules = this.usage.coveredBy(item);
            paragraphs.push(`**Covered by:** ${modules.length > 0 ? modules.map(declarationLink).join(', ') : 'no module yet'}`);
        }
        return paragraphs;
    }

    /** What the item is made of or belongs to: an area's units, a skill set's units, a unit's pathways. */
    protected itemFacts(item: Requirable): string[] {
        if (isArea(item)) {
            return [`**Units:** ${item.units.map(ref => ref.$refText).join(', ')}`];
        }
        if (isSkillSet(item)) {
            const units = this.usage.unitsOf(item);
            return units.length > 0 ? [`**Units:** ${units.map(shownName).join(', ')}`] : [];
        }
        if (!isUnit(item)) {
            return [];
        }
        const facts: string[] = [];
        const skillSet = item.skillSet?.ref;
        if (skillSet) {
            const title = skillSet.title ? ` — ${escapeMarkdown(skillSet.title)}` : '';
            facts.push(`**Skill set:** \`${shownName(skillSet)}\`${title}`);
        }
        const areas = this.usage.areasListing(item);
        if (areas.length > 0) {
            facts.push(`**Pathways:** ${escapeMarkdown(areas.map(area => this.labels.area(area)).join(', '))}`);
        }
        return facts;
    }

    /** 'Units covered in Case managers: AssessRiskOfHarm (by Risk)': which units of the set meet its requirement there. */
    protected unitsCoveredIn(programme: Programme, skillSet: SkillSet): string {
        const covered = this.usage.unitsOf(skillSet).flatMap(unit => {
            const modules = this.usage.inProgramme(programme, unit).coveredBy;
            return modules.length > 0 ? [`${shownName(unit)} (by ${modules.map(declarationLink).join(', ')})`] : [];
        });
        const programmeName = escapeMarkdown(titleOf(programme) ?? shownName(programme));
        return `**Units covered in ${programmeName}:** ${covered.length > 0 ? covered.join(', ') : 'none yet'}`;
    }

    /** 'In Court team: required by Probation Officer (through …); covered by Risk': what the programme's diagnostics and lenses count. */
    protected usageIn(programme: Programme, item: Coverable): string {
        const usage = this.usage.inProgramme(programme, item);
        const parts: string[] = [];
        if (usage.requirement) {
            parts.push(`required by ${this.labels.origins(usage.requirement.origins)}`);
        }
        const skillSet = skillSetOf(item);
        if (usage.skillSetRequirement && skillSet) {
            parts.push(`${this.labels.originsRequire(usage.skillSetRequirement.origins)} a unit of ${this.labels.skillSet(skillSet)}, which it meets`);
        }
        if (parts.length === 0) {
            parts.push('not required');
        }
        const covered = usage.coveredBy.length > 0 ? `covered by ${usage.coveredBy.map(declarationLink).join(', ')}`
            : usage.requirement ? 'no module covers it yet' : 'not covered';
        return `**In ${escapeMarkdown(titleOf(programme) ?? shownName(programme))}:** ${escapeMarkdown(parts.join('; '))}; ${covered}`;
    }

    protected roleRequirements(role: Role): string[] {
        const resolved = this.usage.requirementsOf(role);
        const paragraphs = role.extends.length > 0 ? [`**Extends:** ${role.extends.map(ref => ref.$refText).join(', ')}`] : [];
        const through = resolved.pathwayRequiredBy && resolved.pathwayRequiredBy !== role ? ` (through ${this.labels.role(resolved.pathwayRequiredBy)})` : '';
        const pathway = resolved.pathwayRequiredBy ? `, plus the units of a specialist pathway${escapeMarkdown(through)}` : '';
        paragraphs.push(`**Requires:** ${plural(resolved.requirements.length, 'standard')}${pathway}`);
        return paragraphs;
    }

    protected moduleSummary(module: Module, name: string | undefined): string[] {
        // Recovery may build an assessment without its method, whatever the generated type says.
        const assessments = module.assessments.flatMap(assessment => (assessment.method ? [escapeMarkdown(assessment.method)] : []));
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

    protected programmeSummary(programme: Programme, name: string | undefined): string[] {
        const coverage = this.coverage.ofProgramme(programme);
        const facts = [`**Prepares:** ${programme.roles.length > 0 ? programme.roles.map(ref => ref.$refText).join(', ') : 'no role'}`];
        if (programme.pathway) {
            facts.push(`**Pathway:** ${programme.pathway.$refText}`);
        } else if (coverage.pathwayMissingFor) {
            facts.push(`**Pathway:** none, but ${escapeMarkdown(this.labels.role(coverage.pathwayMissingFor))} needs one`);
        }
        if (programme.route) {
            facts.push(`**Route:** ${programme.route.$refText}`);
        }
        const paragraphs = [heading(programme, name, programme.title), facts.join(' · ')];
        const requirements = coverage.requirements;
        const gaps = coverage.gaps.length > 0 ? `, ${plural(coverage.gaps.length, 'gap')}` : '';
        paragraphs.push(coverage.syntaxError
            ? `**Coverage:** ${escapeMarkdown(this.labels.syntaxErrorWait(coverage.syntaxError, AstUtils.getDocument(programme).uri))}.`
            : `**Coverage:** ${requirements.length - coverage.gaps.length} of ${plural(requirements.length, 'requirement')} covered${gaps}`);
        if (!coverage.syntaxError && coverage.tallies.length > 1) {
            paragraphs.push(coverage.tallies.map(tally => `- ${escapeMarkdown(this.labels.tally(tally))}`).join('\n'));
        }
        paragraphs.push(`**Modules:** ${coverage.modules.length}`);
        return paragraphs;
    }

    protected documentSummary(node: Framework | SourceDocument, name: string | undefined): string[] {
        const paragraphs = [heading(node, name, node.title)];
        const source = isFramework(node) ? provenanceLabel({ document: node.source?.ref?.title, section: node.section }) : '';
        if (source) {
            paragraphs.push(`**Source:** ${escapeMarkdown(source)}`);
        }
        return paragraphs;
    }
}
