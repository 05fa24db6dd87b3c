/** The commands the extension contributes (see `contributes.commands` in package.json). */
export { SHOW_COVERAGE_COMMAND } from '../../language/src/lsp/coverage-matrix.js';
export const RESTART_SERVER_COMMAND = 'trainspec.restartServer';
export const SHOW_OUTPUT_COMMAND = 'trainspec.showOutput';
