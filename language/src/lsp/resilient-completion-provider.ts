import { AstUtils, GrammarAST, GrammarUtils, type AstNode } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type NextFeature } from 'langium/lsp';

/**
 * Reference completion that still works where parser recovery built a different tree from
 * the one the grammar expects at the cursor. After an unfinished `requires RoSH.a, ` say,
 * the node at the cursor can be the role rather than its requirement, and a role has no
 * `items`: Langium would then fail to find the reference's type, log the error and offer
 * nothing. Here the reference is completed on the nearest node that has it, or else on a
 * stand-in node of the rule that declares it, as Langium does when the cursor enters a new rule.
 */
export class ResilientCompletionProvider extends DefaultCompletionProvider {
    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): ReturnType<DefaultCompletionProvider['completionForCrossReference']> {
        const property = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature;
        if (next.type || property === undefined || !context.node || this.hasReference(context.node, property)) {
            return super.completionForCrossReference(context, next, acceptor);
        }
        const owner = AstUtils.getContainerOfType(context.node.$container, (node): node is AstNode => this.hasReference(node, property));
        if (owner) {
            return super.completionForCrossReference({ ...context, node: owner }, next, acceptor);
        }
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        if (rule && !rule.fragment) {
            return super.completionForCrossReference(context, { ...next, type: GrammarUtils.getExplicitRuleType(rule) ?? rule.name }, acceptor);
        }
        return undefined;
    }

    protected hasReference(node: AstNode, property: string): boolean {
        return this.astReflection.getTypeMetaData(node.$type).properties[property]?.referenceType !== undefined;
    }
}
