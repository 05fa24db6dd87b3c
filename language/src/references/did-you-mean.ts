import { nameList } from '../text/name-list.js';
import { BitPattern, editDistance, type EditWork } from './edit-distance.js';

/**
 * Ranks the names closest to a misspelt one: case-insensitive edit distance
 * (with transpositions), where a name that contains the typed text counts as close.
 */
export function didYouMean(typed: string, candidates: Iterable<string>, limit = 3, work?: EditWork): readonly string[] {
    return new NameIndex(candidates).suggest(typed, limit, work);
}

/**
 * How many answers an index remembers before it starts again: more than the unknown names one file can show
 * (MAX_DIAGNOSTICS_PER_FILE), so a keystroke finds the answers of the last check, and few enough that the
 * table stays small and quick to look up. And the longest name it remembers an answer for.
 */
export const ANSWERS_KEPT = 2_048;
const LONGEST_REMEMBERED = 200;

/** Ties are broken as `localeCompare` breaks them, by a collator made once rather than per comparison. */
const collator = new Intl.Collator();

/**
 * The names in scope, indexed so that one lookup looks only at names that can be close:
 * those whose length is within the distance allowed, and, for containment, those that share
 * the typed text's first three letters. Built once per scope, it serves every unknown name.
 */
export class NameIndex {
    /**
     * The names, shortest first, their lower case, and which of 32 character classes each has once or more and
     * twice or more (see `classesLowerBound`); those of length `n` are at `firstOfLength[n]` up to `firstOfLength[n + 1]`.
     */
    protected readonly names: string[];
    protected readonly lowers: string[];
    protected readonly once: Int32Array;
    protected readonly twice: Int32Array;
    /** The search that last found each name by containment: that search does not compute its distance. */
    protected readonly contained: Int32Array;
    protected readonly firstOfLength: Int32Array;
    /** The length of the longest name (0 when there is none). */
    protected readonly longest: number;
    /** Each name's place in the order in which ties are broken (see `collator`). */
    protected readonly rank: Int32Array;
    /** The names (as positions) that contain each three-letter sequence (lower case), by `trigramKey`. */
    protected readonly byTrigram = new Map<number, number[]>();
    /** What each name typed so far was answered, by limit and then by name in lower case: the same slip is often made many times. */
    protected readonly answered = new Map<number, Map<string, readonly string[]>>();
    protected answersKept = 0;
    protected readonly pattern = new BitPattern();
    protected searches = 0;
    /** The closest names a search has found so far (as positions), and their distances: see `keep`. */
    protected closest = new Int32Array(3);
    protected closestDistances = new Int32Array(3);
    protected closestCount = 0;

    constructor(candidates: Iterable<string>) {
        const entries = [...new Set(candidates)].map(name => ({ name, lower: name.toLowerCase() }));
        entries.sort((a, b) => a.lower.length - b.lower.length);
        this.names = entries.map(entry => entry.name);
        this.lowers = entries.map(entry => entry.lower);
        this.once = new Int32Array(entries.length);
        this.twice = new Int32Array(entries.length);
        this.contained = new Int32Array(entries.length);
        this.rank = new Int32Array(entries.length);
        [...entries.keys()].sort((a, b) => collator.compare(entries[a].name, entries[b].name)).forEach((at, rank) => this.rank[at] = rank);
        this.lowers.forEach((lower, at) => {
            characterClasses(lower, classes);
            [this.once[at], this.twice[at]] = classes;
            const trigrams = new Set<number>();
            for (let i = 0; i + 3 <= lower.length; i++) {
                trigrams.add(trigramKey(lower, i));
            }
            for (const trigram of trigrams) {
                let holders = this.byTrigram.get(trigram);
                if (!holders) {
                    this.byTrigram.set(trigram, holders = []);
                }
                holders.push(at);
            }
        });
        this.longest = entries.length > 0 ? entries[entries.length - 1].lower.length : 0;
        this.firstOfLength = new Int32Array(this.longest + 2);
        let at = 0;
        for (let length = 0; length < this.firstOfLength.length; length++) {
            while (at < entries.length && entries[at].lower.length < length) {
                at++;
            }
            this.firstOfLength[length] = at;
        }
    }

