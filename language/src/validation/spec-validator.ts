import { GrammarAST, isCompositeCstNode, type AstNode, type CompositeCstNode, type CstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { sentenceSubject } from '../catalogue/item-descriptions.js';
import type { Module, Programme, TrainSpecAstType } from '../generated/ast.js';
import { DiagnosticCode } from './diagnostic-codes.js';

/** Checks of a programme spec that need nothing but the spec itself. */
export class SpecValidator {
    readonly checks: ValidationChecks<TrainSpecAstType> = {
        Programme: [this.checkProgrammeHasRole, this.checkProgrammeClausesOnce],
        Module: [this.checkHoursPositive, this.checkModuleCovers, this.checkModuleClausesOnce]
    };

    checkProgrammeHasRole(programme: Programme, accept: ValidationAcceptor): void {
        if (programme.roles.length === 0) {
            accept('warning', `${sentenceSubject(programme)} prepares no role, so its coverage cannot be checked. Add a line such as 'prepares PSO'.`,
                { node: programme, property: 'name', code: DiagnosticCode.ProgrammeWithoutRole, data: { code: DiagnosticCode.ProgrammeWithoutRole, programme: programme.name } });
        }
    }

    checkProgrammeClausesOnce(programme: Programme, accept: ValidationAcceptor): void {
        reportRepeatedClauses(programme, ['pathway', 'route'], 'A programme', accept);
    }

    checkHoursPositive(module: Module, accept: ValidationAcceptor): void {
        if (module.hours !== undefined && module.hours <= 0) {
            accept('error', `${sentenceSubject(module)} must take a positive number of hours, not ${module.hours}.`,
                { node: module, property: 'hours', code: DiagnosticCode.NonPositiveHours, data: { code: DiagnosticCode.NonPositiveHours, module: module.name } });
        }
    }

    checkModuleCovers(module: Module, accept: ValidationAcceptor): void {
        if (module.covers.length === 0) {
            accept('warning', `${sentenceSubject(module)} covers no standard. Add a line such as 'covers RoSH.a'.`,
                { node: module, property: 'name', code: DiagnosticCode.ModuleCoversNothing, data: { code: DiagnosticCode.ModuleCoversNothing, module: module.name } });
        }
    }

    checkModuleClausesOnce(module: Module, accept: ValidationAcceptor): void {
        reportRepeatedClauses(module, ['hours'], 'A module', accept);
    }
}

/** The grammar lets clauses come in any order; a clause that holds one value must not come twice. */
function reportRepeatedClauses(node: AstNode, keywords: string[], subject: string, accept: ValidationAcceptor): void {
    if (!mayRepeat(node, keywords)) {
        return;
    }
    const found = ownKeywords(node, keywords);
    for (const keyword of keywords) {
        for (const repeated of found.filter(each => (each.grammarSource as GrammarAST.Keyword).value === keyword).slice(1)) {
            accept('error', `${subject} has one '${keyword}' line; remove the others, since only the last one counts.`,
                { node, range: repeated.range, code: DiagnosticCode.RepeatedClause });
        }
    }
}

/**
 * Whether the node's text holds one of the keywords twice, as it must if a clause comes twice
 * (keywords are case-sensitive). Almost no node does, and a look at its text is much cheaper
 * than a walk over its tokens, which every module and programme of a batch check paid.
 */
function mayRepeat(node: AstNode, keywords: string[]): boolean {
    const text = node.$cstNode?.text ?? '';
    return keywords.some(keyword => {
        const first = text.indexOf(keyword);
        return first >= 0 && text.includes(keyword, first + keyword.length);
    });
}

/**
 * The keyword tokens of the node's own rule, in order. Unlike GrammarUtils.findNodesForKeyword
 * this never walks into nested nodes (a programme's modules), and it looks at a leaf only once:
 * a programme costs its own clauses, not its whole tree.
 */
function ownKeywords(node: AstNode, keywords: string[]): CstNode[] {
    const found: CstNode[] = [];
    const visit = (cst: CompositeCstNode): void => {
        for (const child of cst.content) {
            if (isCompositeCstNode(child)) {
                // The rule's own node sits inside the call of an unassigned rule (SpecElement: Programme | Module).
                if (child.astNode === node) {
                    visit(child);
                }
            } else if (child.grammarSource?.$type === GrammarAST.Keyword.$type && keywords.includes((child.grammarSource as GrammarAST.Keyword).value)) {
                found.push(child);
            }
        }
    };
    if (isCompositeCstNode(node.$cstNode)) {
        visit(node.$cstNode);
    }
    return found;
}
