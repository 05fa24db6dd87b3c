import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliEnv, expectNoStackTrace, lines, REPO_ROOT, runBin, runCli, type CliRun } from '../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

const INCOMPLETE = readFileSync(join(REPO_ROOT, 'examples', 'incomplete', 'programme.tspec'), 'utf8');
const ERROR_LINE = "examples/incomplete/programme.tspec:18:31 error Unknown standard 'AssesRiskOfHarm'. Did you mean 'AssessRiskOfHarm'? [unresolved-reference]";
// eslint-disable-next-line no-control-regex -- an ANSI escape sequence is what is looked for.
const ANSI = /\u001b\[\d+m/;

function runWithEnv(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliRun> {
    return runBin(args, { env: cliEnv(env), cwd });
}

describe('-o/--output-file', () => {
    let folder: TempFolder;
    beforeAll(() => {
        folder = createTempFolder({ 'taken/.keep': '' });
    });
    afterAll(() => folder.remove());

    test('writes the report to the file, making its folders, and nothing to stdout; the exit code is the check\'s', async () => {
        const file = folder.file('reports/ci/junit.xml');
        const run = await runCli(['check', 'examples/incomplete', '--format', 'junit', '-o', file]);
        expect(run).toEqual({ code: 1, stdout: '', stderr: '' });
        expect(readFileSync(file, 'utf8')).toContain('<failure type="unresolved-reference" message="1 error">');
    });

    test('replaces what was there; the text report in a file is plain, and input problems are said on stderr too', async () => {
        const file = folder.file('report.txt');
        writeFileSync(file, 'old report that is much longer than the new one\n'.repeat(100));
        const run = await runWithEnv(['check', 'examples/incomplete', 'missing.tspec', '--output-file', file], { FORCE_COLOR: '1' });
        expect(run).toEqual({ code: 2, stdout: '', stderr: 'trainspec: missing.tspec: No such file or folder.\n' });
        expect(lines(readFileSync(file, 'utf8'))).toEqual([
            'missing.tspec error No such file or folder. [missing-path]',
            ...lines(readFileSync(file, 'utf8')).slice(1, 4),
            ERROR_LINE,
            '5 problems (2 errors, 3 warnings) in 1 file and 1 path that could not be checked.'
        ]);
        expect(readFileSync(file, 'utf8')).not.toMatch(ANSI);
    });

    test('trainspec standards writes its list there too', async () => {
        const file = folder.file('standards.json');
        expect(await runCli(['standards', '--format', 'json', '-o', file])).toEqual({ code: 0, stdout: '', stderr: '' });
        expect((JSON.parse(readFileSync(file, 'utf8')) as { items: unknown[] }).items.length).toBeGreaterThan(100);
    });

    test('a folder, a file that cannot be made, or an empty name is one line, exit 2', async () => {
        expect(await runCli(['check', 'examples/incomplete', '-o', folder.file('taken')])).toEqual({
            code: 2, stdout: '', stderr: `trainspec: cannot write the report to ${folder.file('taken')}: it is a folder; name a file in it.\nRun 'trainspec --help' for usage.\n`
        });
        writeFileSync(folder.file('plain-file'), '');
        const under = await runCli(['check', join(REPO_ROOT, 'examples', 'incomplete'), '-o', 'plain-file/report.txt'], folder.path);
        expect(under).toEqual({ code: 2, stdout: '', stderr: "trainspec: cannot write the report to plain-file/report.txt: a folder on its path is a file.\nRun 'trainspec --help' for usage.\n" });
        expectNoStackTrace(under);
        expect((await runCli(['check', 'examples/incomplete', '-o', ''])).stderr).toBe("trainspec: --output-file is empty (is a variable in the script unset?). Name the file to write the report to.\nRun 'trainspec --help' for usage.\n");
    });
});

describe('--quiet', () => {
    test('lists errors only, and the summary says how many others it left out', async () => {
        const run = await runCli(['check', 'examples/incomplete', '--quiet']);
        expect(run.code).toBe(1);
        expect(lines(run.stdout)).toEqual([ERROR_LINE, '1 error in 1 file. 3 warnings or information not shown (--quiet).']);
    });

    test('in every format; --max-warnings still counts the warnings it does not show', async () => {
        const json = await runCli(['check', 'examples/incomplete', '--quiet', '--format', 'json', '--max-warnings', '0']);
        const report = JSON.parse(json.stdout) as { findings: Array<{ severity: string }>; summary: object };
        expect(report.findings.map(finding => finding.severity)).toEqual(['error']);
        expect(report.summary).toEqual({ files: 1, errors: 1, warnings: 0, information: 0 });
        expect(json.stderr).toBe('3 warnings is more than --max-warnings 0 allows.\n');
        const github = await runCli(['check', 'examples/incomplete', '--quiet', '--format', 'github']);
        expect(lines(github.stdout)).toHaveLength(1);
        expect(github.stdout).toMatch(/^::error /);
    });

    test('with warnings only: no errors found, and the exit code is 0', async () => {
        const folder = createTempFolder({ 'gaps.tspec': INCOMPLETE.replace('AssesRiskOfHarm', 'AssessRiskOfHarm') });
        try {
            expect(await runCli(['check', '--quiet'], folder.path)).toEqual({ code: 0, stdout: 'No errors found in 1 file. 3 warnings or information not shown (--quiet).\n', stderr: '' });
        } finally {
            folder.remove();
        }
    });
});

describe('colour in the text report', () => {
    const coloured = (run: CliRun) => ANSI.test(run.stdout);

    test('not into a pipe by default; FORCE_COLOR turns it on, with the severity in its colour', async () => {
        expect(coloured(await runCli(['check', 'examples/incomplete']))).toBe(false);
        const forced = await runWithEnv(['check', 'examples/incomplete'], { FORCE_COLOR: '1' });
        expect(forced.code).toBe(1);
        expect(forced.stdout).toContain('\u001b[31merror\u001b[39m');
        expect(forced.stdout).toContain('\u001b[33mwarning\u001b[39m');
        // Take the colour away and the text is the plain report's, word for word.
        // eslint-disable-next-line no-control-regex -- removing ANSI escape sequences.
        expect(forced.stdout.replace(/\u001b\[\d+m/g, '')).toBe((await runCli(['check', 'examples/incomplete'])).stdout);
    });

    test.each([
        [{ FORCE_COLOR: '0' }, [], false],
        [{ FORCE_COLOR: 'false' }, [], false],
        [{ FORCE_COLOR: '1', NO_COLOR: '1' }, [], true],
        [{ NO_COLOR: '1' }, ['--color'], true],
        [{ FORCE_COLOR: '1' }, ['--no-color'], false],
        [{}, ['--color'], true]
    ])('env %j with %j: coloured %s', async (env, flags, expected) => {
        expect(coloured(await runWithEnv(['check', 'examples/incomplete', ...flags], env))).toBe(expected);
    });

    test('on a terminal by default, but not with NO_COLOR or TERM=dumb', () => {
        // script(1) gives the CLI a real pseudo-terminal as its stdout.
        const onTerminal = (env: NodeJS.ProcessEnv) => spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} bin/trainspec.js check examples/incomplete`, '/dev/null'], { cwd: REPO_ROOT, env: cliEnv(env), encoding: 'utf8' });
        const plain = onTerminal({ TERM: 'xterm' });
        expect(plain.status).toBe(1);
        expect(plain.stdout).toMatch(ANSI);
        expect(onTerminal({ TERM: 'xterm', NO_COLOR: '1' }).stdout).not.toMatch(ANSI);
        expect(onTerminal({ TERM: 'dumb' }).stdout).not.toMatch(ANSI);
    });

    test('machine formats are never coloured; --color and --no-color together is a usage mistake', async () => {
        for (const format of ['json', 'github', 'junit']) {
            expect(coloured(await runWithEnv(['check', 'examples/incomplete', '--format', format, '--color'], { FORCE_COLOR: '1' }))).toBe(false);
        }
        expect((await runCli(['check', '--color', '--no-color'])).stderr).toBe("trainspec: --color and --no-color contradict each other; give one.\nRun 'trainspec --help' for usage.\n");
    });
});

describe('stdout closed early', () => {
    /** Runs the CLI with a pipe for stdout whose reading end is closed before the CLI writes its first byte. */
    function runWithClosedStdout(args: string[]): Promise<CliRun> {
        const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'trainspec.js'), ...args], { cwd: REPO_ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.destroy();
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', chunk => stderr += chunk);
        return new Promise(resolve => child.on('close', code => resolve({ code, stdout: '', stderr })));
    }

    test('trainspec standards --format json | head -1: the first line, then a quiet exit 0, no stack trace', () => {
        // The list (70 KB) is more than a pipe holds, so head exits while the CLI is still writing.
        const run = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} bin/trainspec.js standards --format json | head -1; echo "exit \${PIPESTATUS[0]}" >&2`], { cwd: REPO_ROOT, env: cliEnv(), encoding: 'utf8' });
        expect(run.stdout).toBe('{\n');
        expect(run.stderr).toBe('exit 0\n');
    });

    test('a reader gone before anything is written: no stack trace, and the exit code the command would have had', async () => {
        const standards = await runWithClosedStdout(['standards']);
        expect(standards).toEqual({ code: 0, stdout: '', stderr: '' });
        const check = await runWithClosedStdout(['check', 'examples/incomplete']);
        expect(check).toEqual({ code: 1, stdout: '', stderr: '' });
        const clean = await runWithClosedStdout(['check', 'examples/pso-community-payback', '--format', 'json']);
        expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
    });
});

