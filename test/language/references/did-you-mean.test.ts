import { beforeAll, describe, expect, test } from 'vitest';
import { didYouMean, editDistance, NameIndex, quoteAlternatives, type EditWork } from '../../../language/src/references/did-you-mean.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const ROSH = 'abcdefghi'.split('').map(letter => `RoSH.${letter}`);

describe('editDistance', () => {
    test('is 0 for equal strings and the length of the other for an empty one', () => {
        expect(editDistance('', '')).toBe(0);
        expect(editDistance('RoSH', 'RoSH')).toBe(0);
        expect(editDistance('', 'abc')).toBe(3);
        expect(editDistance('abc', '')).toBe(3);
    });

    test('counts insertions, deletions and substitutions', () => {
        expect(editDistance('kitten', 'sitting')).toBe(3);
        expect(editDistance('RoSH.z', 'RoSH.a')).toBe(1);
        expect(editDistance('PSO', 'PO')).toBe(1);
    });

    test('counts swapping two adjacent characters as one edit', () => {
        expect(editDistance('ab', 'ba')).toBe(1);
        expect(editDistance('CourtWrok', 'CourtWork')).toBe(1);
    });

    test('does not edit a substring twice (optimal string alignment)', () => {
        expect(editDistance('ca', 'abc')).toBe(3);
    });

    test('is case-sensitive: didYouMean lower-cases before calling it', () => {
        expect(editDistance('pso', 'PSO')).toBe(3);
    });
});

describe('didYouMean', () => {
    test('suggests the three closest names, ties in alphabetical order', () => {
        expect(didYouMean('RoSH.z', [...ROSH].reverse())).toEqual(['RoSH.a', 'RoSH.b', 'RoSH.c']);
    });

    test('honours a smaller limit', () => {
        expect(didYouMean('RoSH.z', ROSH, 1)).toEqual(['RoSH.a']);
    });

    test('ranks closer names first', () => {
        expect(didYouMean('Programme', ['Programs', 'ProgrammesSpecialist', 'Programmes'])).toEqual(['Programmes', 'ProgrammesSpecialist', 'Programs']);
    });

    test('ignores case, and puts a name that differs only in case first', () => {
        expect(didYouMean('pso', ['PO', 'PSO'])).toEqual(['PSO', 'PO']);
    });

    test('counts a name that contains the typed text (three characters or more) as close', () => {
        expect(didYouMean('Risk', ['RiskSkills', 'DiversitySkills'])).toEqual(['RiskSkills']);
        expect(didYouMean('PO', ['PoProtectPublic'])).toEqual([]);
    });

    test('allows two edits, or one per three characters typed in a longer name', () => {
        expect(didYouMean('PX', ['PO', 'PSO', 'CaseManager'])).toEqual(['PO', 'PSO']);
        expect(didYouMean('CaseMngr', ['CaseManager'])).toEqual([]);
        expect(didYouMean('CasManagr', ['CaseManager'])).toEqual(['CaseManager']);
    });

    test('suggests nothing when no name is close', () => {
        expect(didYouMean('Zebra', ['PSO', 'PO', 'CaseManager'])).toEqual([]);
        expect(didYouMean('RoSH.z', [])).toEqual([]);
    });

    test('suggests a name once however often it is in scope', () => {
        expect(didYouMean('PX', ['PO', 'PO', 'PSO'])).toEqual(['PO', 'PSO']);
    });
});

/** The full-table distance the bounded one must agree with. */
function fullEditDistance(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.length][b.length];
}

/** The ranking by brute force: every candidate, full tables. */
function bruteForceDidYouMean(typed: string, candidates: string[], limit = 3): string[] {
    const wanted = typed.toLowerCase();
    const threshold = Math.max(2, Math.floor(wanted.length / 3));
    const ranked = [...new Set(candidates)]
        .map(name => ({ name, distance: Math.min(fullEditDistance(wanted, name.toLowerCase()), wanted.length >= 3 && name.toLowerCase().includes(wanted) ? 1 : Infinity) }))
        .filter(entry => entry.distance <= threshold)
        .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
    // Only names within one edit of the closest.
    return ranked
        .filter(entry => entry.distance <= ranked[0].distance + 1)
        .slice(0, limit)
        .map(entry => entry.name);
}

