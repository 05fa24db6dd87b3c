/**
 * A short fingerprint of texts (32-bit FNV-1a, in hex): enough to tell apart builds of the
 * library or the documents of a workspace in a folder name, and the same wherever it runs (no
 * Node `crypto` needed, so the browser build can use it too).
 */
export function fingerprint(...texts: readonly string[]): string {
    let hash = 0x811c9dc5;
    for (const text of texts) {
        for (let i = 0; i < text.length; i++) {
            hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
        }
        // Between texts, so that ['ab', 'c'] and ['a', 'bc'] differ.
        hash = Math.imul(hash ^ 0xff, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
}
