import { describe, expect, test } from 'vitest';
import { editDistance, type EditWork } from '../../../language/src/references/edit-distance.js';
import { fullEditDistance, randomStrings } from './edit-distance-oracle.js';

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
