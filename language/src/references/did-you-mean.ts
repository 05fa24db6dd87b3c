/** Counts the work of a search, so tests can bound it without timing anything. */
export interface EditWork {
    /** Cells of the edit-distance table computed. */
    cells: number;
}

/**
 * Ranks the names closest to a misspelt one: case-insensitive edit distance
 * (with transpositions), where a name that contains the typed text counts as close.
 */
export function didYouMean(typed: string, candidates: Iterable<string>, limit = 3, work?: EditWork): string[] {
    return new NameIndex(candidates).suggest(typed, limit, work);
}

interface IndexedName {
    name: string;
    lower: string;
    /** Which of 32 character classes the name has, for a cheap lower bound of the distance. */
    classes: number;
}

/**
 * The names in scope, indexed so that one lookup looks only at names that can be close:
 * those whose length is within the distance allowed, and, for containment, those that share
 * the typed text's first three letters. Built once per scope, it serves every unknown name.
 */
export class NameIndex {
    /** Distinct lengths present, ascending, and the names of each. */
    protected readonly lengths: number[];
    protected readonly byLength = new Map<number, IndexedName[]>();
    /** Names by each three-letter sequence they contain (lower case). */
    protected readonly byTrigram = new Map<string, IndexedName[]>();

    constructor(candidates: Iterable<string>) {
        for (const name of new Set(candidates)) {
            const lower = name.toLowerCase();
            const entry: IndexedName = { name, lower, classes: characterClasses(lower) };
            let sameLength = this.byLength.get(lower.length);
            if (!sameLength) {
                this.byLength.set(lower.length, sameLength = []);
            }
            sameLength.push(entry);
            const trigrams = new Set<string>();
            for (let i = 0; i + 3 <= lower.length; i++) {
                trigrams.add(lower.substring(i, i + 3));
            }
            for (const trigram of trigrams) {
                let holders = this.byTrigram.get(trigram);
                if (!holders) {
                    this.byTrigram.set(trigram, holders = []);
                }
                holders.push(entry);
            }
        }
        this.lengths = [...this.byLength.keys()].sort((a, b) => a - b);
    }

    suggest(typed: string, limit = 3, work?: EditWork): string[] {
        const wanted = typed.toLowerCase();
        const threshold = Math.max(2, Math.floor(wanted.length / 3));
        const found = new Map<IndexedName, number>();
        // A name that contains the typed text counts as one edit away, unless it is closer still (equal but for case).
        if (wanted.length >= 3) {
            for (const entry of this.byTrigram.get(wanted.substring(0, 3)) ?? []) {
                if (entry.lower.length >= wanted.length && entry.lower.includes(wanted)) {
                    found.set(entry, entry.lower === wanted ? 0 : 1);
                }
            }
        }
        const wantedClasses = characterClasses(wanted);
        const wantedCounts = classCounts(wanted);
        for (const length of this.lengths) {
            if (length < wanted.length - threshold) {
                continue;
            }
            if (length > wanted.length + threshold) {
                break;
            }
            for (const entry of this.byLength.get(length)!) {
                // Only names at most as far as the `limit`-th closest so far can still be suggested (ties included).
                const bound = Math.min(threshold, limitDistance(found, limit));
                if (found.has(entry) || Math.abs(length - wanted.length) > bound || classesLowerBound(wantedClasses, entry.classes) > bound
                    || bagDistance(wantedCounts, entry.lower) > bound) {
                    continue;
                }
                const distance = editDistance(wanted, entry.lower, bound, work);
                if (distance <= bound) {
                    found.set(entry, distance);
                }
            }
        }
        return [...found]
            .map(([entry, distance]) => ({ name: entry.name, distance }))
            .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
            .slice(0, limit)
            .map(entry => entry.name);
    }
}

/** The distance of the `limit`-th closest name found, or no limit while fewer are found. */
function limitDistance(found: Map<IndexedName, number>, limit: number): number {
    if (found.size < limit) {
        return Infinity;
    }
    return [...found.values()].sort((a, b) => a - b)[limit - 1];
}

/**
 * Optimal string alignment distance: Levenshtein plus adjacent transpositions. With `max`,
 * only the diagonal band of width 2·max+1 is computed and the search stops as soon as the
 * distance must exceed `max`; the result is then any number above `max`.
 */
export function editDistance(a: string, b: string, max = Infinity, work?: EditWork): number {
    if (Math.abs(a.length - b.length) > max) {
        return max + 1;
    }
    const over = Math.min(max, Math.max(a.length, b.length)) + 1;
    const band = Math.min(over, Math.max(a.length, b.length));
    const cols = b.length + 1;
    let beforePrevious = new Array<number>(cols).fill(over);
    let previous = Array.from({ length: cols }, (_, j) => Math.min(j, over));
    let current = new Array<number>(cols).fill(over);
    let cells = 0;
    let previousRowMin = 0;
    for (let i = 1; i <= a.length; i++) {
        const from = Math.max(1, i - band);
        const to = Math.min(b.length, i + band);
        current.fill(over);
        current[0] = Math.min(i, over);
        let rowMin = current[0];
        for (let j = from; j <= to; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                value = Math.min(value, beforePrevious[j - 2] + 1);
            }
            current[j] = Math.min(value, over);
            rowMin = Math.min(rowMin, current[j]);
        }
        cells += to - from + 1;
        // A transposition skips a row, so only two rows both over the limit prove the distance is.
        if (rowMin >= over && previousRowMin >= over) {
            if (work) {
                work.cells += cells;
            }
            return over;
        }
        [beforePrevious, previous, current] = [previous, current, beforePrevious];
        previousRowMin = rowMin;
    }
    if (work) {
        work.cells += cells;
    }
    return previous[b.length];
}

/** A bit for each character class present; a class stands for every character with that code modulo 32. */
function characterClasses(text: string): number {
    let classes = 0;
    for (let i = 0; i < text.length; i++) {
        classes |= 1 << (text.charCodeAt(i) & 31);
    }
    return classes;
}

/**
 * A lower bound of the edit distance: each class one side has and the other lacks needs an
 * edit of its own, and one edit (a substitution) can remove at most one such class from each side.
 */
function classesLowerBound(a: number, b: number): number {
    return Math.max(bitCount(a & ~b), bitCount(b & ~a));
}

/** How often each character class occurs. */
function classCounts(text: string): Int32Array {
    const counts = new Int32Array(32);
    for (let i = 0; i < text.length; i++) {
        counts[text.charCodeAt(i) & 31]++;
    }
    return counts;
}

/**
 * The bag distance, a lower bound of the edit distance that counts occurrences: the characters
 * of one side that the other cannot match, on the side with more of them.
 */
function bagDistance(counts: Int32Array, text: string): number {
    const left = counts.slice();
    let unmatched = 0;
    for (let i = 0; i < text.length; i++) {
        const key = text.charCodeAt(i) & 31;
        if (left[key] > 0) {
            left[key]--;
        } else {
            unmatched++;
        }
    }
    let unused = 0;
    for (let key = 0; key < 32; key++) {
        unused += left[key];
    }
    return Math.max(unmatched, unused);
}

function bitCount(value: number): number {
    let v = value - ((value >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Joins names as English prose: 'a', 'a' or 'b', 'a', 'b' or 'c'. */
export function quoteAlternatives(names: string[]): string {
    const quoted = names.map(name => `'${name}'`);
    return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
