import { AstUtils, DocumentState, GrammarAST, URI, type AstNode, type AstNodeDescription, type LangiumDocument, type LangiumDocuments, type ReferenceInfo, type Stream } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions,
    type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, CompletionList, InsertTextFormat, type CancellationToken, type CompletionParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { itemTitle } from '../catalogue/item-descriptions.js';
import type { CoverageAnalysis } from '../coverage/coverage-analysis.js';
import type { ItemUsage } from '../coverage/item-usage.js';
import { isModule, isProgramme, isSkillSet, type Module, type Programme } from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import { isWholeFileError } from '../workspace/resilient-document-factory.js';
import { isCatalogueItem, itemDetails } from './item-markdown.js';
import { KEYWORD_SNIPPETS } from './keyword-snippets.js';
import { ResilientCompletionProvider } from './resilient-completion-provider.js';

/** Shown after the name of a requirement that no module of the programme covers yet. */
export const NOT_YET_COVERED = ' — not yet covered';
/** Shown after a unit whose skill set is required and not yet met: only a unit meets it. */
export const MEETS_SKILL_SET = ' — meets a skill set not yet covered';

/** A suggestion to rank first: its position among the programme's requirements, and why. */
interface Gap {
    position: number;
    detail: string;
}

/**
 * Reference completion that reads like the standards: the title as detail, the verbatim text
 * and its source as documentation. In a module's `covers`, the requirements of its programmes
 * that no module covers yet come first, in the order the roles state them; for a skill set
 * not yet met, its units (the set itself meets nothing).
 * `Group.` offers the letters of that competence group.
 *
 * Langium lexes the whole file and parses all of it up to the cursor for each completion; here
 * both start at the top-level element the cursor is in (a spec or catalogue is a list of them),
 * so completion at the end of a long file costs what it costs in a short one.
 */
