import { AstUtils, type AstNode, type AstNodeDescription, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { TrainSpecAstType } from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import { DiagnosticCode } from './diagnostic-codes.js';

/**
 * All declarations share one workspace-wide namespace, so a name declared twice is an
 * error on each declaration, and a workspace file must not redefine a built-in standard.
 */
export class DeclarationValidator {
    readonly checks: ValidationChecks<TrainSpecAstType> = {
        SourceDocument: this.checkUnique,
        Framework: this.checkUnique,
        Item: this.checkUnique,
        Competence: this.checkUnique,
        Programme: this.checkUnique,
        Module: this.checkUnique
    };

    constructor(protected readonly services: TrainSpecServices) {}

    checkUnique(node: AstNode, accept: ValidationAcceptor): void {
        const name = this.services.references.NameProvider.getName(node);
        if (!name) {
            return;
        }
        const document = AstUtils.getDocument(node);
        const path = this.services.workspace.AstNodeLocator.getAstNodePath(node);
        const others = this.services.shared.workspace.DeclarationIndex.declarationsNamed(name)
            .filter(other => other.documentUri.toString() !== document.uri.toString() || other.path !== path);
        if (others.length === 0) {
            return;
        }
        const library = this.services.shared.library.StandardsLibrary;
        if (!library.isBuiltin(document.uri) && others.some(other => library.isBuiltin(other.documentUri))) {
            accept('error', `'${name}' is already defined by the built-in standards library; choose another identifier.`,
                { node, property: 'name', code: DiagnosticCode.BuiltinRedefined });
            return;
        }
        accept('error', `Duplicate identifier '${name}': also declared ${others.map(other => this.describeLocation(other, document.uri.toString())).join(', ')}.`,
            { node, property: 'name', code: DiagnosticCode.DuplicateIdentifier });
    }

    protected describeLocation(description: AstNodeDescription, here: string): string {
        const line = description.nameSegment ? ` line ${description.nameSegment.range.start.line + 1}` : '';
        const uri = description.documentUri;
        return uri.toString() === here ? `on${line}` : `in ${uri.path.split('/').pop()}${line ? `,${line}` : ''}`;
    }
}
