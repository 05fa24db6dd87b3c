import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { afterEach, describe, expect, test } from 'vitest';
import { BatchCheck } from '../../../cli/src/batch/batch-check.js';
import { CACHE_FILE_NAME, CheckCache, SETTLE_MS } from '../../../cli/src/batch/check-cache.js';
import { readUnchangedText, SourceChangedError } from '../../../cli/src/batch/unchanged-text.js';
import { createGroupRunner, type GroupRunner } from '../../../cli/src/batch/worker-pool.js';
import { NodeSourceFileSystem, type ReadResult } from '../../../cli/src/files/file-system.js';
import type { Progress } from '../../../cli/src/progress.js';
import { reportOfFindings, type CheckReport } from '../../../cli/src/reports/check-report.js';
import { collectSources, collectSourcesUnlessKnown } from '../../../cli/src/source-files.js';
import { createTempFolder, type TempFolder } from '../../support/temp-folder.js';
import { TRICKY_WORKSPACE } from '../../support/tricky-workspace.js';

const SILENT: Progress = { report: () => undefined, done: () => undefined };

/** The real disk, counting the files read. */
class CountingFileSystem extends NodeSourceFileSystem {
    readonly read: string[] = [];

    override readRegularFile(path: string, maxBytes: number): ReadResult {
        this.read.push(path);
        return super.readRegularFile(path, maxBytes);
    }
}

interface Run {
    report: CheckReport;
    /** Files read from disk, to find them or to check their group. */
    read: number;
    /** Files checked. */
    checked: number;
}

let folder: TempFolder;
afterEach(() => folder?.remove());

/** What `trainspec check` does without a cache: every file read and checked. */
async function cold(): Promise<CheckReport> {
    const { files, problems } = collectSources(['.'], folder.path);
    const result = await new BatchCheck({ files, createRunner: count => createGroupRunner({}, count), progress: SILENT }).run();
    return reportOfFindings(result.files, problems);
}

/**
 * What `trainspec check --cache` does, in a run that starts `laterMs` after now: a file last
 * written SETTLE_MS before the run started is one whose size and times the cache trusts.
 */
async function warm(laterMs = SETTLE_MS + 1000): Promise<Run> {
    const fileSystem = new CountingFileSystem();
    const cache = new CheckCache(folder.file(CACHE_FILE_NAME), 'v1', Date.now() + laterMs);
    const { files, problems } = collectSourcesUnlessKnown(['.'], folder.path, () => false, cache, fileSystem);
    let checked = 0;
    const createRunner = (count: number): GroupRunner => {
        const runner = createGroupRunner({}, count);
        return { run: task => (checked += task.files.length, runner.run(task)), close: () => runner.close() };
    };
    const readText = (file: Parameters<typeof readUnchangedText>[0]): string => readUnchangedText(file, fileSystem);
    const result = await new BatchCheck({ files, createRunner, cache, progress: SILENT, readText }).run();
    cache.save();
    return { report: reportOfFindings(result.files, problems), read: fileSystem.read.length, checked };
}

const FILES = Object.keys(TRICKY_WORKSPACE).length;

