import { provenanceLabel } from '../catalogue/item-descriptions.js';
import { htmlText } from '../text/html-text.js';
import { requirementRows, type CoverageReport, type ReportProgramme } from './coverage-report.js';
import { markdownCode, markdownText } from './markdown-text.js';
import { coveredText, gapsText, hoursText, madeWithText, plural, rolesText, sourceText } from './report-text.js';

/**
 * The coverage report as GitHub-flavoured Markdown, for a job summary or a pull-request
 * comment: an overview table, then one `<details>` per programme with its requirements.
 */
export function renderMarkdownReport(report: CoverageReport): string {
    const lines = ['# Coverage report', ''];
    if (report.programmes.length === 0) {
        lines.push('No programmes were found.', '');
    } else {
        lines.push('| Programme | Prepares for | Covered | Gaps |', '| --- | --- | ---: | ---: |');
        lines.push(...report.programmes.map(programme =>
            `| ${markdownText(programme.title)} | ${markdownText(rolesText(programme))} | ${programme.summary.covered} of ${programme.summary.total} | ${programme.summary.gaps} |`));
        lines.push('');
        const sourceNumber = (title: string | undefined) => report.sources.findIndex(source => source.title === title) + 1;
        report.programmes.forEach(programme => lines.push(...renderProgramme(programme, report.programmes.length === 1, sourceNumber)));
    }
    lines.push(`Sources: ${report.sources.map((source, index) => `\\[${index + 1}\\] ${markdownText(sourceText(source))}`).join('; ')}.`, '', markdownText(madeWithText(report)), '');
    return lines.join('\n');
}

function renderProgramme(programme: ReportProgramme, open: boolean, sourceNumber: (title: string | undefined) => number): string[] {
    const summary = `<strong>${htmlText(programme.title)}</strong>: ${htmlText(coveredText(programme))}, ${htmlText(gapsText(programme))}`;
    const facts = [
        `- **Programme:** ${markdownCode(programme.id)} in ${markdownText(programme.file)}`,
        `- **Prepares for:** ${markdownText(rolesText(programme))}`,
        `- **Pathway:** ${programme.pathway ? markdownText(programme.pathway.title) : programme.pathwayMissingFor ? `none named, but ${markdownText(programme.pathwayMissingFor.title)} needs one` : 'none'}`,
        `- **Route:** ${programme.route ? markdownText(programme.route.title) : 'none named'}`,
        `- **Total hours:** ${markdownText(`${hoursText(programme)} in ${plural(programme.modules.length, 'module')}`)}`,
        ...(programme.tallies.length > 1 ? programme.tallies.map(tally => `- ${markdownText(tally.label)}`) : [])
    ];
    const rows = requirementRows(programme).map(({ group, requirement }) => {
        const gap = requirement.coveredBy.length === 0;
        const words = requirement.text !== requirement.title ? `<br>“${markdownText(requirement.text)}”` : '';
        const item = `${markdownCode(requirement.id)} ${gap ? '**' : ''}${markdownText(requirement.title)}${gap ? '**' : ''}${words}`;
        const coveredBy = gap ? '**Gap**' : requirement.coveredBy.map(markdownCode).join(', ');
        // The source as [n] (see Sources at the end) and the section: the documents' long titles once, not on every row.
        const number = sourceNumber(requirement.source.document);
        const source = number > 0 ? `\\[${number}\\] ${markdownText(provenanceLabel({ ...requirement.source, document: undefined }))}` : markdownText(provenanceLabel(requirement.source));
        return `| ${gap ? '❌' : '✅'} | ${item} | ${markdownText(group.requiredBy)} | ${source} | ${coveredBy} |`;
    });
    const table = rows.length === 0
        ? ['Nothing is required of this programme yet.']
        : ['| | Requirement | Required by | Source | Covered by |', '| --- | --- | --- | --- | --- |', ...rows];
    return [`<details${open ? ' open' : ''}>`, `<summary>${summary}</summary>`, '', ...facts, '', ...table, '', '</details>', ''];
}
