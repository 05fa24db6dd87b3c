/**
 * Inputs that must not be slow out of proportion to their size (issue 7), for `npm run bench`
 * and, alone, `npm run bench:pathological`.
 *
 * Each row times an input against a sibling input in the same run (absolute times drift by 2×
 * between runs on a shared machine), prints the ratio next to its target and says pass or fail.
 * Everything runs in this process through the language services, the way the language server
 * runs them: a document built or updated by the DocumentBuilder (`TestWorkspace.write`), and
 * completion through the CompletionProvider. Each time is the fastest of several runs: on a
 * shared machine other work only ever adds time, so the fastest run is the truest cost.
 */
import { performance } from 'node:perf_hooks';
import { Diagnostic } from 'vscode-languageserver';
import { DiagnosticCode } from '../../language/src/validation/diagnostic-codes.js';
import { positionIn } from '../support/lsp-positions.js';
import { TestWorkspace } from '../support/test-workspace.js';
import { createSyntheticWorkspace } from './synthetic-workspace.js';

export interface PathologicalOptions {
    /** Runs per measurement (the fastest is used); BENCH_PATHOLOGICAL_RUNS, default 5. */
    runs: number;
    /** Only the groups of inputs whose name contains this (BENCH_PATHOLOGICAL_ONLY), e.g. for profiling one. */
    only?: string;
}

interface Row {
    input: string;
    sibling: string;
    ratio: number;
    target: string;
    pass: boolean;
    detail: string;
}

export async function runPathologicalBenchmark(options: PathologicalOptions): Promise<number> {
    const rows: Row[] = [];
    const problems: string[] = [];
    const steps: Array<[string, () => Promise<Row[]>]> = [
        ['unknown names', () => unknownNames(options, problems)],
        ['a long unknown name', () => longUnknownName(options, problems)],
        ['rings and chains of roles', () => rolesThatExtend(options, problems)],
        ['specs that tried to bypass the nesting guard', () => nestingGuard(options, problems)],
        ['a 5 MB spec', () => bigSpec(problems)],
        ['a 50,000-line spec', () => longSpec(options, problems)]
    ];
    for (const [name, step] of steps.filter(([name]) => !options.only || name.includes(options.only))) {
        process.stderr.write(`Pathological inputs: ${name}…\n`);
        rows.push(...await step());
    }
    printRows(rows);
    if (problems.length > 0) {
        process.stderr.write(`\n${problems.length} correctness problem(s):\n${problems.map(problem => `  ${problem}`).join('\n')}\n`);
    }
    return problems.length > 0 || rows.some(row => !row.pass) ? 1 : 0;
}

/** The fastest of `runs` calls of `run`, in ms; `prepare` runs untimed before each. */
async function fastest(runs: number, run: () => Promise<unknown>, prepare?: () => Promise<unknown>): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        await prepare?.();
        collectGarbage();
        const start = performance.now();
        await run();
        times.push(performance.now() - start);
    }
    return Math.min(...times);
}

function row(input: string, sibling: string, ratio: number, limit: number, detail: string): Row {
    return { input, sibling, ratio: Math.round(ratio * 100) / 100, target: `≤ ${limit}×`, pass: ratio <= limit, detail };
}

/** How long each side of a comparison is run for at least, in ms of timed runs: a short input gets more runs, up to `MAX_RUNS_FACTOR` × runs. */
const TIME_PER_SIDE = 1000;
const MAX_RUNS_FACTOR = 25;

/**
 * The fastest of at least `runs` calls of each of `a` and `b`, taken in turns so that a burst of load elsewhere
 * does not fall on one side only. An input that takes a few milliseconds is run more often (until each side
 * has run for TIME_PER_SIDE): on a shared machine a short run is as likely as a long one to be interrupted,
 * and more runs give it as fair a chance of a quiet moment.
 */