    /** The closest names, at most `limit`: the array is shared with later calls that ask the same, so it must not be changed. */
    suggest(typed: string, limit = 3, work?: EditWork): readonly string[] {
        // A name longer than every name in scope by more than it may differ (a paste of 200,000 characters) is
        // answered without reading it. Lower case is never shorter, so its length only makes this surer.
        if (typed.length - reach(typed.length) > this.longest) {
            return NOTHING;
        }
        const wanted = typed.toLowerCase();
        let answers = this.answered.get(limit);
        if (!answers) {
            this.answered.set(limit, answers = new Map<string, readonly string[]>());
        }
        let suggestions = answers.get(wanted);
        if (!suggestions) {
            suggestions = this.search(wanted, limit, work);
            // An index can live as long as the names in scope do: what it remembers is bounded, and a name
            // longer than any in scope is answered at once by the length bound, so it is not kept.
            if (wanted.length <= LONGEST_REMEMBERED) {
                if (this.answersKept >= ANSWERS_KEPT) {
                    this.answered.clear();
                    this.answered.set(limit, answers = new Map<string, readonly string[]>());
                    this.answersKept = 0;
                }
                answers.set(wanted, suggestions);
                this.answersKept++;
            }
        }
        return suggestions;
    }

    protected search(wanted: string, limit: number, work?: EditWork): string[] {
        if (limit < 1) {
            return [];
        }
        const threshold = reach(wanted.length);
        const search = ++this.searches;
        if (this.closest.length < limit) {
            this.closest = new Int32Array(limit);
            this.closestDistances = new Int32Array(limit);
        }
        this.closestCount = 0;
        // A name that contains the typed text counts as one edit away, unless it is closer still (equal but for case).
        if (wanted.length >= 3) {
            for (const at of this.byTrigram.get(trigramKey(wanted, 0)) ?? []) {
                const lower = this.lowers[at];
                if (lower.length >= wanted.length && lower.includes(wanted)) {
                    this.contained[at] = search;
                    this.keep(at, lower === wanted ? 0 : 1, limit);
                }
            }
        }
        characterClasses(wanted, classes);
        const once = classes[0];
        const twice = classes[1];
        // The typed name's bit masks, made once and matched against every name of a length within reach.
        const pattern = BitPattern.fits(wanted) ? this.pattern.aim(wanted) : undefined;
        let max = this.bound(limit, threshold);
        // Lengths nearest the typed one first (longer before shorter): close names are found early, and the bound
        // they set prunes the rest.
        // Only lengths some name has are looked at: a typed name far longer than any starts at the longest.
        const longest = this.longest;
        const farthest = Math.max(wanted.length, longest - wanted.length);
        for (let difference = Math.max(0, wanted.length - longest); difference <= Math.min(max, farthest); difference++) {
            for (let side = 0; side < 2; side++) {
                const length = side === 0 ? wanted.length + difference : wanted.length - difference;
                if ((side === 1 && difference === 0) || length < 0 || length > longest) {
                    continue;
                }
                for (let at = this.firstOfLength[length], end = this.firstOfLength[length + 1]; at < end; at++) {
                    if (this.contained[at] === search || classesLowerBound(once, twice, this.once[at], this.twice[at]) > max) {
                        continue;
                    }
                    const lower = this.lowers[at];
                    const distance = pattern ? pattern.distance(lower, max, work) : editDistance(wanted, lower, max, work);
                    if (distance <= max) {
                        this.keep(at, distance, limit);
                        max = this.bound(limit, threshold);
                    }
                }
            }
        }
        // The closest names come first, so those found while the bound was looser than it is now are at the end.
        const suggestions: string[] = [];
        for (let i = 0; i < this.closestCount && this.closestDistances[i] <= max; i++) {
            suggestions.push(this.names[this.closest[i]]);
        }
        return suggestions;
    }

