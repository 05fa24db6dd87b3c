import { styleText } from 'node:util';
import type { CheckReport, Finding, Severity } from './check-report.js';
import type { ReportContext } from './report-context.js';
import { countText } from '../../../language/src/report/report-text.js';
import { visibleText } from './terminal-text.js';

type Format = 'bold' | 'dim' | 'red' | 'yellow' | 'blue' | 'green';

/** Styles a piece of text that is already safe to show (see `visibleText`), or leaves it plain. */
type Style = (format: Format | Format[], text: string) => string;

const PLAIN: Style = (_format, text) => text;
// Whether to colour is decided once, by output-style.ts; styleText must not decide again from stdout.
// One format per call, nested: Node 20.12's styleText takes no array.
const COLOURED: Style = (format, text) => [format].flat().reduceRight((styled, one) => styleText(one, styled, { validateStream: false }), text);

const SEVERITY_FORMATS: Record<Severity, Format> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'dim' };

/** `path:line:col severity message [code]` per finding, then a summary line; coloured on a terminal. */
export function formatText(report: CheckReport, context: Pick<ReportContext, 'colour' | 'hidden'> = { colour: false, hidden: 0 }): string {
    const style = context.colour ? COLOURED : PLAIN;
    const lines = report.findings.map(finding => formatFinding(finding, style));
    lines.push(summaryLine(report, context.hidden, style));
    return lines.join('\n') + '\n';
}

/** One finding on one line, as the text report and JUnit's failure text show it. */
export function formatFinding(finding: Finding, style: Style = PLAIN): string {
    const where = finding.range ? `${finding.file}:${finding.range.start.line}:${finding.range.start.column}` : finding.file;
    // The file name and the message may both carry a spec's or the disk's bytes: made visible before any styling.
    return [
        style('bold', visibleText(where)),
        style(SEVERITY_FORMATS[finding.severity], finding.severity),
        visibleText(finding.message),
        style('dim', `[${visibleText(finding.code)}]`)
    ].join(' ');
}

/**
 * What the run counted: '4 problems (1 error, 3 warnings) in 1 of 8 files.' ('in 1 file' when it
 * checked one), '… and 2 paths that could not be checked', or 'No problems found in 8 files.'
 * With --quiet (`hidden` warnings and information left out), only the errors are counted.
 */
function summaryLine({ summary, findings, files: checked }: CheckReport, hidden: number, style: Style): string {
    const files = plural(summary.files, 'file');
    const total = summary.errors + summary.warnings + summary.information;
    const notShown = hidden > 0 ? ` ${plural(hidden, 'warning or information', 'warnings or information')} not shown (--quiet).` : '';
    if (total === 0) {
        return style('green', `No ${hidden > 0 ? 'errors' : 'problems'} found in ${files}.`) + notShown;
    }
    const checkedFiles = new Set(checked);
    const withProblems = new Set(findings.map(finding => finding.file));
    const inChecked = [...withProblems].filter(file => checkedFiles.has(file)).length;
    // A path that could not be read is not among the files checked; its problem is counted, and so is it, apart.
    const unchecked = withProblems.size - inChecked;
    const where = (summary.files === 1 && inChecked === 1 ? files : `${countText(inChecked)} of ${files}`)
        + (unchecked > 0 ? ` and ${plural(unchecked, 'path')} that could not be checked` : '');
    if (hidden > 0) {
        return style(['bold', 'red'], `${plural(summary.errors, 'error')} in ${where}.`) + notShown;
    }
    const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
    if (summary.information > 0) {
        parts.push(`${summary.information} information`);
    }
    const colour = summary.errors > 0 ? 'red' : summary.warnings > 0 ? 'yellow' : 'blue';
    return style(['bold', colour], `${plural(total, 'problem')} (${parts.join(', ')}) in ${where}.`);
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
    return `${countText(count)} ${count === 1 ? noun : nouns}`;
}
