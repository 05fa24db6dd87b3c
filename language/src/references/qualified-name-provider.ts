import { DefaultNameProvider, type AstNode } from 'langium';
import { isCompetence } from '../generated/ast.js';

/**
 * Lettered competences are named by their letter, which only means something inside
 * their group, so they are known everywhere as `Group.letter` (for example `RoSH.a`).
 */
export class QualifiedNameProvider extends DefaultNameProvider {
    override getName(node: AstNode): string | undefined {
        const name = super.getName(node);
        if (name !== undefined && isCompetence(node)) {
            return `${node.$container.name}.${name}`;
        }
        return name;
    }
}
