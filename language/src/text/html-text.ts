import { visibleText } from './visible-text.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: markup characters as entities, in element content and in quoted attributes alike. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, character => ESCAPES[character]);
}

/** Text from a spec as HTML: escaped, with control and bidi characters shown as `\u{1B}`. */
export function htmlText(text: string): string {
    return escapeHtml(visibleText(text));
}
