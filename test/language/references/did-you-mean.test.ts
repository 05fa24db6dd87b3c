import { beforeAll, describe, expect, test } from 'vitest';
import { ANSWERS_KEPT, didYouMean, NameIndex, quoteAlternatives } from '../../../language/src/references/did-you-mean.js';
import type { EditWork } from '../../../language/src/references/edit-distance.js';
import { TestWorkspace } from '../../support/test-workspace.js';
import { fullEditDistance, randomStrings } from './edit-distance-oracle.js';

const ROSH = 'abcdefghi'.split('').map(letter => `RoSH.${letter}`);

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
        // The names a count of their letters already rules out are not compared at all (about 1/40 of a full column each).
        expect(work.steps).toBeLessThan(fullColumns / 25);
    });

    test('suggests what brute force suggests among names that repeat their letters, where counting letters prunes most', () => {
        const random = randomStrings(23);
        const candidates = Array.from({ length: 300 }, () => random('aabbbc.S', 12)).filter(name => name.length > 0);
        const index = new NameIndex(candidates);
        for (let run = 0; run < 300; run++) {
            const typed = random('aaabbcc.SS', 13);
            expect(index.suggest(typed), typed).toEqual(bruteForceDidYouMean(typed, candidates));
        }
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
                return [...this.answered.values()].reduce((sum, answers) => sum + answers.size, 0);
            }
        }
        const index = new CountingIndex(names);
        index.suggest('PsoAsessRisk');
        index.suggest('Risk'.repeat(50_000));
        expect(index.remembered()).toBe(1);
    });

    test('remembers a bounded number of answers, however many different slips it is asked about', () => {
        class CountingIndex extends NameIndex {
            remembered(): number {
                return [...this.answered.values()].reduce((sum, answers) => sum + answers.size, 0);
            }
        }
        const index = new CountingIndex(names);
        for (let i = 0; i < ANSWERS_KEPT * 3; i++) {
            index.suggest(`PsoAsessRisk${i}`);
            expect(index.remembered()).toBeLessThanOrEqual(ANSWERS_KEPT);
        }
        expect(index.remembered()).toBeGreaterThan(0);
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
