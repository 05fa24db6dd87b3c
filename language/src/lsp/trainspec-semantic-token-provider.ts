import { AstUtils, CstUtils, isReference, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isCompetence } from '../generated/ast.js';
import type { StandardsLibrary } from '../library/standards-library.js';
import type { TrainSpecServices } from '../trainspec-module.js';

/** The token type of each kind of declaration, at its declaration and at every reference to it. */
const TOKEN_TYPES: Record<string, SemanticTokenTypes> = {
    Programme: SemanticTokenTypes.namespace,
    Framework: SemanticTokenTypes.namespace,
    Module: SemanticTokenTypes.function,
    Role: SemanticTokenTypes.class,
    SkillSet: SemanticTokenTypes.enum,
    CompetenceGroup: SemanticTokenTypes.enum,
    Area: SemanticTokenTypes.enum,
    Unit: SemanticTokenTypes.enumMember,
    Competence: SemanticTokenTypes.enumMember,
    Outcome: SemanticTokenTypes.property,
    Qualification: SemanticTokenTypes.struct,
    Route: SemanticTokenTypes.interface,
    Guidance: SemanticTokenTypes.variable,
    SourceDocument: SemanticTokenTypes.type
};

/**
 * Semantic highlighting of names: declarations carry the `declaration` modifier, names from
 * the built-in library `defaultLibrary`, and each kind of standard its own token type.
 * Keywords, strings, numbers and comments are left to the TextMate grammar.
 */
export class TrainSpecSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected readonly library: StandardsLibrary;

    constructor(services: TrainSpecServices) {
        super(services);
        this.library = services.shared.library.StandardsLibrary;
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const type = TOKEN_TYPES[node.$type];
        if (type && 'name' in node) {
            acceptor({ node, property: 'name', type, modifier: this.modifiers(node, SemanticTokenModifiers.declaration) });
        }
        for (const { reference } of AstUtils.streamReferences(node)) {
            const target = isReference(reference) ? reference.ref : undefined;
            const targetType = target && TOKEN_TYPES[target.$type];
            if (!target || !targetType || !reference.$refNode) {
                continue;
            }
            const modifier = this.modifiers(target);
            const identifiers = CstUtils.flattenCst(reference.$refNode).filter(leaf => leaf.tokenType.name === 'ID').toArray();
            if (isCompetence(target) && identifiers.length > 1) {
                // `RoSH.a`: the group, then the letter.
                identifiers.slice(0, -1).forEach(cst => acceptor({ cst, type: TOKEN_TYPES.CompetenceGroup, modifier }));
                acceptor({ cst: identifiers[identifiers.length - 1], type: targetType, modifier });
            } else {
                acceptor({ cst: reference.$refNode, type: targetType, modifier });
            }
        }
    }

    protected modifiers(node: AstNode, ...modifiers: string[]): string[] {
        return this.library.isBuiltin(AstUtils.getDocument(node).uri) ? [...modifiers, SemanticTokenModifiers.defaultLibrary] : modifiers;
    }
}
