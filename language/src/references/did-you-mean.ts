import { nameList } from '../text/name-list.js';

/**
 * Ranks the names closest to a misspelt one: case-insensitive edit distance
 * (with transpositions), where a name that contains the typed text counts as close.
 */
export function didYouMean(typed: string, candidates: Iterable<string>, limit = 3): string[] {
    const wanted = typed.toLowerCase();
    const threshold = Math.max(2, Math.floor(wanted.length / 3));
    const ranked: Array<{ name: string; distance: number }> = [];
    for (const name of new Set(candidates)) {
        const lower = name.toLowerCase();
        // A name that contains the typed text counts as one edit away, unless it is closer still (equal but for case).
        const distance = Math.min(editDistance(wanted, lower), wanted.length >= 3 && lower.includes(wanted) ? 1 : Infinity);
        if (distance <= threshold) {
            ranked.push({ name, distance });
        }
    }
    ranked.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
    return ranked.slice(0, limit).map(entry => entry.name);
}

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
export function editDistance(a: string, b: string): number {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.length][b.length];
}

/** Joins names as English prose: 'a', 'a' or 'b', 'a', 'b' or 'c'. */
export function quoteAlternatives(names: string[]): string {
    return nameList(names.map(name => `'${name}'`), 'or');
}
