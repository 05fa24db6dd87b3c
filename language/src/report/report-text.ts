import { visibleText } from '../text/visible-text.js';
import type { CoverageReport, ReportProgramme, ReportSource } from './coverage-report.js';

/** Words that several formats of the report share, so that they read the same in each. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '1 December 2026' (UTC), the same wherever the report is made. */
export function reportDate(report: CoverageReport): string {
    const date = new Date(report.generated);
    return Number.isNaN(date.getTime()) ? report.generated : `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

export function plural(count: number, noun: string): string {
    return `${countText(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * A count as en-GB writes it ('12,345'), without toLocaleString: its first call loads the
 * locale's data, which costs more than a warm `check --cache` of a thousand files.
 */
export function countText(count: number): string {
    return Number.isInteger(count) ? String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : count.toLocaleString('en-GB');
}

/** '12 of 14 requirements covered' */
export function coveredText(programme: ReportProgramme): string {
    return `${programme.summary.covered} of ${plural(programme.summary.total, 'requirement')} covered`;
}

/** 'no gaps', '1 gap', '3 gaps' */
export function gapsText(programme: ReportProgramme): string {
    return programme.summary.gaps === 0 ? 'no gaps' : plural(programme.summary.gaps, 'gap');
}

/** '300 hours' or '300 hours (2 modules give no hours)'. */
export function hoursText(programme: ReportProgramme): string {
    const without = programme.modules.filter(module => module.hours === undefined).length;
    const note = without === 0 ? '' : ` (${plural(without, 'module')} ${without === 1 ? 'gives' : 'give'} no hours)`;
    return `${plural(programme.totalHours, 'hour')}${note}`;
}

/** 'Title (2010)' or 'Title (no date given)'. */
export function sourceText(source: ReportSource): string {
    return `${source.title} (${source.published ?? 'no date given'})`;
}

/** 'Made with TrainSpec 0.1.0 on 1 December 2026.' */
export function madeWithText(report: CoverageReport): string {
    return `Made with ${report.generator.name} ${report.generator.version} on ${reportDate(report)}.`;
}

/** What a programme prepares for, in words: 'Probation Officer', or a note that it names no role. */
export function rolesText(programme: ReportProgramme): string {
    return programme.roles.length === 0 ? 'no role named (prepares …)' : programme.roles.map(role => role.title).join(', ');
}

/** Text from a spec, with control and bidi characters made visible, for any human-readable format. */
export function shown(text: string): string {
    return visibleText(text);
}
