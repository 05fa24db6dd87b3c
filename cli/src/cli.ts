import { parseArgs } from 'node:util';
import { COVERAGE_SEVERITIES, type CoverageSeverity } from '../../language/src/workspace/trainspec-settings.js';
import { CHANGE_FORMATS, type ChangeFormat } from '../../language/src/report/coverage-change-report.js';
import type { Shard } from './batch/batch-check.js';
import { CHECK_FORMATS, FAIL_ON, runCheck, type CheckFormat, type FailOn } from './check-command.js';
import { UsageError } from './cli-error.js';
import { reportDestination } from './output-file.js';
import type { ColourChoice } from './output-style.js';
import { reportFormat, runReport } from './report-command.js';
import { visibleText } from './reports/terminal-text.js';
import { runInit } from './init-command.js';
import { runStandards, STANDARDS_FORMATS, type StandardsFormat } from './standards-command.js';

export const USAGE = `Usage: trainspec <command> [options]

Commands:
  check [paths...]      Check programme specs (.tspec) and catalogues (.nos) against the
                        built-in probation standards. Paths may be files, folders or quoted
                        globs such as "specs/**/*.tspec"; the default is the current folder.
  report [paths...]     Write the coverage of every programme found: which modules cover each
                        requirement of its roles and pathway, and the gaps.
  standards [paths...]  List every standard: the built-in library plus the catalogues found.
  init                  Write a starter trainspec.config.json and a sample programme into the
                        current folder (which must not hold them yet).

Options for check:
  --format <format>               text (default), json, github (annotations), junit (XML) or
                                  sarif (SARIF 2.1.0, for GitHub code scanning)
  --max-warnings <n>              exit with 1 when there are more than n warnings
  --coverage-severity <severity>  report uncovered requirements as error, warning (default),
                                  information, or not at all (off); trainspec.config.json wins
  --config <file>                 the configuration file to use; by default, the nearest
                                  trainspec.config.json in the current folder or above it
  --print-config <path>           print the settings in force for a file, as JSON, and stop
  --cache                         keep results in .trainspec-cache in the current folder and
                                  reuse those of files that have not changed since
  --shard <i>/<n>                 check only the i-th of n slices of the workspace, for parallel
                                  CI jobs; together the n shards report what one check would
  --quiet                         list errors only (--max-warnings still counts every warning)
  --color, --no-color             colour the text report, or not (default: on a terminal only;
                                  the NO_COLOR and FORCE_COLOR variables are honoured)
  --baseline <file>               compare coverage with this report (the base branch's
                                  'trainspec report --format json') and say what changed
  --baseline-format <format>      how to show the change: text (default), markdown or json
  --baseline-output <file>        write the change to this file (otherwise after a text
                                  report on stdout, or on stderr beside other formats)
  --fail-on new-gaps              with --baseline: coverage gaps fail only when the change
                                  opens them (other errors still fail)

Options for report:
  --format <format>               html, markdown, csv or json (default: from the -o file's
                                  extension, else markdown)
  -o, --output-file <file>        write the report to this file instead of stdout
  --programme <name>              only this programme (by its identifier); may be repeated
  --config <file>                 the configuration file whose ignore patterns apply

Options for standards:
  --format <format>               text (default) or json

Options for check and standards:
  -o, --output-file <file>        write the report to this file (folders are made) instead of
                                  the standard output

  -h, --help                      show this help
  -v, --version                   show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings
(or, with --fail-on new-gaps, gaps the change opens), 2 a problem with the command or its
input (unknown option, empty or missing path, a folder with no spec files, a file that cannot
be read or is not a regular file, an invalid configuration file, a report that cannot be written).
`;

/** Runs the command line and returns the exit code. Usage mistakes are reported in one line. */
export async function runCli(args: string[], cwd: string, version: string): Promise<number> {
    try {
        return await dispatch(args, cwd, version);
    } catch (error) {
        if (error instanceof UsageError) {
            // The message may quote an argument, and arguments come from scripts and file names.
            process.stderr.write(`trainspec: ${visibleText(error.message)}\nRun 'trainspec --help' for usage.\n`);
            return 2;
        }
        throw error;
    }
}

