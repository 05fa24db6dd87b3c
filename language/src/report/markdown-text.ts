import { escapeHtml } from '../text/html-text.js';
import { visibleText } from '../text/visible-text.js';

/**
 * Text from a spec as GitHub-flavoured Markdown, in a paragraph or a table cell: every character
 * that could start markup (emphasis, links, headings, lists, HTML, code, a table's `|`) is
 * escaped, line breaks become spaces, and control and bidi characters are shown as `\u{1B}`.
 */
export function markdownText(text: string): string {
    return escapeHtml(visibleText(text))
        .replace(/[\\`*_{}[\]()#+\-.!|~]/g, character => `\\${character}`);
}

/** An identifier in code style; one the grammar could not have produced is escaped text instead. */
export function markdownCode(id: string): string {
    return /^[\w.]+$/.test(id) ? `\`${id}\`` : markdownText(id);
}
