import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, test } from 'vitest';
import { lines, runBin, runCli, REPO_ROOT, expectNoStackTrace } from '../support/run-cli.js';
import { schemaErrors } from '../support/report-fixture.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

const EPOCH = '1764547200'; // 1 December 2025, 00:00 UTC

/** Runs `trainspec` with SOURCE_DATE_EPOCH set, in `cwd`. */
async function run(args: string[], cwd = REPO_ROOT) {
    const previous = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = EPOCH;
    try {
        return await runBin(args, { cwd });
    } finally {
        if (previous === undefined) {
            delete process.env.SOURCE_DATE_EPOCH;
        } else {
            process.env.SOURCE_DATE_EPOCH = previous;
        }
    }
}

const folders: TempFolder[] = [];
afterEach(() => folders.splice(0).forEach(folder => folder.remove()));

function folder(files: Record<string, string> = {}, copyFrom?: string): TempFolder {
    const created = createTempFolder(files, copyFrom);
    folders.push(created);
    return created;
}

describe('trainspec report', () => {
    test('writes every programme found as JSON that validates against the schema, dated by SOURCE_DATE_EPOCH', async () => {
        const result = await run(['report', 'examples', '--format', 'json']);
        expect(result.code).toBe(0);
        const report = JSON.parse(result.stdout) as { generated: string; programmes: Array<{ id: string; file: string; summary: { gaps: number } }> };
        expect(schemaErrors(report)).toEqual([]);
        expect(report.generated).toBe('2025-12-01T00:00:00.000Z');
        expect(report.programmes.map(programme => `${programme.id} ${programme.file} ${programme.summary.gaps}`)).toEqual([
            'ProviderCaseManagerCourse examples/case-manager-course/course.tspec 0',
            'DraftProgrammesPso examples/incomplete/programme.tspec 3',
            'CourtWorkPoDegree examples/po-court-work/programme.tspec 0',
            'PaybackPsoDiploma examples/pso-community-payback/programme.tspec 0'
        ]);
        // The example with an error on purpose: the report is written, and stderr says the coverage may be incomplete.
        expect(result.stderr).toBe("trainspec: 1 file has errors, so the coverage may be incomplete. Run 'trainspec check' to see them.\n");
    });

    test('the same sources make the same report byte for byte', async () => {
        const [first, second] = [await run(['report', 'examples', '--format', 'html']), await run(['report', 'examples', '--format', 'html'])];
        expect(first.stdout).toBe(second.stdout);
        expect(first.stdout).toContain('on 1 December 2025.');
    });

    test('--programme picks programmes by identifier; -o writes a file whose extension gives the format', async () => {
        const out = folder();
        const result = await run(['report', 'examples', '--programme', 'CourtWorkPoDegree', '--programme', 'DraftProgrammesPso', '-o', out.file('coverage.csv')]);
        expect(result).toMatchObject({ code: 0, stdout: '' });
        const csv = readFileSync(out.file('coverage.csv'), 'utf8');
        expect(csv.startsWith('\uFEFF"Programme","Programme title","Required by"')).toBe(true);
        expect(csv).toMatch(/\r\n$/);
        expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
        const rows = parse<Record<string, string>>(csv, { bom: true, columns: true });
        expect(new Set(rows.map(row => row.Programme))).toEqual(new Set(['DraftProgrammesPso', 'CourtWorkPoDegree']));
        expect(rows.find(row => row.Programme === 'DraftProgrammesPso' && row.Item === 'DeliverAccreditedProgrammes')).toEqual({
            Programme: 'DraftProgrammesPso',
            'Programme title': 'PSO Diploma: Programmes pathway (draft)',
            'Required by': 'the Programmes pathway',
            'Required by (identifier)': 'Programmes',
            Item: 'DeliverAccreditedProgrammes',
            Kind: 'NOS unit',
            Title: 'Deliver accredited programmes',
            Text: 'Deliver accredited programmes',
            Source: 'Guidelines issued by the Secretary of State for Justice under Section 10(2) of the Offender Management Act 2007',
            Section: 'Annex A',
            Covered: 'No',
            'Covered by': '',
            'Hours of covering modules': '0'
        });
    });

    test('Markdown by default: a table per programme in <details>, the sources and the version', async () => {
        const result = await run(['report', 'examples/po-court-work']);
        expect(result.code).toBe(0);
        expect(lines(result.stdout).slice(0, 5)).toEqual([
            '# Coverage report',
            '',
            '| Programme | Prepares for | Covered | Gaps |',
            '| --- | --- | ---: | ---: |',
            '| Honours Degree in Community Justice: Court Work pathway | Probation Officer | 16 of 16 | 0 |'
        ]);
        expect(result.stdout).toContain('<details open>\n<summary><strong>Honours Degree in Community Justice: Court Work pathway</strong>: 16 of 16 requirements covered, no gaps</summary>');
        expect(result.stdout).toContain('Probation Qualifications Framework – towards a Qualified Workforce (2010)');
        expect(result.stdout).toMatch(/Made with TrainSpec \d+\.\d+\.\d+ on 1 December 2025\.\n$/);
    });

    test('leaves out the files that trainspec.config.json ignores, as check does', async () => {
        const copy = folder({
            'trainspec.config.json': '{ "ignore": ["drafts/**"] }\n',
            'kept.tspec': 'programme Kept "Kept" {\n    prepares PSO\n}\n',
            'drafts/draft.tspec': 'programme Draft "Draft" {\n    prepares PSO\n}\n'
        });
        const result = await run(['report', '.', '--format', 'json'], copy.path);
        expect(result.code).toBe(0);
        expect((JSON.parse(result.stdout) as { programmes: Array<{ id: string }> }).programmes.map(programme => programme.id)).toEqual(['Kept']);
    });

    test.each([
        [['report', 'examples', '--programme', 'Nope'], "trainspec: no programme called 'Nope' was found.\n"],
        [['report', 'examples/case-manager-course/provider-roles.nos'], 'trainspec: no programmes were found in the file found, so there is nothing to report.\n'],
        [['report', 'examples', '--format', 'pdf'], "trainspec: --format must be one of html, markdown, csv, json, not 'pdf'.\nRun 'trainspec --help' for usage.\n"],
        [['report', 'examples', '--max-warnings', '1'], "trainspec: --max-warnings applies to 'check', not 'report'.\nRun 'trainspec --help' for usage.\n"],
        [['check', 'examples', '--programme', 'X'], "trainspec: --programme applies to 'report', not 'check'.\nRun 'trainspec --help' for usage.\n"]
    ])('%j: one line, exit 2', async (args, stderr) => {
        const result = await run(args);
        expect(result).toEqual({ code: 2, stdout: '', stderr });
    });

    test('a malformed SOURCE_DATE_EPOCH is a usage mistake', async () => {
        const previous = process.env.SOURCE_DATE_EPOCH;
        process.env.SOURCE_DATE_EPOCH = 'yesterday';
        try {
            const result = await runCli(['report', 'examples']);
            expect(result).toEqual({ code: 2, stdout: '', stderr: "trainspec: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not 'yesterday'.\nRun 'trainspec --help' for usage.\n" });
        } finally {
            if (previous === undefined) {
                delete process.env.SOURCE_DATE_EPOCH;
            } else {
                process.env.SOURCE_DATE_EPOCH = previous;
            }
        }
    });
});

