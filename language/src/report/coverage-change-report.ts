import { visibleText } from '../text/visible-text.js';
import { isUnchanged, type ChangedRequirement, type ClosedGap, type CoverageChange, type ProgrammeChange } from './coverage-change.js';
import { markdownCode, markdownText } from './markdown-text.js';
import { plural } from './report-text.js';

/** How `check --baseline` shows what a change did to coverage. */
export const CHANGE_FORMATS = ['text', 'markdown', 'json'] as const;
export type ChangeFormat = typeof CHANGE_FORMATS[number];

export function renderCoverageChange(change: CoverageChange, format: ChangeFormat): string {
    switch (format) {
        case 'text':
            return changeText(change);
        case 'markdown':
            return changeMarkdown(change);
        case 'json':
            return JSON.stringify(change, undefined, 2) + '\n';
    }
}

/** '2 gaps opened, 1 closed, 3 requirements newly covered; 1 programme added, none removed' */
export function summaryText(change: CoverageChange): string {
    const { gapsOpened, gapsClosed, newlyCovered, programmesAdded, programmesRemoved } = change.summary;
    const parts = [`${plural(gapsOpened, 'gap')} opened`, `${gapsClosed} closed`, `${plural(newlyCovered, 'requirement')} newly covered`];
    const programmes = programmesAdded + programmesRemoved > 0 ? `; ${plural(programmesAdded, 'programme')} added, ${programmesRemoved} removed` : '';
    return `${parts.join(', ')}${programmes}`;
}

function changeText(change: CoverageChange): string {
    if (isUnchanged(change)) {
        return 'Coverage change: none. No gaps opened or closed since the baseline.\n';
    }
    const lines = [`Coverage change since the baseline: ${summaryText(change)}.`];
    for (const programme of change.programmes) {
        lines.push(`  ${headline(programme, visibleText)}`);
        programme.gapsOpened.forEach(requirement => lines.push(`    gap opened: ${requirementText(requirement)}, required by ${visibleText(requirement.requiredBy)}`));
        programme.gapsClosed.forEach(gap => lines.push(`    gap closed: ${requirementText(gap)}, ${closedText(gap, visibleText)}`));
        programme.newlyCovered.filter(requirement => !programme.gapsClosed.some(gap => sameRequirement(gap, requirement)))
            .forEach(requirement => lines.push(`    newly covered: ${requirementText(requirement)}, by ${visibleText(requirement.coveredBy.join(', '))}`));
    }
    return lines.join('\n') + '\n';
}

function changeMarkdown(change: CoverageChange): string {
    const lines = ['### Coverage change', ''];
    if (isUnchanged(change)) {
        lines.push('No gaps opened or closed since the baseline.', '');
        return lines.join('\n');
    }
    lines.push(`${markdownText(summaryText(change))}.`, '');
    for (const programme of change.programmes) {
        lines.push(`#### ${headline(programme, markdownText)}`, '');
        if (programme.gapsOpened.length > 0) {
            lines.push('| Gap opened | Required by | The standard says |', '| --- | --- | --- |');
            lines.push(...programme.gapsOpened.map(requirement =>
                `| ${markdownCode(requirement.item)} ${markdownText(requirement.title)} | ${markdownText(requirement.requiredBy)} | ${markdownText(requirement.text)} |`));
            lines.push('');
        }
        programme.gapsClosed.forEach(gap => lines.push(`- Gap closed: ${markdownCode(gap.item)} ${markdownText(gap.title)}, ${closedText(gap, markdownText)}`));
        programme.newlyCovered.filter(requirement => !programme.gapsClosed.some(gap => sameRequirement(gap, requirement)))
            .forEach(requirement => lines.push(`- Newly covered: ${markdownCode(requirement.item)} ${markdownText(requirement.title)}, by ${requirement.coveredBy.map(markdownCode).join(', ')}`));
        if (programme.gapsClosed.length + programme.newlyCovered.length > 0) {
            lines.push('');
        }
    }
    return lines.join('\n');
}

function headline(programme: ProgrammeChange, escape: (text: string) => string): string {
    const name = `${escape(programme.title)} (${escape(programme.id)})`;
    const counts = (coverage: { covered: number; total: number; gaps: number }) => `${coverage.covered} of ${coverage.total} covered, ${plural(coverage.gaps, 'gap')}`;
    switch (programme.change) {
        case 'added':
            return `Programme added: ${name}: ${counts(programme.after!)}`;
        case 'removed':
            return `Programme removed: ${name} (it had ${counts(programme.before!)})`;
        case 'changed':
            return `${name}: now ${counts(programme.after!)} (was ${counts(programme.before!)})`;
    }
}

function requirementText(requirement: ChangedRequirement): string {
    return visibleText(`${requirement.item} "${requirement.title}"`);
}

function closedText(gap: ClosedGap, escape: (text: string) => string): string {
    return gap.reason === 'covered' ? `now covered by ${escape(gap.coveredBy.join(', '))}` : `no longer required by ${escape(gap.requiredBy)}`;
}

function sameRequirement(a: ChangedRequirement, b: ChangedRequirement): boolean {
    return a.item === b.item && a.origin.kind === b.origin.kind && a.origin.id === b.origin.id;
}

