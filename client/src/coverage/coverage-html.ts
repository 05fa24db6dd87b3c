import type { CoverageMatrix, MatrixModule, MatrixRequirement, RequirementGroup } from '../../../language/src/protocol/coverage-matrix.js';
import { escapeHtml } from '../../../language/src/text/html-text.js';
import { COVERAGE_SCRIPT } from './coverage-script.js';
import { COVERAGE_STYLE } from './coverage-style.js';

/**
 * The coverage view's HTML, as pure functions of the server's matrix (no VS Code API).
 *
 * The page is written once, with a strict Content-Security-Policy: nothing may load, and only
 * the inline style and script carrying the page's nonce may run. Updates replace the contents
 * of #root with `renderMatrix` output, sent in a message, so the scroll position survives typing.
 * Links are buttons with `data-reveal` and `data-name`; the script posts them to the extension.
 */

export { escapeHtml };

export function contentSecurityPolicy(nonce: string): string {
    return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
}

/** The whole page around `body` (from `renderMatrix` or `renderNotice`). */
export function renderCoveragePage(body: string, options: { nonce: string; title: string }): string {
    const { nonce } = options;
    if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) {
        throw new Error('A nonce must be at least 16 base64 characters.');
    }
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(options.title)}</title>
<style nonce="${nonce}">${COVERAGE_STYLE}</style>
</head>
<body>
<main id="root">${body}</main>
<script nonce="${nonce}">${COVERAGE_SCRIPT}</script>
</body>
</html>`;
}

/** A message in place of the matrix, e.g. while the server is down. */
export function renderNotice(message: string): string {
    return `<p class="notice">${escapeHtml(message)}</p>`;
}

/** The summary and the matrix of requirements (rows) against modules (columns). */
export function renderMatrix(matrix: CoverageMatrix): string {
    if (matrix.notChecked) {
        return renderHeader(matrix) + renderNotice(`${matrix.notChecked}.`);
    }
    return renderHeader(matrix) + (matrix.summary.total === 0 ? renderNotice(noRequirementsNotice(matrix)) : renderTable(matrix));
}

function noRequirementsNotice(matrix: CoverageMatrix): string {
    return matrix.roles.length === 0
        ? 'This programme does not say which role it prepares for (prepares …), so nothing is required yet.'
        : 'The roles and pathway of this programme require nothing.';
}

function renderHeader(matrix: CoverageMatrix): string {
    const { programme, summary } = matrix;
    const gaps = summary.total - summary.covered;
    const facts = [`programme <code>${escapeHtml(programme.name)}</code>`];
    if (matrix.roles.length > 0) {
        facts.push(`prepares ${matrix.roles.map(role => `<code>${escapeHtml(role)}</code>`).join(', ')}`);
    }
    if (matrix.pathway) {
        facts.push(`pathway <code>${escapeHtml(matrix.pathway)}</code>`);
    }
    const hours = matrix.modules.flatMap(module => (module.hours === undefined ? [] : [module.hours]));
    if (hours.length > 0) {
        const missing = matrix.modules.length - hours.length;
        facts.push(`${hours.reduce((sum, each) => sum + each, 0)} hours in all${missing > 0 ? ` (${missing} ${missing === 1 ? 'module gives' : 'modules give'} no hours)` : ''}`);
    }
    const gapText = gaps === 0 ? 'no gaps' : gaps === 1 ? '1 gap' : `${gaps} gaps`;
    const title = `<h1>${revealButton('programme', programme.name, escapeHtml(programme.title), 'heading-link', `Go to programme ${programme.name}`)}</h1>
<p class="meta">${facts.join(' · ')}</p>`;
    if (matrix.notChecked) {
        return `<header>\n${title}\n</header>\n`;
    }
    return `<header>
