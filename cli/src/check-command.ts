import { join } from 'node:path';
import { DefaultTrainSpecSettings, type TrainSpecSettings } from '../../language/src/workspace/trainspec-settings.js';
import { BatchCheck, type Shard } from './batch/batch-check.js';
import { CACHE_FILE_NAME, CheckCache } from './batch/check-cache.js';
import { createGroupRunner } from './batch/worker-pool.js';
import { formatInputProblem } from './input-problem.js';
import { withoutLibraryCopies } from './library-copies.js';
import { createProgress } from './progress.js';
import { reportOfFindings, type CheckReport } from './reports/check-report.js';
import { formatGithub } from './reports/github-report.js';
import { formatJson } from './reports/json-report.js';
import { formatJunit } from './reports/junit-report.js';
import { formatText } from './reports/text-report.js';
import { collectSources } from './source-files.js';

export const CHECK_FORMATS = ['text', 'json', 'github', 'junit'] as const;
export type CheckFormat = typeof CHECK_FORMATS[number];

const FORMATTERS: Record<CheckFormat, (report: CheckReport) => string> = {
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
}

export const ExitCode = { Clean: 0, Problems: 1, InputProblem: 2 } as const;

/**
 * `trainspec check`: checks every spec and catalogue found, together with the built-in
 * library, prints the report and returns the exit code.
 */
export async function runCheck(options: CheckOptions): Promise<number> {
    const { files, problems } = withoutLibraryCopies(collectSources(options.paths, options.cwd));
    if (options.format !== 'text') {
        // The report on stdout is for machines; people reading the CI log still see what went wrong.
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
        if (options.format === 'text') {
            process.stdout.write(line);
            return ExitCode.Clean;
        }
        process.stderr.write(line);
    }
    const report = reportOfFindings(checked.files, shownProblems);
    process.stdout.write(FORMATTERS[options.format](report));
    if (shownProblems.length > 0) {
        return ExitCode.InputProblem;
    }
    const tooManyWarnings = options.maxWarnings !== undefined && report.summary.warnings > options.maxWarnings;
    if (tooManyWarnings) {
        // Like the input problems above: in the text report on stdout, otherwise on stderr for the CI log.
        const line = `${report.summary.warnings} warnings is more than --max-warnings ${options.maxWarnings} allows.\n`;
        (options.format === 'text' ? process.stdout : process.stderr).write(line);
    }
    return report.summary.errors > 0 || tooManyWarnings ? ExitCode.Problems : ExitCode.Clean;
}

/** What makes every cached result stale: TrainSpec's version and the effective settings. */
function cacheStamp(options: CheckOptions): string {
    return JSON.stringify({ version: options.version, settings: { ...new DefaultTrainSpecSettings(), ...options.settings } });
}
