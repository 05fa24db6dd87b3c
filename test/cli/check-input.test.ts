import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CheckReport } from '../../cli/src/reports/check-report.js';
import { expectNoStackTrace, lines, REPO_ROOT, runCli, type RunAs } from '../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

const NOBODY: RunAs = { uid: 65534, gid: 65534 };
const IS_ROOT = process.getuid?.() === 0;

/** Whether `user` can run the CLI on `folder`: reach Node, the repository and the folder. */
function canRunAs(user: RunAs, folder: string): boolean {
    const probe = `require('fs').accessSync(${JSON.stringify(join(REPO_ROOT, 'out', 'cli.cjs'))}); require('fs').readdirSync(${JSON.stringify(folder)})`;
    return spawnSync(process.execPath, ['-e', probe], { ...user, stdio: 'ignore' }).status === 0;
}

/**
 * Makes a file in `folder` unreadable to the CLI, and says how to run it and what it reports.
 * chmod 000 stops every user but root, and CI runs the tests as root: then the CLI runs as
 * `nobody` (the temporary folder is readable by everyone, and so is the repository). Should
 * nobody be unable to reach the repository (a clone in a private folder), the file becomes a
 * link to /proc/self/mem instead, which a process cannot read from its start (EIO): a real read
 * failure, not a fake one. The other permission and I/O failures are unit tests
 * (source-files.test.ts, on a fake file system); this one shows the real disk gives the same.
 */
function makeUnreadable(folder: TempFolder, name: string): { runAs?: RunAs; reason: string } {
    if (!IS_ROOT || canRunAs(NOBODY, folder.path)) {
        chmodSync(folder.file(name), 0o000);
        return { runAs: IS_ROOT ? NOBODY : undefined, reason: 'permission denied' };
    }
    rmSync(folder.file(name));
    symlinkSync('/proc/self/mem', folder.file(name));
    return { reason: 'an input/output error (the disk or device failed)' };
}

const incomplete = readFileSync(join(REPO_ROOT, 'examples', 'incomplete', 'programme.tspec'), 'utf8');

/** What the CLI reports for gap.tspec, a copy of examples/incomplete: still checked whatever else is wrong. */
const GAP_FINDINGS = [
    'gap.tspec:5:14 warning No module covers the PQF outcome "develop own knowledge and skills", which Probation Services Officer requires. [uncovered-requirement]',
    'gap.tspec:5:14 warning No module covers the PQF outcome "Understanding of the causes of crime and management of offending behaviour.", which Probation Services Officer requires. [uncovered-requirement]',
    'gap.tspec:6:13 warning No module covers the NOS unit "Deliver accredited programmes", which the Programmes pathway requires. [uncovered-requirement]',
    "gap.tspec:18:31 error Unknown standard 'AssesRiskOfHarm'. Did you mean 'AssessRiskOfHarm'? [unresolved-reference]"
];

const DEEP = 'deep.tspec:1:1 error This file nests braces 5000 levels deep, more than the 32 the parser takes, so it was not checked. [unparsable-file]';
const OVERFLOWING = 'overflowing.tspec:1:1 error The parser cannot take this file: it is nested too deeply or is too malformed (Maximum call stack size exceeded), so it was not checked. [unparsable-file]';

