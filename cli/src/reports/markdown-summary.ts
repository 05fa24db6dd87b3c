import type { CheckReport, Finding } from './check-report.js';
import { visibleText } from './terminal-text.js';

/**
 * The most findings the summary lists: GitHub takes at most 1 MiB of job summary per step, and a
 * table of thousands of rows helps nobody. The rest are counted, and are in the step's log.
 */
export const MAX_SUMMARY_ROWS = 200;

const SEVERITY_LABELS: Record<Finding['severity'], string> = { error: 'Error', warning: 'Warning', information: 'Information', hint: 'Hint' };

/**
 * A compact Markdown summary of a check for a GitHub job summary (`GITHUB_STEP_SUMMARY`): the
 * counts, then a table of the findings. (Until `trainspec report --format markdown` exists: that
 * report, with the coverage of every programme, is what a job summary should eventually show.)
 */
export function formatMarkdownSummary(report: CheckReport): string {
    const { summary } = report;
    const lines = ['## TrainSpec check', ''];
    const total = summary.errors + summary.warnings + summary.information;
    const files = `${summary.files} file${summary.files === 1 ? '' : 's'}`;
    if (total === 0) {
        lines.push(`No problems found in ${files}.`, '');
        return lines.join('\n');
    }
    lines.push(`**${summary.errors}** error${summary.errors === 1 ? '' : 's'}, **${summary.warnings}** warning${summary.warnings === 1 ? '' : 's'} and **${summary.information}** information in ${files}.`, '');
    lines.push('| File | Line | Severity | Code | Finding |', '| --- | ---: | --- | --- | --- |');
    for (const finding of report.findings.slice(0, MAX_SUMMARY_ROWS)) {
        lines.push(`| ${cell(finding.file)} | ${finding.range?.start.line ?? ''} | ${SEVERITY_LABELS[finding.severity]} | ${cell(finding.code)} | ${cell(finding.message)} |`);
    }
    const more = report.findings.length - MAX_SUMMARY_ROWS;
    if (more > 0) {
        lines.push('', `${more} more finding${more === 1 ? ' is' : 's are'} in the step's log.`);
    }
    lines.push('');
    return lines.join('\n');
}

/**
 * Text from a spec or the disk in a table cell, shown as it is and never read as Markdown or
 * HTML: controls made visible, HTML's specials as entities, Markdown's punctuation escaped.
 */
export function cell(text: string): string {
    return visibleText(text)
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/[\\`*_{}[\]()#+\-.!|~=@:]/g, character => `\\${character}`);
}
