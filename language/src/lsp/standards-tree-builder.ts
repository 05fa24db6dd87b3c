import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type LangiumDocuments, type NameProvider } from 'langium';
import type { Location, Position } from 'vscode-languageserver-types';
import { itemProvenance, itemText, itemTitle, kindLabel, provenanceLabel, provenanceText, shownName, titleOf } from '../catalogue/item-descriptions.js';
import { programmesIn, type CoverageAnalysis, type ProgrammeCoverage } from '../coverage/coverage-analysis.js';
import type { ItemUsage } from '../coverage/item-usage.js';
import {
    isArea, isCatalogue, isCompetenceGroup, isCoverable, isFramework, isItem, isModule, isProgramme, isRole, isSkillSet, isUnit,
    type Framework, type Item, type Programme
} from '../generated/ast.js';
import type { StandardsLibrary } from '../library/standards-library.js';
import type { CoverageMark, ProgrammeChoice, StandardsTreeNode, StandardsTreeParams, StandardsTreeResult } from '../protocol/standards-tree.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import { isCatalogueItem } from './item-markdown.js';

/**
 * Builds the standards browser's tree from the library and the workspace catalogues: each
 * framework with its items, and the items each catalogue declares outside a framework. A skill
 * set holds its units, a competence group its lettered competences, a specialist area its units
 * and a role its requirements (resolved through `extends`, as coverage counts them). Each item
 * is marked with the coverage of the programme at the cursor, read from the one coverage model.
 */
export interface StandardsTreeBuilder {
    treeFor(params: StandardsTreeParams): StandardsTreeResult;
    /** The programmes at a position of a document: its programme, or each one that contains or includes its module. */
    programmesAt(document: LangiumDocument, position: Position | undefined): Programme[];
}

export class DefaultStandardsTreeBuilder implements StandardsTreeBuilder {
    protected readonly documents: LangiumDocuments;
    protected readonly library: StandardsLibrary;
    protected readonly coverage: CoverageAnalysis;
    protected readonly usage: ItemUsage;
    protected readonly names: NameProvider;

    constructor(services: TrainSpecServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.library = services.shared.library.StandardsLibrary;
        this.coverage = services.shared.coverage.CoverageAnalysis;
        this.usage = services.shared.coverage.ItemUsage;
        this.names = services.references.NameProvider;
    }

    treeFor(params: StandardsTreeParams): StandardsTreeResult {
        const document = params.uri !== undefined ? this.documents.all.find(each => each.uri.toString() === params.uri) : undefined;
        const programmes = document ? this.programmesAt(document, params.position) : [];
        const programme = programmes.find(each => shownName(each) === params.programme) ?? programmes[0];
        const marks = programme ? this.coverage.ofProgramme(programme) : undefined;
        const roots = this.documents.all.toArray()
            .filter(each => isCatalogue(each.parseResult.value))
            // The built-in library first, then the workspace's catalogues by path.
            .sort((a, b) => Number(this.library.isBuiltin(b.uri)) - Number(this.library.isBuiltin(a.uri)) || a.uri.toString().localeCompare(b.uri.toString()))
            .flatMap(each => this.catalogueRoots(each, marks));
        return {
            roots,
            ...(programme ? { programme: choice(programme) } : {}),
            programmes: programmes.map(choice)
        };
    }

    programmesAt(document: LangiumDocument, position: Position | undefined): Programme[] {
        const root = document.parseResult.value.$cstNode;
        const offset = position ? document.textDocument.offsetAt(position) : undefined;
        const node = root && offset !== undefined ? CstUtils.findLeafNodeBeforeOffset(root, offset)?.astNode : undefined;
        const module = node ? AstUtils.getContainerOfType(node, isModule) : undefined;
        if (module) {
            return this.coverage.programmesOf(module);
        }
        const programme = node ? AstUtils.getContainerOfType(node, isProgramme) : undefined;
        // Outside any programme, the file's first one: a spec usually holds one.
        return programme ? [programme] : programmesIn(document).slice(0, 1);
    }

