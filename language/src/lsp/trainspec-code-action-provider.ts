import { AstUtils, CstUtils, GrammarUtils, type AstNode, type IndexManager, type LangiumDocument, type NameProvider } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import { itemPhrase, nameOf, titledPhrase } from '../catalogue/item-descriptions.js';
import { originId, type CoverageAnalysis, type ProgrammeCoverage, type RequirementOrigin, type RequirementStatus } from '../coverage/coverage-analysis.js';
import type { CoverageLabels } from '../coverage/coverage-labels.js';
import type { ItemUsage } from '../coverage/item-usage.js';
import { Area, isArea, isModule, isProgramme, isSkillSet, type Coverable, type Programme } from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import { DiagnosticCode } from '../validation/diagnostic-codes.js';
import { dataString, dataStrings } from '../validation/diagnostic-data.js';
import { addToCovers, appendToList, insertAtEndOfBlock, insertLineAfter, workspaceEdit } from './spec-edits.js';

/** The placeholder hours of a new module stub: valid, and plainly a number to fill in. */
export const STUB_HOURS = 1;
/** How many units of a skill set are offered for a gap on it (a set can have 19); completion ranks all of them. */
export const UNITS_OFFERED = 5;

/**
 * Quick fixes for TrainSpec's diagnostics. Each leaves a spec that parses and removes the
 * diagnostic it fixes, and its title names standards, modules and programmes by their titles
 * ("Add 'develop own knowledge and skills' to 'Probation policy and legislation'"):
 * - an unresolved reference: change it to one of the suggested names;
 * - an uncovered requirement: add the item to a module of the programme, or add a module
 *   stub that covers every remaining gap of the role or pathway; a skill set is met only by
 *   a unit of it, so for a skill set these offer its units, never the set itself;
 * - a skill set covered by name: replace it with one of its units;
 * - an orphan module: include it in a programme;
 * - a missing pathway: name one.
 */
export class TrainSpecCodeActionProvider implements CodeActionProvider {
    protected readonly coverage: CoverageAnalysis;
    protected readonly usage: ItemUsage;
    protected readonly labels: CoverageLabels;
    protected readonly names: NameProvider;
    protected readonly indexManager: IndexManager;

    constructor(services: TrainSpecServices) {
        this.coverage = services.shared.coverage.CoverageAnalysis;
        this.usage = services.shared.coverage.ItemUsage;
        this.labels = services.shared.coverage.CoverageLabels;
        this.names = services.references.NameProvider;
        this.indexManager = services.shared.workspace.IndexManager;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> | undefined {
        if (params.context.only && !params.context.only.some(kind => CodeActionKind.QuickFix.startsWith(kind))) {
            return undefined;
        }
        // Several diagnostics can ask for the same fix (a module stub for a role's gaps): offer it once, fixing all of them.
        const actions = new Map<string, CodeAction>();
        for (const diagnostic of params.context.diagnostics) {
            for (const action of this.fixesFor(document, diagnostic)) {
                const key = JSON.stringify([action.title, action.edit]);
                const same = actions.get(key);
                if (same) {
                    same.diagnostics!.push(diagnostic);
                } else {
                    actions.set(key, action);
                }
            }
        }
        return [...actions.values()];
    }

    protected fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        switch (diagnostic.code) {
            case DiagnosticCode.UnresolvedReference:
                return this.changeReference(document, diagnostic);
            case DiagnosticCode.UncoveredRequirement:
                return this.coverRequirement(document, diagnostic);
            case DiagnosticCode.SkillSetCovered:
                return this.replaceSkillSet(document, diagnostic);
            case DiagnosticCode.OrphanModule:
                return this.includeModule(document, diagnostic);
            case DiagnosticCode.MissingPathway:
                return this.addPathway(document, diagnostic);
            default:
                return [];
        }
    }

    /** 'Change to X' for each suggestion; the closest one is preferred. */
    protected changeReference(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const suggestions = dataStrings(diagnostic, 'suggestions') ?? [];
        return suggestions.map((name, index) => ({
            ...this.quickFix(`Change to ${name}`, diagnostic, { changes: { [document.uri.toString()]: [{ range: diagnostic.range, newText: name }] } }),
            ...(index === 0 ? { isPreferred: true } : {})
        }));
    }

