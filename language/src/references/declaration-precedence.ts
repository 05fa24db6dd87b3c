import type { AstNodeDescription } from 'langium';
import type { StandardsLibrary } from '../library/standards-library.js';
import type { TrainSpecSharedServices } from '../trainspec-module.js';

/**
 * Which declaration of a name declared more than once references resolve to. A duplicate is
 * an error, but until it is fixed every reference to the name still resolves, and always to
 * the same declaration, whatever order the files were loaded or last edited in: the language
 * server reads a folder's files in whatever order the disk answers, and re-indexes each file
 * it rebuilds after all the others, so the order of the index is no order at all. A fresh
 * check, an editor session after any history of edits and the command line then agree.
 */
export interface DeclarationPrecedence {
    /** Negative when `a` takes precedence over `b`, positive when `b` does, zero for declarations in one file. */
    compare(a: AstNodeDescription, b: AstNodeDescription): number;
    /** The same order, of the files that hold the declarations (by URI). */
    compareFiles(a: string, b: string): number;
    /** The declaration that takes precedence, the first in its file if there are several there. */
    first(declarations: readonly AstNodeDescription[]): AstNodeDescription | undefined;
}

/**
 * The built-in library first (it is read-only: a workspace file that reuses one of its names
 * gets the error), then by file URI; within a file, in the order of the text.
 */
export class DefaultDeclarationPrecedence implements DeclarationPrecedence {
    protected readonly library: StandardsLibrary;

    constructor(services: TrainSpecSharedServices) {
        this.library = services.library.StandardsLibrary;
    }

    compare(a: AstNodeDescription, b: AstNodeDescription): number {
        return this.compareFiles(a.documentUri.toString(), b.documentUri.toString());
    }

    compareFiles(a: string, b: string): number {
        if (a === b) {
            return 0;
        }
        const builtin = Number(this.library.isBuiltin(b)) - Number(this.library.isBuiltin(a));
        return builtin !== 0 ? builtin : a < b ? -1 : 1;
    }

    first(declarations: readonly AstNodeDescription[]): AstNodeDescription | undefined {
        // Index order within a file is text order, so the first of the earliest file wins a tie.
        let best = declarations[0];
        for (let i = 1; i < declarations.length; i++) {
            if (this.compare(declarations[i], best) < 0) {
                best = declarations[i];
            }
        }
        return best;
    }
}
