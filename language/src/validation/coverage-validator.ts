import type { ValidationAcceptor, ValidationChecks, ValidationSeverity } from 'langium';
import type { Range } from 'vscode-languageserver';
import { itemText } from '../catalogue/item-descriptions.js';
import type { RequirementOrigin, RequirementStatus } from '../coverage/coverage-analysis.js';
import { isSkillSet, isSpec, type Module, type Programme, type TrainSpecAstType } from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import { DiagnosticCode } from './diagnostic-codes.js';

/** Checks that depend on the whole workspace: what each programme covers, and who owns each module. */
export class CoverageValidator {
    readonly checks: ValidationChecks<TrainSpecAstType> = {
        Programme: [this.checkCoverage, this.checkPathway],
        Module: [this.checkModuleBelongsToProgramme]
    };

    constructor(protected readonly services: TrainSpecServices) {}

    checkCoverage(programme: Programme, accept: ValidationAcceptor): void {
        const severity = this.coverageSeverity();
        if (!severity) {
            return;
        }
        const names = this.services.references.NameProvider;
        for (const gap of this.services.shared.coverage.CoverageAnalysis.ofProgramme(programme).gaps) {
            const origin = gap.origins[0];
            const item = names.getName(gap.item) ?? '';
            accept(severity, gapMessage(gap, item), {
                node: programme,
                ...gapLocation(programme, origin),
                code: DiagnosticCode.UncoveredRequirement,
                data: { code: DiagnosticCode.UncoveredRequirement, item, requiredBy: gap.origins.map(originName) }
            });
        }
    }

    checkPathway(programme: Programme, accept: ValidationAcceptor): void {
        const role = this.services.shared.coverage.CoverageAnalysis.ofProgramme(programme).pathwayMissingFor;
        if (role) {
            accept('warning', `Programme '${programme.name}' names no specialist pathway, which ${role.name} requires. Add a line such as 'pathway CourtWork'.`,
                { node: programme, property: 'name', code: DiagnosticCode.MissingPathway, data: { code: DiagnosticCode.MissingPathway, role: role.name } });
        }
    }

    checkModuleBelongsToProgramme(module: Module, accept: ValidationAcceptor): void {
        if (isSpec(module.$container) && this.services.shared.coverage.CoverageAnalysis.programmesOf(module).length === 0) {
            accept('warning', `Module '${module.name}' belongs to no programme. Add it to one with a line such as 'includes ${module.name}'.`,
                { node: module, property: 'name', code: DiagnosticCode.OrphanModule });
        }
    }

    protected coverageSeverity(): ValidationSeverity | undefined {
        const setting = this.services.shared.settings.TrainSpecSettings.coverageSeverity;
        return setting === 'off' ? undefined : setting === 'information' ? 'info' : setting;
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

function originName(origin: RequirementOrigin): string {
    return origin.kind === 'role' ? origin.role.name : origin.area.name;
}

function originPhrase(origins: RequirementOrigin[]): string {
    const phrases = origins.map(origin => origin.kind === 'pathway'
        ? `the ${origin.area.name} pathway`
        : origin.via.length > 1 ? `${origin.role.name} (through ${origin.via.slice(1).map(role => role.name).join(', ')})` : origin.role.name);
    return phrases.length === 1 ? phrases[0] : `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

function gapMessage(gap: RequirementStatus, name: string): string {
    const what = isSkillSet(gap.item) ? `a unit of ${name}` : name;
    const verb = gap.origins.length === 1 ? 'requires' : 'require';
    return `No module covers ${what}, which ${originPhrase(gap.origins)} ${verb}: "${itemText(gap.item)}"`;
}
