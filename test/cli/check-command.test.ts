import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CheckReport } from '../../cli/src/reports/check-report.js';
import { expectNoStackTrace, lines, REPO_ROOT, runCli } from '../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';
import { elementsNamed, parseXml } from '../support/xml.js';

/** What `trainspec check examples/incomplete` prints for each of its four findings, from the repository. */
const INCOMPLETE_FINDINGS = [
    'examples/incomplete/programme.tspec:5:14 warning No module covers the PQF outcome "develop own knowledge and skills", which Probation Services Officer requires. [uncovered-requirement]',
    'examples/incomplete/programme.tspec:5:14 warning No module covers the PQF outcome "Understanding of the causes of crime and management of offending behaviour.", which Probation Services Officer requires. [uncovered-requirement]',
    'examples/incomplete/programme.tspec:6:13 warning No module covers the NOS unit "Deliver accredited programmes", which the Programmes pathway requires. [uncovered-requirement]',
    "examples/incomplete/programme.tspec:18:31 error Unknown standard 'AssesRiskOfHarm'. Did you mean 'AssessRiskOfHarm'? [unresolved-reference]"
];

/** The same findings with the file shown as `file`, and the coverage gaps at `coverageSeverity`. */
function findingsIn(file: string, coverageSeverity = 'warning'): string[] {
    return INCOMPLETE_FINDINGS.map(line => line
        .replace('examples/incomplete/programme.tspec', file)
        .replace(' warning ', ` ${coverageSeverity} `));
}

describe('trainspec check on the examples', () => {
    test.each([
        ['examples/pso-community-payback', '1 file'],
        ['examples/po-court-work', '4 files'],
        ['examples/case-manager-course', '2 files']
    ])('%s has no problems: exit 0', async (folder, files) => {
        const run = await runCli(['check', folder]);
        expect(run).toEqual({ code: 0, stdout: `No problems found in ${files}.\n`, stderr: '' });
    });

    test('examples/incomplete: one line per finding, in file order, then the summary; exit 1', async () => {
        const run = await runCli(['check', 'examples/incomplete']);
        expect(run.code).toBe(1);
        expect(lines(run.stdout)).toEqual([...INCOMPLETE_FINDINGS, '4 problems (1 error, 3 warnings) in 1 file.']);
        expect(run.stderr).toBe('');
    });

    test('the summary says what it counts: the problems, and the files they are in out of the files checked', async () => {
        const run = await runCli(['check', 'examples']);
        expect(lines(run.stdout).at(-1)).toBe('4 problems (1 error, 3 warnings) in 1 of 8 files.');
    });

    test('without paths it checks the current folder, and shows paths relative to it', async () => {
        const run = await runCli(['check'], join(REPO_ROOT, 'examples', 'incomplete'));
        expect(run.code).toBe(1);
        expect(lines(run.stdout)).toEqual([...findingsIn('programme.tspec'), '4 problems (1 error, 3 warnings) in 1 file.']);

        const clean = await runCli(['check'], join(REPO_ROOT, 'examples', 'po-court-work'));
        expect(clean).toEqual({ code: 0, stdout: 'No problems found in 4 files.\n', stderr: '' });
    });

    test('a quoted glob is expanded by the CLI, not the shell', async () => {
        const run = await runCli(['check', 'examples/po-court-work/**/*.tspec']);
        expect(run).toEqual({ code: 0, stdout: 'No problems found in 4 files.\n', stderr: '' });

        const programmes = await runCli(['check', 'examples/{incomplete,pso-community-payback}/*.tspec']);
        expect(programmes.code).toBe(1);
        expect(lines(programmes.stdout)).toEqual([...INCOMPLETE_FINDINGS, '4 problems (1 error, 3 warnings) in 1 of 2 files.']);
    });

    test('a file named by a folder and a glob too is checked once', async () => {
        const run = await runCli(['check', 'examples/incomplete', 'examples/incomplete/programme.tspec', 'examples/incomplete/*.tspec']);
        expect(lines(run.stdout)).toEqual([...INCOMPLETE_FINDINGS, '4 problems (1 error, 3 warnings) in 1 file.']);
    });
});

