import { nameList } from '../text/name-list.js';

/** Counts the work of a search, so tests can bound it without timing anything. */
export interface EditWork {
    /**
     * Constant-time steps of the distance computations: a cell of the banded table, or a
     * column of the bit-parallel one (which computes up to 32 cells at once).
     */
    steps: number;
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
    /** The search that last found it by containment: that search does not compute its distance. */
    contained: number;
}

/** How many answers an index remembers before it starts again, and the longest name it remembers an answer for. */
const ANSWERS_KEPT = 10_000;
const LONGEST_REMEMBERED = 200;

/** Ties are broken as `localeCompare` breaks them, by a collator made once rather than per comparison. */
const collator = new Intl.Collator();

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
    protected readonly pattern = new BitPattern();
    protected searches = 0;

    constructor(candidates: Iterable<string>) {
        for (const name of new Set(candidates)) {
            const lower = name.toLowerCase();
            const entry: IndexedName = { name, lower, classes: characterClasses(lower), contained: 0 };
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
            // An index can live as long as the names in scope do: what it remembers is bounded, and a name
            // longer than any in scope is answered at once by the length bound, so it is not kept.
            if (wanted.length <= LONGEST_REMEMBERED) {
                if (this.answered.size >= ANSWERS_KEPT) {
                    this.answered.clear();
                }
                this.answered.set(key, suggestions);
            }
        }
        return [...suggestions];
    }

    protected search(wanted: string, limit: number, work?: EditWork): string[] {
        const threshold = Math.max(2, Math.floor(wanted.length / 3));
        const search = ++this.searches;
        const found: Array<{ entry: IndexedName; distance: number }> = [];
        // A name that contains the typed text counts as one edit away, unless it is closer still (equal but for case).
        if (wanted.length >= 3) {
            for (const entry of this.byTrigram.get(wanted.substring(0, 3)) ?? []) {
                if (entry.lower.length >= wanted.length && entry.lower.includes(wanted)) {
                    entry.contained = search;
                    found.push({ entry, distance: entry.lower === wanted ? 0 : 1 });
                }
            }
        }
        const wantedClasses = characterClasses(wanted);
        // The typed name's bit masks, made once and matched against every name of a length within reach.
        const pattern = BitPattern.fits(wanted) ? this.pattern.aim(wanted) : undefined;
        // Lengths nearest the typed one first: close names are found early, and the bound they set prunes the rest.
        // The `limit` smallest distances found so far: names further than the last of them cannot be suggested (ties can).
        const best = found.map(each => each.distance).sort((x, y) => x - y).slice(0, limit);
        let max = bound(best, limit, threshold);
        for (const length of this.lengthsOutwardFrom(wanted.length)) {
            if (Math.abs(length - wanted.length) > max) {
                break;
            }
            for (const entry of this.byLength.get(length)!) {
                if (entry.contained === search || classesLowerBound(wantedClasses, entry.classes) > max) {
                    continue;
                }
                const distance = pattern ? pattern.distance(entry.lower, max, work) : editDistance(wanted, entry.lower, max, work);
                if (distance <= max) {
                    found.push({ entry, distance });
                    insertSorted(best, distance, limit);
                    max = bound(best, limit, threshold);
                }
            }
        }
        // Names found while the bound was looser than the closest name has since made it.
        return found
            .filter(each => each.distance <= max)
            .sort((a, b) => a.distance - b.distance || collator.compare(a.entry.name, b.entry.name))
            .slice(0, limit)
            .map(each => each.entry.name);
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

/**
 * How far a name may be and still be suggested, given the ascending distances `best` found so far: within
 * the threshold, no further than the `limit`-th best (ties can), and within one edit of the closest, so that
 * a near miss ('AssesRiskOfHarm') is not followed by names that merely share some letters. The tighter bound
 * also lets the search pass over most names without computing their distance.
 */
function bound(best: readonly number[], limit: number, threshold: number): number {
    const closest = best.length > 0 ? best[0] + CLOSE_SECOND : threshold;
    return Math.min(threshold, closest, best.length < limit ? threshold : best[limit - 1]);
}

/** How many edits further than the closest name another name may be and still be suggested. */
const CLOSE_SECOND = 1;

/** Puts `value` into the ascending `values`, keeping at most `limit` of them. */
function insertSorted(values: number[], value: number, limit: number): void {
    let at = values.length;
    while (at > 0 && values[at - 1] > value) {
        at--;
    }
    values.splice(at, 0, value);
    values.length = Math.min(values.length, limit);
}

/** The longest text a bit-parallel pattern holds: one bit per character in a 32-bit word. */
const WORD = 32;

/**
 * A text of at most 32 characters as bit masks (which of its positions hold each character),
 * for the bit-parallel edit distance of Myers (1999) with Hyyrö's (2002) transpositions: one
 * step per character of the other text computes a whole column of the table, where the
 * banded table computes a cell. Names are short, so nearly every distance is computed so.
 */
class BitPattern {
    /** The masks of characters below 128; those of other characters in `others`. */
    protected readonly ascii = new Int32Array(128);
    protected others?: Map<number, number>;
    protected text = '';
    protected last = 0;

    /** Whether a text is short enough to be a pattern: 1 to 32 characters. */
    static fits(text: string): boolean {
        return text.length > 0 && text.length <= WORD;
    }

    /** Makes this the pattern of `text`, which must fit: one object serves a whole search, and no search allocates a table per name. */
    aim(text: string): this {
        for (let i = 0; i < this.text.length; i++) {
            const code = this.text.charCodeAt(i);
            if (code < 128) {
                this.ascii[code] = 0;
            }
        }
        this.others = undefined;
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            if (code < 128) {
                this.ascii[code] |= 1 << i;
            } else {
                this.others ??= new Map();
                this.others.set(code, (this.others.get(code) ?? 0) | (1 << i));
            }
        }
        this.text = text;
        this.last = 1 << (text.length - 1);
        return this;
    }

    /**
     * The optimal string alignment distance to `other` (see `editDistance`); with `max`, any
     * number above `max` once it must exceed it.
     *
     * Column j of the table holds the distances from the pattern's prefixes to the first j
     * characters of `other`, encoded as differences between neighbouring cells. Two lower
     * bounds of the final distance stop it early (Ukkonen's cut-off): distances never decrease
     * along a diagonal, so the cell of column j on the diagonal that ends in the final cell
     * bounds it; and the last cell of column j can fall by at most one per character left.
     */
    distance(other: string, max = Infinity, work?: EditWork): number {
        const length = other.length;
        const offset = length - this.text.length;
        if (Math.abs(offset) > max) {
            return max + 1;
        }
        // Vertical differences (+1 and -1) of the column, horizontal ones into it, and where the diagonal is free.
        let verticalPositive = -1;
        let verticalNegative = 0;
        let diagonalZeros = 0;
        let previousMask = 0;
        let score = this.text.length;
        // The cell on the final diagonal in the column before: at row `row`, or not yet when the row is negative.
        let diagonal = Math.abs(offset);
        let row = -offset;
        let j = 0;
        while (j < length) {
            const mask = this.ascii[other.charCodeAt(j)] ?? this.others?.get(other.charCodeAt(j)) ?? 0;
            // A transposition: this character matches one position down, the previous one this position, and the diagonal was not already free.
            const transposed = (((~diagonalZeros) & mask) << 1) & previousMask;
            diagonalZeros = (((mask & verticalPositive) + verticalPositive) ^ verticalPositive) | mask | verticalNegative | transposed;
            const horizontalPositive = verticalNegative | ~(diagonalZeros | verticalPositive);
            const horizontalNegative = diagonalZeros & verticalPositive;
            if (horizontalPositive & this.last) {
                score++;
            } else if (horizontalNegative & this.last) {
                score--;
            }
            if (row >= 0) {
                // One step down the diagonal: down the column before, then across into this one.
                diagonal += ((verticalPositive >>> row) & 1) - ((verticalNegative >>> row) & 1)
                    + ((horizontalPositive >>> row) & 1) - ((horizontalNegative >>> row) & 1);
            }
            row++;
            const shifted = (horizontalPositive << 1) | 1;
            verticalNegative = shifted & diagonalZeros;
            verticalPositive = (horizontalNegative << 1) | ~(shifted | diagonalZeros);
            previousMask = mask;
            j++;
            if (diagonal > max || score - (length - j) > max) {
                break;
            }
        }
        if (work) {
            work.steps += j;
        }
        return j < length ? max + 1 : score;
    }
}

