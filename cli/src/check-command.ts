import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'langium';
import { DiagnosticCode } from '../../language/src/validation/diagnostic-codes.js';
import { isIgnored, type CoverageSeverity, type TrainSpecSettings } from '../../language/src/workspace/trainspec-settings.js';
import { BatchCheck, type BatchCheckResult, type BatchFile, type Shard } from './batch/batch-check.js';
import { CACHE_FILE_NAME, CheckCache } from './batch/check-cache.js';
import { readUnchangedText, SourceChangedError } from './batch/unchanged-text.js';
import { createGroupRunner } from './batch/worker-pool.js';
import { loadRunConfig } from './config-file.js';
import { compareWithBaseline, readBaseline, type BaselineOptions } from './coverage-baseline.js';
import { failureReason } from './files/regular-file.js';
import { formatInputProblem, type InputProblem } from './input-problem.js';
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
import { collectSources, collectSourcesUnlessKnown } from './source-files.js';

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
    /** TrainSpec's version: part of the cache's key, and named in the coverage change. */
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
    /** Compare coverage with the base branch's report and say what changed. */
    baseline?: BaselineOptions;
    /** `new-gaps`: coverage gaps fail only when the change opens them (needs a baseline). */
    failOn?: FailOn;
}

export const FAIL_ON = ['new-gaps'] as const;
export type FailOn = typeof FAIL_ON[number];

export const ExitCode = { Clean: 0, Problems: 1, InputProblem: 2 } as const;

/**
 * `trainspec check`: checks every spec and catalogue found, together with the built-in
 * library, writes the report and returns the exit code.
 */
export async function runCheck(options: CheckOptions): Promise<number> {
    const started = performance.now();
    const baseline = options.baseline && readBaseline(options.baseline.file, options.cwd);
    if (baseline && 'problem' in baseline) {
        process.stderr.write(`${baseline.problem}\n`);
        return ExitCode.InputProblem;
    }
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
    const { files, problems, checked } = await checkSources(options, settings);
    // The text report on a terminal tells people; anywhere else (a machine format, a file) they
    // still see in the CI log what went wrong.
    const toPeople = options.format === 'text' && options.destination.kind === 'stdout';
    if (!toPeople) {
        problems.forEach(problem => process.stderr.write(formatInputProblem(problem)));
    }
    const shard = options.shard;
    // Input problems belong to no group: the first shard reports them, so that the shards together report each once.
    const shownProblems = shard && shard.index !== 1 ? [] : problems;
    // Coverage is the whole workspace's: like the input problems, the first shard compares it, once.
    const comparesCoverage = !shard || shard.index === 1;
    if (shard && checked.ownGroups === 0 && shownProblems.length === 0) {
        const line = `Shard ${shard.index}/${shard.count} has no group of files to check (the workspace has ${checked.groups}).\n`;
        // Without a baseline to compare, that is all this shard has to say.
        if (toPeople && !(options.baseline && comparesCoverage)) {
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
    const change = baseline && options.baseline && comparesCoverage
        ? await compareWithBaseline(baseline.report, files.map(file => 'known' in file ? { ...file, text: readUnchangedText(file) } : file), { ...options.baseline, cwd: options.cwd, version: options.version, checkFormatIsText: toPeople }, createProgress(process.stderr, files.length > 0))
        : undefined;
    if (change && 'problem' in change) {
        process.stderr.write(`${change.problem}\n`);
        return ExitCode.InputProblem;
    }
    if (shownProblems.length > 0) {
        return ExitCode.InputProblem;
    }
    // With --fail-on new-gaps, the gaps the baseline already had fail nothing: only the change's new ones do.
    const newGapsOnly = options.failOn === 'new-gaps';
    const counted = newGapsOnly ? report.findings.filter(finding => finding.code !== DiagnosticCode.UncoveredRequirement) : report.findings;
    const errors = counted.filter(finding => finding.severity === 'error').length;
    const warnings = counted.filter(finding => finding.severity === 'warning').length;
    const gapsOpened = newGapsOnly && change ? change.summary.gapsOpened : 0;
    const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
    if (tooManyWarnings) {
        // Counted on every finding, whether --quiet shows them or not; said where the input problems are.
        const line = `${warnings} warnings is more than --max-warnings ${options.maxWarnings} allows.\n`;
        (toPeople ? process.stdout : process.stderr).write(line);
    }
    return errors > 0 || tooManyWarnings || gapsOpened > 0 ? ExitCode.Problems : ExitCode.Clean;
}

/**
 * Finds and checks the sources. With the cache, a file it knows unchanged by its size and times
 * is not read unless its group must be checked; should such a file change while the check
 * runs, the check starts again once, reading every file.
 */
async function checkSources(options: CheckOptions, settings: TrainSpecSettings): Promise<{ files: BatchFile[]; problems: InputProblem[]; checked: BatchCheckResult }> {
    const ignores = settings.configs.some(config => config.ignore.length > 0);
    const ignored = (path: string) => ignores && isIgnored(settings, URI.file(path));
    for (let attempt = 1; ; attempt++) {
        const cache = options.cache ? new CheckCache(join(options.cwd, CACHE_FILE_NAME), cacheStamp(options.version, settings)) : undefined;
        // The coverage comparison reads every file anyway.
        const { files, problems } = withoutLibraryCopies(cache && attempt === 1 && !options.baseline
            ? collectSourcesUnlessKnown(options.paths, options.cwd, ignored, cache)
            : collectSources(options.paths, options.cwd, undefined, undefined, ignored));
        try {
           const checked = await new BatchCheck({
                files,
                createRunner: count => createGroupRunner(settings, count),
                cache,
                shard: options.shard,
                progress: createProgress(process.stderr, files.length > 0)
            }).run();
           cache?.save();
            return { files, problems, checked };
        } catch (error) {
            if (!(error instanceof SourceChangedError) || attempt > 1) {
                throw error;
            }
        }
    }
}

/** What makes every cached result stale: TrainSpec's version and the effective settings, the configuration file's included, and who runs it (what they may read). */
function cacheStamp(version: string, settings: TrainSpecSettings): string {
    return JSON.stringify({ version, settings, user: process.getuid?.() });
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