describe('trainspec check on input it cannot use', () => {
    let folder: TempFolder;

    beforeAll(() => {
        folder = createTempFolder({
            'gap.tspec': incomplete,
            'binary.tspec': new Uint8Array([0x70, 0x72, 0x6f, 0x00, 0x01, 0x02]),
            // "Café" in Latin-1: the é is one byte that is not UTF-8.
            'latin1.tspec': Buffer.from('programme Cafe "Caf\u00e9" { prepares PSO }\n', 'latin1'),
            'notes.txt': 'not a spec\n',
            // Deeper than the parser takes: refused before parsing.
            'deep.tspec': 'programme A "x" {\n'.repeat(5000),
            // Chevrotain's error recovery exhausts the stack on this.
            'overflowing.tspec': 'programme A "x" { } }\n'.repeat(3000)
        });
    });

    afterAll(() => folder?.remove());

    const check = (...args: string[]) => runCli(['check', ...args], folder.path);

    test('every bad path gets one line, the usable files are still checked, and the exit code is 2', async () => {
        const run = await check('gap.tspec', 'missing.tspec', 'binary.tspec', 'latin1.tspec', 'notes.txt', 'nothing/**/*.tspec', 'deep.tspec', 'overflowing.tspec');
        expect(run.code).toBe(2);
        expect(lines(run.stdout)).toEqual([
            // First the paths that name nothing usable, in the order given…
            'missing.tspec error No such file or folder. [missing-path]',
            'notes.txt error Not a TrainSpec file (expected .tspec or .nos). [unsupported-file]',
            'nothing/**/*.tspec error No .tspec or .nos files match this pattern. [no-matching-files]',
            // …then the files that cannot be read as text, in path order…
            'binary.tspec error Binary file (a NUL byte at offset 3), not a spec or catalogue. [binary-file]',
            'latin1.tspec error Not valid UTF-8 text (the first bad byte is at offset 19); save the file as UTF-8. [invalid-utf8]',
            // …then the findings of the files checked, the gaps of gap.tspec among them.
            DEEP,
            ...GAP_FINDINGS,
            OVERFLOWING,
            '11 problems (8 errors, 3 warnings) in 3 of 3 files and 5 paths that could not be checked.'
        ]);
        expect(run.stderr).toBe('');
        expectNoStackTrace(run);
    });

    test.each([
        ['missing.tspec', 'missing.tspec error No such file or folder. [missing-path]'],
        ['binary.tspec', 'binary.tspec error Binary file (a NUL byte at offset 3), not a spec or catalogue. [binary-file]'],
        ['latin1.tspec', 'latin1.tspec error Not valid UTF-8 text (the first bad byte is at offset 19); save the file as UTF-8. [invalid-utf8]'],
        ['notes.txt', 'notes.txt error Not a TrainSpec file (expected .tspec or .nos). [unsupported-file]'],
        ['nothing/**/*.tspec', 'nothing/**/*.tspec error No .tspec or .nos files match this pattern. [no-matching-files]']
    ])('%s alone: its one line next to the checked file, exit 2', async (path, line) => {
        const run = await check(path, 'gap.tspec');
        expect(run.code).toBe(2);
        expect(lines(run.stdout)).toEqual([line, ...GAP_FINDINGS, '5 problems (2 errors, 3 warnings) in 1 file and 1 path that could not be checked.']);
        expectNoStackTrace(run);
    });

    test('a file too deeply nested to parse is one unparsable-file finding (exit 1: the input was read)', async () => {
        const run = await check('deep.tspec');
        expect(run.code).toBe(1);
        expect(lines(run.stdout)).toEqual([DEEP, '1 problem (1 error, 0 warnings) in 1 file.']);
        expectNoStackTrace(run);
    });

    test('a file whose parser recovery overflows the stack is one unparsable-file finding', async () => {
        const run = await check('overflowing.tspec');
        expect(run.code).toBe(1);
        expect(lines(run.stdout)).toEqual([OVERFLOWING, '1 problem (1 error, 0 warnings) in 1 file.']);
        expectNoStackTrace(run);
    });

    test('a folder is walked: the bad files in it are reported and the rest checked', async () => {
        const run = await check();
        expect(run.code).toBe(2);
        expect(lines(run.stdout)).toEqual([
            'binary.tspec error Binary file (a NUL byte at offset 3), not a spec or catalogue. [binary-file]',
            'latin1.tspec error Not valid UTF-8 text (the first bad byte is at offset 19); save the file as UTF-8. [invalid-utf8]',
            DEEP,
            ...GAP_FINDINGS,
            OVERFLOWING,
            // notes.txt is not a spec, so the walk passes over it without a word.
            '8 problems (5 errors, 3 warnings) in 3 of 3 files and 2 paths that could not be checked.'
        ]);
        expectNoStackTrace(run);
    });

    test('with a machine format the report stays parseable and each input problem is also one line on stderr', async () => {
        const run = await check('gap.tspec', 'missing.tspec', 'binary.tspec', '--format', 'json');
        expect(run.code).toBe(2);
        const report = JSON.parse(run.stdout) as CheckReport;
        expect(report.findings.slice(0, 2)).toEqual([
            { file: 'missing.tspec', severity: 'error', code: 'missing-path', message: 'No such file or folder.' },
            { file: 'binary.tspec', severity: 'error', code: 'binary-file', message: 'Binary file (a NUL byte at offset 3), not a spec or catalogue.' }
        ]);
        expect(report.files).toEqual(['gap.tspec']);
        expect(lines(run.stderr)).toEqual([
            'trainspec: missing.tspec: No such file or folder.',
            'trainspec: binary.tspec: Binary file (a NUL byte at offset 3), not a spec or catalogue.'
        ]);
    });
});