describe('stdout that cannot be written', () => {
    test.skipIf(!existsSync('/dev/full'))('a full disk (/dev/full) is one line on stderr and exit 2, not a stack trace', () => {
        const full = openSync('/dev/full', 'w');
        try {
            const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'trainspec.js'), 'check', 'examples/pso-community-payback'], { cwd: REPO_ROOT, env: cliEnv(), stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
            expect({ code: run.status, stderr: run.stderr }).toEqual({ code: 2, stderr: 'trainspec: cannot write to the standard output: ENOSPC: no space left on device, write.\n' });
        } finally {
            closeSync(full);
        }
    });
});

describe('nothing checked is a failure', () => {
    let folder: TempFolder;
    beforeAll(() => {
        folder = createTempFolder({ 'empty/notes.txt': 'no specs here\n', 'elsewhere/linked.tspec': INCOMPLETE });
        mkdirSync(folder.file('specs'));
        symlinkSync(folder.file('elsewhere/linked.tspec'), folder.file('specs/programme.tspec'));
        symlinkSync(folder.file('elsewhere'), folder.file('specs/more'));
    });
    afterAll(() => folder.remove());

    test('a folder with no spec files: one line, exit 2, in every format', async () => {
        expect(await runCli(['check', 'empty'], folder.path)).toEqual({ code: 2, stdout: 'empty error No .tspec or .nos files in this folder or its subfolders. [no-matching-files]\n1 problem (1 error, 0 warnings) in 0 of 0 files and 1 path that could not be checked.\n', stderr: '' });
        const json = await runCli(['check', 'empty', '--format', 'json'], folder.path);
        expect(json.code).toBe(2);
        expect(json.stderr).toBe('trainspec: empty: No .tspec or .nos files in this folder or its subfolders.\n');
    });

    test('so is the current folder when it holds none, but standards there still lists the built-in library', async () => {
        const inEmpty = await runCli(['check'], folder.file('empty'));
        expect(inEmpty.code).toBe(2);
        expect(lines(inEmpty.stdout)[0]).toBe('. error No .tspec or .nos files in this folder or its subfolders. [no-matching-files]');
        const standards = await runCli(['standards'], folder.file('empty'));
        expect(standards.code).toBe(0);
        expect(standards.stderr).toBe('');
    });

    test('linked specs in a folder are checked: a link to a file, and files under a link to a folder, each once', async () => {
        const run = await runCli(['check', 'specs', '--format', 'json'], folder.path);
        const report = JSON.parse(run.stdout) as { files: string[]; summary: { errors: number; warnings: number } };
        // Both links lead to one file: it is checked once, under the first path in order.
        expect(report.files).toEqual(['specs/more/linked.tspec']);
        expect(report.summary).toMatchObject({ errors: 1, warnings: 3 });
        expect(existsSync(folder.file('specs/programme.tspec'))).toBe(true);
    });
});
