import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'langium';
import { DiagnosticCode } from '../../language/src/validation/diagnostic-codes.js';
import { isIgnored, type CoverageSeverity, type TrainSpecSettings } from '../../language/src/workspace/trainspec-settings.js';
import { BatchCheck, type Shard } from './batch/batch-check.js';
import { CACHE_FILE_NAME, CheckCache } from './batch/check-cache.js';
import { createGroupRunner } from './batch/worker-pool.js';
import { loadRunConfig } from './config-file.js';
import { failureReason } from './files/regular-file.js';
import { formatInputProblem } from './input-problem.js';
import { withoutLibraryCopies } from './library-copies.js';
import { writeReport, type ReportDestination } from './output-file.js';
import { useColour, type ColourChoice } from './output-style.js';
import { createProgress } from './progress.js';
import { reportOfFindings, type CheckReport } from './reports/check-report.js';
import { formatGithub } from './reports/github-report.js';
import { formatJson } from './reports/json-report.js';
import { formatJunit } from './reports/junit-report.js';
import { formatMarkdownSummary } from './reports/markdown-summary.js';
import type { ReportContext } from './reports/report-context.js';
import { formatSarif } from './reports/sarif-report.js';
import { visibleText } from './reports/terminal-text.js';
import { formatText } from './reports/text-report.js';
import { printConfig } from './print-config.js';
import { collectSources } from './source-files.js';

export const CHECK_FORMATS = ['text', 'json', 'github', 'junit', 'sarif'] as const;
export type CheckFormat = typeof CHECK_FORMATS[number];

export type { RunInfo } from './reports/report-context.js';

const FORMATTERS: Record<CheckFormat, (report: CheckReport, context: ReportContext) => string> = {
    text: formatText,
    json: formatJson,
    github: formatGithub,
    junit: formatJunit,
    sarif: formatSarif
};

export interface CheckOptions {
    paths: string[];
    cwd: string;
    format: CheckFormat;
    maxWarnings?: number;
    /** `--coverage-severity`, if given. */
    coverageSeverity?: CoverageSeverity;
    /** `--config`: the configuration file to use instead of the one found. */
    config?: string;
    /** `--print-config`: print the settings in force for this path instead of checking. */
    printConfig?: string;
    /** TrainSpec's version: part of the cache's key. */
    version: string;
    /** Keep results in `.trainspec-cache` in the working folder and reuse those of unchanged groups. */
    cache?: boolean;
    shard?: Shard;
    /** Where the report goes (`-o/--output-file`). */
    destination: ReportDestination;
    /** `--quiet`: the report lists errors only. */
    quiet: boolean;
    /** `--color` / `--no-color`. */
    colour: ColourChoice;
    env: NodeJS.ProcessEnv;
}

export const ExitCode = { Clean: 0, Problems: 1, InputProblem: 2 } as const;

/**
 * `trainspec check`: checks every spec and catalogue found, together with the built-in
 * library, writes the report and returns the exit code.
 */