describe('trainspec check on a file the disk will not give it', () => {
    let folder: TempFolder;
    let runAs: RunAs | undefined;
    let unreadable: string;

    beforeAll(() => {
        folder = createTempFolder({ 'gap.tspec': incomplete, 'secret.tspec': 'programme Secret "Secret" { prepares PSO }\n' });
        const made = makeUnreadable(folder, 'secret.tspec');
        runAs = made.runAs;
        unreadable = `secret.tspec error Cannot be read: ${made.reason}. [unreadable-file]`;
    });

    afterAll(() => folder?.remove());

    test('named or found in a folder: its one line next to the checked file, exit 2', async () => {
        for (const args of [['secret.tspec', 'gap.tspec'], []]) {
            const run = await runCli(['check', ...args], folder.path, runAs);
            expect(run.code).toBe(2);
            expect(lines(run.stdout)).toEqual([unreadable, ...GAP_FINDINGS, '5 problems (2 errors, 3 warnings) in 1 file and 1 path that could not be checked.']);
            expectNoStackTrace(run);
        }
    });
});

describe('trainspec check on paths that are not regular files', () => {
    let folder: TempFolder;
    const PIPE = 'pipe.tspec error Not a regular file but a named pipe (FIFO), which TrainSpec does not read. [not-a-file]';
    const deviceLine = (name: string) => `${name} error Not a regular file but a device, which TrainSpec does not read. [not-a-file]`;
    const LOOP = 'loop.tspec error A symbolic link that leads round in a loop, so there is nothing to read. [symlink-loop]';

    beforeAll(() => {
        folder = createTempFolder({ 'gap.tspec': incomplete, 'specs/empty.nos': '// No standards yet.\n' });
        // Reading a named pipe waits for a writer that never comes; /dev/zero and /dev/urandom never end.
        execFileSync('mkfifo', [folder.file('pipe.tspec')]);
        symlinkSync('/dev/zero', folder.file('zero.tspec'));
        symlinkSync('/dev/urandom', folder.file('random.nos'));
        symlinkSync('loop.tspec', folder.file('loop.tspec'));
        // A link to a file and a link back up the tree: followed, but nothing is read twice and the walk ends.
        symlinkSync('gap.tspec', folder.file('also-gap.tspec'));
        symlinkSync('..', folder.file('specs/up'));
    });

    afterAll(() => folder?.remove());

    // Short, so that a CLI which blocks fails here rather than holding up the suite.
    const check = (...args: string[]) => runCli(['check', ...args], folder.path, undefined, 20_000);

    test('named as arguments: one line each, the rest checked, exit 2, and no hang', async () => {
        const run = await check('pipe.tspec', 'zero.tspec', 'random.nos', 'loop.tspec', 'gap.tspec');
        expect(run.code).toBe(2);
        expect(lines(run.stdout)).toEqual([LOOP, PIPE, deviceLine('random.nos'), deviceLine('zero.tspec'), ...GAP_FINDINGS, '8 problems (5 errors, 3 warnings) in 1 file and 4 paths that could not be checked.']);
        expectNoStackTrace(run);
    });

    test('found in a folder walk, through links: the same lines, and each real file checked once', async () => {
        const run = await check();
        expect(run.code).toBe(2);
        // also-gap.tspec comes first in path order, so gap.tspec's findings are shown under its name.
        expect(lines(run.stdout)).toEqual([
            LOOP, PIPE, deviceLine('random.nos'), deviceLine('zero.tspec'),
            ...GAP_FINDINGS.map(line => line.replace('gap.tspec', 'also-gap.tspec')),
            '8 problems (5 errors, 3 warnings) in 1 of 2 files and 4 paths that could not be checked.'
        ]);
        // specs/up leads back to the folder itself: walked once, so specs/empty.nos is checked once, under its own name.
        expect(run.stdout).not.toContain('specs/up');
        expectNoStackTrace(run);
    });
});
