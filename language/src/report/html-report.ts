import { provenanceLabel } from '../catalogue/item-descriptions.js';
import { htmlText } from '../text/html-text.js';
import { requirementRows, type CoverageReport, type ReportGroup, type ReportModule, type ReportProgramme, type ReportRequirement } from './coverage-report.js';
import { REPORT_STYLE } from './html-report-style.js';
import { coveredText, gapsText, hoursText, madeWithText, plural, reportDate, rolesText, sourceText } from './report-text.js';

/**
 * The coverage report as one self-contained HTML page: no scripts, no links to load, so it
 * reads the same from a file, a browser or an e-mail attachment, and prints on A4 with one
 * programme per page run. Text from specs is always escaped (htmlText).
 */
export function renderHtmlReport(report: CoverageReport): string {
    const title = report.programmes.length === 1 ? `Coverage of ${report.programmes[0].title}` : 'Coverage report';
    return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${htmlText(`${report.generator.name} ${report.generator.version}`)}">
<title>${htmlText(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header class="report-header">
<h1>${htmlText(title)}</h1>
<p class="meta">${htmlText(`${plural(report.programmes.length, 'programme')} · ${reportDate(report)}`)}</p>
${report.programmes.length > 1 ? renderContents(report.programmes) : ''}
</header>
${report.programmes.map(renderProgramme).join('\n')}
${renderFooter(report)}
</body>
</html>
`;
}

/**
 * The most module columns one table holds: with the requirement column, ten 10 mm columns fill
 * an A4 page's width. A wider matrix is split into several tables, each repeating the requirements.
 */
export const MODULES_PER_TABLE = 10;

function renderContents(programmes: ReportProgramme[]): string {
    const rows = programmes.map(programme => `<tr><td><a href="#${anchor(programme)}">${htmlText(programme.title)}</a></td>`
        + `<td class="number">${programme.summary.covered} of ${programme.summary.total}</td>`
        + `<td class="number${programme.summary.gaps > 0 ? ' has-gaps' : ''}">${programme.summary.gaps}</td></tr>`);
    return `<table class="contents"><thead><tr><th scope="col">Programme</th><th scope="col" class="number">Covered</th><th scope="col" class="number">Gaps</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>`;
}

function renderProgramme(programme: ReportProgramme): string {
    return `<section class="programme" id="${anchor(programme)}">
<h2>${htmlText(programme.title)}</h2>
${renderFacts(programme)}
${renderSummary(programme)}
${programme.summary.total === 0 ? `<p class="notice">${noRequirements(programme)}</p>` : renderModules(programme) + renderMatrices(programme) + renderGaps(programme)}
</section>`;
}

function renderFacts(programme: ReportProgramme): string {
    const facts: Array<[string, string]> = [
        ['Programme', `<code>${htmlText(programme.id)}</code> in ${htmlText(programme.file)}`],
        ['Prepares for', htmlText(rolesText(programme))],
        ['Pathway', programme.pathway ? htmlText(programme.pathway.title) : programme.pathwayMissingFor
            ? `<span class="warning">none named, but ${htmlText(programme.pathwayMissingFor.title)} needs one</span>` : 'none'],
        ['Route', programme.route ? htmlText(programme.route.title) : 'none named'],
        ['Total hours', htmlText(`${hoursText(programme)} in ${plural(programme.modules.length, 'module')}`)]
    ];
    return `<dl class="facts">${facts.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>`;
}

function renderSummary(programme: ReportProgramme): string {
    const { covered, total, gaps } = programme.summary;
    const coveredShare = total === 0 ? 0 : (covered / total) * 100;
    const bar = total === 0 ? '' : `<div class="bar" role="img" aria-label="${htmlText(`${coveredText(programme)}, ${gapsText(programme)}`)}">`
        + `<span class="bar-covered" style="width: ${coveredShare.toFixed(2)}%"></span><span class="bar-gaps" style="width: ${(100 - coveredShare).toFixed(2)}%"></span></div>`;
    const tallies = programme.tallies.length > 1
        ? `<ul class="tallies">${programme.tallies.map(tally => `<li>${htmlText(tally.label)}</li>`).join('')}</ul>`
        : '';
    return `<div class="summary ${gaps === 0 ? 'complete' : 'incomplete'}">
<p><strong>${htmlText(coveredText(programme))}</strong> — <span class="gap-count">${htmlText(gapsText(programme))}</span></p>
${bar}
${tallies}
</div>`;
}

function noRequirements(programme: ReportProgramme): string {
    return programme.roles.length === 0
        ? 'This programme does not say which role it prepares for (prepares …), so nothing is required yet.'
        : 'The roles and pathway of this programme require nothing.';
}

/** The modules, numbered: the matrix's columns are headed by these numbers. */
function renderModules(programme: ReportProgramme): string {
    if (programme.modules.length === 0) {
        return '<p class="notice">This programme has no modules yet, so every requirement is a gap.</p>';
    }
    const rows = programme.modules.map((module, index) => `<tr><td class="number">${index + 1}</td><td><code>${htmlText(module.id)}</code></td>`
        + `<td>${htmlText(module.title)}</td><td class="number">${module.hours ?? '—'}</td></tr>`);
    return `<h3>Modules</h3>
<table class="modules"><thead><tr><th scope="col" class="number">No.</th><th scope="col">Module</th><th scope="col">Title</th><th scope="col" class="number">Hours</th></tr></thead>
<tbody>${rows.join('')}</tbody>
<tfoot><tr><td></td><th scope="row" colspan="2">Total</th><td class="number">${programme.totalHours}</td></tr></tfoot></table>`;
}

/** The matrix, split into tables of at most MODULES_PER_TABLE module columns. */
function renderMatrices(programme: ReportProgramme): string {
    const chunks: Array<{ first: number; modules: ReportModule[] }> = [];
    for (let first = 0; first < Math.max(programme.modules.length, 1); first += MODULES_PER_TABLE) {
        chunks.push({ first, modules: programme.modules.slice(first, first + MODULES_PER_TABLE) });
    }
    const tables = chunks.map(chunk => {
        const caption = chunks.length > 1
            ? `<h4>Modules ${chunk.first + 1}–${chunk.first + chunk.modules.length} of ${programme.modules.length}</h4>\n`
            : '';
        return caption + renderMatrix(programme, chunk.modules, chunk.first);
    });
    return `<h3>Requirements against modules</h3>
<p class="legend"><span class="mark">✓</span> the module covers the requirement · <span class="gap-badge">Gap</span> no module covers it · columns are the numbered modules above</p>
${tables.join('\n')}`;
}

function renderMatrix(programme: ReportProgramme, modules: ReportModule[], first: number): string {
    const columns = modules.length + 1;
    const cols = `<colgroup><col class="requirement-column">${modules.map(() => '<col class="module-column">').join('')}</colgroup>`;
    const head = `<thead><tr><th scope="col" class="requirement-heading">Requirement</th>${modules.map((module, index) =>
        `<th scope="col" class="module-heading" title="${htmlText(module.title)}"><abbr title="${htmlText(module.id)}">${first + index + 1}</abbr></th>`).join('')}</tr></thead>`;
    const bodies = sections(programme.groups).map(section => {
        const rows = section.groups.flatMap(group => [
            `<tr class="source-row"><th scope="rowgroup" colspan="${columns}">${htmlText(group.source || 'Source not given')}</th></tr>`,
            ...group.requirements.map(requirement => renderRequirement(requirement, modules))
        ]);
        const requirements = section.groups.flatMap(group => group.requirements);
        const covered = requirements.filter(requirement => requirement.coveredBy.length > 0).length;
        return `<tbody><tr class="required-by-row"><th scope="rowgroup" colspan="${columns}">Required by ${htmlText(section.requiredBy)}`
            + ` <span class="count">${covered} of ${requirements.length} covered</span></th></tr>${rows.join('')}</tbody>`;
    });
    return `<table class="matrix">${cols}${head}${bodies.join('')}</table>`;
}

function renderRequirement(requirement: ReportRequirement, modules: ReportModule[]): string {
    const gap = requirement.coveredBy.length === 0;
    const words = requirement.text !== requirement.title ? `<q class="words">${htmlText(requirement.text)}</q>` : '';
    const header = `<th scope="row" class="requirement-cell"><div><code class="requirement-id">${htmlText(requirement.id)}</code> `
        + `<span class="kind">${htmlText(requirement.kind)}</span>${gap ? ' <span class="gap-badge">Gap</span>' : ''}</div>`
        + `<div class="requirement-title">${htmlText(requirement.title)}</div>${words}</th>`;
    const cells = modules.map(module => requirement.coveredBy.includes(module.id)
        ? `<td class="cell covered"><span class="mark" aria-label="covered by ${htmlText(module.id)}">✓</span></td>`
        : '<td class="cell"></td>');
    return `<tr class="requirement ${gap ? 'gap' : 'covered'}">${header}${cells.join('')}</tr>`;
}

/** Every gap, with the standard's own words, what requires it and where the words come from. */
function renderGaps(programme: ReportProgramme): string {
    const gaps = new Map<string, { requirement: ReportRequirement; requiredBy: string[] }>();
    for (const { group, requirement } of requirementRows(programme)) {
        if (requirement.coveredBy.length === 0) {
            const entry = gaps.get(requirement.id) ?? { requirement, requiredBy: [] };
            entry.requiredBy.push(group.requiredBy);
            gaps.set(requirement.id, entry);
        }
    }
    if (gaps.size === 0) {
        return '<p class="complete-note">Every requirement is covered by at least one module.</p>';
    }
    const items = [...gaps.values()].map(({ requirement, requiredBy }) => `<li class="gap-item">
<div><code class="requirement-id">${htmlText(requirement.id)}</code> <span class="kind">${htmlText(requirement.kind)}</span>${requirement.text === requirement.title ? '' : ` <strong>${htmlText(requirement.title)}</strong>`}</div>
<blockquote>${htmlText(requirement.text)}</blockquote>
<div class="gap-meta">${htmlText(sentence(`Required by ${[...new Set(requiredBy)].join('; ')}`))} ${htmlText(sentence(`Source: ${provenanceLabel(requirement.source) || 'not given'}`))}</div>
</li>`);
    return `<h3>Gaps: requirements no module covers</h3>
<ol class="gaps">${items.join('\n')}</ol>`;
}

function renderFooter(report: CoverageReport): string {
    const sources = report.sources.map(source => `<li>${htmlText(sourceText(source))}${source.builtin ? '' : ' <span class="kind">(a workspace catalogue)</span>'}</li>`);
    return `<footer class="report-footer">
<p>Requirements and their words are quoted from:</p>
<ul class="sources">${sources.join('')}</ul>
<p>${htmlText(madeWithText(report))}</p>
</footer>`;
}

/** The groups of each role or pathway together, in the order in which they first appear. */
function sections(groups: ReportGroup[]): Array<{ requiredBy: string; groups: ReportGroup[] }> {
    const byRequiredBy = new Map<string, ReportGroup[]>();
    for (const group of groups) {
        byRequiredBy.set(group.requiredBy, [...(byRequiredBy.get(group.requiredBy) ?? []), group]);
    }
    return [...byRequiredBy].map(([requiredBy, grouped]) => ({ requiredBy, groups: grouped }));
}

/** An id attribute for a programme's section: its identifier, which the grammar keeps to letters, digits and _. */
function anchor(programme: ReportProgramme): string {
    return `programme-${programme.id.replace(/[^\w-]/g, '_')}`;
}

/** The text with a full stop, unless it already ends a sentence ('… after qualification?'). */
function sentence(text: string): string {
    return /[.?!]$/.test(text) ? text : `${text}.`;
}
