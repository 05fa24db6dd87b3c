/**
 * Characters that must never reach a terminal, a CI log or a report page as they are: C0
 * controls (ESC starts the sequences that recolour, move the cursor or clear a line; CR hides
 * the start of a line; BEL rings), DEL, C1 controls (U+009B is a one-character ESC [), the
 * bidirectional embeddings, overrides and isolates that make text read differently from how it
 * is stored ("Trojan Source"), and the Unicode line and paragraph separators that some viewers
 * break lines at.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * Shows every unsafe character of `text` (a message, a name, a file name, a title: anything
 * that may come from a spec or the disk) as a visible escape such as `\u{1B}`, and leaves the
 * rest as it is. Every human-readable format goes through this one function.
 */
export function visibleText(text: string): string {
    return text.replace(UNSAFE, character => `\\u{${character.charCodeAt(0).toString(16).toUpperCase()}}`);
}