async function fastestOfBoth(runs: number, a: () => Promise<unknown>, b: () => Promise<unknown>,
    prepareA?: () => Promise<unknown>, prepareB = prepareA): Promise<[number, number]> {
    let [fastestA, fastestB] = [Infinity, Infinity];
    let [spentA, spentB] = [0, 0];
    for (let i = 0; i < runs * MAX_RUNS_FACTOR && (i < runs || spentA < TIME_PER_SIDE || spentB < TIME_PER_SIDE); i++) {
        const timeA = await fastest(1, a, prepareA);
        const timeB = await fastest(1, b, prepareB);
        [fastestA, fastestB] = [Math.min(fastestA, timeA), Math.min(fastestB, timeB)];
        [spentA, spentB] = [spentA + timeA, spentB + timeB];
    }
    return [fastestA, fastestB];
}

/**
 * The time to update one file of `workspace` to `text` and to `sibling` (parse, link, validate), in turns,
 * each after updating it to `other`, so that every run is a real change.
 */
async function updateTimes(workspace: TestWorkspace, path: string, text: string, sibling: string, other: string, runs: number): Promise<[number, number]> {
    return fastestOfBoth(runs, () => workspace.write(path, text), () => workspace.write(path, sibling), () => workspace.write(path, other));
}

/** Coverable names of the built-in library, as a spec writes them. */
function libraryNames(workspace: TestWorkspace): string[] {
    const types = new Set(['Competence', 'Unit', 'Outcome', 'SkillSet']);
    return workspace.services.shared.workspace.IndexManager.allElements().filter(description => types.has(description.type)).map(description => description.name).toArray();
}

/** A spec of modules covering `names`, ten to a module, all in one programme. */
function coveringSpec(names: string[]): string {
    const modules: string[] = [];
    for (let i = 0; i < names.length; i += 10) {
        modules.push(`    module M${i} "Module ${i}" {\n        hours 10\n        covers ${names.slice(i, i + 10).join(', ')}\n    }`);
    }
    return `programme P "Programme" {\n    prepares PSO\n    pathway CourtWork\n${modules.join('\n')}\n}\n`;
}

/** A typing slip in a name: one letter in its middle doubled and the next dropped, so it is close to the name but unknown. */
function misspelt(name: string, index: number): string {
    const at = 1 + (index % Math.max(1, name.length - 2));
    return name.slice(0, at) + name[at - 1] + name.slice(at + 1) + (index % 7 === 0 ? 'x' : '');
}

/**
 * A slip never seen before: `misspelt`, with its last two letters replaced by two that differ from round to round
 * (up to 676 rounds). It is as long as the `misspelt` name, so the spec is as large as the one it is compared with.
 */
function freshSlip(name: string, index: number, round: number): string {
    const slip = misspelt(name, index);
    return slip.slice(0, -2) + String.fromCharCode(97 + (round % 26), 97 + (Math.floor(round / 26) % 26));
}

async function unknownNames(options: PathologicalOptions, problems: string[]): Promise<Row[]> {
    const workspace = await TestWorkspace.create({});
    const library = libraryNames(workspace);
    const known = Array.from({ length: 1000 }, (_, i) => library[i % library.length]);
    const unknown = known.map((name, i) => misspelt(name, i));
    const knownSpec = coveringSpec(known);
    const unknownSpec = coveringSpec(unknown);
    const other = 'module Other "Other" { }';
    // First seen, as when a file is opened: each round misspells every name differently, so the search runs for each
    // one. Its work is also bounded by counting steps (test/language/references/did-you-mean.test.ts).
    let round = 0;
    let firstSeenSpec = '';
    const [knownFirstMs, firstSeenMs] = await fastestOfBoth(options.runs,
        () => workspace.write('names.tspec', knownSpec), () => workspace.write('names.tspec', firstSeenSpec),
        () => workspace.write('names.tspec', other),
        () => {
            firstSeenSpec = coveringSpec(known.map((name, i) => freshSlip(name, i, round++)));
            return workspace.write('names.tspec', other);
        });
    // Again, as each keystroke in an editor re-checks the file: the names in scope are unchanged, so their index
    // remembers its answers from update to update (SuggestingLinker).
    const [knownMs, unknownMs] = await updateTimes(workspace, 'names.tspec', knownSpec, unknownSpec, other, options.runs);
    const unresolved = workspace.diagnostics('names.tspec', DiagnosticCode.UnresolvedReference);
    if (unresolved.length < 900 || !unresolved.some(diagnostic => Diagnostic.getMessageString(diagnostic).includes('Did you mean'))) {
        problems.push(`unknown names: ${unresolved.length} unknown-name errors (expected about 1,000, with suggestions)`);
    }
    return [
        row(`1,000 unknown names first seen, in a ${kb(unknownSpec)} KB spec`, 'the same spec with the names known', firstSeenMs / knownFirstMs, 1.2,
            `${ms(firstSeenMs)} vs ${ms(knownFirstMs)}`),
        row('the same 1,000 unknown names again (a keystroke)', 'the same spec with the names known', unknownMs / knownMs, 1.2,
            `${ms(unknownMs)} vs ${ms(knownMs)}`)
    ];
}

