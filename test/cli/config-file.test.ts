import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRunConfig } from '../../cli/src/config-file.js';
import { SAMPLE_PROGRAMME, STARTER_CONFIG } from '../../cli/src/init-command.js';
import { parseConfig } from '../../language/src/config/trainspec-config.js';
import { FakeSourceFileSystem } from '../support/fake-source-file-system.js';
import { expectNoStackTrace, lines, runCli } from '../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

const PROGRAMME = `programme P "P" {
    prepares PSO
    pathway CommunityPayback
    module M "M" { hours 0 }
}
`;

describe('loadRunConfig: the one rule for files applies to the configuration file too', () => {
    test('the nearest trainspec.config.json above the working folder', () => {
        const fileSystem = new FakeSourceFileSystem({ '/repo/trainspec.config.json': { text: '{ "ignore": ["x"] }' }, '/repo/a/b': { folder: true } });
        expect(loadRunConfig(undefined, '/repo/a/b', fileSystem)).toEqual({ config: { file: 'file:///repo/trainspec.config.json', severity: {}, ignore: ['x'] } });
        expect(loadRunConfig(undefined, '/elsewhere', fileSystem)).toEqual({});
    });

    test('a named pipe, an unreadable file or binary data is one line naming the file', () => {
        const fileSystem = new FakeSourceFileSystem({
            '/repo/pipe.json': { special: 'named-pipe' },
            '/repo/locked.json': { text: '{}', failRead: 'EACCES' },
            '/repo/binary.json': { text: new Uint8Array([0x7b, 0x00, 0x7d]) }
        });
        expect(loadRunConfig('pipe.json', '/repo', fileSystem)).toEqual({ problem: 'pipe.json: Not a regular file but a named pipe (FIFO), which TrainSpec does not read.' });
        expect(loadRunConfig('locked.json', '/repo', fileSystem)).toEqual({ problem: 'locked.json: Cannot be read: permission denied.' });
        expect(loadRunConfig('binary.json', '/repo', fileSystem)).toMatchObject({ problem: expect.stringMatching(/^binary\.json: Binary file/) as string });
    });
});

describe('trainspec check with a configuration file', () => {
    let folder: TempFolder;

    beforeAll(() => {
        folder = createTempFolder({
            'specs/programme.tspec': PROGRAMME,
            // Ignored, so never read: neither its errors nor its binary content count.
            'specs/drafts/broken.tspec': 'programme {',
            'specs/drafts/binary.tspec': new Uint8Array([0, 1, 2]),
            'trainspec.config.json': '{ "severity": { "non-positive-hours": "warning", "module-covers-nothing": "off" }, "ignore": ["specs/drafts"] }',
            'other.json': '{ "severity": { "non-positive-hours": "off" } }',
            'bad.json': '{\n  "severity": { "orphan-module": "sometimes" }\n}',
            'broken.json': '{\n  "ignore": ["a"\n}'
        });
    });

    afterAll(() => folder?.remove());

    test('is found by walking up from the working folder, and its severities and ignore apply', async () => {
        const run = await runCli(['check'], join(folder.path, 'specs'));
        expect(run.stderr).toBe('');
        const output = lines(run.stdout);
        expect(output).toContainEqual(expect.stringMatching(/^programme\.tspec:4:\d+ warning .* \[non-positive-hours\]$/));
        expect(output.slice(0, -1).every(line => /\[(uncovered-requirement|non-positive-hours)\]$/.test(line))).toBe(true);
        expect(output.at(-1)).toMatch(/^\d+ problems \(0 errors, \d+ warnings\) in 1 file\.$/);
        expect(run.stdout).not.toContain('module-covers-nothing');
        expect(run.stdout).not.toContain('drafts');
        expect(run.code).toBe(0);
    });

    test('--config names another file, which replaces the one found', async () => {
        const run = await runCli(['check', '--config', 'other.json', 'specs'], folder.path);
        expect(run.stdout).not.toContain('non-positive-hours');
        expect(run.stdout).toContain('module-covers-nothing');
        // Without the found file's ignore, the drafts are read: an input problem, so exit 2.
        expect(run.code).toBe(2);
        expect(run.stderr).toBe('');
    });

    test.each([
        ['bad.json', 'trainspec: bad.json: The severity of "orphan-module" must be "off", "information", "warning" or "error", not "sometimes".'],
        ['broken.json', expect.stringMatching(/^trainspec: broken\.json: Not valid JSON at line 3, column 1: .+\.$/) as string],
        ['missing.json', 'trainspec: missing.json: No such file or folder.']
    ])('an invalid or missing --config %s is one line on stderr and exit 2', async (file, message) => {
        for (const format of ['text', 'json', 'sarif']) {
            const run = await runCli(['check', '--config', file, '--format', format], folder.path);
            expect(run.code).toBe(2);
            expect(run.stdout).toBe('');
            expect(lines(run.stderr)).toEqual([message]);
            expectNoStackTrace(run);
        }
    });

    test('--print-config shows the settings in force for a file and where they come from', async () => {
        const run = await runCli(['check', '--print-config', 'drafts/a.tspec', '--coverage-severity', 'error'], join(folder.path, 'specs'));
        expect(run.code).toBe(0);
        const printed = JSON.parse(run.stdout) as Record<string, unknown>;
        expect(printed).toMatchObject({
            file: 'drafts/a.tspec',
            configFile: join('..', 'trainspec.config.json'),
            ignored: true,
            ignore: ['specs/drafts'],
            severity: { 'non-positive-hours': 'warning', 'module-covers-nothing': 'off', 'uncovered-requirement': 'error', 'orphan-module': 'warning' },
            setBy: { 'non-positive-hours': join('..', 'trainspec.config.json'), 'uncovered-requirement': '--coverage-severity', 'orphan-module': 'default' }
        });
        const empty = createTempFolder();
        try {
            const none = await runCli(['check', '--print-config', 'x.tspec'], empty.path);
            expect(JSON.parse(none.stdout)).toMatchObject({ file: 'x.tspec', configFile: null, ignored: false, ignore: [], setBy: { 'orphan-module': 'default' } });
        } finally {
            empty.remove();
        }
    });
});

