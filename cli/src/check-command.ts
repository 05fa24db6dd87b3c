import type { TrainSpecSettings } from '../../language/src/workspace/trainspec-settings.js';
import { formatInputProblem } from './input-problem.js';
import { withoutLibraryCopies } from './library-copies.js';
import { loadWorkspace } from './load-workspace.js';
import { createProgress } from './progress.js';
import { createCheckReport, type CheckReport } from './reports/check-report.js';
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
    const { documents } = await loadWorkspace(files, options.settings, createProgress(process.stderr, files.length > 0));
    const report = createCheckReport(documents.map((document, index) => ({ document, displayPath: files[index].displayPath })), problems);
    process.stdout.write(FORMATTERS[options.format](report));
    if (problems.length > 0) {
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
