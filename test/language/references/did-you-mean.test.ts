import { describe, expect, test } from 'vitest';
import { didYouMean, editDistance, quoteAlternatives } from '../../../language/src/references/did-you-mean.js';

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

describe('quoteAlternatives', () => {
    test('joins quoted names as English prose', () => {
        expect(quoteAlternatives([])).toBe('');
        expect(quoteAlternatives(['PO'])).toBe(`'PO'`);
        expect(quoteAlternatives(['PO', 'PSO'])).toBe(`'PO' or 'PSO'`);
        expect(quoteAlternatives(['RoSH.a', 'RoSH.b', 'RoSH.c'])).toBe(`'RoSH.a', 'RoSH.b' or 'RoSH.c'`);
    });
});
