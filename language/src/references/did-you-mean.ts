import { nameList } from '../text/name-list.js';

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
    /** Which of 32 character classes the name has, and how often, for cheap lower bounds of the distance. */
    classes: number;
    counts: Int32Array;
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
    /** What each name typed so far was answered, by limit and name in lower case: the same slip is often made many times. */
    protected readonly answered = new Map<string, string[]>();

    constructor(candidates: Iterable<string>) {
        for (const name of new Set(candidates)) {
            const lower = name.toLowerCase();
            const entry: IndexedName = { name, lower, classes: characterClasses(lower), counts: classCounts(lower) };
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
        const key = `${limit} ${wanted}`;
        let suggestions = this.answered.get(key);
        if (!suggestions) {
            suggestions = this.search(wanted, limit, work);
            this.answered.set(key, suggestions);
        }
        return [...suggestions];
    }

    protected search(wanted: string, limit: number, work?: EditWork): string[] {
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
        // Lengths nearest the typed one first: close names are found early, and the bound they set prunes the rest.
        // The `limit` smallest distances found so far: names further than the last of them cannot be suggested (ties can).
        const best = [...found.values()].sort((x, y) => x - y).slice(0, limit);
        const bound = (): number => (best.length < limit ? threshold : Math.min(threshold, best[limit - 1]));
        for (const length of this.lengthsOutwardFrom(wanted.length)) {
            if (Math.abs(length - wanted.length) > bound()) {
                break;
            }
            for (const entry of this.byLength.get(length)!) {
                const max = bound();
                if (found.has(entry) || classesLowerBound(wantedClasses, entry.classes) > max || bagDistance(wantedCounts, entry.counts) > max) {
                    continue;
                }
                const distance = editDistance(wanted, entry.lower, max, work);
                if (distance <= max) {
                    found.set(entry, distance);
                    insertSorted(best, distance, limit);
                }
            }
        }
        return [...found]
            .map(([entry, distance]) => ({ name: entry.name, distance }))
            .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
            .slice(0, limit)
            .map(entry => entry.name);
    }

    /** The lengths present, in order of their difference from `length`; the caller stops once they are too far. */
    protected lengthsOutwardFrom(length: number): number[] {
        let above = this.lengths.findIndex(each => each >= length);
        above = above < 0 ? this.lengths.length : above;
        let below = above - 1;
        const ordered: number[] = [];
        while (below >= 0 || above < this.lengths.length) {
            const takeAbove = below < 0 || (above < this.lengths.length && this.lengths[above] - length <= length - this.lengths[below]);
            ordered.push(takeAbove ? this.lengths[above++] : this.lengths[below--]);
        }
        return ordered;
    }
}

/** Puts `value` into the ascending `values`, keeping at most `limit` of them. */
function insertSorted(values: number[], value: number, limit: number): void {
    let at = values.length;
    while (at > 0 && values[at - 1] > value) {
        at--;
    }
    values.splice(at, 0, value);
    values.length = Math.min(values.length, limit);
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
    // Three rows, reused from call to call: a search computes many small tables.
    let [beforePrevious, previous, current] = scratchRows(cols);
    beforePrevious.fill(over, 0, cols);
    for (let j = 0; j < cols; j++) {
        previous[j] = Math.min(j, over);
    }
    let cells = 0;
    let previousRowMin = 0;
    for (let i = 1; i <= a.length; i++) {
        const from = Math.max(1, i - band);
        const to = Math.min(b.length, i + band);
        current.fill(over, 0, cols);
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

let rows: Float64Array[] = [];

function scratchRows(length: number): Float64Array[] {
    if (rows.length === 0 || rows[0].length < length) {
        rows = [0, 1, 2].map(() => new Float64Array(Math.max(length, 64)));
    }
    return [...rows];
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
function bagDistance(a: Int32Array, b: Int32Array): number {
    let onlyA = 0;
    let onlyB = 0;
    for (let key = 0; key < 32; key++) {
        const difference = a[key] - b[key];
        if (difference > 0) {
            onlyA += difference;
        } else {
            onlyB -= difference;
        }
    }
    return Math.max(onlyA, onlyB);
}

function bitCount(value: number): number {
    let v = value - ((value >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Joins names as English prose: 'a', 'a' or 'b', 'a', 'b' or 'c'. */
export function quoteAlternatives(names: string[]): string {
    return nameList(names.map(name => `'${name}'`), 'or');
}
