import * as fc from 'fast-check';
import { Diagnostic } from 'vscode-languageserver';
import { afterAll, beforeAll, describe, expect, test, vi, type MockInstance } from 'vitest';
import { exerciseEveryProvider, type ProviderFailure } from '../../support/every-provider.js';
import { cursorOffsets, halfTypedDocument, type HalfTypedDocument } from '../../support/half-typed-specs.js';
import { TestWorkspace } from '../../support/test-workspace.js';

/**
 * Parser recovery builds nodes with missing names, titles and texts: exactly what a person
 * produces while typing. Whatever the text, no language feature may throw or log an error,
 * and no message may show a missing name as 'undefined'.
 *
 * `npm run fuzz` runs the same property for longer with a fresh seed (TRAINSPEC_FUZZ_SECONDS,
 * TRAINSPEC_FUZZ_SEED); in `npm test` it runs with a fixed seed and a bounded number of inputs.
 */
const FUZZING = process.env.TRAINSPEC_FUZZ_SECONDS !== undefined;
const SEED = Number(process.env.TRAINSPEC_FUZZ_SEED ?? (FUZZING ? Date.now() % 2 ** 31 : 20261201));
const SECONDS = Number(process.env.TRAINSPEC_FUZZ_SECONDS ?? 0);
const RUNS = FUZZING ? Number.MAX_SAFE_INTEGER : Number(process.env.TRAINSPEC_FUZZ_RUNS ?? 150);

/** Files beside the half-typed one, so that includes, extends and covers reach across files. */
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

async function problemsWith(input: HalfTypedDocument): Promise<string[]> {
    logged.forEach(spy => spy.mockClear());
    const path = `typing.${input.language}`;
    await workspace.write(path, input.text);
    const document = workspace.document(path);
    const languageServices = input.language === 'tspec' ? workspace.services.spec : workspace.services.standards;
    const failures: ProviderFailure[] = await exerciseEveryProvider(languageServices, document, cursorOffsets(input.text));
    const problems = failures.map(failure => `${failure.provider}${failure.offset === undefined ? '' : ` at offset ${failure.offset}`} threw: ${failure.error}`);
    problems.push(...logged.flatMap(spy => spy.mock.calls.map(call => `logged: ${call.map(String).join(' ')}`)));
    problems.push(...(document.diagnostics ?? []).map(Diagnostic.getMessageString)
        .filter(message => /\bundefined\b/.test(message)).map(message => `message shows 'undefined': ${message}`));
    await workspace.delete(path);
    return problems;
}

describe('every language feature on half-typed text', () => {
    test('never throws, never logs an error, never says undefined', async () => {
        const started = Date.now();
        let inputs = 0;
        await fc.assert(
            fc.asyncProperty(halfTypedDocument(), async input => {
                inputs++;
                expect(await problemsWith(input)).toEqual([]);
            }),
            { seed: SEED, numRuns: RUNS, ...(FUZZING ? { interruptAfterTimeLimit: SECONDS * 1000 } : {}) }
        );
        if (FUZZING) {
            console.info(`fuzz: seed ${SEED}, ${inputs} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s, nothing found`);
        }
    }, FUZZING ? (SECONDS + 120) * 1000 : 120_000);
});