    /** 'Add X to module M' for each module of the programme; 'Create a module covering …' for each role or pathway that needs X. */
    protected coverRequirement(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const programme = this.nodeAt(document, diagnostic, isProgramme);
        const item = dataString(diagnostic, 'item');
        if (!programme || item === undefined) {
            return [];
        }
        const coverage = this.coverage.ofProgramme(programme);
        const gap = coverage.gaps.find(status => this.names.getName(status.item) === item);
        if (!gap) {
            return [];
        }
        const actions: CodeAction[] = [];
        for (const item of this.meetingItems(coverage, gap.item).slice(0, UNITS_OFFERED)) {
            const name = this.names.getName(item)!;
            for (const module of coverage.modules) {
                const edit = addToCovers(module, name);
                if (edit) {
                    actions.push(this.quickFix(`Add ${itemPhrase(item)} to ${titledPhrase(module)}`, diagnostic, workspaceEdit(edit)));
                }
            }
        }
        for (const origin of uniqueOrigins(gap.origins)) {
            const action = this.createModuleStub(programme, coverage, origin, diagnostic);
            if (action) {
                actions.push(action);
            }
        }
        return actions;
    }

    protected createModuleStub(programme: Programme, coverage: ProgrammeCoverage, origin: RequirementOrigin, diagnostic: Diagnostic): CodeAction | undefined {
        const required = originId(origin);
        const gaps = coverage.gaps.filter(status => status.origins.some(other => originId(other) === required));
        // For a skill set, its best unit: one name per gap, each once (a unit may be a gap of its own too).
        const items = [...new Set(gaps.flatMap(status => this.meetingItems(coverage, status.item).slice(0, 1).map(item => this.names.getName(item)!)))];
        if (items.length === 0) {
            return undefined;
        }
        const name = this.unusedName(`${required}Gaps`);
        const subject = origin.kind === 'role' ? this.labels.role(origin.role) : this.labels.pathway(origin.area);
        // The stub's title is a spec string: no quote or backslash from a title may end it early.
        const title = (origin.kind === 'role' ? `Remaining requirements of ${subject}` : `Remaining units of ${subject}`).replace(/["\\]/g, '');
        const edit = insertAtEndOfBlock(programme, [
            `module ${name} "${title}" {`,
            `    hours ${STUB_HOURS}`,
            `    covers ${items.join(', ')}`,
            '}'
        ], { blankLineBefore: true });
        if (!edit) {
            return undefined;
        }
        const what = gaps.length === 1 ? 'the remaining gap' : `the ${gaps.length} remaining gaps`;
        return this.quickFix(`Create a module covering ${what} of ${subject}`, diagnostic, workspaceEdit(edit));
    }

    /** "Change 'Risk' to 'Assess risk of harm …'" for the set's units, ranked for the module's first programme. */
    protected replaceSkillSet(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const module = this.nodeAt(document, diagnostic, isModule);
        const skillSet = module?.covers.find(ref => isSkillSet(ref.ref) && ref.$refNode && rangeEquals(ref.$refNode.range, diagnostic.range))?.ref;
        if (!module || !isSkillSet(skillSet)) {
            return [];
        }
        const [programme] = this.coverage.programmesOf(module);
        const units = programme ? this.meetingItems(this.coverage.ofProgramme(programme), skillSet)
            : this.usage.unitsOf(skillSet).filter(unit => nameOf(unit) !== undefined);
        return units.slice(0, UNITS_OFFERED).map((unit, index) => ({
            ...this.quickFix(`Change ${itemPhrase(skillSet)} to ${itemPhrase(unit)}`, diagnostic,
                { changes: { [document.uri.toString()]: [{ range: diagnostic.range, newText: this.names.getName(unit)! }] } }),
            ...(index === 0 ? { isPreferred: true } : {})
        }));
    }

    /** "Add 'module' to 'programme'" for each programme in the workspace. */
    protected includeModule(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const module = this.nodeAt(document, diagnostic, isModule);
        // A programme includes a module by its name: a module still without one cannot be included yet.
        const name = module && nameOf(module);
        if (!name) {
            return [];
        }
        const actions: CodeAction[] = [];
        // Listing the programmes analyses none of them. A programme still without a name is named by its title.
        const programmes = this.coverage.programmes().map(programme => ({ programme, phrase: titledPhrase(programme) }))
            .sort((a, b) => a.phrase.localeCompare(b.phrase));
        for (const { programme, phrase } of programmes) {
            const edit = programme.includes.length > 0
                ? appendToList(programme, programme.includes[programme.includes.length - 1].$refNode!, name)
                : insertLineAfter(programme, headerEnd(programme), `includes ${name}`);
            if (edit) {
                actions.push(this.quickFix(`Add ${titledPhrase(module)} to ${phrase}`, diagnostic, workspaceEdit(edit)));
            }
        }
        return actions;
    }

    /** 'Add the Court Work pathway' for each specialist area. */
    protected addPathway(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const programme = this.nodeAt(document, diagnostic, isProgramme);
        if (!programme) {
            return [];
        }
        const areas = this.indexManager.allElements(Area.$type).distinct(description => description.name).toArray();
        return areas.flatMap(({ name, node }) => {
            const edit = insertLineAfter(programme, headerEnd(programme), `pathway ${name}`);
            const label = isArea(node) ? this.labels.pathway(node) : `pathway ${name}`;
            return edit ? [this.quickFix(`Add ${label}`, diagnostic, workspaceEdit(edit))] : [];
        });
    }

    /**
     * The names a module can cover to meet a requirement on the item: the item itself, or for
     * a skill set its units, those already covered in the programme first, then those the
     * programme requires anyway, then those covered elsewhere in the workspace.
     */
    protected meetingItems(coverage: ProgrammeCoverage, item: Coverable): Coverable[] {
        if (!isSkillSet(item)) {
            return this.names.getName(item) !== undefined ? [item] : [];
        }
        const rank = (unit: Coverable): number => coverage.coveredBy.has(unit) ? 0
            : coverage.requirementOn.has(unit) ? 1
                : this.usage.coveredBy(unit).length > 0 ? 2 : 3;
        const units = this.usage.unitsOf(item).map(unit => ({ unit, rank: rank(unit) }));
        return units.sort((a, b) => a.rank - b.rank).map(({ unit }) => unit).filter(unit => this.names.getName(unit) !== undefined);
    }

    protected quickFix(title: string, diagnostic: Diagnostic, edit: WorkspaceEdit): CodeAction {
        return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
    }

    /** The innermost node of the given kind at the start of the diagnostic. */
    protected nodeAt<T extends AstNode>(document: LangiumDocument, diagnostic: Diagnostic, is: (node: unknown) => node is T): T | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        return leaf ? AstUtils.getContainerOfType(leaf.astNode, is) : undefined;
    }

    /** `base`, or `base2`, `base3`, …: a name nothing in the workspace declares yet. */
    protected unusedName(base: string): string {
        const taken = new Set(this.indexManager.allElements().map(description => description.name));
        let name = base;
        for (let n = 2; taken.has(name); n++) {
            name = `${base}${n}`;
        }
        return name;
    }
}

function rangeEquals(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** One origin per role or pathway. */
function uniqueOrigins(origins: RequirementStatus['origins']): RequirementOrigin[] {
    const byId = new Map<string, RequirementOrigin>();
    for (const origin of origins) {
        if (!byId.has(originId(origin))) {
            byId.set(originId(origin), origin);
        }
    }
    return [...byId.values()];
}

/** Where the programme's opening clauses end: its last `prepares`, `pathway` or `route` reference, or its `{`. */
function headerEnd(programme: Programme): number {
    const references = [...programme.roles, programme.pathway, programme.route].map(reference => reference?.$refNode?.end ?? -1);
    const open = GrammarUtils.findNodeForKeyword(programme.$cstNode, '{')?.end ?? -1;
    return Math.max(open, ...references);
}
