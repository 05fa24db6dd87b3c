import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { olderNode } from '../support/older-node.js';
import { REPO_ROOT, runBin, runCli } from '../support/run-cli.js';
import { createTempFolder } from '../support/temp-folder.js';

const { version, engines } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; engines: { node: string } };
const USAGE_FIRST_LINE = 'Usage: trainspec <command> [options]';

/** A usage mistake: exactly this one line and the hint on stderr, nothing on stdout, exit 2. */
function usageError(message: string) {
    return { code: 2, stdout: '', stderr: `trainspec: ${message}\nRun 'trainspec --help' for usage.\n` };
}

describe('trainspec', () => {
    test.each([['--help'], ['-h'], ['help'], ['check', '--help']])('%s shows the usage and exits 0', async (...args) => {
        const run = await runCli(args);
        expect(run.code).toBe(0);
        expect(run.stdout.split('\n')[0]).toBe(USAGE_FIRST_LINE);
        expect(run.stdout).toContain('check [paths...]');
        expect(run.stdout).toContain('standards [paths...]');
        expect(run.stdout).toContain('Exit codes: 0 no errors');
        expect(run.stderr).toBe('');
    });

    test.each([['--version'], ['-v']])('%s prints the version from package.json', async flag => {
        expect(await runCli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    });

    test('no command shows the usage and exits 2', async () => {
        const run = await runCli([]);
        expect(run.code).toBe(2);
        expect(run.stdout.split('\n')[0]).toBe(USAGE_FIRST_LINE);
    });

    test.each([[['check', '']], [['check', 'examples/incomplete', '']], [['standards', '']]])('an empty path in %j (an unset variable) is a usage mistake, not the current folder', async args => {
        expect(await runCli(args)).toEqual(usageError('a path is empty (is a variable in the script unset?). Name a file, folder or glob, or give no path to check the current folder.'));
    });

    test('an unknown command is one line, exit 2', async () => {
        expect(await runCli(['lint'])).toEqual(usageError("unknown command 'lint'. The commands are 'check', 'report', 'standards' and 'init'."));
    });

    test.each([
        [['check', '--frobnicate'], "unknown option '--frobnicate'."],
        [['check', '--format', 'xml'], "--format must be one of text, json, github, junit, sarif, not 'xml'."],
        [['check', '--format'], "option '--format <value>' argument missing."],
        [['check', '--max-warnings', 'lots'], "--max-warnings needs a whole number, not 'lots'."],
        [['check', '--max-warnings', '1.5'], "--max-warnings needs a whole number, not '1.5'."],
        [['check', '--max-warnings=-1'], "--max-warnings needs a whole number, not '-1'."],
        // parseArgs reads this as a missing value followed by an option, over three lines; one is enough.
        [['check', '--max-warnings', '-1'], "option '--max-warnings' argument is ambiguous."],
        [['standards', '--format', 'junit'], "--format must be one of text, json, not 'junit'."],
        [['standards', '--max-warnings', '0'], "--max-warnings applies to 'check', not 'standards'."],
        [['standards', '--coverage-severity', 'off'], "--coverage-severity applies to 'check', not 'standards'."],
        [['standards', '--config', 'trainspec.config.json'], "--config applies to 'check', not 'standards'."],
        [['check', '--config', ''], 'a path is empty (is a variable in the script unset?). Name a file, folder or glob, or give no path to check the current folder.'],
        [['init', '--print-config', 'a.tspec'], "--print-config applies to 'check', not 'init'."]
    ])('%j is a usage mistake: one line, exit 2', async (args, message) => {
        // On examples/incomplete, which would otherwise exit 1: the usage mistake wins before any checking.
        expect(await runCli([args[0], 'examples/incomplete', ...args.slice(1)])).toEqual(usageError(message));
    });
});

describe('the bin launchers', () => {
    const node = olderNode();

    test.skipIf(!node)('run the CLI under Node 20, the oldest supported, keeping arguments, output and exit code', async () => {
        expect(await runBin(['--version'], { node })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
        const run = await runBin(['check', 'examples/incomplete'], { node });
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('4 problems (1 error, 3 warnings) in 1 file.');
    });

    test('on a Node older than package.json\'s engines allow, stop with one line that names the version needed', () => {
        // A Node that says it is 20.11.1, the last release before the one `engines` names.
        const folder = createTempFolder({ 'old-node.cjs': "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.11.1' } });\n" });
        try {
            const run = spawnSync(process.execPath, ['--require', folder.file('old-node.cjs'), join(REPO_ROOT, 'bin', 'trainspec.js'), '--version'], { encoding: 'utf8' });
            expect(engines.node).toBe('>=20.12');
            expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
                code: 2,
                stdout: '',
                stderr: 'trainspec: TrainSpec needs Node.js 20.12 or later, but this is Node.js 20.11.1. Please install a newer Node.js from https://nodejs.org.\n'
            });
        } finally {
            folder.remove();
        }
    });
});
