import { join } from 'node:path';
import { URI } from 'langium';
import { DiagnosticCode } from '../../language/src/validation/diagnostic-codes.js';
import { isIgnored, type CoverageSeverity, type TrainSpecSettings } from '../../language/src/workspace/trainspec-settings.js';
import { BatchCheck, type Shard } from './batch/batch-check.js';
import { CACHE_FILE_NAME, CheckCache } from './batch/check-cache.js';
import { createGroupRunner } from './batch/worker-pool.js';
import { loadRunConfig } from './config-file.js';
import { compareWithBaseline, readBaseline, type BaselineOptions } from './coverage-baseline.js';
import { formatInputProblem } from './input-problem.js';
import { withoutLibraryCopies } from './library-copies.js';
import { createProgress } from './progress.js';
import { reportOfFindings, type CheckReport } from './reports/check-report.js';
import { formatGithub } from './reports/github-report.js';
import { formatJson } from './reports/json-report.js';
import { formatJunit } from './reports/junit-report.js';
import { formatSarif } from './reports/sarif-report.js';
import { visibleText } from './reports/terminal-text.js';
import { formatText } from './reports/text-report.js';
import { printConfig } from './print-config.js';
import { collectSources } from './source-files.js';

export const CHECK_FORMATS = ['text', 'json', 'github', 'junit', 'sarif'] as const;
export type CheckFormat = typeof CHECK_FORMATS[number];

/** What a report may say about the run besides its findings. */
export interface RunInfo {
    /** TrainSpec's version. */
    version: string;
    /** The working folder, which the report's paths are relative to. */
    cwd: string;
}

const FORMATTERS: Record<CheckFormat, (report: CheckReport, run: RunInfo) => string> = {
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
 * library, prints the report and returns the exit code.
 */
export async function runCheck(options: CheckOptions): Promise<number> {
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
    const ignored = (path: string) => isIgnored(settings, URI.file(path));
    const { files, problems } = withoutLibraryCopies(collectSources(options.paths, options.cwd, undefined, undefined, ignored));
    if (options.format !== 'text') {
        // The report on stdout is for machines; people reading the CI log still see what went wrong.
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
    // Coverage is the whole workspace's: like the input problems, the first shard compares it, once.
    const comparesCoverage = !shard || shard.index === 1;
    if (shard && checked.ownGroups === 0 && shownProblems.length === 0) {
        const line = `Shard ${shard.index}/${shard.count} has no group of files to check (the workspace has ${checked.groups}).\n`;
        // Without a baseline to compare, that is all this shard has to say.
        if (options.format === 'text' && !(options.baseline && comparesCoverage)) {
            process.stdout.write(line);
            return ExitCode.Clean;
        }
        process.stderr.write(line);
    }
    const report = reportOfFindings(checked.files, shownProblems);
    process.stdout.write(FORMATTERS[options.format](report, { version: options.version, cwd: options.cwd }));
    const change = baseline && options.baseline && comparesCoverage
        ? await compareWithBaseline(baseline.report, files, { ...options.baseline, cwd: options.cwd, version: options.version, checkFormatIsText: options.format === 'text' }, createProgress(process.stderr, files.length > 0))
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
        // Like the input problems above: in the text report on stdout, otherwise on stderr for the CI log.
        const line = `${warnings} warnings is more than --max-warnings ${options.maxWarnings} allows.\n`;
        (options.format === 'text' ? process.stdout : process.stderr).write(line);
    }
    return errors > 0 || tooManyWarnings || gapsOpened > 0 ? ExitCode.Problems : ExitCode.Clean;
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
