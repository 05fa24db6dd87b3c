import type { CheckReport, Finding } from './check-report.js';
import { visibleText } from './terminal-text.js';

/** GitHub Actions workflow commands, which show each finding as an annotation on the pull request. */
export function formatGithub(report: CheckReport): string {
    return report.findings.map(formatFinding).join('');
}

function formatFinding(finding: Finding): string {
    const command = finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'notice';
    const properties = [`file=${escapeProperty(finding.file)}`];
    if (finding.range) {
        const { start, end } = finding.range;
        properties.push(`line=${start.line}`, `col=${start.column}`, `endLine=${end.line}`, `endColumn=${end.column}`);
    }
    properties.push(`title=${escapeProperty(`TrainSpec ${finding.code}`)}`);
    return `::${command} ${properties.join(',')}::${escapeData(finding.message)}\n`;
}

/** Controls are shown visibly first (a CR or ESC must not rewrite the log); then GitHub's own escapes. */
function escapeData(text: string): string {
    return visibleText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