    /** Each framework of the catalogue, then one node for what it declares outside a framework. */
    protected catalogueRoots(document: LangiumDocument, marks: ProgrammeCoverage | undefined): StandardsTreeNode[] {
        const elements = isCatalogue(document.parseResult.value) ? document.parseResult.value.elements : [];
        const builtin = this.library.isBuiltin(document.uri);
        const roots = elements.filter(isFramework).map(framework => this.container(framework, framework.items, marks, builtin));
        const loose = elements.filter(isItem);
        if (loose.length > 0) {
            const file = document.uri.path.split('/').at(-1) ?? document.uri.toString();
            const children = this.items(loose, marks, builtin);
            roots.push({
                id: file,
                kind: 'catalogue',
                title: builtin ? 'Built-in catalogue' : 'Workspace catalogue',
                text: '',
                source: '',
                location: { uri: document.uri.toString(), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
                coverable: false,
                builtin,
                ...markOf(children),
                children
            });
        }
        return roots;
    }

    protected container(framework: Framework, items: Item[], marks: ProgrammeCoverage | undefined, builtin: boolean): StandardsTreeNode {
        const children = this.items(items, marks, builtin);
        const source = provenanceLabel({ document: framework.source?.ref?.title, section: framework.section });
        return { ...this.leaf(framework, builtin), source, ...markOf(children), children };
    }

    /** The items of a framework or catalogue; a unit is listed under its skill set when that set is listed here too. */
    protected items(items: Item[], marks: ProgrammeCoverage | undefined, builtin: boolean): StandardsTreeNode[] {
        const sets = new Set(items.filter(isSkillSet));
        return items
            .filter(item => !(isUnit(item) && item.skillSet?.ref && sets.has(item.skillSet.ref)))
            .map(item => this.item(item, marks, builtin));
    }

    protected item(item: Item, marks: ProgrammeCoverage | undefined, builtin: boolean): StandardsTreeNode {
        const parts: AstNode[] = isSkillSet(item) ? this.usage.unitsOf(item)
            : isCompetenceGroup(item) ? item.competences
                : isArea(item) ? item.units.flatMap(unit => unit.ref ?? [])
                    : isRole(item) ? this.usage.requirementsOf(item).requirements.map(requirement => requirement.item)
                        : [];
        const node = this.marked(item, marks, builtin);
        if (parts.length === 0) {
            return node;
        }
        const children = parts.map(part => this.marked(part, marks, this.library.isBuiltin(AstUtils.getDocument(part).uri)));
        // A skill set has a mark of its own (only its units meet it); a group, an area or a role has its parts'.
        return { ...node, ...(node.mark === undefined ? markOf(children) : {}), children };
    }

    /** The node of a standard, with its own mark for the programme. */
    protected marked(node: AstNode, marks: ProgrammeCoverage | undefined, builtin: boolean): StandardsTreeNode {
        const leaf = this.leaf(node, builtin);
        if (!marks || !isCoverable(node)) {
            return leaf;
        }
        const mark: CoverageMark | undefined = (marks.coveredBy.get(node)?.length ?? 0) > 0 ? 'covered' : marks.requirementOn.has(node) ? 'gap' : undefined;
        return mark ? { ...leaf, mark } : leaf;
    }

    protected leaf(node: AstNode, builtin: boolean): StandardsTreeNode {
        const item = isCatalogueItem(node) ? node : undefined;
        const title = item ? itemTitle(item) : titleOf(node) ?? '';
        const text = item ? itemText(item) : '';
        return {
            id: this.names.getName(node) ?? shownName(node),
            kind: kindLabel(node.$type),
            title,
            text: text === title ? '' : text,
            source: item ? provenanceLabel(provenanceText(itemProvenance(item))) : '',
            location: this.locationOf(node),
            coverable: isCoverable(node),
            builtin
        };
    }

    protected locationOf(node: AstNode): Location {
        const range = this.names.getNameNode(node)?.range ?? node.$cstNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        return { uri: AstUtils.getDocument(node).uri.toString(), range };
    }
}

/** A container is a gap when any of its parts is one, and ticked when all of them are ticked. */
function markOf(children: StandardsTreeNode[]): { mark?: CoverageMark } {
    if (children.some(child => child.mark === 'gap')) {
        return { mark: 'gap' };
    }
    return children.length > 0 && children.every(child => child.mark === 'covered') ? { mark: 'covered' } : {};
}

function choice(programme: Programme): ProgrammeChoice {
    return { name: shownName(programme), title: titleOf(programme) ?? shownName(programme) };
}