/**
 * Optimal string alignment distance: Levenshtein plus adjacent transpositions. With `max`,
 * the search stops as soon as the distance must exceed `max`; the result is then any number
 * above `max`. When either text has at most 32 characters, the distance is computed a column
 * at a time, bit-parallel; otherwise only the diagonal band of width 2·max+1 of the table.
 */
export function editDistance(a: string, b: string, max = Infinity, work?: EditWork): number {
    if (Math.abs(a.length - b.length) > max) {
        return max + 1;
    }
    if (a.length === 0 || b.length === 0) {
        return a.length + b.length;
    }
    // The distance is symmetric: either text, if short enough, can be the pattern.
    const [pattern, other] = BitPattern.fits(a) ? [a, b] : [b, a];
    return BitPattern.fits(pattern) ? new BitPattern().aim(pattern).distance(other, max, work) : bandedEditDistance(a, b, max, work);
}

/** The edit distance by the diagonal band of its table, for texts longer than a bit-parallel pattern holds. */
function bandedEditDistance(a: string, b: string, max: number, work?: EditWork): number {
    const over = Math.min(max, Math.max(a.length, b.length)) + 1;
    const band = Math.min(over, Math.max(a.length, b.length));
    const cols = b.length + 1;
    // Three rows, reused from call to call.
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
                work.steps += cells;
            }
            return over;
        }
        [beforePrevious, previous, current] = [previous, current, beforePrevious];
        previousRowMin = rowMin;
    }
    if (work) {
        work.steps += cells;
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

function bitCount(value: number): number {
    let v = value - ((value >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Joins names as English prose: 'a', 'a' or 'b', 'a', 'b' or 'c'. */
export function quoteAlternatives(names: string[]): string {
    return nameList(names.map(name => `'${name}'`), 'or');
}
