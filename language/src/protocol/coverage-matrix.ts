import type { Location } from 'vscode-languageserver-types';

/**
 * The coverage matrix of programmes, as the language server sends it to the coverage view:
 * each requirement of the programme's roles and pathway against the modules that cover it.
 * Plain data, shared by the server (which builds it) and the VS Code client (which shows it).
 */

/** The parameters of `trainspec/coverageMatrix` (see lsp-ext.ts). */
export interface CoverageMatrixParams {
    /** The document whose programmes are wanted. */
    uri: string;
}

export interface CoverageMatrixResult {
    matrices: CoverageMatrix[];
}

export interface CoverageMatrix {
    programme: { name: string; title: string; location: Location };
    roles: string[];
    pathway?: string;
    /** The programme's modules, its own first, then those it includes. */
    modules: MatrixModule[];
    /** Requirements grouped by what requires them (role or pathway) and by source section. */
    groups: RequirementGroup[];
    summary: { covered: number; total: number };
    /** Why coverage was not checked, to show instead of the matrix: 'Coverage is checked once the syntax error on line 12 is fixed'. */
    notChecked?: string;
}

export interface MatrixModule {
    name: string;
    title: string;
    hours?: number;
    location: Location;
}

export interface RequirementGroup {
    /** What requires these items, as a designer reads it (CoverageLabels.origin): 'Probation Officer (through Probation Services Officer)' or 'the Court Work pathway'. */
    requiredBy: string;
    /** The same by identifiers: the role (with the chain of roles it comes through, itself first) or the pathway's area. */
    origin: GroupOrigin;
    /** Where their words come from, e.g. 'Guidelines …, section 3.1'. */
    source: string;
    requirements: MatrixRequirement[];
}

export type GroupOrigin = { kind: 'role'; id: string; via: string[] } | { kind: 'pathway'; id: string };

export interface MatrixRequirement {
    /** The item's identifier, e.g. 'RoSH.a'. */
    id: string;
    kind: string;
    title: string;
    text: string;
    /** Where its words come from: the source document's title, the section and, for a competence, its letter. */
    source: { document?: string; section?: string; letter?: string };
    location?: Location;
    /** Names of the modules (in `modules`) that cover it; empty for a gap. */
    coveredBy: string[];
}