<button type="button" class="export-button" data-export title="Save this programme's coverage as HTML (to print), Markdown or CSV (for Excel)">Export report…</button>
${title}
<p class="summary ${gaps === 0 ? 'complete' : 'incomplete'}" role="status"><strong>${summary.covered} of ${summary.total}</strong> requirements covered — ${gapText}</p>
<progress max="${summary.total}" value="${summary.covered}" aria-label="Requirements covered"></progress>
${summary.total > 0 ? '<label class="filter"><input type="checkbox" id="gaps-only"> Show only gaps</label>' : ''}
</header>
`;
}

function renderTable(matrix: CoverageMatrix): string {
    const columns = matrix.modules.length + 1;
    const head = `<thead><tr><th scope="col" class="requirement-heading">Requirement</th>${matrix.modules.map(renderModuleHeading).join('')}</tr></thead>`;
    const sections = groupByRequiredBy(matrix.groups).map(section => {
        const requirements = section.groups.flatMap(group => group.requirements);
        const covered = requirements.filter(requirement => requirement.coveredBy.length > 0).length;
        const sectionRow = `<tr class="required-by-row"><th scope="rowgroup" colspan="${columns}">Required by ${escapeHtml(section.requiredBy)} <span class="count">${covered} of ${requirements.length} covered</span></th></tr>`;
        // "Show only gaps" hides the headings of a section or source with no gap along with its rows.
        const groupRows = section.groups.map(group =>
            `<tr class="source-row${allCovered(group.requirements) ? ' all-covered' : ''}"><th scope="rowgroup" colspan="${columns}">${escapeHtml(group.source)}</th></tr>`
            + group.requirements.map(requirement => renderRequirement(requirement, matrix.modules)).join(''));
        return `<tbody class="required-by${covered === requirements.length ? ' all-covered' : ''}">${sectionRow}${groupRows.join('')}</tbody>`;
    });
    const noModules = matrix.modules.length === 0 ? renderNotice('This programme has no modules yet, so every requirement is a gap.') : '';
    const noGaps = matrix.summary.covered === matrix.summary.total;
    // Shown by the stylesheet only while "Show only gaps" is on, in place of a table with no rows left.
    const noGapsNotice = noGaps ? '<p class="notice no-gaps-notice" role="status">Every requirement is covered: there are no gaps to show. Untick "Show only gaps" to see the whole matrix.</p>' : '';
    return `${noModules}${noGapsNotice}<table class="matrix${noGaps ? ' no-gaps' : ''}">${head}${sections.join('')}</table>`;
}

/**
 * A module's column heading: its name and its whole title, turned on their side so that ten
 * modules and more fit side by side (a long title wraps onto another line rather than being
 * cut), and its hours across the foot. The tooltip has the whole title and the hours too.
 */
function renderModuleHeading(module: MatrixModule): string {
    const hours = module.hours === undefined ? '' : ` (${module.hours} hours)`;
    const title = module.title ? `<span class="module-title">${escapeHtml(module.title)}</span>` : '';
    const label = `<span class="module-name">${escapeHtml(module.name)}</span>${title}`;
    const hoursCell = `<span class="module-hours">${module.hours === undefined ? 'no hours' : `${module.hours} h`}</span>`;
    return `<th scope="col" class="module-heading">${revealButton('module', module.name, label, 'module-link', `${module.title}${hours}: go to module ${module.name}`)}${hoursCell}</th>`;
}

function allCovered(requirements: MatrixRequirement[]): boolean {
    return requirements.every(requirement => requirement.coveredBy.length > 0);
}

function renderRequirement(requirement: MatrixRequirement, modules: MatrixModule[]): string {
    const gap = requirement.coveredBy.length === 0;
    const id = requirement.location
        ? revealButton('requirement', requirement.id, escapeHtml(requirement.id), 'requirement-id', `Go to the definition of ${requirement.id}`)
        : `<code class="requirement-id">${escapeHtml(requirement.id)}</code>`;
    const badge = gap ? ' <span class="badge gap-badge">Gap</span>' : '';
    const coveredBy = gap
        ? '<div class="covered-by">Not covered by any module</div>'
        : `<div class="covered-by">Covered by ${requirement.coveredBy.map(name => revealButton('module', name, escapeHtml(name), '', `Go to module ${name}`)).join(', ')}</div>`;
    const header = `<th scope="row" class="requirement-cell"><div>${id} <span class="kind">${escapeHtml(requirement.kind)}</span>${badge}</div>`
        + `<div class="requirement-title" title="${escapeHtml(requirement.text)}">${escapeHtml(requirement.title)}</div>${coveredBy}</th>`;
    const cells = modules.map(module => requirement.coveredBy.includes(module.name)
        ? `<td class="cell covered">${revealButton('module', module.name, '✓', 'tick', `${requirement.id} is covered by ${module.name}: go to the module`)}</td>`
        : '<td class="cell"></td>');
    return `<tr class="requirement ${gap ? 'gap' : 'covered'}" data-requirement="${escapeHtml(requirement.id)}">${header}${cells.join('')}</tr>`;
}

/** A link-styled button that asks the extension to open a programme, module or requirement. */
function revealButton(target: string, name: string, contentHtml: string, className: string, label: string): string {
    const classes = className ? `link ${className}` : 'link';
    return `<button type="button" class="${classes}" data-reveal="${target}" data-name="${escapeHtml(name)}" title="${escapeHtml(label)}">${contentHtml}</button>`;
}

/** The groups of each role or pathway together, in the order in which they first appear. */
export function groupByRequiredBy(groups: RequirementGroup[]): { requiredBy: string; groups: RequirementGroup[] }[] {
    const sections = new Map<string, RequirementGroup[]>();
    for (const group of groups) {
        const section = sections.get(group.requiredBy) ?? [];
        section.push(group);
        sections.set(group.requiredBy, section);
    }
    return [...sections].map(([requiredBy, sectionGroups]) => ({ requiredBy, groups: sectionGroups }));
}
