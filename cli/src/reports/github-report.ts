import type { CheckReport, Finding } from './check-report.js';
import { visibleText } from './terminal-text.js';

/**
 * How many annotations of each kind (error, warning, notice) GitHub makes from one step's
 * workflow commands; the commands past that still show in the step's log, but not as
 * annotations on the pull request or the run's summary page.
 */
export const GITHUB_ANNOTATIONS_PER_KIND = 10;

type Command = 'error' | 'warning' | 'notice';

/**
 * GitHub Actions workflow commands, which show each finding as an annotation on the pull request.
 * When GitHub will not show them all, a notice comes first (so that it is among the notices
 * GitHub does show) and says how many of each kind are only in the log.
 */
export function formatGithub(report: CheckReport): string {
    const commands = report.findings.map(finding => ({ finding, command: commandOf(finding) }));
    const count = (command: Command) => commands.filter(entry => entry.command === command).length;
    const notices = count('notice');
    // The notice below is an annotation too, and takes one of the notices' places.
    const cut = {
        error: Math.max(0, count('error') - GITHUB_ANNOTATIONS_PER_KIND),
        warning: Math.max(0, count('warning') - GITHUB_ANNOTATIONS_PER_KIND),
        notice: Math.max(0, notices - (GITHUB_ANNOTATIONS_PER_KIND - 1))
    };
    const lines = commands.map(({ finding, command }) => formatFinding(finding, command));
    const cutParts = (['error', 'warning', 'notice'] as const).filter(kind => cut[kind] > 0).map(kind => plural(cut[kind], kind === 'notice' ? 'information finding' : kind));
    if (cutParts.length > 0) {
        lines.unshift(`::notice title=TrainSpec::GitHub shows at most ${GITHUB_ANNOTATIONS_PER_KIND} errors, ${GITHUB_ANNOTATIONS_PER_KIND} warnings and ${GITHUB_ANNOTATIONS_PER_KIND} notices per step as annotations, so only this step's log shows the last ${joinAnd(cutParts)}.\n`);
    }
    return lines.join('');
}

function commandOf(finding: Finding): Command {
    return finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'notice';
}

function formatFinding(finding: Finding, command: Command): string {
    const properties = [`file=${escapeProperty(finding.file)}`];
    if (finding.range) {
        const { start, end } = finding.range;
        properties.push(`line=${start.line}`, `col=${start.column}`, `endLine=${end.line}`, `endColumn=${end.column}`);
    }
    properties.push(`title=${escapeProperty(`TrainSpec ${finding.code}`)}`);
    return `::${command} ${properties.join(',')}::${escapeData(finding.message)}\n`;
}

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function joinAnd(parts: string[]): string {
    return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Controls are shown visibly first (a CR or ESC must not rewrite the log); then GitHub's own escapes. */
function escapeData(text: string): string {
    return visibleText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
