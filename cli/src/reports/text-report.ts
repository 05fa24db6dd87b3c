import type { CheckReport, Finding } from './check-report.js';
import { visibleText } from './terminal-text.js';

/** `path:line:col severity message [code]` per finding, then a summary line. */
export function formatText(report: CheckReport): string {
    const lines = report.findings.map(formatFinding);
    lines.push(summaryLine(report));
    return lines.join('\n') + '\n';
}

/** One finding on one line, as the text report and JUnit's failure text show it. */
export function formatFinding(finding: Finding): string {
    const where = finding.range ? `${finding.file}:${finding.range.start.line}:${finding.range.start.column}` : finding.file;
    // The file name and the message may both carry a spec's or the disk's bytes.
    return visibleText(`${where} ${finding.severity} ${finding.message} [${finding.code}]`);
}

/**
 * What the run counted: '4 problems (1 error, 3 warnings) in 1 of 8 files.' ('in 1 file' when it
 * checked one), '… and 2 paths that could not be checked', or 'No problems found in 8 files.'
 */
function summaryLine({ summary, findings, files: checked }: CheckReport): string {
    const files = plural(summary.files, 'file');
    const total = summary.errors + summary.warnings + summary.information;
    if (total === 0) {
        return `No problems found in ${files}.`;
    }
    const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
    if (summary.information > 0) {
        parts.push(`${summary.information} information`);
    }
    const checkedFiles = new Set(checked);
    const withProblems = new Set(findings.map(finding => finding.file));
    const inChecked = [...withProblems].filter(file => checkedFiles.has(file)).length;
    // A path that could not be read is not among the files checked; its problem is counted, and so is it, apart.
    const unchecked = withProblems.size - inChecked;
    const where = (summary.files === 1 && inChecked === 1 ? files : `${inChecked.toLocaleString('en-GB')} of ${files}`)
        + (unchecked > 0 ? ` and ${plural(unchecked, 'path')} that could not be checked` : '');
    return `${plural(total, 'problem')} (${parts.join(', ')}) in ${where}.`;
}

function plural(count: number, noun: string): string {
    return `${count.toLocaleString('en-GB')} ${noun}${count === 1 ? '' : 's'}`;
}
