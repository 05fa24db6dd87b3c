import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { Range } from 'vscode-languageserver';
import { itemText, itemTitle, nameOf, sentenceSubject } from '../catalogue/item-descriptions.js';
import { originId, type RequirementOrigin, type RequirementStatus } from '../coverage/coverage-analysis.js';
import type { CoverageLabels } from '../coverage/coverage-labels.js';
import { isCompetence, isSkillSet, isSpec, type Module, type Programme, type TrainSpecAstType, type Unit } from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import { severityOf } from '../workspace/trainspec-settings.js';
import { DiagnosticCode } from './diagnostic-codes.js';

/** How many units of a skill set a message names before it says how many more there are; the data lists them all. */
const UNITS_NAMED = 6;

/**
 * Checks that depend on the whole workspace, read from the coverage model: what each
 * programme covers, who owns each module, and `covers` of a skill set, which meets nothing.
 */
export class CoverageValidator {
    readonly checks: ValidationChecks<TrainSpecAstType> = {
        Programme: [this.checkCoverage, this.checkPathway],
        Module: [this.checkModuleBelongsToProgramme, this.checkSkillSetCovers]
    };

    protected readonly labels: CoverageLabels;

    constructor(protected readonly services: TrainSpecServices) {
        this.labels = services.shared.coverage.CoverageLabels;
    }

    checkCoverage(programme: Programme, accept: ValidationAcceptor): void {
        // Turned off, the gaps are not even worked out; otherwise the document validator gives them their severity.
        if (severityOf(this.services.shared.settings.TrainSpecSettings, AstUtils.getDocument(programme).uri, DiagnosticCode.UncoveredRequirement) === 'off') {
            return;
        }
        const coverage = this.services.shared.coverage.CoverageAnalysis.ofProgramme(programme);
        if (coverage.syntaxError) {
            // Gaps found in a tree that recovery patched up would not be real; one notice says why there are none.
            accept('info', `${this.labels.syntaxErrorWait(coverage.syntaxError, AstUtils.getDocument(programme).uri)}.`, {
                node: programme,
                property: 'name',
                code: DiagnosticCode.CoverageAwaitsSyntaxFix,
                data: { code: DiagnosticCode.CoverageAwaitsSyntaxFix, uri: coverage.syntaxError.uri.toString(), line: coverage.syntaxError.line }
            });
            return;
        }
        const names = this.services.references.NameProvider;
        for (const gap of coverage.gaps) {
            const origin = gap.origins[0];
            const item = names.getName(gap.item);
            const units = isSkillSet(gap.item) ? this.services.shared.coverage.ItemUsage.unitsOf(gap.item) : [];
            accept('warning', this.gapMessage(gap), {
                node: programme,
                ...gapLocation(programme, origin),
                code: DiagnosticCode.UncoveredRequirement,
                data: {
                    code: DiagnosticCode.UncoveredRequirement,
                    item: item ?? '',
                    requiredBy: [...new Set(gap.origins.map(originId))],
                    ...(units.length > 0 ? { units: unitNames(units) } : {})
                }
            });
        }
    }

    checkPathway(programme: Programme, accept: ValidationAcceptor): void {
        const role = this.services.shared.coverage.CoverageAnalysis.ofProgramme(programme).pathwayMissingFor;
        if (role) {
            accept('warning', `${sentenceSubject(programme)} names no specialist pathway, which ${this.labels.role(role)} requires. Add a line such as 'pathway CourtWork'.`,
                { node: programme, property: 'name', code: DiagnosticCode.MissingPathway, data: { code: DiagnosticCode.MissingPathway, role: role.name } });
        }
    }

    checkModuleBelongsToProgramme(module: Module, accept: ValidationAcceptor): void {
        if (isSpec(module.$container) && this.services.shared.coverage.CoverageAnalysis.programmesOf(module).length === 0) {
            const name = nameOf(module);
            // A programme includes a module by its name: until it has one, that is the first thing to do.
            const advice = name === undefined ? 'Give it a name, then add it to one with a line such as \'includes ModuleName\'.' : `Add it to one with a line such as 'includes ${name}'.`;
            accept('warning', `${sentenceSubject(module)} belongs to no programme. ${advice}`, { node: module, property: 'name', code: DiagnosticCode.OrphanModule, data: { code: DiagnosticCode.OrphanModule, module: module.name } });
        }
    }

    /** The skill-set rule: only a unit of a skill set meets a requirement on the set, so listing the set itself counts for nothing. */
    checkSkillSetCovers(module: Module, accept: ValidationAcceptor): void {
        module.covers.forEach((ref, index) => {
            const skillSet = ref.ref;
            if (!isSkillSet(skillSet)) {
                return;
            }
            const units = this.services.shared.coverage.ItemUsage.unitsOf(skillSet);
            const instead = units.length > 0 ? ` Cover one of its units instead: ${this.labels.titles(units, UNITS_NAMED)}.` : '';
            accept('info', `Covering ${this.labels.skillSet(skillSet)} itself meets no requirement: a requirement on a skill set is met only by a unit of the set.${instead}`, {
                node: module,
                property: 'covers',
                index,
                code: DiagnosticCode.SkillSetCovered,
                data: { code: DiagnosticCode.SkillSetCovered, skillSet: skillSet.name, units: unitNames(units) }
            });
        });
    }

    protected gapMessage(gap: RequirementStatus): string {
        const requiredBy = this.labels.originsRequire(gap.origins);
        const text = itemText(gap.item);
        if (!isSkillSet(gap.item)) {
            // The standard is named by its words; where its text says more than its title, the text is quoted too.
            const title = isCompetence(gap.item) ? '' : itemTitle(gap.item);
            const more = title && text && text !== title ? `: "${text}"` : '';
            return `No module covers ${this.labels.standard(gap.item)}, which ${requiredBy}${more}.`;
        }
        // An item whose words are still being typed is named without them.
        const words = text ? `: "${text}"` : '';
        const units = this.services.shared.coverage.ItemUsage.unitsOf(gap.item);
        const meets = units.length > 0 ? ` Covering any one of its units meets it: ${this.labels.titles(units, UNITS_NAMED)}.` : '';
        return `No module covers a unit of ${this.labels.skillSet(gap.item)}, which ${requiredBy}${words}.${meets}`;
    }
}

/**
 * Where a gap is shown: on the role or pathway that requires it. The reference's own token gives
 * the range at once, where a property look-up would walk the programme's whole tree for each gap.
 */
function gapLocation(programme: Programme, origin: RequirementOrigin): { range: Range } | { property: 'roles'; index: number } | { property: 'pathway' } {
    const reference = origin.kind === 'role' ? programme.roles[origin.roleIndex] : programme.pathway;
    const range = reference?.$refNode?.range;
    if (range) {
        return { range };
    }
    return origin.kind === 'role' ? { property: 'roles', index: origin.roleIndex } : { property: 'pathway' };
}

/** The names of units a quick fix can write; a unit whose name is still being typed has none. */
function unitNames(units: Unit[]): string[] {
    return units.flatMap(unit => nameOf(unit) ?? []);
}