async function dispatch(args: string[], cwd: string, version: string): Promise<number> {
    const { values, positionals } = parse(args);
    if (values.version) {
        process.stdout.write(`${version}\n`);
        return 0;
    }
    const [command, ...givenPaths] = positionals;
    if (values.help || command === undefined || command === 'help') {
        process.stdout.write(USAGE);
        return command === undefined && !values.help ? 2 : 0;
    }
    const paths = command === 'check' || command === 'standards' || command === 'report' ? nonEmpty(givenPaths) : givenPaths;
    switch (command) {
        case 'check':
            rejectOptions(values, REPORT_ONLY_OPTIONS, 'check', 'report');
            return runCheck({
                paths,
                cwd,
                format: oneOf('--format', values.format ?? 'text', CHECK_FORMATS) as CheckFormat,
                maxWarnings: values['max-warnings'] === undefined ? undefined : wholeNumber('--max-warnings', values['max-warnings']),
                coverageSeverity: values['coverage-severity'] === undefined ? undefined : oneOf('--coverage-severity', values['coverage-severity'], COVERAGE_SEVERITIES) as CoverageSeverity,
                config: values.config === undefined ? undefined : nonEmpty([values.config])[0],
                printConfig: values['print-config'] === undefined ? undefined : nonEmpty([values['print-config']])[0],
                version,
                cache: values.cache ?? false,
                shard: values.shard === undefined ? undefined : shard(values.shard),
                ...baselineOptions(values),
                destination: reportDestination(values['output-file'], cwd),
                quiet: values.quiet === true,
                colour: colourChoice(values.color, values['no-color']),
                env: process.env
            });
        case 'report':
            rejectOptions(values, CHECK_ONLY_OPTIONS.filter(option => option !== 'config'), 'report', 'check');
            return runReport({
                config: values.config === undefined ? undefined : nonEmpty([values.config])[0],
                paths,
                cwd,
                format: reportFormat(values.format),
                outputFile: values['output-file'],
                programmes: values.programme ?? [],
                version,
                env: process.env
            });
        case 'init':
            rejectOptions(values, CHECK_ONLY_OPTIONS, 'init', 'check');
            rejectOptions(values, REPORT_ONLY_OPTIONS, 'init', 'report');
            if (values['output-file'] !== undefined) {
                throw new UsageError("--output-file applies to 'check', 'standards' and 'report', not 'init'.");
            }
            return runInit(givenPaths, cwd);
        case 'standards':
            rejectOptions(values, CHECK_ONLY_OPTIONS, 'standards', 'check');
            rejectOptions(values, REPORT_ONLY_OPTIONS, 'standards', 'report');
            return runStandards({
                paths,
                cwd,
                format: oneOf('--format', values.format ?? 'text', STANDARDS_FORMATS) as StandardsFormat,
                destination: reportDestination(values['output-file'], cwd)
            });
        default:
            throw new UsageError(`unknown command '${command}'. The commands are 'check', 'report', 'standards' and 'init'.`);
    }
}

function parse(args: string[]) {
    try {
        return parseArgs({
            args,
            allowPositionals: true,
            strict: true,
            options: {
                format: { type: 'string' },
                'max-warnings': { type: 'string' },
                'coverage-severity': { type: 'string' },
                config: { type: 'string' },
                'print-config': { type: 'string' },
                cache: { type: 'boolean' },
                shard: { type: 'string' },
                baseline: { type: 'string' },
                'baseline-format': { type: 'string' },
                'baseline-output': { type: 'string' },
                'fail-on': { type: 'string' },
                'output-file': { type: 'string', short: 'o' },
                programme: { type: 'string', multiple: true },
                quiet: { type: 'boolean' },
                color: { type: 'boolean' },
                'no-color': { type: 'boolean' },
                help: { type: 'boolean', short: 'h' },
                version: { type: 'boolean', short: 'v' }
            }
        });
    } catch (error) {
        // parseArgs says e.g. "Unknown option '--frobnicate'. To specify a positional argument…", and some of
        // its messages run over several lines ("…argument is ambiguous.\nDid you forget…"): keep the first sentence.
        throw new UsageError((error as Error).message.split(/\.\s/)[0].replace(/\.$/, '').replace(/^\w/, letter => letter.toLowerCase()) + '.');
    }
}