describe('trainspec check options', () => {
    /** examples/incomplete with the misspelling fixed: three coverage warnings and no error. */
    let onlyWarnings: TempFolder;

    beforeAll(() => {
        const text = readFileSync(join(REPO_ROOT, 'examples', 'incomplete', 'programme.tspec'), 'utf8');
        onlyWarnings = createTempFolder({ 'gaps.tspec': text.replace('AssesRiskOfHarm', 'AssessRiskOfHarm') });
    });

    afterAll(() => onlyWarnings.remove());

    const WARNINGS = findingsIn('gaps.tspec').slice(0, 3);

    test('warnings alone exit 0', async () => {
        const run = await runCli(['check'], onlyWarnings.path);
        expect(run.code).toBe(0);
        expect(lines(run.stdout)).toEqual([...WARNINGS, '3 problems (0 errors, 3 warnings) in 1 file.']);
    });

    test('--max-warnings 0 fails on any warning and says why', async () => {
        const run = await runCli(['check', '--max-warnings', '0'], onlyWarnings.path);
        expect(run.code).toBe(1);
        expect(lines(run.stdout)).toEqual([...WARNINGS, '3 problems (0 errors, 3 warnings) in 1 file.', '3 warnings is more than --max-warnings 0 allows.']);
    });

    test('--max-warnings at or above the count passes', async () => {
        for (const limit of ['3', '1000']) {
            const run = await runCli(['check', `--max-warnings=${limit}`], onlyWarnings.path);
            expect(run.code).toBe(0);
            expect(run.stdout).not.toContain('--max-warnings');
        }
    });

    test('--max-warnings does not excuse errors', async () => {
        const run = await runCli(['check', 'examples/incomplete', '--max-warnings', '1000']);
        expect(run.code).toBe(1);
    });

    test('with a machine format, too many warnings is said on stderr and stdout stays parseable', async () => {
        const run = await runCli(['check', '--format', 'json', '--max-warnings', '2'], onlyWarnings.path);
        expect(run.code).toBe(1);
        expect((JSON.parse(run.stdout) as CheckReport).summary.warnings).toBe(3);
        expect(run.stderr).toBe('3 warnings is more than --max-warnings 2 allows.\n');
    });

    test('--coverage-severity error makes every gap an error', async () => {
        const run = await runCli(['check', 'examples/incomplete', '--coverage-severity', 'error']);
        expect(run.code).toBe(1);
        expect(lines(run.stdout)).toEqual([...findingsIn('examples/incomplete/programme.tspec', 'error'), '4 problems (4 errors, 0 warnings) in 1 file.']);

        const gapsOnly = await runCli(['check', '--coverage-severity', 'error'], onlyWarnings.path);
        expect(gapsOnly.code).toBe(1);
        expect(gapsOnly.stdout).toContain('3 problems (3 errors, 0 warnings) in 1 file.');
    });

    test('--coverage-severity information reports gaps without failing, even with --max-warnings 0', async () => {
        const run = await runCli(['check', '--coverage-severity', 'information', '--max-warnings', '0'], onlyWarnings.path);
        expect(run.code).toBe(0);
        expect(lines(run.stdout)).toEqual([...findingsIn('gaps.tspec', 'information').slice(0, 3), '3 problems (0 errors, 0 warnings, 3 information) in 1 file.']);
    });

    test('--coverage-severity off leaves gaps out altogether', async () => {
        const run = await runCli(['check', '--coverage-severity', 'off'], onlyWarnings.path);
        expect(run).toEqual({ code: 0, stdout: 'No problems found in 1 file.\n', stderr: '' });

        const incomplete = await runCli(['check', 'examples/incomplete', '--coverage-severity=off']);
        expect(incomplete.code).toBe(1);
        expect(lines(incomplete.stdout)).toEqual([INCOMPLETE_FINDINGS[3], '1 problem (1 error, 0 warnings) in 1 file.']);
    });

    test('a --coverage-severity that does not exist is a usage error', async () => {
        const run = await runCli(['check', 'examples/incomplete', '--coverage-severity', 'loud']);
        expect(run).toEqual({
            code: 2,
            stdout: '',
            stderr: "trainspec: --coverage-severity must be one of error, warning, information, off, not 'loud'.\nRun 'trainspec --help' for usage.\n"
        });
    });
});