describe('the configuration in worker threads and in the cache', () => {
    test('workers report with the configured severities, and a changed file makes the cached results stale', async () => {
        const folder = createTempFolder({
            'trainspec.config.json': '{ "severity": { "non-positive-hours": "information" } }',
            'a/programme.tspec': PROGRAMME,
            'b/programme.tspec': PROGRAMME.replace(/\bP\b/g, 'Q').replace(/\bM\b/g, 'N')
        });
        const severities = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ code: string; severity: string }> }).findings
            .filter(finding => finding.code === 'non-positive-hours').map(finding => finding.severity);
        const workers = process.env.TRAINSPEC_WORKERS;
        process.env.TRAINSPEC_WORKERS = '2';
        try {
            const inWorkers = await runCli(['check', '--format', 'json', '--cache'], folder.path);
            expect(severities(inWorkers.stdout)).toEqual(['information', 'information']);
            writeFileSync(folder.file('trainspec.config.json'), '{ "severity": { "non-positive-hours": "error" } }');
            const cached = await runCli(['check', '--format', 'json', '--cache'], folder.path);
            expect(severities(cached.stdout)).toEqual(['error', 'error']);
            expect(cached.code).toBe(1);
        } finally {
            if (workers === undefined) {
                delete process.env.TRAINSPEC_WORKERS;
            } else {
                process.env.TRAINSPEC_WORKERS = workers;
            }
            folder.remove();
        }
    });
});

describe('trainspec init', () => {
    test('writes a starter configuration and a sample programme, which check as they should', async () => {
        const folder = createTempFolder();
        try {
            const run = await runCli(['init'], folder.path);
            expect(run).toEqual({ code: 0, stdout: 'Wrote trainspec.config.json and programme.tspec. Run \'trainspec check\' to check the programme.\n', stderr: '' });
            expect(readFileSync(folder.file('trainspec.config.json'), 'utf8')).toBe(STARTER_CONFIG);
            expect(readFileSync(folder.file('programme.tspec'), 'utf8')).toBe(SAMPLE_PROGRAMME);
            expect(parseConfig(STARTER_CONFIG, 'file:///x')).not.toHaveProperty('error');
            // A few gaps left on purpose, and nothing else.
            const check = await runCli(['check', '--format', 'json'], folder.path);
            const report = JSON.parse(check.stdout) as { findings: Array<{ code: string; severity: string }> };
            expect(check.code).toBe(0);
            expect(report.findings.length).toBeGreaterThan(0);
            expect(report.findings.every(finding => finding.code === 'uncovered-requirement' && finding.severity === 'warning')).toBe(true);

            const again = await runCli(['init'], folder.path);
            expect(again).toEqual({ code: 2, stdout: '', stderr: 'trainspec: trainspec.config.json and programme.tspec already exist here; \'init\' writes only into a folder without them.\n' });
        } finally {
            folder.remove();
        }
    });

    test('refuses, in one line, when one of the files exists, and writes neither', async () => {
        const folder = createTempFolder({ 'programme.tspec': 'mine' });
        try {
            const run = await runCli(['init'], folder.path);
            expect(run).toEqual({ code: 2, stdout: '', stderr: 'trainspec: programme.tspec already exists here; \'init\' writes only into a folder without them.\n' });
            expect(existsSync(folder.file('trainspec.config.json'))).toBe(false);
            expect(readFileSync(folder.file('programme.tspec'), 'utf8')).toBe('mine');
        } finally {
            folder.remove();
        }
    });
});