describe('trainspec check --baseline', () => {
    /** A copy of examples/po-court-work with its report as the baseline, in base.json. */
    async function withBaseline(): Promise<TempFolder> {
        const copy = folder({}, `${REPO_ROOT}/examples/po-court-work`);
        const base = await run(['report', '.', '--format', 'json', '-o', 'base.json'], copy.path);
        expect(base.code).toBe(0);
        return copy;
    }

    /** Takes PsoDevelopSelf out of the one module that covers it: a gap opens. */
    function openGap(copy: TempFolder): void {
        edit(copy, 'programme.tspec', 'covers PsoDevelopSelf, PoDevelopProfessionally', 'covers PoDevelopProfessionally');
    }

    function edit(copy: TempFolder, path: string, from: string, to: string): void {
        const text = readFileSync(copy.file(path), 'utf8');
        expect(text).toContain(from);
        writeFileSync(copy.file(path), text.replace(from, to));
    }

    const GAP_WARNING = 'programme.tspec:14:14 warning No module covers the PQF outcome "develop own knowledge and skills"';
    const GAP_OPENED = '    gap opened: PsoDevelopSelf "develop own knowledge and skills", required by Probation Officer (through Probation Services Officer)';

    test('nothing changed: says so after the text report, and exits 0', async () => {
        const copy = await withBaseline();
        const result = await run(['check', '.', '--baseline', 'base.json'], copy.path);
        expect(result.code).toBe(0);
        expect(lines(result.stdout)).toEqual(['No problems found in 4 files.', 'Coverage change: none. No gaps opened or closed since the baseline.']);
    });

    test('a gap the change opens is listed; with --fail-on new-gaps it fails the check, without it the gap is only a warning', async () => {
        const copy = await withBaseline();
        openGap(copy);
        const plain = await run(['check', '.', '--baseline', 'base.json'], copy.path);
        expect(plain.code).toBe(0);
        const failing = await run(['check', '.', '--baseline', 'base.json', '--fail-on', 'new-gaps'], copy.path);
        expect(failing.code).toBe(1);
        expect(lines(failing.stdout)).toEqual([
            expect.stringContaining(GAP_WARNING) as string,
            '1 problem (0 errors, 1 warning) in 1 of 4 files.',
            'Coverage change since the baseline: 1 gap opened, 0 closed, 0 requirements newly covered.',
            '  Honours Degree in Community Justice: Court Work pathway (CourtWorkPoDegree): now 15 of 16 covered, 1 gap (was 16 of 16 covered, 0 gaps)',
            GAP_OPENED
        ]);
        expectNoStackTrace(failing);
    });

    test('with --shard, the first shard compares coverage and the others do not', async () => {
        const copy = await withBaseline();
        openGap(copy);
        const [first, second] = [await run(['check', '.', '--shard', '1/2', '--baseline', 'base.json', '--fail-on', 'new-gaps'], copy.path),
            await run(['check', '.', '--shard', '2/2', '--baseline', 'base.json', '--fail-on', 'new-gaps'], copy.path)];
        expect(first.code).toBe(1);
        expect(first.stdout).toContain(GAP_OPENED);
        expect(second.code).toBe(0);
        expect(second.stdout).not.toContain('Coverage change');
    });

    test('with --fail-on new-gaps, gaps the baseline already had fail nothing, even as errors; other errors still fail', async () => {
        const copy = await withBaseline();
        openGap(copy);
        expect((await run(['report', '.', '--format', 'json', '-o', 'base.json'], copy.path)).code).toBe(0);
        const asErrors = ['check', '.', '--baseline', 'base.json', '--coverage-severity', 'error'];
        expect((await run(asErrors, copy.path)).code).toBe(1);
        const adopted = await run([...asErrors, '--fail-on', 'new-gaps'], copy.path);
        expect(adopted.code).toBe(0);
        expect(lines(adopted.stdout).slice(-1)).toEqual(['Coverage change: none. No gaps opened or closed since the baseline.']);
        edit(copy, 'programme.tspec', 'includes CriminalJusticeSystem', 'includes CriminalJusticeSystm');
        const broken = await run([...asErrors, '--fail-on', 'new-gaps'], copy.path);
        expect(broken.code).toBe(1);
        expect(broken.stdout).toContain("Unknown module 'CriminalJusticeSystm'");
    });

    test('--baseline-format markdown or json, to --baseline-output or beside a machine format on stderr', async () => {
        const copy = await withBaseline();
        openGap(copy);
        const markdown = await run(['check', '.', '--baseline', 'base.json', '--baseline-output', 'change.md'], copy.path);
        expect(markdown.code).toBe(0);
        expect(readFileSync(copy.file('change.md'), 'utf8')).toContain('| `PsoDevelopSelf` develop own knowledge and skills | Probation Officer (through Probation Services Officer) | develop own knowledge and skills |');
        const json = await run(['check', '.', '--format', 'json', '--baseline', 'base.json', '--baseline-format', 'json'], copy.path);
        expect(JSON.parse(json.stdout)).toMatchObject({ summary: { warnings: 1 } });
        expect(JSON.parse(json.stderr)).toMatchObject({ kind: 'trainspec-coverage-change', version: 1, summary: { gapsOpened: 1, gapsClosed: 0 } });
    });

    test.each([
        ['missing.json', undefined, "trainspec: --baseline missing.json: cannot be read: no such file.\n"],
        ['base.json', '{"kind": "trainspec-coverage-report", "version": 99}', "trainspec: --baseline base.json is a coverage report of version 99, but this TrainSpec reads version 1; make the baseline with the same TrainSpec version.\n"],
        ['base.json', '{"version": 1, "findings": []}', "trainspec: --baseline base.json is not a TrainSpec coverage report; make one with 'trainspec report --format json'.\n"],
        ['base.json', '{"kind": ', expect.stringMatching(/^trainspec: --baseline base\.json is not valid JSON \(.+\)\.\n$/) as string]
    ])('a baseline %s that cannot be used is one line, exit 2', async (file, content, stderr) => {
        const copy = folder(content === undefined ? { 'a.tspec': '' } : { 'a.tspec': '', [file]: content });
        expect(await run(['check', '.', '--baseline', file, '--fail-on', 'new-gaps'], copy.path)).toEqual({ code: 2, stdout: '', stderr });
    });

    test.each([
        [['--fail-on', 'new-gaps'], "--fail-on needs --baseline FILE (the base branch's 'trainspec report --format json')."],
        [['--baseline', 'b.json', '--fail-on', 'warnings'], "--fail-on must be one of new-gaps, not 'warnings'."],
        [['--baseline', 'b.json', '--baseline-format', 'html'], "--baseline-format must be one of text, markdown, json, not 'html'."]
    ])('%j is a usage mistake', async (args, message) => {
        expect(await run(['check', 'examples', ...args])).toEqual({ code: 2, stdout: '', stderr: `trainspec: ${message}\nRun 'trainspec --help' for usage.\n` });
    });
});