describe('trainspec check report formats', () => {
    test('--format json: the stable shape, with 1-based ranges and the item of each coverage gap', async () => {
        const run = await runCli(['check', 'examples/incomplete', '--format', 'json']);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        const file = 'examples/incomplete/programme.tspec';
        const range = (line: number, column: number, endColumn: number) => ({ start: { line, column }, end: { line, column: endColumn } });
        expect(JSON.parse(run.stdout)).toEqual({
            version: 1,
            files: [file],
            findings: [
                { file, range: range(5, 14, 17), severity: 'warning', code: 'uncovered-requirement', item: 'PsoDevelopSelf', message: 'No module covers the PQF outcome "develop own knowledge and skills", which Probation Services Officer requires.' },
                { file, range: range(5, 14, 17), severity: 'warning', code: 'uncovered-requirement', item: 'UnderstandingOfOffending', message: 'No module covers the PQF outcome "Understanding of the causes of crime and management of offending behaviour.", which Probation Services Officer requires.' },
                { file, range: range(6, 13, 23), severity: 'warning', code: 'uncovered-requirement', item: 'DeliverAccreditedProgrammes', message: 'No module covers the NOS unit "Deliver accredited programmes", which the Programmes pathway requires.' },
                { file, range: range(18, 31, 46), severity: 'error', code: 'unresolved-reference', message: "Unknown standard 'AssesRiskOfHarm'. Did you mean 'AssessRiskOfHarm'?" }
            ],
            summary: { files: 1, errors: 1, warnings: 3, information: 0 }
        });
    });

    test('--format json for a clean folder lists every file checked and no findings', async () => {
        const run = await runCli(['check', 'examples/case-manager-course', '--format', 'json']);
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual({
            version: 1,
            files: ['examples/case-manager-course/course.tspec', 'examples/case-manager-course/provider-roles.nos'],
            findings: [],
            summary: { files: 2, errors: 0, warnings: 0, information: 0 }
        });
    });

    test('--format github: one workflow command per finding, for annotations', async () => {
        const run = await runCli(['check', 'examples/incomplete', '--format', 'github']);
        expect(run.code).toBe(1);
        const file = 'file=examples/incomplete/programme.tspec';
        expect(lines(run.stdout)).toEqual([
            `::warning ${file},line=5,col=14,endLine=5,endColumn=17,title=TrainSpec uncovered-requirement::No module covers the PQF outcome "develop own knowledge and skills", which Probation Services Officer requires.`,
            `::warning ${file},line=5,col=14,endLine=5,endColumn=17,title=TrainSpec uncovered-requirement::No module covers the PQF outcome "Understanding of the causes of crime and management of offending behaviour.", which Probation Services Officer requires.`,
            `::warning ${file},line=6,col=13,endLine=6,endColumn=23,title=TrainSpec uncovered-requirement::No module covers the NOS unit "Deliver accredited programmes", which the Programmes pathway requires.`,
            `::error ${file},line=18,col=31,endLine=18,endColumn=46,title=TrainSpec unresolved-reference::Unknown standard 'AssesRiskOfHarm'. Did you mean 'AssessRiskOfHarm'?`
        ]);
    });

    test('--format github for a clean folder prints nothing', async () => {
        expect(await runCli(['check', 'examples/pso-community-payback', '--format', 'github'])).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    test('--format junit: well-formed XML with a test case per file, failing for the file with errors', async () => {
        const run = await runCli(['check', 'examples/incomplete', 'examples/po-court-work', '--format', 'junit']);
        expect(run.code).toBe(1);
        expect(run.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
        const root = parseXml(run.stdout);
        expect(root.name).toBe('testsuites');
        expect(root.attributes).toMatchObject({ tests: '5', failures: '1', errors: '0' });
        const cases = elementsNamed(root, 'testcase');
        expect(cases.map(testCase => testCase.attributes.name)).toEqual([
            'examples/incomplete/programme.tspec',
            'examples/po-court-work/modules/court-work.tspec',
            'examples/po-court-work/modules/foundations.tspec',
            'examples/po-court-work/modules/practice.tspec',
            'examples/po-court-work/programme.tspec'
        ]);
        const [failing, ...passing] = cases;
        expect(passing.every(testCase => testCase.children.length === 0)).toBe(true);
        // The error fails the test case; the three coverage warnings are its output, not failures.
        expect(failing.children.map(child => [child.name, child.attributes])).toEqual([
            ['failure', { type: 'unresolved-reference', message: '1 error' }],
            ['system-out', {}]
        ]);
        // The quotes in the messages come back from their &quot; escapes.
        expect(lines(failing.children[0].text)).toEqual(INCOMPLETE_FINDINGS.slice(3));
        expect(lines(failing.children[1].text)).toEqual(INCOMPLETE_FINDINGS.slice(0, 3));
    });

    test('every format gives the same exit code', async () => {
        for (const format of ['text', 'json', 'github', 'junit']) {
            const run = await runCli(['check', 'examples/incomplete', '--format', format]);
            expect(run.code, format).toBe(1);
            expectNoStackTrace(run);
        }
    });
});
