import { DefaultNameProvider, type AstNode } from 'langium';
import { nameOf } from '../catalogue/item-descriptions.js';
import { isCompetence } from '../generated/ast.js';

/**
 * Lettered competences are named by their letter, which only means something inside
 * their group, so they are known everywhere as `Group.letter` (for example `RoSH.a`).
 */
export class QualifiedNameProvider extends DefaultNameProvider {
    override getName(node: AstNode): string | undefined {
        const name = super.getName(node);
        if (name !== undefined && isCompetence(node)) {
            // In a group whose name is still being typed, the letter is not yet a name anything can refer to.
            const group = nameOf(node.$container);
            return group === undefined ? undefined : `${group}.${name}`;
        }
        return name;
    }
}
