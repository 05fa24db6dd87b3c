import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test, vi, type MockInstance } from 'vitest';
import { exerciseEveryProvider } from '../../support/every-provider.js';
import { cursorOffsets, halfTypedDocuments, type HalfTypedDocument } from '../../support/half-typed-specs.js';
import { TestWorkspace } from '../../support/test-workspace.js';

/**
 * Parser recovery builds nodes with missing names, titles and texts: exactly what a person
 * produces while typing. Whatever the text, no language feature may throw or log an error,
 * and nothing a person reads (a diagnostic in any file, a hover, a completion, a quick fix,
 * a lens, a symbol) may show a missing name as 'undefined'.
 *
 * `npm run fuzz` runs the same property for longer with a fresh seed (TRAINSPEC_FUZZ_SECONDS,
 * TRAINSPEC_FUZZ_SEED) and prints its seed, inputs, duration and any failing input; in
 * `npm test` it runs with a fixed seed and a bounded number of inputs (TRAINSPEC_FUZZ_RUNS).
 * A failure names the seed and path that replay it (TRAINSPEC_FUZZ_SEED, TRAINSPEC_FUZZ_PATH).
 */
const FUZZING = process.env.TRAINSPEC_FUZZ_SECONDS !== undefined;
const SEED = Number(process.env.TRAINSPEC_FUZZ_SEED ?? (FUZZING ? Date.now() % 2 ** 31 : 20261201));
/** About 15 s of work alone, and about 45 s on two cores shared by a dozen busy processes. */
const RUNS = FUZZING ? Number.MAX_SAFE_INTEGER : Number(process.env.TRAINSPEC_FUZZ_RUNS ?? 120);
/**
 * In `npm test`, a machine loaded beyond that checks fewer inputs (the first ones of the same
 * sequence) rather than timing out; in fuzz mode, the run's length.
 */
const TIME_LIMIT_MS = FUZZING ? Number(process.env.TRAINSPEC_FUZZ_SECONDS) * 1000 : 90_000;
/** With the seed, replays one failing input (and its shrinking) exactly, as a failure reports it. */
const REPLAY_PATH = process.env.TRAINSPEC_FUZZ_PATH;

/** Files beside the half-typed ones, so that includes, extends and covers reach across files. */
const NEIGHBOURS = {
    'shared.tspec': 'module Shared "Shared module" {\n    hours 6\n    covers RoSH.c, CommunicateEffectively\n}\n',
    'provider.nos': 'role Local "A local role" extends PSO {\n    requires RoSH.d\n}\n'
};

let workspace: TestWorkspace;
let logged: MockInstance[];

beforeAll(async () => {
    workspace = await TestWorkspace.create(NEIGHBOURS);
    logged = (['error', 'warn'] as const).map(level => vi.spyOn(console, level));
});

afterAll(() => logged.forEach(spy => spy.mockRestore()));

/** Where each half-typed document goes: one file per language. */
function pathOf(input: HalfTypedDocument): string {
    return `typing.${input.language}`;
}

/** Everything that went wrong with these documents open, in words; nothing when all is well. */
async function problemsWith(inputs: HalfTypedDocument[]): Promise<string[]> {
    logged.forEach(spy => spy.mockClear());
    const problems: string[] = [];
    try {
        for (const input of inputs) {
            await workspace.write(pathOf(input), input.text);
        }
        for (const input of inputs) {
            const path = pathOf(input);
            const languageServices = input.language === 'tspec' ? workspace.services.spec : workspace.services.standards;
            const failures = await exerciseEveryProvider(languageServices, workspace.document(path), cursorOffsets(input.text));
            problems.push(...failures.map(failure => `${path}: ${failure.provider}${failure.offset === undefined ? '' : ` at offset ${failure.offset}`}: ${failure.error}`));
        }
        // A half-typed file can change the messages of its neighbours too.
        for (const path of [...inputs.map(pathOf), ...Object.keys(NEIGHBOURS)]) {
            problems.push(...workspace.messages(path).filter(message => /\bundefined\b/.test(message)).map(message => `${path}: message shows 'undefined': ${message}`));
        }
    } finally {
        problems.push(...logged.flatMap(spy => spy.mock.calls.map(call => `logged: ${call.map(String).join(' ')}`)));
        for (const input of inputs) {
            await workspace.delete(pathOf(input));
        }
    }
    return problems;
}

describe('every language feature on half-typed text', () => {
    test('never throws, never logs an error, never says undefined', async () => {
        const started = Date.now();
        const result = await fc.check(
            fc.asyncProperty(halfTypedDocuments(), async inputs => {
                expect(await problemsWith(inputs)).toEqual([]);
            }),
            { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, ...(REPLAY_PATH ? { path: REPLAY_PATH } : {}) }
        );
        const summary = `seed ${result.seed}, ${result.numRuns} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s`;
        if (FUZZING) {
            console.info(result.failed ? `fuzz: ${summary}: FOUND A FAILING INPUT (below)` : `fuzz: ${summary}: nothing found`);
        } else if (result.interrupted) {
            console.info(`half-typed input: the machine is busy; checked ${result.numRuns} of ${RUNS} inputs in ${TIME_LIMIT_MS / 1000} s (${summary})`);
        }
        if (result.failed) {
            // The input as fast-check shrank it, whole, so it can be pasted into a focused test, and what went wrong with it.
            const inputs = result.counterexample?.[0] ?? [];
            const shown = inputs.map(input => `--- ${pathOf(input)} ---\n${input.text}`).join('\n');
            const problems = await problemsWith(inputs);
            expect.fail(`${summary}; replay with TRAINSPEC_FUZZ_SEED=${result.seed} TRAINSPEC_FUZZ_PATH=${result.counterexamplePath}.\n`
                + `Failing input:\n${shown}\n--- as JSON ---\n${JSON.stringify(inputs)}\n--- what went wrong ---\n${problems.join('\n') || String(result.errorInstance)}`);
        }
    }, TIME_LIMIT_MS + (FUZZING ? 300_000 : 30_000));
});
