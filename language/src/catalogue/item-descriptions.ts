import type { AstNode } from 'langium';
import { isCompetence, isFramework, type Competence, type Item, type SourceDocument } from '../generated/ast.js';

/** Anything a catalogue declares and hover, reports or messages can describe. */
export type CatalogueItem = Item | Competence;

/** Where an item's words come from: the source document and its section, and for a competence its letter. */
export interface Provenance {
    document?: SourceDocument;
    section?: string;
    letter?: string;
}

const KIND_LABELS: Record<string, string> = {
    SkillSet: 'core skill set',
    Unit: 'NOS unit',
    Area: 'specialist area',
    CompetenceGroup: 'competence group',
    Competence: 'core competence',
    Outcome: 'PQF outcome',
    Qualification: 'qualification',
    Route: 'qualification route',
    Role: 'role',
    Guidance: 'guidance',
    Framework: 'framework',
    SourceDocument: 'source document',
    Programme: 'programme',
    Module: 'module',
    Coverable: 'standard',
    Requirable: 'standard'
};

/** The words a curriculum designer would use for a kind of declaration, e.g. 'NOS unit'. */
export function kindLabel(type: string): string {
    return KIND_LABELS[type] ?? type;
}

export function itemTitle(item: CatalogueItem): string {
    if (isCompetence(item)) {
        // A lettered competence has no title of its own in the guidelines: it is known by its group and letter.
        const group = item.$container;
        const section = group.section ? ` ${group.section}` : '';
        return `${group.title}${section} (${item.name})`;
    }
    return item.title;
}

/** The item's own words: its text, or its title where the title is the whole standard (units, outcomes). */
export function itemText(item: CatalogueItem): string {
    return isCompetence(item) ? item.text : item.text ?? item.title;
}

export function itemProvenance(item: CatalogueItem): Provenance {
    if (isCompetence(item)) {
        return { ...itemProvenance(item.$container), letter: item.name };
    }
    const own = { document: item.source?.ref, section: item.section };
    if (own.document || own.section) {
        return own;
    }
    return frameworkProvenance(item.$container);
}

function frameworkProvenance(container: AstNode): Provenance {
    return isFramework(container) ? { document: container.source?.ref, section: container.section } : {};
}

/** Provenance as plain strings, for reports and listings. */
export interface ProvenanceText {
    document?: string;
    section?: string;
    letter?: string;
}

export function provenanceText(provenance: Provenance): ProvenanceText {
    return { document: provenance.document?.title, section: provenance.section, letter: provenance.letter };
}

/** 'Guidelines … 2007, section 3.1 (a)': the provenance as one line of prose. */
export function provenanceLabel(provenance: ProvenanceText): string {
    const parts: string[] = [];
    if (provenance.document) {
        parts.push(provenance.document);
    }
    if (provenance.section) {
        parts.push(`section ${provenance.section}${provenance.letter ? ` (${provenance.letter})` : ''}`);
    } else if (provenance.letter) {
        parts.push(`(${provenance.letter})`);
    }
    return parts.join(', ');
}
