import type { CheckReport, Finding } from './check-report.js';
import type { ReportContext } from './report-context.js';
import { visibleText } from './terminal-text.js';
import { formatFinding } from './text-report.js';

/**
 * JUnit XML, which GitLab, Jenkins and Azure Pipelines show as test results, valid against the
 * Jenkins JUnit schema (test/schemas/jenkins-junit-10.xsd). One test case per file: it fails
 * (`<failure>`) when the file has errors; a file that could not be read at all is a test that
 * could not run (`<error>`); warnings and information do not fail it and are listed in its
 * `<system-out>`.
 */
export function formatJunit(report: CheckReport, context: Pick<ReportContext, 'seconds'>): string {
    const byFile = new Map<string, Finding[]>(report.files.map(file => [file, []]));
    for (const finding of report.findings) {
        byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    }
    const checked = new Set(report.files);
    const cases = [...byFile.entries()].map(([file, findings]) => ({ file, findings, outcome: outcomeOf(findings, checked.has(file)) }));
    const count = (outcome: Outcome) => cases.filter(testCase => testCase.outcome === outcome).length;
    const counts = `tests="${cases.length}" failures="${count('failure')}" errors="${count('error')}"`;
    const time = `time="${context.seconds.toFixed(3)}"`;
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="trainspec check" ${counts} ${time}>`,
        `  <testsuite name="trainspec check" ${counts} skipped="0" ${time}>`,
        ...cases.map(({ file, findings, outcome }) => testCase(file, findings, outcome)),
        '  </testsuite>',
        '</testsuites>',
        ''
    ].join('\n');
}

type Outcome = 'pass' | 'failure' | 'error';

function outcomeOf(findings: Finding[], checked: boolean): Outcome {
    if (!checked) {
        return 'error';
    }
    return findings.some(finding => finding.severity === 'error') ? 'failure' : 'pass';
}

function testCase(file: string, findings: Finding[], outcome: Outcome): string {
    const open = `    <testcase classname="trainspec" name="${escapeXml(file)}"`;
    if (findings.length === 0) {
        return `${open}/>`;
    }
    const errors = findings.filter(finding => finding.severity === 'error');
    const others = findings.filter(finding => finding.severity !== 'error');
    const children: string[] = [];
    if (outcome !== 'pass') {
        const message = outcome === 'error' ? errors[0].message : plural(errors.length, 'error');
        children.push(`      <${outcome} type="${escapeXml(errors[0].code)}" message="${escapeXml(message)}">${escapeXml(lines(errors))}</${outcome}>`);
    }
    if (others.length > 0) {
        children.push(`      <system-out>${escapeXml(lines(others))}</system-out>`);
    }
    return [`${open}>`, ...children, '    </testcase>'].join('\n');
}

/** The findings as the text report shows them: one line each, every control already made visible. */
function lines(findings: Finding[]): string {
    return findings.map(finding => formatFinding(finding)).join('\n');
}

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Characters XML 1.0 cannot carry at all, not even as character references, beyond the controls
 * that the text report already shows visibly: lone surrogates and U+FFFE, U+FFFF (a file name
 * that is not valid UTF-8 can bring them).
 */
const NOT_XML = /[\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/** XML's escapes, for attribute values and text alike; any character XML cannot carry is shown as `\u{…}`. */
function escapeXml(text: string): string {
    return visibleInXml(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function visibleInXml(text: string): string {
    // Controls first (the same escape as every human-readable format); a newline between findings stays.
    return text.split('\n').map(visibleText).join('\n').replace(NOT_XML, character => `\\u{${character.charCodeAt(0).toString(16).toUpperCase()}}`);
}