export async function runCheck(options: CheckOptions): Promise<number> {
    const started = performance.now();
    const runConfig = loadRunConfig(options.config, options.cwd);
    if ('problem' in runConfig) {
        process.stderr.write(`trainspec: ${visibleText(runConfig.problem)}\n`);
        return ExitCode.InputProblem;
    }
    // Plain data: it goes to the worker threads as it is, and into the cache's key.
    const settings: TrainSpecSettings = { coverageSeverity: options.coverageSeverity ?? 'warning', configs: runConfig.config ? [runConfig.config] : [] };
    if (options.printConfig !== undefined) {
        process.stdout.write(printConfig(settings, options.printConfig, options.cwd));
        return ExitCode.Clean;
    }
    reportOverride(settings, options.coverageSeverity);
    const ignored = (path: string) => isIgnored(settings, URI.file(path));
    const { files, problems } = withoutLibraryCopies(collectSources(options.paths, options.cwd, undefined, undefined, ignored));
    // The text report on a terminal tells people; anywhere else (a machine format, a file) they
    // still see in the CI log what went wrong.
    const toPeople = options.format === 'text' && options.destination.kind === 'stdout';
    if (!toPeople) {
        problems.forEach(problem => process.stderr.write(formatInputProblem(problem)));
    }
    const cache = options.cache ? new CheckCache(join(options.cwd, CACHE_FILE_NAME), cacheStamp(options.version, settings)) : undefined;
    const checked = await new BatchCheck({
        files,
        createRunner: count => createGroupRunner(settings, count),
        cache,
        shard: options.shard,
        progress: createProgress(process.stderr, files.length > 0)
    }).run();
    cache?.save();
    const shard = options.shard;
    // Input problems belong to no group: the first shard reports them, so that the shards together report each once.
    const shownProblems = shard && shard.index !== 1 ? [] : problems;
    if (shard && checked.ownGroups === 0 && shownProblems.length === 0) {
        const line = `Shard ${shard.index}/${shard.count} has no group of files to check (the workspace has ${checked.groups}).\n`;
        if (toPeople) {
            process.stdout.write(line);
            return ExitCode.Clean;
        }
        process.stderr.write(line);
    }
    const report = reportOfFindings(checked.files, shownProblems);
    const shown = options.quiet ? errorsOnly(report) : report;
    const context: ReportContext = {
        version: options.version,
        cwd: options.cwd,
        seconds: (performance.now() - started) / 1000,
        // A report written to a file is coloured only when asked for by name.
        colour: options.destination.kind === 'stdout' ? useColour(options.colour, process.stdout, options.env) : options.colour === true,
        hidden: report.findings.length - shown.findings.length
    };
    writeReport(FORMATTERS[options.format](shown, context), options.destination);
    if (options.format === 'github' && options.env.GITHUB_STEP_SUMMARY) {
        addJobSummary(options.env.GITHUB_STEP_SUMMARY, formatMarkdownSummary(shown));
    }
    if (shownProblems.length > 0) {
        return ExitCode.InputProblem;
    }
    // Counted on every finding, whether --quiet shows them or not.
    const tooManyWarnings = options.maxWarnings !== undefined && report.summary.warnings > options.maxWarnings;
    if (tooManyWarnings) {
        const line = `${report.summary.warnings} warnings is more than --max-warnings ${options.maxWarnings} allows.\n`;
        (toPeople ? process.stdout : process.stderr).write(line);
    }
    return report.summary.errors > 0 || tooManyWarnings ? ExitCode.Problems : ExitCode.Clean;
}

/** What makes every cached result stale: TrainSpec's version and the effective settings, the configuration file's included. */
function cacheStamp(version: string, settings: TrainSpecSettings): string {
    return JSON.stringify({ version, settings });
}

/** Where both the flag and the configuration file set the severity of gaps, the file wins, as in the editor; the log says so. */
function reportOverride(settings: TrainSpecSettings, flag: CoverageSeverity | undefined): void {
    const fromFile = settings.configs[0]?.severity[DiagnosticCode.UncoveredRequirement];
    if (flag !== undefined && fromFile !== undefined && fromFile !== flag) {
        process.stderr.write(`trainspec: ${visibleText(`${URI.parse(settings.configs[0].file).fsPath} sets ${DiagnosticCode.UncoveredRequirement} to "${fromFile}", which takes precedence over --coverage-severity ${flag}.`)}\n`);
    }
}

/** Appends to GitHub's job summary file; a failure there is worth a line in the log, not a failed check. */
function addJobSummary(path: string, markdown: string): void {
    try {
        appendFileSync(path, markdown);
    } catch (error) {
        process.stderr.write(`trainspec: ${visibleText(`cannot add to the job summary (GITHUB_STEP_SUMMARY=${path}): ${failureReason(error)}.`)}\n`);
    }
}

/** The report as `--quiet` shows it: errors only, and only errors counted. */
function errorsOnly(report: CheckReport): CheckReport {
    return {
        ...report,
        findings: report.findings.filter(finding => finding.severity === 'error'),
        summary: { ...report.summary, warnings: 0, information: 0 }
    };
}
