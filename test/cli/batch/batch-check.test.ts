import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { afterEach, describe, expect, test } from 'vitest';
import { BatchCheck } from '../../../cli/src/batch/batch-check.js';
import { CACHE_FILE_NAME, CheckCache } from '../../../cli/src/batch/check-cache.js';
import type { GroupRunner } from '../../../cli/src/batch/worker-pool.js';
import { createGroupRunner } from '../../../cli/src/batch/worker-pool.js';
import { loadWorkspace } from '../../../cli/src/load-workspace.js';
import type { Progress } from '../../../cli/src/progress.js';
import { createCheckReport, reportOfFindings, type CheckReport } from '../../../cli/src/reports/check-report.js';
import type { SourceFile } from '../../../cli/src/source-files.js';
import type { TrainSpecSettings } from '../../../language/src/workspace/trainspec-settings.js';
import { createTempFolder, type TempFolder } from '../../support/temp-folder.js';
import { TRICKY_WORKSPACE } from '../../support/tricky-workspace.js';

const SILENT: Progress = { report: () => undefined, done: () => undefined };

function sourcesOf(folder: TempFolder): SourceFile[] {
    return Object.keys(TRICKY_WORKSPACE).sort().map(name => ({ path: folder.file(name), displayPath: name, text: TRICKY_WORKSPACE[name] }));
}

/** The report of the whole workspace built at once, as `trainspec check` did before groups. */
async function oneWorkspaceReport(files: SourceFile[], settings: Partial<TrainSpecSettings> = {}): Promise<CheckReport> {
    const { documents } = await loadWorkspace(files, settings, SILENT);
    return createCheckReport(documents.map((document, index) => ({ document, displayPath: files[index].displayPath })), []);
}

interface Counted {
    report: CheckReport;
    checkedFiles: number;
    cachedGroups: number;
    groups: number;
}

async function batchReport(files: SourceFile[], options: { cache?: CheckCache; settings?: Partial<TrainSpecSettings> } = {}): Promise<Counted> {
    let checkedFiles = 0;
    const createRunner = (count: number): GroupRunner => {
        const runner = createGroupRunner(options.settings ?? {}, count);
        return {
            run: task => {
                checkedFiles += task.files.length;
                return runner.run(task);
            },
            close: () => runner.close()
        };
    };
    const result = await new BatchCheck({ files, createRunner, cache: options.cache, progress: SILENT }).run();
    options.cache?.save();
    return { report: reportOfFindings(result.files, []), checkedFiles, cachedGroups: result.cachedGroups, groups: result.groups };
}

let folder: TempFolder | undefined;
afterEach(() => folder?.remove());

describe('BatchCheck', () => {
    test('grouping never changes a message: the same report as one workspace, suggestions from other groups included', async () => {
        folder = createTempFolder(TRICKY_WORKSPACE);
        const files = sourcesOf(folder);
        const expected = await oneWorkspaceReport(files);
        const { report, groups } = await batchReport(files);
        expect(groups).toBeGreaterThanOrEqual(5);
        expect(report).toEqual(expected);
        const messages = report.findings.map(finding => finding.message);
        expect(messages).toContain("Unknown module 'IntroductionToProbaton'. Did you mean 'IntroductionToProbation'?");
        expect(messages).toContain("Unknown role 'Mentr'. Did you mean 'Mentor'?");
        expect(messages.filter(message => message.startsWith("Duplicate identifier 'Twice'"))).toHaveLength(2);
    });

    test('with the cache, an unchanged group is not checked again, and the report stays the same', async () => {
        folder = createTempFolder(TRICKY_WORKSPACE);
        const files = sourcesOf(folder);
        const path = folder.file(CACHE_FILE_NAME);
        const cold = await batchReport(files, { cache: new CheckCache(path, 'v1') });
        const warm = await batchReport(files, { cache: new CheckCache(path, 'v1') });
        expect(warm.report).toEqual(cold.report);
        expect(warm.checkedFiles).toBe(0);
        expect(warm.cachedGroups).toBe(warm.groups);
    });

    test('a changed file re-checks its group only, and its findings are current', async () => {
        folder = createTempFolder(TRICKY_WORKSPACE);
        const path = folder.file(CACHE_FILE_NAME);
        await batchReport(sourcesOf(folder), { cache: new CheckCache(path, 'v1') });
        const changed = sourcesOf(folder).map(file => file.displayPath === 'modules/intro.tspec' ? { ...file, text: file.text.replace('covers RoSH.a', 'covers RoSH.a, Nowhere') } : file);
        const warm = await batchReport(changed, { cache: new CheckCache(path, 'v1') });
        expect(warm.report).toEqual(await oneWorkspaceReport(changed));
        expect(warm.report.findings.some(finding => finding.message.startsWith("Unknown standard 'Nowhere'"))).toBe(true);
        // Twice: once as it was changed, once more because its unknown name needs every name in the workspace for suggestions.
        expect(warm.checkedFiles).toBe(2);
    });

    test('a renamed declaration re-checks the groups it joins or leaves, and those with unknown names', async () => {
        folder = createTempFolder(TRICKY_WORKSPACE);
        const path = folder.file(CACHE_FILE_NAME);
        await batchReport(sourcesOf(folder), { cache: new CheckCache(path, 'v1') });
        const fixed = sourcesOf(folder).map(file => file.displayPath === 'one/twice.tspec' ? { ...file, text: file.text.replace('Twice', 'Once') } : file);
        const warm = await batchReport(fixed, { cache: new CheckCache(path, 'v1') });
        expect(warm.report).toEqual(await oneWorkspaceReport(fixed));
        expect(warm.report.findings.some(finding => finding.message.startsWith('Duplicate identifier'))).toBe(false);
        // The two files that declared Twice, and the two files whose suggestions could now name Once.
        expect(warm.checkedFiles).toBe(4);
        expect(warm.cachedGroups).toBe(warm.groups - 4);
    });

    test('a new version or other settings make every cached result stale', async () => {
        folder = createTempFolder(TRICKY_WORKSPACE);
        const files = sourcesOf(folder);
        const path = folder.file(CACHE_FILE_NAME);
        await batchReport(files, { cache: new CheckCache(path, 'version 1, warning') });
        const newVersion = await batchReport(files, { cache: new CheckCache(path, 'version 2, warning') });
        expect(newVersion.cachedGroups).toBe(0);
        expect(newVersion.checkedFiles).toBeGreaterThanOrEqual(files.length);

        const settings = { coverageSeverity: 'error' } as const;
        const otherSettings = await batchReport(files, { cache: new CheckCache(path, 'version 2, error'), settings });
        expect(otherSettings.cachedGroups).toBe(0);
        expect(otherSettings.report).toEqual(await oneWorkspaceReport(files, settings));
    });

    test('a damaged cache file is ignored', async () => {
        folder = createTempFolder({ ...TRICKY_WORKSPACE, [CACHE_FILE_NAME]: '{ not json' });
        const files = sourcesOf(folder);
        const checked = await batchReport(files, { cache: new CheckCache(folder.file(CACHE_FILE_NAME), 'v1') });
        expect(checked.report).toEqual(await oneWorkspaceReport(files));
        expect(deserialize(readFileSync(folder.file(CACHE_FILE_NAME)))).toMatchObject({ format: 2, stamp: 'v1' });
    });
});
