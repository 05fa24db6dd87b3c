import { AstUtils, stream, type AstNode, type AstNodeDescription, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { TrainSpecAstType } from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import { DiagnosticCode } from './diagnostic-codes.js';

/** How many other declarations a duplicate-identifier message names before it just counts them. */
const SHOWN_LOCATIONS = 3;

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
        const declarations = name ? this.services.shared.workspace.DeclarationIndex.declarationsNamed(name) : undefined;
        if (!name || !declarations || declarations.all.length < 2) {
            return;
        }
        const document = AstUtils.getDocument(node);
        const library = this.services.shared.library.StandardsLibrary;
        const builtin = library.isBuiltin(document.uri);
        if (!builtin && declarations.builtinCount > 0) {
            accept('error', `'${name}' is already defined by the built-in standards library; choose another identifier.`,
                { node, property: 'name', code: DiagnosticCode.BuiltinRedefined });
            return;
        }
        // The library is read-only: a workspace file that reuses a built-in name gets the error, not the library.
        const count = builtin ? declarations.builtinCount - 1 : declarations.all.length - 1;
        if (count === 0) {
            return;
        }
        const path = this.services.workspace.AstNodeLocator.getAstNodePath(node);
        const here = document.uri.toString();
        // Lazily, so that a name declared thousands of times costs three look-ups per declaration, not thousands.
        const shown = stream(declarations.all)
            .filter(other => (other.documentUri.toString() !== here || other.path !== path) && (!builtin || library.isBuiltin(other.documentUri)))
            .limit(SHOWN_LOCATIONS)
            .map(other => this.describeLocation(other, here))
            .toArray();
        const more = count > shown.length ? ` and ${count - shown.length} more` : '';
        accept('error', `Duplicate identifier '${name}': also declared ${shown.join(', ')}${more}.`,
            { node, property: 'name', code: DiagnosticCode.DuplicateIdentifier });
    }

    protected describeLocation(description: AstNodeDescription, here: string): string {
        const line = description.nameSegment ? ` line ${description.nameSegment.range.start.line + 1}` : '';
        const uri = description.documentUri;
        return uri.toString() === here ? `on${line}` : `in ${uri.path.split('/').pop()}${line ? `,${line}` : ''}`;
    }
}
