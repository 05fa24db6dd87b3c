import { visibleText } from '../text/visible-text.js';

/**
 * Text from a spec as GitHub-flavoured Markdown, in a paragraph or a table cell: every character
 * that could start markup (emphasis, links, headings, lists, HTML, code, a table's `|`) is
 * escaped, line breaks become spaces, and control and bidi characters are shown as `\u{1B}`.
 */
const MARKUP_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function markdownText(text: string): string {
    return visibleText(text)
        .replace(/[&<>]/g, character => MARKUP_ENTITIES[character])
        // Emphasis, code, links and images, tables, strikethrough, headings; `<` and `&` are entities already.
        .replace(/[\\`*_[\]|~#]/g, character => `\\${character}`)
        // What starts a block only at the start of a line: a list, a quote, a heading underline.
        .replace(/^([-+=>]|\d+(?=[.)]))/, match => (/\d/.test(match) ? `${match}\\` : `\\${match}`));
}

/** An identifier in code style; one the grammar could not have produced is escaped text instead. */
export function markdownCode(id: string): string {
    return /^[\w.]+$/.test(id) ? `\`${id}\`` : markdownText(id);
}
