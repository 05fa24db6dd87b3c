import { visibleText } from '../text/visible-text.js';
import { requirementRows, type CoverageReport } from './coverage-report.js';

/** The columns, in order: one row per programme and requirement (an item two roles require has a row for each). */
export const CSV_COLUMNS = [
    'Programme', 'Programme title', 'Required by', 'Required by (identifier)', 'Item', 'Kind', 'Title', 'Text',
    'Source', 'Section', 'Covered', 'Covered by', 'Hours of covering modules'
] as const;

/**
 * The coverage report as CSV that Excel opens as it is: UTF-8 with a byte-order mark, every
 * field quoted, CRLF line ends. Text that a spreadsheet would take for a formula is neutralised.
 */
export function renderCsvReport(report: CoverageReport): string {
    const rows: string[][] = [[...CSV_COLUMNS]];
    for (const programme of report.programmes) {
        for (const { group, requirement } of requirementRows(programme)) {
            rows.push([
                programme.id, programme.title, group.requiredBy, group.origin.id, requirement.id, requirement.kind, requirement.title, requirement.text,
                requirement.source.document ?? '', [requirement.source.section, requirement.source.letter && `(${requirement.source.letter})`].filter(Boolean).join(' '),
                requirement.coveredBy.length > 0 ? 'Yes' : 'No', requirement.coveredBy.join(', ')
            ].map(csvText).concat(String(requirement.hours)));
        }
    }
    return '\uFEFF' + rows.map(row => row.map(field => `"${field.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
}

/**
 * A field as data, never a formula: one that starts with =, +, -, @, a tab or a carriage
 * return gets a leading apostrophe (OWASP's advice against CSV injection); control and bidi
 * characters are shown as `\u{1B}`.
 */
export function csvText(text: string): string {
    const neutralised = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return visibleText(neutralised);
}