/**
 * An empty path is almost always an unset variable in a script (`trainspec check "$SPECS"`);
 * read as the current folder it would quietly check something else.
 */
function nonEmpty(paths: string[]): string[] {
    if (paths.includes('')) {
        throw new UsageError('a path is empty (is a variable in the script unset?). Name a file, folder or glob, or give no path to check the current folder.');
    }
    return paths;
}

const CHECK_ONLY_OPTIONS = ['max-warnings', 'coverage-severity', 'config', 'print-config', 'cache', 'shard', 'baseline', 'baseline-format', 'baseline-output', 'fail-on', 'quiet', 'color', 'no-color'];
// --output-file is for check, standards and report alike (init rejects it on its own).
const REPORT_ONLY_OPTIONS = ['programme'];

function rejectOptions(values: Record<string, unknown>, options: string[], command: string, owner: string): void {
    for (const option of options) {
        if (values[option] !== undefined) {
            throw new UsageError(`--${option} applies to '${owner}', not '${command}'.`);
        }
    }
}

function colourChoice(colour: boolean | undefined, noColour: boolean | undefined): ColourChoice {
    if (colour && noColour) {
        throw new UsageError('--color and --no-color contradict each other; give one.');
    }
    return colour ? true : noColour ? false : undefined;
}

/** --baseline and the options that go with it; they mean nothing without it. */
function baselineOptions(values: { baseline?: string; 'baseline-format'?: string; 'baseline-output'?: string; 'fail-on'?: string }): { baseline?: { file: string; format: ChangeFormat; outputFile?: string }; failOn?: FailOn } {
    const file = values.baseline;
    if (file === undefined) {
        for (const option of ['baseline-format', 'baseline-output', 'fail-on'] as const) {
            if (values[option] !== undefined) {
                throw new UsageError(`--${option} needs --baseline FILE (the base branch's 'trainspec report --format json').`);
            }
        }
        return {};
    }
    if (file === '') {
        throw new UsageError('--baseline needs a file name.');
    }
    const outputFile = values['baseline-output'];
    const inferred = outputFile?.toLowerCase().endsWith('.md') ? 'markdown' : outputFile?.toLowerCase().endsWith('.json') ? 'json' : 'text';
    return {
        baseline: { file, format: oneOf('--baseline-format', values['baseline-format'] ?? inferred, CHANGE_FORMATS) as ChangeFormat, ...(outputFile !== undefined ? { outputFile } : {}) },
        ...(values['fail-on'] !== undefined ? { failOn: oneOf('--fail-on', values['fail-on'], FAIL_ON) as FailOn } : {})
    };
}

function oneOf(option: string, value: string, allowed: readonly string[]): string {
    if (!allowed.includes(value)) {
        throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not '${value}'.`);
    }
    return value;
}

function wholeNumber(option: string, value: string): number {
    if (!/^\d+$/.test(value)) {
        throw new UsageError(`${option} needs a whole number, not '${value}'.`);
    }
    return Number(value);
}

function shard(value: string): Shard {
    const match = /^(\d+)\/(\d+)$/.exec(value);
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (!match || count < 1 || index < 1 || index > count) {
        throw new UsageError(`--shard needs the form i/n with 1 ≤ i ≤ n, such as 2/4, not '${value}'.`);
    }
    return { index, count };
}
