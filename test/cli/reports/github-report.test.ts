import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { CheckReport, Finding } from '../../../cli/src/reports/check-report.js';
import { formatGithub, GITHUB_ANNOTATIONS_PER_KIND } from '../../../cli/src/reports/github-report.js';
import { cell, formatMarkdownSummary, MAX_SUMMARY_ROWS } from '../../../cli/src/reports/markdown-summary.js';
import { cliEnv, lines, runBin } from '../../support/run-cli.js';
import { createTempFolder } from '../../support/temp-folder.js';

function findings(count: number, severity: Finding['severity']): Finding[] {
    return Array.from({ length: count }, (_, index) => ({ file: 'a.tspec', range: { start: { line: index + 1, column: 1 }, end: { line: index + 1, column: 5 } }, severity, code: 'some-code', message: `${severity} ${index + 1}` }));
}

function report(all: Finding[]): CheckReport {
    const count = (severity: Finding['severity']) => all.filter(finding => finding.severity === severity).length;
    return { files: ['a.tspec'], findings: all, summary: { files: 1, errors: count('error'), warnings: count('warning'), information: count('information') } };
}

describe('--format github within GitHub\'s annotation limits', () => {
    test('GitHub makes at most 10 annotations of each kind per step', () => {
        expect(GITHUB_ANNOTATIONS_PER_KIND).toBe(10);
    });

    test('at the limits, one command per finding and nothing else', () => {
        const output = lines(formatGithub(report([...findings(10, 'error'), ...findings(10, 'warning'), ...findings(9, 'information')])));
        expect(output).toHaveLength(29);
        expect(output.every(line => /^::(error|warning|notice) file=a\.tspec,line=\d+,/.test(line))).toBe(true);
    });

    test('past them, a notice comes first and says how many of each kind only the log shows; every finding is still printed', () => {
        const output = lines(formatGithub(report([...findings(14, 'error'), ...findings(11, 'warning'), ...findings(3, 'information')])));
        expect(output).toHaveLength(1 + 14 + 11 + 3);
        expect(output[0]).toBe("::notice title=TrainSpec::GitHub shows at most 10 errors, 10 warnings and 10 notices per step as annotations, so only this step's log shows the last 4 errors and 1 warning.");
    });

    test('the notice takes one of the notices\' places, so ten information findings need it too', () => {
        expect(lines(formatGithub(report(findings(10, 'information'))))[0]).toBe("::notice title=TrainSpec::GitHub shows at most 10 errors, 10 warnings and 10 notices per step as annotations, so only this step's log shows the last 1 information finding.");
        expect(lines(formatGithub(report(findings(12, 'warning')))).filter(line => line.startsWith('::notice'))).toHaveLength(1);
    });
});

describe('the Markdown job summary', () => {
    test('counts, then a table of the findings', () => {
        expect(formatMarkdownSummary(report([...findings(1, 'error'), ...findings(1, 'warning')]))).toBe([
            '## TrainSpec check',
            '',
            '**1** error, **1** warning and **0** information in 1 file.',
            '',
            '| File | Line | Severity | Code | Finding |',
            '| --- | ---: | --- | --- | --- |',
            '| a\\.tspec | 1 | Error | some\\-code | error 1 |',
            '| a\\.tspec | 1 | Warning | some\\-code | warning 1 |',
            ''
        ].join('\n'));
        expect(formatMarkdownSummary(report([]))).toBe('## TrainSpec check\n\nNo problems found in 1 file.\n');
    });

    test(`at most ${MAX_SUMMARY_ROWS} rows; the rest are counted`, () => {
        const summary = formatMarkdownSummary(report(findings(MAX_SUMMARY_ROWS + 5, 'warning')));
        expect(lines(summary).filter(line => line.startsWith('| a'))).toHaveLength(MAX_SUMMARY_ROWS);
        expect(summary).toContain('5 more findings are in the step\'s log.');
    });

    test('text from a spec never becomes Markdown or HTML', () => {
        expect(cell('<script>alert(1)</script> | *bold* [link](http://x) `code` \u001b[31m')).toBe('&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\| \\*bold\\* \\[link\\]\\(http\\://x\\) \\`code\\` \\\\u\\{1B\\}\\[31m');
    });
});

describe('trainspec check --format github in a GitHub Actions step', () => {
    test('appends the Markdown summary to GITHUB_STEP_SUMMARY, keeping what earlier steps wrote', async () => {
        const folder = createTempFolder({ 'summary.md': '# Earlier step\n' });
        try {
            const run = await runBin(['check', 'examples/incomplete', '--format', 'github'], { env: cliEnv({ GITHUB_STEP_SUMMARY: folder.file('summary.md') }) });
            expect(run.code).toBe(1);
            expect(lines(run.stdout)).toHaveLength(4);
            const summary = readFileSync(folder.file('summary.md'), 'utf8');
            expect(summary.startsWith('# Earlier step\n## TrainSpec check\n\n**1** error, **3** warnings and **0** information in 1 file.\n')).toBe(true);
            expect(summary).toContain('| examples/incomplete/programme\\.tspec | 18 | Error | unresolved\\-reference | Unknown standard \'AssesRiskOfHarm\'\\. Did you mean \'AssessRiskOfHarm\'? |');
        } finally {
            folder.remove();
        }
    });

    test('other formats leave the summary alone; a summary file that cannot be written is one line and changes nothing else', async () => {
        const folder = createTempFolder();
        try {
            writeFileSync(folder.file('summary.md'), '');
            await runBin(['check', 'examples/incomplete', '--format', 'json'], { env: cliEnv({ GITHUB_STEP_SUMMARY: folder.file('summary.md') }) });
            expect(readFileSync(folder.file('summary.md'), 'utf8')).toBe('');
            const run = await runBin(['check', 'examples/incomplete', '--format', 'github'], { env: cliEnv({ GITHUB_STEP_SUMMARY: folder.path }) });
            expect(run.code).toBe(1);
            expect(run.stderr).toMatch(/^trainspec: cannot add to the job summary \(GITHUB_STEP_SUMMARY=.+\): .+\.\n$/);
        } finally {
            folder.remove();
        }
    });
});
