import { styleText } from 'node:util';
import type { CheckReport, Finding, Severity } from './check-report.js';
import type { ReportContext } from './report-context.js';
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

function summaryLine({ summary }: CheckReport, hidden: number, style: Style): string {
    const files = plural(summary.files, 'file');
    const total = summary.errors + summary.warnings + summary.information;
    const notShown = hidden > 0 ? ` ${plural(hidden, 'warning or information', 'warnings or information')} not shown (--quiet).` : '';
    if (total === 0) {
        return style('green', `No ${hidden > 0 ? 'errors' : 'problems'} found in ${files}.`) + notShown;
    }
    if (hidden > 0) {
        // --quiet: only errors are listed, and only errors are counted.
        return style(['bold', 'red'], `${plural(summary.errors, 'error')} in ${files}.`) + notShown;
    }
    const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
    if (summary.information > 0) {
        parts.push(`${summary.information} information`);
    }
    const colour = summary.errors > 0 ? 'red' : summary.warnings > 0 ? 'yellow' : 'blue';
    return style(['bold', colour], `${plural(total, 'problem')} (${parts.join(', ')}) in ${files}.`);
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
    return `${count.toLocaleString('en-GB')} ${count === 1 ? noun : nouns}`;
}