describe('check --cache on files unchanged since they settled', () => {
    test('reads none of them, checks nothing, and reports exactly what a cold check does', async () => {
        folder = createTempFolder(TRICKY_WORKSPACE);
        const expected = await cold();
        const first = await warm();
        expect(first.report).toEqual(expected);
        expect(first.read).toBe(FILES);
        const second = await warm();
        expect(second.report).toEqual(expected);
        expect(second.read).toBe(0);
        expect(second.checked).toBe(0);
    });

    test('a file written too recently to trust its times is read again on the next run', async () => {
        folder = createTempFolder(TRICKY_WORKSPACE);
        await warm(0);
        const next = await warm(0);
        expect(next.read).toBe(FILES);
        expect(next.checked).toBe(0);
    });

    test('a file rewritten with the same size and its modification time set back is still seen to change', async () => {
        folder = createTempFolder(TRICKY_WORKSPACE);
        const path = folder.file('modules/intro.tspec');
        const past = new Date('2020-01-01T00:00:00Z');
        utimesSync(path, past, past);
        await warm();
        const before = statSync(path);
        writeFileSync(path, TRICKY_WORKSPACE['modules/intro.tspec'].replace('RoSH.a', 'RoSH.x'));
        utimesSync(path, past, past);
        expect(statSync(path)).toMatchObject({ size: before.size, mtimeMs: before.mtimeMs });
        const after = await warm();
        expect(after.report).toEqual(await cold());
        expect(after.report.findings.some(finding => finding.message.includes("'RoSH.x'"))).toBe(true);
        expect(after.read).toBeLessThan(FILES);
    });

    test('a deleted file and an added one that joins another file\'s group: the same report as a cold check', async () => {
        folder = createTempFolder(TRICKY_WORKSPACE);
        await warm();
        rmSync(folder.file('two/twice.tspec'));
        writeFileSync(folder.file('added.tspec'), 'programme Added "Added" {\n    prepares PSO\n    includes IntroductionToProbation\n}\n');
        const after = await warm();
        expect(after.report).toEqual(await cold());
        expect(after.report.findings.some(finding => finding.message.startsWith("Duplicate identifier 'Twice'"))).toBe(false);
        expect(after.report.files).toContain('added.tspec');
        // The new file, the one that shares its group, and those whose suggestions could name what changed.
        expect(after.checked).toBeLessThan(FILES);
        expect((await warm()).checked).toBe(0);
    });

    test('a file that changes while the check runs, after it was found unchanged, stops the check rather than mix contents', async () => {
        folder = createTempFolder(TRICKY_WORKSPACE);
        await warm();
        const cache = new CheckCache(folder.file(CACHE_FILE_NAME), 'v1', Date.now() + SETTLE_MS + 1000);
        const { files } = collectSourcesUnlessKnown(['.'], folder.path, () => false, cache);
        const unread = files.find(file => file.displayPath === 'modules/intro.tspec');
        expect(unread && 'known' in unread).toBe(true);
        writeFileSync(folder.file('modules/intro.tspec'), 'module Other "Other" {}\n');
        expect(() => unread && 'known' in unread && readUnchangedText(unread)).toThrow(SourceChangedError);
    });

    test('names of deleted files do not pile up in the cache, and what remains is still right', async () => {
        const extra = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`extra/m${index}.tspec`, `module Extra${index} "Extra" {\n    covers RoSH.a\n}\n`]));
        folder = createTempFolder({ ...TRICKY_WORKSPACE, ...extra });
        await warm();
        const names = (): string[] => (deserialize(readFileSync(folder.file(CACHE_FILE_NAME))) as { names: string }).names.split('\0');
        expect(names()).toContain('Extra7');
        rmSync(folder.file('extra'), { recursive: true });
        const after = await warm();
        expect(after.report).toEqual(await cold());
        expect(names()).not.toContain('Extra7');
        expect(names()).toContain('IntroductionToProbation');
        expect((await warm()).report).toEqual(after.report);
    });
});

describe('check --cache and groups the build merged', () => {
    test('a group the build had to merge comes whole from the cache next time', async () => {
        folder = createTempFolder({ 'a.tspec': 'module A "A" {}\n', 'b.tspec': 'module B "B" {}\n' });
        // A runner whose build says that a.tspec refers to B, which the scan did not see: the batch check must merge the groups.
        let checked = 0;
        const runner: GroupRunner = {
            run: task => {
                checked += task.files.length;
                return Promise.resolve(task.files.map(file => {
                    const withB = task.files.some(other => other.displayPath === 'b.tspec' && other.group === file.group);
                    const declared = file.displayPath === 'a.tspec' ? 'A' : 'B';
                    return { findings: [], declarations: [[declared, 'Module'] as const], unresolved: [], crossings: file.displayPath === 'a.tspec' && !withB ? ['B'] : [] };
                }));
            },
            close: () => Promise.resolve()
        };
        const run = async (): Promise<number> => {
            checked = 0;
            const cache = new CheckCache(folder.file(CACHE_FILE_NAME), 'v1', Date.now() + SETTLE_MS + 1000);
            const { files } = collectSourcesUnlessKnown(['.'], folder.path, () => false, cache);
            const result = await new BatchCheck({ files, createRunner: () => runner, cache, progress: SILENT }).run();
            cache.save();
            expect(result.groups).toBe(2);
            expect(result.largestGroup).toBe(2);
            return checked;
        };
        // Each file on its own, then both together.
        expect(await run()).toBe(4);
        // The merged group at once, from the cache.
        expect(await run()).toBe(0);
        // Once one of its files changes, the grouping is the scan's again, and the build's to verify.
        writeFileSync(folder.file('b.tspec'), 'module B "B, changed" {}\n');
        expect(await run()).toBe(4);
    });
});
