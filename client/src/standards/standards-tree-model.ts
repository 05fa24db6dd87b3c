import type { StandardsTreeNode } from '../../../language/src/protocol/standards-tree.js';

/**
 * What the standards browser shows of the server's tree, without the `vscode` API, so that it
 * can be unit-tested: each node's parent, the flat list "Find a standard…" searches, and the
 * words of a node's tooltip.
 */

/** Each node with its parent, in the order the tree shows them (depth first). */
export class StandardsIndex {
    private readonly parents = new Map<StandardsTreeNode, StandardsTreeNode | undefined>();

    constructor(readonly roots: StandardsTreeNode[]) {
        const visit = (node: StandardsTreeNode, parent: StandardsTreeNode | undefined): void => {
            this.parents.set(node, parent);
            node.children?.forEach(child => visit(child, node));
        };
        roots.forEach(root => visit(root, undefined));
    }

    parentOf(node: StandardsTreeNode): StandardsTreeNode | undefined {
        return this.parents.get(node);
    }

    /**
     * Every standard once, where it is declared (not where a role or pathway repeats it), for
     * "Find a standard…". A node is where its standard is declared when no node before it has
     * the same location.
     */
    standards(): StandardsTreeNode[] {
        const seen = new Set<string>();
        const found: StandardsTreeNode[] = [];
        for (const node of this.parents.keys()) {
            const key = `${node.location.uri}#${node.location.range.start.line}:${node.location.range.start.character}`;
            if (!seen.has(key)) {
                seen.add(key);
                found.push(node);
            }
        }
        return found;
    }

    /** The nodes that every word of the query occurs in (in its name, title, words or kind), ignoring case. */
    search(query: string): StandardsTreeNode[] {
        const words = query.toLowerCase().split(/\s+/).filter(word => word.length > 0);
        return this.standards().filter(node => {
            const haystack = searchText(node);
            return words.every(word => haystack.includes(word));
        });
    }
}

export function searchText(node: StandardsTreeNode): string {
    return [node.id, node.title, node.text, node.kind].join(' ').toLowerCase();
}

/** The tooltip's Markdown: kind and name, title, its words as a quote, its source, and the mark explained. */
export function tooltipMarkdown(node: StandardsTreeNode, programmeTitle: string | undefined): string {
    const paragraphs = [`**${escapeMarkdown(node.kind)}** \`${node.id.replace(/`/g, '')}\`${node.title ? ` — ${escapeMarkdown(node.title)}` : ''}`];
    if (node.text) {
        paragraphs.push(node.text.split(/\r?\n/).map(line => `> ${escapeMarkdown(line)}`).join('\n'));
    }
    if (node.source) {
        paragraphs.push(`**Source:** ${escapeMarkdown(node.source)}`);
    }
    const mark = markSentence(node, programmeTitle);
    if (mark) {
        paragraphs.push(mark);
    }
    return paragraphs.join('\n\n');
}

/** 'Covered in Court team' or 'Not covered yet in Court team, which requires it', for the tooltip and for screen readers. */
export function markSentence(node: StandardsTreeNode, programmeTitle: string | undefined): string | undefined {
    if (!node.mark || programmeTitle === undefined) {
        return undefined;
    }
    const programme = escapeMarkdown(programmeTitle);
    if (node.children && node.children.length > 0) {
        return node.mark === 'covered' ? `All covered in ${programme}` : `Some not covered yet in ${programme}`;
    }
    return node.mark === 'covered' ? `Covered in ${programme}` : `Not covered yet in ${programme}, which requires it`;
}

function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_[\]<>]/g, character => `\\${character}`);
}
