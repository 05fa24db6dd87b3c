/** The commands the extension contributes (see `contributes.commands` in package.json). */
export const SHOW_COVERAGE_COMMAND = 'trainspec.showCoverage';
export const RESTART_SERVER_COMMAND = 'trainspec.restartServer';
export const SHOW_OUTPUT_COMMAND = 'trainspec.showOutput';
