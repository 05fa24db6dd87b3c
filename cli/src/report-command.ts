import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { URI } from 'langium';
import { REPORT_EXTENSIONS, REPORT_FORMATS, type ReportFormat } from '../../language/src/report/coverage-report.js';
import { renderReport } from '../../language/src/report/render-report.js';
import { nameList } from '../../language/src/text/name-list.js';
import { visibleText } from '../../language/src/text/visible-text.js';
import { isIgnored, type TrainSpecSettings } from '../../language/src/workspace/trainspec-settings.js';
import { ExitCode } from './check-command.js';
import { UsageError } from './cli-error.js';
import { loadRunConfig } from './config-file.js';
import { loadCoverageReport, reportTime } from './coverage-report-of.js';
import { formatInputProblem } from './input-problem.js';
import { withoutLibraryCopies } from './library-copies.js';
import { createProgress } from './progress.js';
import { collectSources } from './source-files.js';

export interface ReportOptions {
    paths: string[];
    cwd: string;
    /** The format asked for; otherwise the output file's extension says, else Markdown. */
    format?: ReportFormat;
    /** Where to write the report; stdout when missing. */
    outputFile?: string;
    /** Only these programmes, by identifier. */
    programmes: string[];
    /** `--config`: the configuration file whose `ignore` patterns apply, instead of the one found. */
    config?: string;
    version: string;
    env: NodeJS.ProcessEnv;
}

/**
 * `trainspec report`: the coverage of every programme found (or of those named), as HTML,
 * Markdown, CSV or JSON, from the same coverage model as the editor.
 */
export async function runReport(options: ReportOptions): Promise<number> {
    const format = options.format ?? formatOfFile(options.outputFile) ?? 'markdown';
    const generated = reportTime(options.env);
    // The configuration file's `ignore` patterns leave files out, as in `trainspec check` and the editor.
    const runConfig = loadRunConfig(options.config, options.cwd);
    if ('problem' in runConfig) {
        process.stderr.write(`trainspec: ${visibleText(runConfig.problem)}\n`);
        return ExitCode.InputProblem;
    }
    const settings: TrainSpecSettings = { coverageSeverity: 'warning', configs: runConfig.config ? [runConfig.config] : [] };
    const ignored = (path: string) => isIgnored(settings, URI.file(path));
    const { files, problems } = withoutLibraryCopies(collectSources(options.paths, options.cwd, undefined, undefined, ignored));
    problems.forEach(problem => process.stderr.write(formatInputProblem(problem)));
    const loaded = await loadCoverageReport(files, { programmes: options.programmes, version: options.version, generated }, createProgress(process.stderr, files.length > 0));
    if (loaded.unknownProgrammes.length > 0) {
        process.stderr.write(`trainspec: no programme called ${nameList(loaded.unknownProgrammes.map(name => `'${visibleText(name)}'`))} was found.\n`);
        return ExitCode.InputProblem;
    }
    if (loaded.report.programmes.length === 0 && problems.length === 0) {
        process.stderr.write(`trainspec: no programmes were found in ${files.length === 0 ? 'the paths given' : `the ${files.length === 1 ? 'file' : `${files.length} files`} found`}, so there is nothing to report.\n`);
        return ExitCode.InputProblem;
    }
    if (loaded.filesWithErrors > 0) {
        process.stderr.write(`trainspec: ${loaded.filesWithErrors === 1 ? '1 file has' : `${loaded.filesWithErrors} files have`} errors, so the coverage may be incomplete. Run 'trainspec check' to see them.\n`);
    }
    const text = renderReport(loaded.report, format);
    if (options.outputFile === undefined) {
        process.stdout.write(text);
    } else {
        try {
            writeFileSync(resolve(options.cwd, options.outputFile), text);
        } catch (error) {
            process.stderr.write(`trainspec: ${visibleText(options.outputFile)}: cannot be written: ${(error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message}.\n`);
            return ExitCode.InputProblem;
        }
    }
    return problems.length > 0 ? ExitCode.InputProblem : ExitCode.Clean;
}

/** The format a file name's extension names: .html or .htm, .md, .csv, .json. */
function formatOfFile(file: string | undefined): ReportFormat | undefined {
    const extension = file === undefined ? '' : extname(file).slice(1).toLowerCase();
    return REPORT_FORMATS.find(format => REPORT_EXTENSIONS[format] === extension) ?? (extension === 'htm' ? 'html' : undefined);
}

/** Checks `--format` for `report`. */
export function reportFormat(value: string | undefined): ReportFormat | undefined {
    if (value !== undefined && !(REPORT_FORMATS as readonly string[]).includes(value)) {
        throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not '${visibleText(value)}'.`);
    }
    return value as ReportFormat | undefined;
}
