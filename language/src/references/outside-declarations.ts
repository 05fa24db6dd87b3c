import type { AstReflection } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';

/** A declaration by name and AST type, without its document. */
export type DeclaredName = readonly [name: string, type: string];

/**
 * Names declared in documents that are not loaded, which "did you mean" suggestions must
 * still consider. The batch check builds each group of files in a workspace of its own; it
 * tells each group what the rest of the workspace declares, so that a suggestion never
 * depends on how the files were grouped. Empty in the editor, where every file is loaded.
 */
export interface OutsideDeclarations {
    /** The names declared outside that a reference of this type could name. */
    namesOfType(referenceType: string): readonly string[];
    replace(declarations: Iterable<DeclaredName>): void;
}

export class DefaultOutsideDeclarations implements OutsideDeclarations {
    protected readonly reflection: AstReflection;
    protected declarations: DeclaredName[] = [];
    protected readonly byReferenceType = new Map<string, string[]>();

    constructor(services: LangiumSharedServices) {
        this.reflection = services.AstReflection;
    }

    namesOfType(referenceType: string): readonly string[] {
        let names = this.byReferenceType.get(referenceType);
        if (!names) {
            names = this.declarations.filter(([, type]) => this.reflection.isSubtype(type, referenceType)).map(([name]) => name);
            this.byReferenceType.set(referenceType, names);
        }
        return names;
    }

    replace(declarations: Iterable<DeclaredName>): void {
        this.declarations = [...declarations];
        this.byReferenceType.clear();
    }
}
