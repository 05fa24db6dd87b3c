import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CACHE_FILE_NAME, SETTLE_MS } from '../../../cli/src/batch/check-cache.js';
import type { CheckReport } from '../../../cli/src/reports/check-report.js';
import { expectNoStackTrace, runBin, type CliRun } from '../../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../../support/temp-folder.js';
import { TRICKY_WORKSPACE } from '../../support/tricky-workspace.js';

/** Two worker threads, even for a workspace this small, so that the threads are what is tested. */
const WORKERS = { TRAINSPEC_WORKERS: '2' };

let folder: TempFolder;
const check = (args: string[]): Promise<CliRun> => runBin(['check', ...args], { cwd: folder.path, env: WORKERS });

let createdAt: number;

beforeAll(() => {
    createdAt = Date.now();
    folder = createTempFolder(TRICKY_WORKSPACE);
});
afterAll(() => folder.remove());

describe('trainspec check --cache', () => {
    test.each(['text', 'json'])('warm findings equal a cold check, byte for byte (%s)', async format => {
        rmSync(folder.file(CACHE_FILE_NAME), { force: true });
        const cold = await check(['--format', format]);
        expect(cold.code).toBe(1);
        const first = await check(['--format', format, '--cache']);
        const warm = await check(['--format', format, '--cache']);
        expect(first).toEqual(cold);
        expect(warm).toEqual(cold);
    });

    test.each(['text', 'json'])('warm findings equal a cold check when no file is read, only looked at (%s)', async format => {
        // Files written less than SETTLE_MS before a run are read and hashed whatever their times say; these must have settled.
        const settledAt = createdAt + SETTLE_MS + 100;
        await new Promise(resolve => setTimeout(resolve, Math.max(0, settledAt - Date.now())));
        rmSync(folder.file(CACHE_FILE_NAME), { force: true });
        const cold = await check(['--format', format]);
        await check(['--format', format, '--cache']);
        const warm = await check(['--format', format, '--cache']);
        expect(warm).toEqual(cold);
    });

    test('another --coverage-severity is not served from the cache', async () => {
        await check(['--cache']);
        const cold = await check(['--coverage-severity', 'error']);
        const warm = await check(['--coverage-severity', 'error', '--cache']);
        expect(warm).toEqual(cold);
        expect(warm.stdout).toContain(' error No module covers ');
    });

    test('a changed configuration file makes every kept result stale', async () => {
        const configured = createTempFolder({ ...TRICKY_WORKSPACE, 'trainspec.config.json': '{ "severity": { "uncovered-requirement": "error" } }' });
        try {
            const run = (args: string[]): Promise<CliRun> => runBin(['check', ...args], { cwd: configured.path, env: WORKERS });
            await run(['--cache']);
            writeFileSync(configured.file('trainspec.config.json'), '{ "severity": { "uncovered-requirement": "off" } }');
            const warm = await run(['--cache']);
            expect(warm).toEqual(await run([]));
            expect(warm.stdout).not.toContain('No module covers');
        } finally {
            configured.remove();
        }
    });
});

describe('trainspec check --shard', () => {
    test('the shards together report exactly what one check reports', async () => {
        const cold = JSON.parse((await check(['--format', 'json'])).stdout) as CheckReport;
        const shards = await Promise.all([1, 2, 3].map(index => check(['--format', 'json', '--shard', `${index}/3`])));
        shards.forEach(expectNoStackTrace);
        const reports = shards.filter(shard => shard.stdout !== '').map(shard => JSON.parse(shard.stdout) as CheckReport);
        const order = (file: string) => cold.files.indexOf(file);
        const files = reports.flatMap(report => report.files).sort((a, b) => order(a) - order(b));
        const findings = reports.flatMap(report => report.findings).sort((a, b) => order(a.file) - order(b.file));
        expect(files).toEqual(cold.files);
        expect(findings).toEqual(cold.findings);
        expect(reports.reduce((sum, report) => sum + report.summary.errors, 0)).toBe(cold.summary.errors);
        expect(reports.filter(report => report.files.length > 0).length).toBeGreaterThan(1);
    });

    test('a shard that gets no group says so and exits 0', async () => {
        const one = createTempFolder({ 'only.tspec': TRICKY_WORKSPACE['incomplete.tspec'] });
        try {
            const runs = await Promise.all([1, 2].map(index => runBin(['check', '--shard', `${index}/2`], { cwd: one.path })));
            const empty = runs.find(run => run.code === 0);
            const full = runs.find(run => run.code === 1);
            expect(empty?.stderr).toBe('');
            expect(empty?.stdout).toMatch(/^Shard [12]\/2 has no group of files to check \(the workspace has 1\)\.\n$/);
            expect(full?.stdout).toContain('only.tspec:');
        } finally {
            one.remove();
        }
    });

    test.each(['0/2', '3/2', '1', 'a/b', '1/0'])('--shard %s is a usage error', async value => {
        const run = await check(['--shard', value]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('--shard needs the form i/n');
    });
});
