import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import { isCompetence, isItem } from '../generated/ast.js';
import { itemProvenance, itemText, itemTitle, kindLabel, provenanceLabel, provenanceText, shownName, type CatalogueItem } from '../catalogue/item-descriptions.js';

/**
 * Markdown building blocks for hover and completion documentation. Standards are quoted
 * verbatim: only characters that Markdown would otherwise swallow are escaped.
 */

export function isCatalogueItem(node: AstNode): node is CatalogueItem {
    return isItem(node) || isCompetence(node);
}

/** Escapes the characters that would turn plain text into Markdown formatting. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_[\]<>]/g, character => `\\${character}`);
}

/** `**NOS unit** \`RoSH.a\` — Title`: the kind, the name as specs write it, and a title unless it is missing or only repeats `text`. */
export function heading(node: AstNode, name: string | undefined, title?: string, text?: string): string {
    const shownTitle = title && title !== text ? ` — ${escapeMarkdown(title)}` : '';
    const shown = name ? `\`${name}\`` : `(no name yet)`;
    return `**${kindLabel(node.$type)}** ${shown}${shownTitle}`;
}

/** The item's own words as a block quote, then where they come from, its code and its notes. */
export function itemDetails(item: CatalogueItem): string[] {
    const text = itemText(item);
    const paragraphs = text ? [blockQuote(text)] : [];
    const source = provenanceLabel(provenanceText(itemProvenance(item)));
    if (source) {
        paragraphs.push(`**Source:** ${escapeMarkdown(source)}`);
    }
    if (!isCompetence(item)) {
        if (item.code) {
            paragraphs.push(`**Code:** ${escapeMarkdown(item.code)}`);
        }
        paragraphs.push(...item.notes.map(note => `**Note:** ${escapeMarkdown(note)}`));
    }
    return paragraphs;
}

/** The heading and details of a catalogue item. */
export function itemMarkdown(item: CatalogueItem, name: string | undefined): string[] {
    return [heading(item, name, itemTitle(item), itemText(item)), ...itemDetails(item)];
}

export function blockQuote(text: string): string {
    return text.split(/\r?\n/).map(line => `> ${escapeMarkdown(line)}`).join('\n');
}

/** `[Name](file:///…/programme.tspec#L12)`: a link that opens the declaration at its line. */
export function declarationLink(node: AstNode): string {
    const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode;
    const line = (nameNode?.range.start.line ?? 0) + 1;
    return `[${escapeMarkdown(shownName(node))}](${AstUtils.getDocument(node).uri.toString()}#L${line})`;
}

export function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
