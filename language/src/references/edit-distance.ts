/** Counts the work of a search, so tests can bound it without timing anything. */
export interface EditWork {
    /**
     * Constant-time steps of the distance computations: a cell of the banded table, or a
     * column of the bit-parallel one (which computes up to 32 cells at once).
     */
    steps: number;
}

/** The longest text a bit-parallel pattern holds: one bit per character in a 32-bit word. */
const WORD = 32;

/**
 * A text of at most 32 characters as bit masks (which of its positions hold each character),
 * for the bit-parallel edit distance of Myers (1999) with Hyyrö's (2002) transpositions: one
 * step per character of the other text computes a whole column of the table, where the
 * banded table computes a cell. Names are short, so nearly every distance is computed so.
 */
export class BitPattern {
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
        // Read once: the loop below runs for every character of nearly every name a search compares.
        const { ascii, others, last } = this;
        let j = 0;
        while (j < length) {
            const code = other.charCodeAt(j);
            const mask = code < 128 ? ascii[code] : others?.get(code) ?? 0;
            // A transposition: this character matches one position down, the previous one this position, and the diagonal was not already free.
            const transposed = (((~diagonalZeros) & mask) << 1) & previousMask;
            // `| 0` keeps the sum a 32-bit integer, as the algorithm means it (and as the compiler then keeps it).
            diagonalZeros = ((((mask & verticalPositive) + verticalPositive) | 0) ^ verticalPositive) | mask | verticalNegative | transposed;
            const horizontalPositive = verticalNegative | ~(diagonalZeros | verticalPositive);
            const horizontalNegative = diagonalZeros & verticalPositive;
            if (horizontalPositive & last) {
                score++;
            } else if (horizontalNegative & last) {
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
