import { Commands } from '../../language/src/protocol/constants.js';

/** The commands the extension contributes (see `contributes.commands` in package.json). */
export const SHOW_COVERAGE_COMMAND = Commands.showCoverage;
export const RESTART_SERVER_COMMAND = Commands.restartServer;
export const SHOW_OUTPUT_COMMAND = Commands.showOutput;
export const OPEN_EXAMPLE_COMMAND = Commands.openExample;
export const EXPORT_REPORT_COMMAND = Commands.exportReport;
