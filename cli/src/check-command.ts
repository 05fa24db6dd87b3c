import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DefaultTrainSpecSettings, type TrainSpecSettings } from '../../language/src/workspace/trainspec-settings.js';
import { BatchCheck, type Shard } from './batch/batch-check.js';
import { CACHE_FILE_NAME, CheckCache } from './batch/check-cache.js';
import { createGroupRunner } from './batch/worker-pool.js';
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
import { visibleText } from './reports/terminal-text.js';
import { formatText } from './reports/text-report.js';
import { collectSources } from './source-files.js';

export const CHECK_FORMATS = ['text', 'json', 'github', 'junit'] as const;
export type CheckFormat = typeof CHECK_FORMATS[number];

const FORMATTERS: Record<CheckFormat, (report: CheckReport, context: ReportContext) => string> = {
    text: formatText,
    json: formatJson,
    github: formatGithub,
    junit: formatJunit
};

export interface CheckOptions {
    paths: string[];
    cwd: string;
    format: CheckFormat;
    maxWarnings?: number;
    settings: Partial<TrainSpecSettings>;
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
    const { files, problems } = withoutLibraryCopies(collectSources(options.paths, options.cwd));
    // The text report on a terminal tells people; anywhere else (a machine format, a file) they
    // still see in the CI log what went wrong.
    const toPeople = options.format === 'text' && options.destination.kind === 'stdout';
    if (!toPeople) {
        problems.forEach(problem => process.stderr.write(formatInputProblem(problem)));
    }
    const cache = options.cache ? new CheckCache(join(options.cwd, CACHE_FILE_NAME), cacheStamp(options)) : undefined;
    const checked = await new BatchCheck({
        files,
        createRunner: count => createGroupRunner(options.settings, count),
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

/** What makes every cached result stale: TrainSpec's version and the effective settings. */
function cacheStamp(options: CheckOptions): string {
    return JSON.stringify({ version: options.version, settings: { ...new DefaultTrainSpecSettings(), ...options.settings } });
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
