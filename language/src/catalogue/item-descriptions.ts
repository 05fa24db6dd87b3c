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

/*
 * Parser recovery builds nodes without the name, title or text a person has not typed yet,
 * although the generated types call them required. Everything a person reads about a
 * declaration (messages, hover, completion, lenses, quick fixes, reports) reads them
 * through the functions below, which treat every one of them as possibly missing.
 */

/** A declaration's own name, or undefined while it has none. */
export function nameOf(node: AstNode): string | undefined {
    return ownString(node, 'name');
}

/** A declaration's own title, or undefined while it has none (an empty title counts as none). */
export function titleOf(node: AstNode): string | undefined {
    return ownString(node, 'title');
}

/** A declaration's `text`, or undefined while it has none. */
export function textOf(node: AstNode): string | undefined {
    return ownString(node, 'text');
}

function ownString(node: AstNode, property: 'name' | 'title' | 'text'): string | undefined {
    const value = (node as unknown as Partial<Record<typeof property, unknown>>)[property];
    return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The name where a list or a heading shows it: `Risk`, or `(unnamed module)` while it has none. */
export function shownName(node: AstNode): string {
    return nameOf(node) ?? `(unnamed ${kindLabel(node.$type)})`;
}

/**
 * How a sentence names a declaration it is not about, such as a quick fix's target:
 * `module Risk`; while it has no name, `the module "Risk and safety"` or `the unnamed module`.
 */
export function declarationPhrase(node: AstNode): string {
    const kind = kindLabel(node.$type);
    const name = nameOf(node);
    const title = titleOf(node);
    return name !== undefined ? `${kind} ${name}` : title !== undefined ? `the ${kind} "${title}"` : `the unnamed ${kind}`;
}

/** How a sentence about a declaration starts: `Module 'Risk and safety'` (its title, else its name), or `This module` while it has neither. */
export function sentenceSubject(node: AstNode): string {
    // By the title the designer gave it, as the standards read; the identifier stays in the diagnostic's data.
    const words = titleOf(node) ?? nameOf(node);
    const kind = kindLabel(node.$type);
    return words === undefined ? `This ${kind}` : `${kind.charAt(0).toUpperCase()}${kind.slice(1)} '${words}'`;
}

/**
 * How a message names a programme or a module by the title its designer gave it, in quotes:
 * 'Probation policy and legislation'; its name while it has no title; 'the unnamed module'.
 */
export function titledPhrase(node: AstNode): string {
    const words = titleOf(node) ?? nameOf(node);
    return words !== undefined ? `'${words}'` : `the unnamed ${kindLabel(node.$type)}`;
}

/** How a message names a standard: its title in quotes, 'develop own knowledge and skills'; its name while it has none. */
export function itemPhrase(item: CatalogueItem): string {
    return `'${itemTitle(item) || shownName(item)}'`;
}

/** The item's title as a person reads it; empty while it has none. */
export function itemTitle(item: CatalogueItem): string {
    if (isCompetence(item)) {
        // A lettered competence has no title of its own in the guidelines: it is known by its group and letter.
        const group = item.$container;
        const title = [titleOf(group), group.section].filter(part => part).join(' ');
        const letter = nameOf(item);
        return letter === undefined ? title : title ? `${title} (${letter})` : `(${letter})`;
    }
    return titleOf(item) ?? '';
}

/** The item's own words: its text, or its title where the title is the whole standard (units, outcomes); empty while it has neither. */
export function itemText(item: CatalogueItem): string {
    return (isCompetence(item) ? textOf(item) : textOf(item) ?? titleOf(item)) ?? '';
}

export function itemProvenance(item: CatalogueItem): Provenance {
    if (isCompetence(item)) {
        return { ...itemProvenance(item.$container), letter: nameOf(item) };
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
    return { document: provenance.document && titleOf(provenance.document), section: provenance.section, letter: provenance.letter };
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
