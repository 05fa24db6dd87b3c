import { AstUtils, GrammarAST, type AstNode, type AstNodeDescription, type ReferenceInfo, type Stream } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions,
    type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { itemTitle } from '../catalogue/item-descriptions.js';
import type { CoverageAnalysis } from '../coverage/coverage-analysis.js';
import type { ItemUsage } from '../coverage/item-usage.js';
import { isModule, isProgramme, isSkillSet, type Module, type Programme } from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import { isCatalogueItem, itemDetails } from './item-markdown.js';

/** Shown after the name of a requirement that no module of the programme covers yet. */
export const NOT_YET_COVERED = ' — not yet covered';
/** Shown after a unit whose skill set is required and not yet met: only a unit meets it. */
export const MEETS_SKILL_SET = ' — meets a skill set not yet covered';

/** A suggestion to rank first: its position among the programme's requirements, and why. */
interface Gap {
    position: number;
    detail: string;
}

/**
 * Reference completion that reads like the standards: the title as detail, the verbatim text
 * and its source as documentation. In a module's `covers`, the requirements of its programmes
 * that no module covers yet come first, in the order the roles state them; for a skill set
 * not yet met, its units (the set itself meets nothing).
 * `Group.` offers the letters of that competence group.
 */
export class CoverageAwareCompletionProvider extends DefaultCompletionProvider {
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['.'] };
    protected readonly coverage: CoverageAnalysis;
    protected readonly usage: ItemUsage;

    constructor(services: TrainSpecServices) {
        super(services);
        this.coverage = services.shared.coverage.CoverageAnalysis;
        this.usage = services.shared.coverage.ItemUsage;
    }

    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): ReturnType<DefaultCompletionProvider['completionForCrossReference']> {
        const gaps = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature === 'covers' ? this.gapsAround(context.node) : undefined;
        if (!gaps || gaps.size === 0) {
            return super.completionForCrossReference(context, next, acceptor);
        }
        return super.completionForCrossReference(context, next, (ctx, value) => acceptor(ctx, rank(value, gaps)));
    }

    /**
     * The uncovered requirements of the programmes that the module at the cursor belongs to,
     * each with its position among the programme's requirements.
     */
    protected gapsAround(node: AstNode | undefined): Map<AstNode, Gap> {
        const module = AstUtils.getContainerOfType(node, isModule);
        const gaps = new Map<AstNode, Gap>();
        if (!module) {
            return gaps;
        }
        const listed = new Set(module.covers.map(ref => ref.ref));
        for (const programme of this.programmesOf(module)) {
            for (const { item } of this.coverage.ofProgramme(programme).gaps) {
                const [suggested, detail] = isSkillSet(item) ? [this.usage.unitsOf(item), MEETS_SKILL_SET] : [[item], NOT_YET_COVERED];
                for (const each of suggested.filter(unit => !listed.has(unit) && !gaps.has(unit))) {
                    gaps.set(each, { position: gaps.size, detail });
                }
            }
        }
        return gaps;
    }

    protected programmesOf(module: Module): Programme[] {
        if (isProgramme(module.$container)) {
            return [module.$container];
        }
        const owners = this.coverage.programmesOf(module);
        // While an edit is being built, the coverage may still know the module's previous version.
        // Listing the programmes analyses none: only those that include the module are analysed, by gapsAround.
        return owners.length > 0 ? owners
            : this.coverage.programmes().filter(programme => programme.includes.some(ref => ref.ref === module));
    }

    /** After `Group.`, only that group's competences. */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context);
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        const qualifier = typed.substring(0, typed.lastIndexOf('.') + 1).toLowerCase();
        return qualifier ? candidates.filter(candidate => candidate.name.toLowerCase().startsWith(qualifier)) : candidates;
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        if (node && isCatalogueItem(node)) {
            return { ...item, detail: itemTitle(node), documentation: { kind: 'markdown', value: itemDetails(node).join('\n\n') } };
        }
        if (isModule(node)) {
            return { ...item, detail: node.title };
        }
        return item;
    }
}

/** Gaps first, in requirement order; then every other standard; keywords ('1') after both. */
function rank(value: CompletionValueItem, gaps: Map<AstNode, Gap>): CompletionValueItem {
    const gap = 'nodeDescription' in value && value.nodeDescription.node ? gaps.get(value.nodeDescription.node) : undefined;
    if (gap === undefined) {
        return { ...value, sortText: '0b' };
    }
    return { ...value, sortText: `0a${String(gap.position).padStart(4, '0')}`, labelDetails: { detail: gap.detail } };
}