    /**
     * Keeps the `limit` closest names found so far, in the order they are suggested in: by distance, then
     * as `collator` orders them. Those names are also the `limit` smallest distances that bound the search.
     */
    protected keep(at: number, distance: number, limit: number): void {
        const { closest, closestDistances: distances, rank } = this;
        let place = this.closestCount;
        while (place > 0 && (distances[place - 1] > distance || (distances[place - 1] === distance && rank[closest[place - 1]] > rank[at]))) {
            place--;
        }
        if (place >= limit) {
            return;
        }
        for (let i = Math.min(this.closestCount, limit - 1); i > place; i--) {
            closest[i] = closest[i - 1];
            distances[i] = distances[i - 1];
        }
        closest[place] = at;
        distances[place] = distance;
        this.closestCount = Math.min(this.closestCount + 1, limit);
    }

    /**
     * How far a name may be and still be suggested, given the closest names kept so far: within the threshold,
     * no further than the `limit`-th closest (ties can), and within one edit of the closest, so that a near miss
     * ('AssesRiskOfHarm') is not followed by names that merely share some letters. The tighter bound also lets
     * the search pass over most names without computing their distance.
     */
    protected bound(limit: number, threshold: number): number {
        const count = this.closestCount;
        const nearest = count > 0 ? this.closestDistances[0] + CLOSE_SECOND : threshold;
        return Math.min(threshold, nearest, count < limit ? threshold : this.closestDistances[limit - 1]);
    }
}

/** How many edits a name typed with `length` characters may be from a name and still be suggested: two, or one per three characters. */
function reach(length: number): number {
    return Math.max(2, Math.floor(length / 3));
}

const NOTHING: readonly string[] = Object.freeze([]);

/** A number for the three characters of `text` from `at`, equal for equal sequences (different ones can share it). */
function trigramKey(text: string, at: number): number {
    return ((text.charCodeAt(at) * 961) + (text.charCodeAt(at + 1) * 31) + text.charCodeAt(at + 2)) & 0x3fffffff;
}

/** How many edits further than the closest name another name may be and still be suggested. */
const CLOSE_SECOND = 1;

/**
 * The character classes of a text, a bit each: those present once or more, and those present twice or more.
 * A class stands for every character with that code modulo 32.
 */
function characterClasses(text: string, into: Int32Array): void {
    let once = 0;
    let twice = 0;
    for (let i = 0; i < text.length; i++) {
        const bit = 1 << (text.charCodeAt(i) & 31);
        twice |= once & bit;
        once |= bit;
    }
    into[0] = once;
    into[1] = twice;
}

/** Scratch space for `characterClasses`: a search makes no garbage it need not make. */
const classes = new Int32Array(2);

/**
 * A lower bound of the edit distance from the classes of two texts (counted up to two): an edit
 * adds at most one occurrence of a class and removes at most one, so each occurrence one text
 * has beyond the other needs an edit of its own.
 */
function classesLowerBound(onceA: number, twiceA: number, onceB: number, twiceB: number): number {
    return Math.max(bitCountOfBoth(onceA & ~onceB, twiceA & ~twiceB), bitCountOfBoth(onceB & ~onceA, twiceB & ~twiceA));
}

/** The number of bits set in `a` and `b` together, counted in parallel: this runs for nearly every name a search considers. */
function bitCountOfBoth(a: number, b: number): number {
    let x = a - ((a >>> 1) & 0x55555555);
    let y = b - ((b >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    y = (y & 0x33333333) + ((y >>> 2) & 0x33333333);
    // Each 4 bits of x + y count up to 8: they cannot overflow into their neighbours.
    const sum = x + y;
    return ((((sum & 0x0f0f0f0f) + ((sum >>> 4) & 0x0f0f0f0f)) * 0x01010101) >>> 24);
}

/** Joins names as English prose: 'a', 'a' or 'b', 'a', 'b' or 'c'. */
export function quoteAlternatives(names: readonly string[]): string {
    return nameList(names.map(name => `'${name}'`), 'or');
}