async function longUnknownName(options: PathologicalOptions, problems: string[]): Promise<Row[]> {
    const workspace = await TestWorkspace.create({});
    // The spec of the row above, its names known, but for one unknown one: short, or of 200,000 characters.
    const library = libraryNames(workspace);
    const known = Array.from({ length: 1000 }, (_, i) => library[i % library.length]);
    const spec = (name: string): string => coveringSpec([name, ...known.slice(1)]);
    const long = 'RoshAssessment'.repeat(Math.ceil(200_000 / 14)).slice(0, 200_000);
    const [longMs, shortMs] = await updateTimes(workspace, 'long.tspec', spec(long), spec('RoshAssessment'), 'module Other "Other" { }', options.runs);
    if (workspace.diagnostics('long.tspec', DiagnosticCode.UnresolvedReference).length !== 1) {
        problems.push('a long unknown name: expected one unknown-name error');
    }
    return [row('one 200,000-character unknown name', 'the same spec with a short unknown name', longMs / shortMs, 1.2, `${ms(longMs)} vs ${ms(shortMs)}`)];
}

/** Roles R0 … R(size-1), each extending the next and requiring an item; in a ring the last extends R0. A programme prepares R0. */
function roleFiles(size: number, ring: boolean): Record<string, string> {
    const items = ['RoSH.a', 'Diversity.a', 'Engage.a', 'Communication.a'];
    const roles = Array.from({ length: size }, (_, i) => {
        const parent = i + 1 < size ? ` extends R${i + 1}` : ring ? ' extends R0' : '';
        return `role R${i} "Role ${i}"${parent} {\n    requires ${items[i % items.length]}\n}`;
    });
    return { 'roles.nos': roles.join('\n'), 'programme.tspec': 'programme P "Programme" {\n    prepares R0\n}\n' };
}

async function rolesThatExtend(options: PathologicalOptions, problems: string[]): Promise<Row[]> {
    const rows: Row[] = [];
    for (const ring of [true, false]) {
        const [small, large] = [roleFiles(400, ring), roleFiles(1600, ring)];
        const [smallWorkspace, largeWorkspace] = [await TestWorkspace.create({}), await TestWorkspace.create({})];
        const write = (workspace: TestWorkspace, text: string) => (): Promise<void> => workspace.write('roles.nos', text);
        const [smallMs, largeMs] = await fastestOfBoth(options.runs, write(smallWorkspace, small['roles.nos']), write(largeWorkspace, large['roles.nos']),
            write(smallWorkspace, 'role Other "Other" { }'), write(largeWorkspace, 'role Other "Other" { }'));
        for (const [workspace, files, size] of [[smallWorkspace, small, 400], [largeWorkspace, large, 1600]] as const) {
            await workspace.write('roles.nos', files['roles.nos']);
            await workspace.write('programme.tspec', files['programme.tspec']);
            const cycles = workspace.diagnostics('roles.nos', DiagnosticCode.RoleExtendsCycle).length;
            if (cycles !== (ring ? 1 : 0)) {
                problems.push(`a ${ring ? 'ring' : 'chain'} of ${size} roles: ${cycles} extends-cycle errors, expected ${ring ? 1 : 0}`);
            }
        }
        rows.push(row(`a ${ring ? 'ring' : 'chain'} of 1,600 roles that extend each other`, `a ${ring ? 'ring' : 'chain'} of 400`, largeMs / smallMs, 5,
            `${ms(largeMs)} vs ${ms(smallMs)}`));
    }
    return rows;
}

