/**
 * Names that the language server, the CLI and the VS Code client must agree on. Each is
 * defined here once; package.json repeats the ones VS Code reads from the manifest, and a
 * test holds the manifest to them.
 */

/** The scheme of the read-only documents that hold the built-in standards. */
export const BUILTIN_SCHEME = 'builtin';

/** The editor's settings section of TrainSpec: `trainspec.coverage.severity` and the like. */
export const SETTINGS_SECTION = 'trainspec';

/** How coverage gaps are reported: as errors, warnings, information, or not at all. */
export const COVERAGE_SEVERITIES = ['error', 'warning', 'information', 'off'] as const;
export type CoverageSeverity = typeof COVERAGE_SEVERITIES[number];

/** The commands the extension contributes (see `contributes.commands` in package.json). */
export const Commands = {
    /** Opens the coverage view; the server's code lenses invoke it with [documentUri, programmeName]. */
    showCoverage: 'trainspec.showCoverage',
    /** Saves a coverage report (HTML, Markdown or CSV); the coverage view invokes it with [documentUri, programmeName]. */
    exportReport: 'trainspec.exportReport',
    restartServer: 'trainspec.restartServer',
    showOutput: 'trainspec.showOutput',
    /** Opens the walkthrough's example programme as a new, unsaved spec. */
    openExample: 'trainspec.openExample',
    /** The standards browser's commands (its view is `trainspec.standards`). */
    findStandard: 'trainspec.standards.find',
    chooseProgramme: 'trainspec.standards.chooseProgramme',
    refreshStandards: 'trainspec.standards.refresh',
    /** Adds a standard (a node of the view) to the `covers` of the module at the cursor. */
    addStandardToModule: 'trainspec.standards.addToModule'
} as const;

/**
 * The commands the language server runs itself (`workspace/executeCommand`), for any editor.
 * Their ids differ from the extension's own commands: vscode-languageclient registers the
 * server's commands in VS Code, and two commands of one id cannot both be registered.
 */
export const ServerCommands = {
    /**
     * Writes the Markdown coverage report of a programme to the cache folder and asks the editor
     * to open it (`window/showDocument`); arguments [documentUri, programmeName]. The coverage
     * code lens runs it in editors without the coverage view.
     */
    openCoverageReport: 'trainspec.server.openCoverageReport'
} as const;

/** The name the language server gives itself in `serverInfo`: the name of its command. */
export const SERVER_NAME = 'trainspec-language-server';

/** The language ids of programme specs (.tspec) and standards catalogues (.nos), as package.json declares them. */
export const LanguageIds = {
    spec: 'trainspec',
    standards: 'trainspec-standards'
} as const;

/** The configuration file that the editor and the CLI both read: found by walking up from a folder. */
export const CONFIG_FILE_NAME = 'trainspec.config.json';
