import type { Location, Position, WorkspaceEdit } from 'vscode-languageserver-types';

/**
 * The standards browser's data, as the language server sends it to the VS Code client: every
 * framework and catalogue of the library and the workspace, as a tree, marked with the coverage
 * of the programme at the cursor. Plain data, shared by the server (which builds it) and the
 * client (which shows it).
 */

/** The parameters of `trainspec/standardsTree` (see lsp-ext.ts). */
export interface StandardsTreeParams {
    /** The document at the cursor, if any: its programme (or the programmes of its module) marks the tree. */
    uri?: string;
    position?: Position;
    /** The programme chosen by name among those at the cursor; the first of them when absent or not among them. */
    programme?: string;
}

/** A tick: some module of the programme covers (or meets) it. A gap: the programme requires it and no module covers it yet. */
export type CoverageMark = 'covered' | 'gap';

export interface StandardsTreeNode {
    /** The identifier as specs write it (`RoSH.a`); for a catalogue that is no framework, its file name. */
    id: string;
    /** What it is, as a designer reads it: 'NOS unit', 'core skill set', 'framework', … */
    kind: string;
    title: string;
    /** Its own words, verbatim ('' when it has none but its title). */
    text: string;
    /** Where its words come from: 'Guidelines …, section 3.1 (a)' ('' when unknown). */
    source: string;
    location: Location;
    /** Whether a module can list it in `covers`. */
    coverable: boolean;
    builtin: boolean;
    mark?: CoverageMark;
    children?: StandardsTreeNode[];
}

export interface ProgrammeChoice {
    name: string;
    title: string;
}

export interface StandardsTreeResult {
    roots: StandardsTreeNode[];
    /** The programme whose coverage the marks show. */
    programme?: ProgrammeChoice;
    /** Every programme the cursor is in: its programme, or each one that contains or includes its module. */
    programmes: ProgrammeChoice[];
}

/** The parameters of `trainspec/addToCovers`: add `item` to the `covers` of the module at the cursor. */
export interface AddToCoversParams {
    textDocument: { uri: string };
    position: Position;
    item: string;
}

/** The edit that adds it, or why there is none, in plain English. */
export interface AddToCoversResult {
    edit?: WorkspaceEdit;
    message?: string;
}