async function nestingGuard(options: PathologicalOptions, problems: string[]): Promise<Row[]> {
    const line = 'programme A "x" {\n';
    const depth = Math.floor(300_000 / line.length);
    const guarded = line.repeat(depth);
    // Each bypass against its guarded form: the same text, with what the guard used to miss written the way it saw it.
    const commented = 'programme A "x" { // note\n'.repeat(Math.floor(300_000 / 26));
    const bypasses: Array<[string, string, string]> = [
        ['line comments ended by \\r', commented.replaceAll('\n', '\r'), commented],
        ['an unclosed /*', `/* never closed\n${guarded}`, guarded]
    ];
    const workspace = await TestWorkspace.create({});
    const rows: Row[] = [];
    for (const [name, text, guardedForm] of bypasses) {
        const [bypassMs, guardedMs] = await updateTimes(workspace, 'deep.tspec', text, guardedForm, 'module Other "Other" { }', options.runs);
        const expected = workspace.messages('deep.tspec');
        await workspace.write('deep.tspec', text);
        const messages = workspace.messages('deep.tspec');
        if (messages.length !== 1 || expected.length !== 1 || messages[0] !== expected[0] || !expected[0].startsWith('This file nests braces')) {
            problems.push(`nesting guard, ${name}: ${JSON.stringify(messages.map(message => message.slice(0, 120)))}, expected the guarded form's one message`);
        }
        rows.push(row(`a ${kb(text)} KB spec with ${name}`, 'its guarded form', bypassMs / guardedMs, 1.2, `${ms(bypassMs)} vs ${ms(guardedMs)}`));
    }
    // Completion in a refused file and in an empty one.
    await workspace.write('empty.tspec', '');
    const complete = (path: string) => async (): Promise<void> => {
        const document = workspace.document(path);
        await workspace.services.spec.lsp.CompletionProvider!.getCompletion(document, { ...positionIn(document, '') });
    };
    await workspace.write('deep.tspec', guarded);
    const [refusedMs, emptyMs] = await fastestOfBoth(options.runs * 4, complete('deep.tspec'), complete('empty.tspec'));
    rows.push(row('completion in a file the guard refused', 'completion in an empty file', refusedMs / emptyMs, 2, `${ms(refusedMs)} vs ${ms(emptyMs)}`));
    return rows;
}

/**
 * A whole synthetic workspace written as one spec (its names are unique across files, so it is
 * as clean as the corpus): the smallest that has at least `enough` of what `measure` counts.
 */
function concatenatedSpec(enough: number, measure: (text: string) => number): string {
    const whole = (size: number): string => Object.values(createSyntheticWorkspace(size).files).join('');
    const perFile = measure(whole(80)) / 80;
    for (let size = Math.max(16, Math.floor(enough / perFile)); ; size = Math.ceil(size * 1.05)) {
        const text = whole(size);
        if (measure(text) >= enough) {
            return text;
        }
    }
}

/** The time to load a workspace of `files` and check it, less the time for an empty workspace (the built-in library). */
async function checkTime(files: Record<string, string>): Promise<{ ms: number; diagnostics: number }> {
    collectGarbage();
    let start = performance.now();
    await TestWorkspace.create({});
    const floor = performance.now() - start;
    collectGarbage();
    start = performance.now();
    const workspace = await TestWorkspace.create(files);
    const total = performance.now() - start;
    const diagnostics = Object.keys(files).reduce((sum, path) => sum + workspace.diagnostics(path).length, 0);
    return { ms: total - floor, diagnostics };
}

