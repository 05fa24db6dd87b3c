import type { GroupOrigin } from '../protocol/coverage-matrix.js';

/**
 * The coverage report: what `trainspec report` writes and the coverage view exports, as plain
 * data. `--format json` writes exactly this; schemas/report.schema.json describes it, and
 * `trainspec check --baseline` reads it back. Every renderer (HTML, Markdown, CSV) reads only this.
 */

/** What `kind` says in every coverage report, so that a file can be recognised as one. */
export const REPORT_KIND = 'trainspec-coverage-report';

/** The version of the shape; it changes only when a field changes meaning or goes away. */
export const REPORT_VERSION = 1;

export interface CoverageReport {
    kind: typeof REPORT_KIND;
    version: typeof REPORT_VERSION;
    generator: { name: 'TrainSpec'; version: string };
    /** When the report was made (ISO 8601, UTC); honours SOURCE_DATE_EPOCH on the command line. */
    generated: string;
    /** The source documents of the built-in library (and of any catalogue the requirements quote). */
    sources: ReportSource[];
    programmes: ReportProgramme[];
}

export interface ReportSource {
    id: string;
    title: string;
    /** The date the document gives itself, when it gives one. */
    published?: string;
    builtin: boolean;
}

export interface NamedItem {
    id: string;
    title: string;
}

export interface ReportProgramme extends NamedItem {
    /** The file that declares it, relative to where the report was made (or a URI). */
    file: string;
    roles: NamedItem[];
    pathway?: NamedItem;
    route?: NamedItem;
    /** A target role needs a pathway the programme does not name. */
    pathwayMissingFor?: NamedItem;
    /** The sum of the modules' hours; modules without hours add nothing. */
    totalHours: number;
    /** Its own modules, then those it includes. */
    modules: ReportModule[];
    summary: { covered: number; total: number; gaps: number };
    /** One per target role, then one for the pathway: 'Probation Officer: 12 of 14 requirements covered'. */
    tallies: ReportTally[];
    /** The requirements, grouped by what requires them and by source section; an item two roles require is in both groups. */
    groups: ReportGroup[];
}

export interface ReportModule extends NamedItem {
    hours?: number;
}

export interface ReportTally {
    kind: 'role' | 'pathway';
    id: string;
    label: string;
    covered: number;
    total: number;
}

export interface ReportGroup {
    /** As people read it: 'Probation Officer (through Probation Services Officer)', 'the Court Work pathway'. */
    requiredBy: string;
    origin: GroupOrigin;
    /** 'Guidelines …, section 3.1'. */
    source: string;
    requirements: ReportRequirement[];
}

export interface ReportRequirement {
    /** The item's identifier, e.g. 'RoSH.a'. */
    id: string;
    kind: string;
    title: string;
    /** The standard's own words. */
    text: string;
    source: { document?: string; section?: string; letter?: string };
    /** The identifiers of the programme's modules that cover it; empty for a gap. */
    coveredBy: string[];
    /** The hours of the covering modules together. */
    hours: number;
}

/** The formats a report can be written in. */
export const REPORT_FORMATS = ['html', 'markdown', 'csv', 'json'] as const;
export type ReportFormat = typeof REPORT_FORMATS[number];

/** The usual file extension of each format. */
export const REPORT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = { html: 'html', markdown: 'md', csv: 'csv', json: 'json' };

/** The requirements of a programme's groups, each (item, what requires it) once. */
export function requirementRows(programme: ReportProgramme): Array<{ group: ReportGroup; requirement: ReportRequirement }> {
    return programme.groups.flatMap(group => group.requirements.map(requirement => ({ group, requirement })));
}