/** A small deterministic generator, so failures reproduce. */
function randomStrings(seed: number): (alphabet: string, maxLength: number) => string {
    let state = seed;
    const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    return (alphabet, maxLength) => Array.from({ length: Math.floor(next() * (maxLength + 1)) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}

describe('bounded edit distance', () => {
    test('agrees with the full table within the bound and exceeds the bound otherwise', () => {
        const random = randomStrings(7);
        for (let run = 0; run < 3000; run++) {
            const [a, b] = [random('abcA.', 9), random('abcA.', 9)];
            const max = run % 5;
            const full = fullEditDistance(a, b);
            const bounded = editDistance(a, b, max);
            expect(full <= max ? bounded === full : bounded > max, `${a} ${b} within ${max}: ${bounded}, full ${full}`).toBe(true);
        }
    });

    test('agrees with the full table for names of any length up to and past 32 characters, a few slips apart or unrelated', () => {
        let state = 19;
        const next = (below: number): number => Math.floor((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 * below);
        const alphabet = 'abcdeRoSH.1';
        const text = (length: number): string => Array.from({ length }, () => alphabet[next(alphabet.length)]).join('');
        /** `original` after `slips` random insertions, deletions, substitutions and swaps of neighbours. */
        const slipped = (original: string, slips: number): string => {
            let result = original;
            for (let i = 0; i < slips; i++) {
                const at = next(result.length + 1);
                const letter = alphabet[next(alphabet.length)];
                const edits = [
                    () => result.slice(0, at) + letter + result.slice(at),
                    () => result.slice(0, at) + result.slice(at + 1),
                    () => result.slice(0, at) + letter + result.slice(at + 1),
                    () => result.slice(0, at) + result.slice(at + 1, at + 2) + result.slice(at, at + 1) + result.slice(at + 2)
                ];
                result = edits[next(edits.length)]();
            }
            return result;
        };
        for (let run = 0; run < 4000; run++) {
            const a = text(next(41));
            const b = run % 4 === 0 ? text(next(41)) : slipped(a, next(6));
            const max = run % 9 === 8 ? Infinity : run % 8;
            const full = fullEditDistance(a, b);
            for (const [x, y] of [[a, b], [b, a]]) {
                const bounded = editDistance(x, y, max);
                expect(full <= max ? bounded === full : bounded > max, `${x} ${y} within ${max}: ${bounded}, full ${full}`).toBe(true);
            }
        }
    });

    test('past 32 characters, computes only the band around the diagonal and stops once the bound is passed', () => {
        const work: EditWork = { steps: 0 };
        editDistance('a'.repeat(1000), 'a'.repeat(1000), 2, work);
        expect(work.steps).toBeLessThanOrEqual(1000 * 7);
        work.steps = 0;
        expect(editDistance('a'.repeat(1000), 'b'.repeat(1000), 2, work)).toBeGreaterThan(2);
        expect(work.steps).toBeLessThanOrEqual(4 * 7);
        work.steps = 0;
        expect(editDistance('a'.repeat(200_000), 'abc', 2, work)).toBeGreaterThan(2);
        expect(work.steps).toBe(0);
    });
});

describe('NameIndex', () => {
    /** Every name the built-in library declares. */
    let names: string[] = [];
    beforeAll(async () => {
        const workspace = await TestWorkspace.create({});
        names = workspace.services.shared.workspace.IndexManager.allElements().map(description => description.name).toArray();
    });

    test('suggests what a search of every name with full tables suggests', () => {
        const random = randomStrings(11);
        const typos = names.slice(0, 400).flatMap(name => {
            const at = Math.floor(name.length / 2);
            return [name.slice(0, at) + name.slice(at + 1), name.slice(0, at) + 'x' + name.slice(at), name.toLowerCase(), name.slice(1, 6), random('aeiorstPSO.', 12)];
        });
        const index = new NameIndex(names);
        for (const typed of typos) {
            expect(index.suggest(typed), typed).toEqual(bruteForceDidYouMean(typed, names));
        }
    });

    test('a thousand misspelt names cost a bounded number of steps each, not a full table, nor a full column per character, per name in scope', () => {
        const index = new NameIndex(names);
        const work: EditWork = { steps: 0 };
        const typos = Array.from({ length: 1000 }, (_, i) => {
            const name = names[i % names.length];
            return `${name.slice(0, 2)}q${name.slice(3)}${i}`;
        });
        typos.forEach(typed => index.suggest(typed, 3, work));
        // A full table per name in scope costs |typed| × |name| cells for each of the library's names;
        // bit-parallel, a full comparison costs one step per character of the name.
        const fullTables = typos.reduce((sum, typed) => sum + names.reduce((cells, name) => cells + typed.length * name.length, 0), 0);
        const fullColumns = typos.length * names.reduce((sum, name) => sum + name.length, 0);
        expect(work.steps).toBeLessThan(fullTables / 100);
        expect(work.steps).toBeLessThan(fullColumns / 5);
    });

    test('the same slip made again, in any case, is answered without computing again', () => {
        const index = new NameIndex(names);
        const work: EditWork = { steps: 0 };
        const first = index.suggest('PsoAsessRisk', 3, work);
        const steps = work.steps;
        expect(steps).toBeGreaterThan(0);
        expect(index.suggest('psoasessrisk', 3, work)).toEqual(first);
        expect(work.steps).toBe(steps);
    });

    test('answers are remembered for names of a sensible length only: an index that lives on does not keep 200,000-character keys', () => {
        class CountingIndex extends NameIndex {
            remembered(): number {
                return this.answered.size;
            }
        }
        const index = new CountingIndex(names);
        index.suggest('PsoAsessRisk');
        index.suggest('Risk'.repeat(50_000));
        expect(index.remembered()).toBe(1);
    });

    test('a name of 200,000 characters takes no steps against short names', () => {
        const work: EditWork = { steps: 0 };
        expect(new NameIndex(names).suggest('Risk'.repeat(50_000), 3, work)).toEqual([]);
        expect(work.steps).toBe(0);
    });
});

describe('quoteAlternatives', () => {
    test('joins quoted names as English prose', () => {
        expect(quoteAlternatives([])).toBe('');
        expect(quoteAlternatives(['PO'])).toBe(`'PO'`);
        expect(quoteAlternatives(['PO', 'PSO'])).toBe(`'PO' or 'PSO'`);
        expect(quoteAlternatives(['RoSH.a', 'RoSH.b', 'RoSH.c'])).toBe(`'RoSH.a', 'RoSH.b' or 'RoSH.c'`);
    });
});
