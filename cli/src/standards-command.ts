import { AstUtils } from 'langium';
import { itemProvenance, itemText, itemTitle, kindLabel, provenanceLabel, provenanceText, shownName, type CatalogueItem, type ProvenanceText } from '../../language/src/catalogue/item-descriptions.js';
import { isArea, isCompetence, isItem, isRole, isSkillSet, isUnit } from '../../language/src/generated/ast.js';
import type { TrainSpecLanguages } from '../../language/src/trainspec-module.js';
import { formatInputProblem } from './input-problem.js';
import { withoutLibraryCopies } from './library-copies.js';
import { loadWorkspace } from './load-workspace.js';
import { writeReport, type ReportDestination } from './output-file.js';
import { createProgress } from './progress.js';
import { visibleText } from './reports/terminal-text.js';
import { collectSources } from './source-files.js';

export const STANDARDS_FORMATS = ['text', 'json'] as const;
export type StandardsFormat = typeof STANDARDS_FORMATS[number];

/** One loaded standard as `trainspec standards` lists it. */
export interface ListedItem {
    id: string;
    kind: string;
    title: string;
    text: string;
    source: ProvenanceText;
    notes?: string[];
    /** For a unit: the specialist areas (pathways) that list it. */
    areas?: string[];
    /** For a unit: the core skill set it sits under. */
    skillSet?: string;
    /** For an area or a skill set: its units. */
    units?: string[];
    /** For a role: every requirement, resolved through `extends`. */
    requires?: string[];
    requiresPathway?: boolean;
    builtin: boolean;
}

export interface StandardsOptions {
    paths: string[];
    cwd: string;
    format: StandardsFormat;
    /** Where the list goes (`-o/--output-file`). */
    destination: ReportDestination;
}

/** `trainspec standards`: every item of the built-in library and of the workspace catalogues. */
export async function runStandards(options: StandardsOptions): Promise<number> {
    const { files, problems } = withoutLibraryCopies(collectSources(options.paths, options.cwd, ['.nos'], undefined, undefined, 'fine'));
    problems.forEach(problem => process.stderr.write(formatInputProblem(problem)));
    const { services } = await loadWorkspace(files, {}, createProgress(process.stderr, files.length > 0));
    const items = listItems(services);
    writeReport(options.format === 'json' ? JSON.stringify({ items }, undefined, 2) + '\n' : items.map(formatItem).join('\n'), options.destination);
    return problems.length > 0 ? 2 : 0;
}

export function listItems(services: TrainSpecLanguages): ListedItem[] {
    const names = services.standards.references.NameProvider;
    const library = services.shared.library.StandardsLibrary;
    // What units, areas and roles mean for coverage comes from the coverage model, as in the editor.
    const usage = services.shared.coverage.ItemUsage;
    const listed: ListedItem[] = [];
    for (const document of services.shared.workspace.LangiumDocuments.all) {
        for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
            if (!isItem(node) && !isCompetence(node)) {
                continue;
            }
            const item: CatalogueItem = node;
            const entry: ListedItem = {
                id: names.getName(item) ?? '',
                kind: kindLabel(item.$type),
                title: itemTitle(item),
                text: itemText(item),
                source: provenanceText(itemProvenance(item)),
                builtin: library.isBuiltin(document.uri)
            };
            if (!isCompetence(item) && item.notes.length > 0) {
                entry.notes = item.notes;
            }
            if (isUnit(item)) {
                if (item.skillSet?.ref) {
                    entry.skillSet = shownName(item.skillSet.ref);
                }
                entry.areas = usage.areasListing(item).map(shownName);
            } else if (isSkillSet(item)) {
                entry.units = usage.unitsOf(item).map(shownName);
            } else if (isArea(item)) {
                entry.units = item.units.map(unit => unit.$refText);
            } else if (isRole(item)) {
                const resolved = usage.requirementsOf(item);
                entry.requires = resolved.requirements.map(requirement => names.getName(requirement.item) ?? '');
                entry.requiresPathway = resolved.pathwayRequiredBy !== undefined;
            }
            listed.push(entry);
        }
    }
    return listed;
}

function formatItem(item: ListedItem): string {
    // An item of a half-typed catalogue may have no name or words yet.
    const lines = [`${item.id || '(no name yet)'} (${item.kind})${item.title ? `: ${item.title}` : ''}`];
    if (item.text && item.text !== item.title) {
        lines.push(`    "${item.text}"`);
    }
    const source = provenanceLabel(item.source);
    if (source) {
        lines.push(`    Source: ${source}`);
    }
    item.notes?.forEach(note => lines.push(`    Note: "${note}"`));
    if (item.skillSet) {
        lines.push(`    Skill set: ${item.skillSet}`);
    }
    if (item.areas) {
        lines.push(`    Listed by: ${item.areas.join(', ') || 'no specialist area'}`);
    }
    if (item.units) {
        lines.push(`    Units: ${item.units.join(', ')}`);
    }
    if (item.requires) {
        const pathway = item.requiresPathway ? ', and a specialist pathway' : '';
        lines.push(`    Requires (${item.requires.length}): ${item.requires.join(', ')}${pathway}`);
    }
    // Titles, texts and notes come from catalogues, which anyone can write.
    return lines.map(visibleText).join('\n') + '\n';
}
