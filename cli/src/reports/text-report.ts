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

function summaryLine({ summary }: CheckReport): string {
    const files = plural(summary.files, 'file');
    const total = summary.errors + summary.warnings + summary.information;
    if (total === 0) {
        return `No problems found in ${files}.`;
    }
    const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
    if (summary.information > 0) {
        parts.push(`${summary.information} information`);
    }
    return `${plural(total, 'problem')} (${parts.join(', ')}) in ${files}.`;
}

function plural(count: number, noun: string): string {
    return `${count.toLocaleString('en-GB')} ${noun}${count === 1 ? '' : 's'}`;
}