export class CoverageAwareCompletionProvider extends ResilientCompletionProvider {
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['.'] };
    protected readonly coverage: CoverageAnalysis;
    protected readonly usage: ItemUsage;
    protected readonly documents: LangiumDocuments;

    constructor(services: TrainSpecServices) {
        super(services);
        this.coverage = services.shared.coverage.CoverageAnalysis;
        this.usage = services.shared.coverage.ItemUsage;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /** The snippet of a keyword that has one comes first (sort text '0'), above standards and the bare keyword ('1'). */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): ReturnType<DefaultCompletionProvider['completionForKeyword']> {
        const snippet = KEYWORD_SNIPPETS[keyword.value];
        if (snippet && this.clientCapabilities?.completionItem?.snippetSupport && this.filterKeyword(context, keyword)) {
            acceptor(context, {
                label: keyword.value,
                kind: CompletionItemKind.Snippet,
                detail: snippet.detail,
                documentation: snippet.documentation,
                insertText: snippet.body,
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: '0'
            });
        }
        return super.completionForKeyword(context, keyword, acceptor);
    }

    /** A file that was refused as a whole (not text, nested too deeply) was not parsed, and has nothing to complete. */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        if (document.parseResult.parserErrors.some(isWholeFileError)) {
            return CompletionList.create([], false);
        }
        return super.getCompletion(document, params, cancelToken);
    }

    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const parsed = this.documents.getDocument(URI.parse(document.uri));
        const { start } = parsed?.textDocument === document ? elementAround(parsed, offset) : { start: 0 };
        if (start === 0) {
            return super.findFeaturesAt(document, offset);
        }
        const tail = TextDocument.create(document.uri, document.languageId, document.version, document.getText().substring(start, offset));
        return super.findFeaturesAt(tail, offset - start);
    }

    protected override backtrackToAnyToken(text: string, offset: number): ReturnType<DefaultCompletionProvider['backtrackToAnyToken']> {
        // Only the text is given: the document is the open one whose text this is (the same string, not a copy).
        const parsed = this.documents.all.find(document => document.textDocument.getText() === text);
        const { start, end } = parsed ? elementAround(parsed, offset) : { start: 0, end: text.length };
        const found = super.backtrackToAnyToken(text.substring(start, end), offset - start);
        const shift = (value: number | undefined): number | undefined => (value === undefined ? undefined : value + start);
        return {
            nextTokenStart: found.nextTokenStart + start,
            nextTokenEnd: found.nextTokenEnd + start,
            previousTokenStart: shift(found.previousTokenStart),
            previousTokenEnd: shift(found.previousTokenEnd)
        };
    }

    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): ReturnType<DefaultCompletionProvider['completionForCrossReference']> {
        const gaps = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature === 'covers' ? this.gapsAround(context.node) : undefined;
        if (!gaps || gaps.size === 0) {
            return super.completionForCrossReference(context, next, acceptor);
        }
        return super.completionForCrossReference(context, next, (ctx, value) => acceptor(ctx, rank(value, gaps)));
    }

    /**
     * The uncovered requirements of the programmes that the module at the cursor belongs to,
     * each with its position among the programme's requirements.
     */
    protected gapsAround(node: AstNode | undefined): Map<AstNode, Gap> {
        const module = AstUtils.getContainerOfType(node, isModule);
        const gaps = new Map<AstNode, Gap>();
        if (!module) {
            return gaps;
        }
        const listed = new Set(module.covers.map(ref => ref.ref));
        for (const programme of this.programmesOf(module)) {
            for (const { item } of this.coverage.ofProgramme(programme).gaps) {
                const [suggested, detail] = isSkillSet(item) ? [this.usage.unitsOf(item), MEETS_SKILL_SET] : [[item], NOT_YET_COVERED];
                for (const each of suggested.filter(unit => !listed.has(unit) && !gaps.has(unit))) {
                    gaps.set(each, { position: gaps.size, detail });
                }
            }
        }
        return gaps;
    }

    protected programmesOf(module: Module): Programme[] {
        if (isProgramme(module.$container)) {
            return [module.$container];
        }
        const owners = this.coverage.programmesOf(module);
        // While an edit is being built (completion waits only for linking), the coverage may still know the
        // module's previous version. Once its references are indexed, it knows this one: an orphan is an orphan,
        // and a long file is not searched programme by programme at each keystroke.
        // Listing the programmes analyses none: only those that include the module are analysed, by gapsAround.
        const current = AstUtils.getDocument(module).state >= DocumentState.IndexedReferences;
        return owners.length > 0 || current ? owners
            : this.coverage.programmes().filter(programme => programme.includes.some(ref => ref.ref === module));
    }

    /** After `Group.`, only that group's competences. */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context);
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        const qualifier = typed.substring(0, typed.lastIndexOf('.') + 1).toLowerCase();
        return qualifier ? candidates.filter(candidate => candidate.name.toLowerCase().startsWith(qualifier)) : candidates;
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        if (node && isCatalogueItem(node)) {
            return { ...item, detail: itemTitle(node), documentation: { kind: 'markdown', value: itemDetails(node).join('\n\n') } };
        }
        if (isModule(node)) {
            return { ...item, detail: node.title };
        }
        return item;
    }
}

/**
 * The text of the top-level element that the offset is in or at the end of: from the start of the
 * last element that starts before it, to the start of the first element after it. Lexing and
 * parsing can start there, since each top-level element starts with a token and the entry rule
 * of both grammars is a list of elements.
 */
function elementAround(document: LangiumDocument, offset: number): { start: number; end: number } {
    const starts = elementStarts(document.parseResult.value);
    // The first element that starts at or after the offset, by binary search.
    let low = 0;
    let high = starts.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (starts[middle] < offset) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    const start = low > 0 ? starts[low - 1] : 0;
    const next = starts[low] === offset ? starts[low + 1] : starts[low];
    return { start, end: next ?? document.textDocument.getText().length };
}

/** Where each top-level element starts, by parse (a new parse has a new root). */
const elementStartsByRoot = new WeakMap<AstNode, number[]>();

function elementStarts(root: AstNode & { elements?: AstNode[] }): number[] {
    let starts = elementStartsByRoot.get(root);
    if (!starts) {
        starts = (root.elements ?? []).flatMap(element => (element.$cstNode ? [element.$cstNode.offset] : []));
        elementStartsByRoot.set(root, starts);
    }
    return starts;
}

/** Gaps first, in requirement order; then every other standard; keywords ('1') after both. */
function rank(value: CompletionValueItem, gaps: Map<AstNode, Gap>): CompletionValueItem {
    const gap = 'nodeDescription' in value && value.nodeDescription.node ? gaps.get(value.nodeDescription.node) : undefined;
    if (gap === undefined) {
        return { ...value, sortText: '0b' };
    }
    return { ...value, sortText: `0a${String(gap.position).padStart(4, '0')}`, labelDetails: { detail: gap.detail } };
}
