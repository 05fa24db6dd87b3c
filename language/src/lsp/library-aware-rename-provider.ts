import { AstUtils, CstUtils, GrammarAST, type AstNode, type CstNode, type LangiumDocument, type LangiumDocuments, type ReferenceDescription, type ServiceRegistry } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, TextEdit, type Position, type Range, type RenameParams, type TextDocumentPositionParams, type WorkspaceEdit } from 'vscode-languageserver';
import { nameOf, shownName } from '../catalogue/item-descriptions.js';
import { isCompetence, isCompetenceGroup, type Competence, type CompetenceGroup } from '../generated/ast.js';
import type { StandardsLibrary } from '../library/standards-library.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import type { DeclarationIndex } from '../workspace/declaration-index.js';

/**
 * What a rename at a position changes: a whole name, the letter of a lettered competence
 * (`RoSH.a` → `RoSH.b`), or a competence group, whose name also prefixes its competences.
 */
interface RenameTarget {
    node: AstNode;
    range: Range;
    part: 'name' | 'letter' | 'group';
}

const IDENTIFIER = /^[_a-zA-Z]\w*$/;

/**
 * Renames user-defined identifiers across files, keeping `Group.letter` names right, and
 * refuses, with a message the editor shows, to rename the built-in standards or to pick a
 * name that is not an identifier, is a keyword, or is already declared.
 */
export class LibraryAwareRenameProvider extends DefaultRenameProvider {
    protected readonly documents: LangiumDocuments;
    protected readonly library: StandardsLibrary;
    protected readonly declarations: DeclarationIndex;
    protected readonly serviceRegistry: ServiceRegistry;

    constructor(services: TrainSpecServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.library = services.shared.library.StandardsLibrary;
        this.declarations = services.shared.workspace.DeclarationIndex;
        this.serviceRegistry = services.shared.ServiceRegistry;
    }

    // eslint-disable-next-line @typescript-eslint/require-await -- async so that a refusal (the ResponseError renameTarget or checkNewName throws) reaches the caller as a rejection
    override async prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Promise<Range | undefined> {
        return this.renameTarget(document, params.position)?.range;
    }

    // eslint-disable-next-line @typescript-eslint/require-await -- async so that a refusal (the ResponseError renameTarget or checkNewName throws) reaches the caller as a rejection
    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.renameTarget(document, params.position);
        if (!target) {
            return undefined;
        }
        const newName = this.checkNewName(target, params.newName.trim());
        const edits = new Map<string, TextEdit[]>();
        const edit = (reference: ReferenceDescription, range: Range): void => {
            const uri = reference.sourceUri.toString();
            edits.set(uri, [...(edits.get(uri) ?? []), TextEdit.replace(range, newName)]);
        };
        if (target.part === 'letter') {
            this.referencesTo(target.node, true).forEach(reference => edit(reference, this.leafRange(reference, 'last')));
        } else {
            this.referencesTo(target.node, true).forEach(reference => edit(reference, reference.segment.range));
            if (target.part === 'group') {
                for (const competence of (target.node as CompetenceGroup).competences) {
                    this.referencesTo(competence, false).forEach(reference => edit(reference, this.leafRange(reference, 'first')));
                }
            }
        }
        return { changes: Object.fromEntries(edits) };
    }

    /** The declaration a rename at the position would change; throws if it is a built-in one. */
    protected renameTarget(document: LangiumDocument, position: Position): RenameTarget | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        if (!leaf) {
            return undefined;
        }
        let node: AstNode | undefined = this.isNameNode(leaf) ? leaf.astNode : this.references.findDeclarations(leaf)[0];
        if (node && isCompetence(node) && !this.isNameNode(leaf) && leaf !== this.identifiers(CstUtils.getDatatypeNode(leaf) ?? leaf).at(-1)) {
            // The `RoSH` of `RoSH.a` names the group.
            node = node.$container;
        }
        if (!node) {
            return undefined;
        }
        if (this.library.isBuiltin(AstUtils.getDocument(node).uri)) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, `${this.nameProvider.getName(node) ?? shownName(node)} is part of the built-in standards library and cannot be renamed.`);
        }
        return { node, range: leaf.range, part: isCompetence(node) ? 'letter' : isCompetenceGroup(node) ? 'group' : 'name' };
    }

    /** The identifier to write: a letter for a competence (`RoSH.x` is accepted as `x`), else the name itself. */
    protected checkNewName(target: RenameTarget, requested: string): string {
        let newName = requested;
        let qualifiedName: string | undefined = requested;
        if (target.part === 'letter') {
            // A letter of a group that has no name yet has no qualified name: only its group's other letters can clash.
            const group = nameOf((target.node as Competence).$container);
            newName = group !== undefined && requested.startsWith(`${group}.`) ? requested.substring(group.length + 1) : requested;
            qualifiedName = group === undefined ? undefined : `${group}.${newName}`;
        }
        if (!IDENTIFIER.test(newName)) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, `'${requested}' is not a valid name: use letters, digits and underscores, starting with a letter.`);
        }
        if (this.keywords().has(newName)) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, `'${newName}' is a keyword of TrainSpec and cannot be used as a name.`);
        }
        const taken = qualifiedName === undefined
            ? (target.node as Competence).$container.competences.some(other => other !== target.node && nameOf(other) === newName)
            : qualifiedName !== this.nameProvider.getName(target.node) && this.declarations.declarationsNamed(qualifiedName).all.length > 0;
        if (taken) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, `'${qualifiedName ?? newName}' is already declared; pick another name.`);
        }
        return newName;
    }

    protected referencesTo(node: AstNode, includeDeclaration: boolean): ReferenceDescription[] {
        return this.references.findReferences(node, { includeDeclaration }).toArray();
    }

    /** The range of the first identifier (the group) or the last one (the letter) of a reference such as `RoSH.a`. */
    protected leafRange(reference: ReferenceDescription, which: 'first' | 'last'): Range {
        const root = this.documents.getDocument(reference.sourceUri)?.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, which === 'first' ? reference.segment.offset : reference.segment.end - 1);
        return leaf?.range ?? reference.segment.range;
    }

    protected identifiers(node: CstNode): CstNode[] {
        return CstUtils.flattenCst(node).filter(leaf => !leaf.hidden && leaf.tokenType.name === 'ID').toArray();
    }

    /** Every keyword of both languages: a name that is one would not parse. */
    protected keywords(): Set<string> {
        return new Set(this.serviceRegistry.all.flatMap(services =>
            AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value).toArray()));
    }
}
