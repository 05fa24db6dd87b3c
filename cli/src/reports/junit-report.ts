import type { CheckReport, Finding } from './check-report.js';
import { visibleText } from './terminal-text.js';
import { formatFinding } from './text-report.js';

/**
 * JUnit XML, which GitLab, Jenkins and Azure Pipelines show as test results: one test case
 * per file, failing when the file has errors or warnings.
 */
export function formatJunit(report: CheckReport): string {
    const byFile = new Map<string, Finding[]>(report.files.map(file => [file, []]));
    for (const finding of report.findings) {
        byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    }
    const failing = [...byFile.values()].filter(findings => findings.some(isFailure)).length;
    const cases = [...byFile.entries()].map(([file, findings]) => testCase(file, findings));
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="trainspec check" tests="${byFile.size}" failures="${failing}">`,
        `  <testsuite name="trainspec check" tests="${byFile.size}" failures="${failing}">`,
        ...cases,
        '  </testsuite>',
        '</testsuites>',
        ''
    ].join('\n');
}

function isFailure(finding: Finding): boolean {
    return finding.severity === 'error' || finding.severity === 'warning';
}

function testCase(file: string, findings: Finding[]): string {
    const failures = findings.filter(isFailure);
    const open = `    <testcase classname="trainspec" name="${escapeXml(visibleText(file))}"`;
    if (failures.length === 0) {
        return `${open}/>`;
    }
    const body = failures.map(formatFinding).join('\n');
    return `${open}>\n      <failure type="${escapeXml(visibleText(failures[0].code))}" message="${escapeXml(`${failures.length} problem${failures.length === 1 ? '' : 's'}`)}">${escapeXml(body)}</failure>\n    </testcase>`;
}

/**
 * XML's escapes. Text from specs is made visible first (visibleText, line by line): XML 1.0
 * cannot carry most controls, even as character references.
 */
function escapeXml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