async function bigSpec(problems: string[]): Promise<Row[]> {
    const corpus = createSyntheticWorkspace(1000).files;
    const corpusMb = Object.values(corpus).reduce((sum, text) => sum + text.length, 0) / 1e6;
    const big = concatenatedSpec(5e6, text => text.length);
    const corpusCheck = await checkTime(corpus);
    const bigCheck = await checkTime({ 'big.tspec': big });
    if (corpusCheck.diagnostics !== 0 || bigCheck.diagnostics !== 0) {
        problems.push(`a 5 MB spec: ${bigCheck.diagnostics} findings in it and ${corpusCheck.diagnostics} in the corpus, expected none`);
    }
    const perMb = bigCheck.ms / (big.length / 1e6);
    const corpusPerMb = corpusCheck.ms / corpusMb;
    return [row(`a ${(big.length / 1e6).toFixed(1)} MB spec, checked (per MB)`, `a corpus of 1,000 small specs (${corpusMb.toFixed(1)} MB), per MB`, perMb / corpusPerMb, 1.5,
        `${ms(perMb)}/MB vs ${ms(corpusPerMb)}/MB`)];
}

async function longSpec(options: PathologicalOptions, problems: string[]): Promise<Row[]> {
    const lines = (text: string): number => text.split('\n').length;
    const edit = (text: string): string => text.replace('hours 60', 'hours 61');
    const sides: Array<{ spec: string; workspace: TestWorkspace }> = [];
    for (const size of [5000, 50_000]) {
        const spec = concatenatedSpec(size, lines) + 'module Last "Last" {\n    covers RoSH.a, Ro';
        const workspace = await TestWorkspace.create({ 'long.tspec': spec });
        const findings = workspace.diagnostics('long.tspec');
        if (findings.length !== 3 || findings.filter(each => each.code === DiagnosticCode.UnresolvedReference).length !== 1) {
            problems.push(`a ${size}-line spec: ${findings.length} findings, expected 3 (the half-typed last name, its missing brace, and its module in no programme)`);
        }
        sides.push({ spec, workspace });
    }
    const [short, long] = sides;
    const editOf = (side: typeof short) => (): Promise<void> => side.workspace.write('long.tspec', edit(side.spec));
    const restore = (side: typeof short) => (): Promise<void> => side.workspace.write('long.tspec', side.spec);
    const update = await fastestOfBoth(options.runs, editOf(short), editOf(long), restore(short), restore(long));
    const complete = (side: typeof short) => async (): Promise<void> => {
        const document = side.workspace.document('long.tspec');
        const position = document.textDocument.positionAt(side.spec.length);
        await side.workspace.services.spec.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
    };
    const completion = await fastestOfBoth(options.runs * 4, complete(short), complete(long));
    return [
        row('a 50,000-line spec: edit → diagnostics', 'the same on a 5,000-line spec', update[1] / update[0], 10, `${ms(update[1])} vs ${ms(update[0])}`),
        row('a 50,000-line spec: completion at the end', 'the same on a 5,000-line spec', completion[1] / completion[0], 2, `${ms(completion[1])} vs ${ms(completion[0])}`)
    ];
}

function printRows(rows: Row[]): void {
    const header = ['input', 'compared with', 'ratio', 'target', '', 'times'];
    const cells = rows.map(each => [each.input, each.sibling, each.ratio.toFixed(2), each.target, each.pass ? 'pass' : 'FAIL', each.detail]);
    const widths = header.map((title, column) => Math.max(title.length, ...cells.map(cell => cell[column].length)));
    const line = (values: string[]): string => values.map((value, column) => value.padEnd(widths[column])).join(' | ');
    process.stdout.write(`\nInputs that must not be slow out of proportion to their size (the fastest of several runs):\n\n${line(header)}\n`
        + `${widths.map(width => '-'.repeat(width)).join('-|-')}\n${cells.map(line).join('\n')}\n`);
}

function ms(value: number): string {
    return `${Math.round(value * 10) / 10} ms`;
}

function kb(text: string): number {
    return Math.round(text.length / 1000);
}

function collectGarbage(): void {
    (globalThis as { gc?: () => void }).gc?.();
}
