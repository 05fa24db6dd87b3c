import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { ListedItem } from '../../cli/src/standards-command.js';
import { REPO_ROOT, runCli, type CliRun } from '../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

interface JsonReport {
    files: string[];
    findings: Array<{ file: string; code: string; message: string }>;
}

const ROLES = readFileSync(join(REPO_ROOT, 'language', 'src', 'library', 'roles.nos'), 'utf8');
const SPEC = 'programme P "P" {\n    prepares PSO\n    module M "M" {\n        hours 1\n        covers PsoCommunicate\n    }\n}\n';

function report(run: CliRun): JsonReport {
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as JsonReport;
}

async function listed(args: string[], cwd: string): Promise<ListedItem[]> {
    const run = await runCli(['standards', '--format', 'json', ...args], cwd);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    return (JSON.parse(run.stdout) as { items: ListedItem[] }).items;
}

// `trainspec check` at the root of this repository, as its CI runs it: the built-in library's own
// sources (language/src/library/*.nos) are the library itself and are not read a second time, so the
// root reports exactly the mistakes examples/incomplete makes on purpose. A new .tspec or .nos file
// anywhere in the repository (a test fixture on disk, say) is checked here too, and shows up below.
describe('trainspec check at the root of this repository', () => {
    test('reports exactly the findings of examples/incomplete, and checks the files of examples/', async () => {
        const [root, incomplete, examples] = await Promise.all([
            runCli(['check', '--format', 'json']),
            runCli(['check', '--format', 'json', 'examples/incomplete']),
            runCli(['check', '--format', 'json', 'examples'])
        ]);
        expect(report(root).findings).toEqual(report(incomplete).findings);
        expect(report(root).findings).toHaveLength(4);
        expect(report(root).files).toEqual(report(examples).files);
        expect([root.code, incomplete.code]).toEqual([1, 1]);
    });

    test('trainspec standards lists every standard once: the built-in library and the examples\' catalogue', async () => {
        const [root, examples] = await Promise.all([listed([], REPO_ROOT), listed(['examples'], REPO_ROOT)]);
        expect(root).toEqual(examples);
        const ids = root.map(item => `${item.kind} ${item.id}`);
        expect(ids).toEqual([...new Set(ids)]);
    });
});

describe('a copy of a built-in catalogue in a folder', () => {
    let folder: TempFolder | undefined;
    afterEach(() => folder?.remove());

    test('is the library itself: not loaded again, whatever its name or line endings', async () => {
        folder = createTempFolder({ 'standards/pqf-roles.nos': ROLES.replace(/\n/g, '\r\n'), 'programme.tspec': SPEC });
        const run = await runCli(['check', '--format', 'json'], folder.path);
        expect(report(run).files).toEqual(['programme.tspec']);
        expect(report(run).findings.map(finding => finding.code)).not.toContain('builtin-redefined');
        const empty = createTempFolder();
        try {
            expect(await listed([], folder.path)).toEqual(await listed([], empty.path));
        } finally {
            empty.remove();
        }
    });

    test('once edited, is a catalogue of its own, and its redefinitions are reported', async () => {
        folder = createTempFolder({ 'roles.nos': ROLES.replace('"Probation Services Officer"', '"Probation Services Officer (ours)"'), 'programme.tspec': SPEC });
        const run = await runCli(['check', '--format', 'json'], folder.path);
        expect(report(run).files).toEqual(['programme.tspec', 'roles.nos']);
        expect(report(run).findings.filter(finding => finding.code === 'builtin-redefined').length).toBeGreaterThan(0);
        expect(run.code).toBe(1);
    });
});
