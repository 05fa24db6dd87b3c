import { programmesIn } from '../../language/src/coverage/coverage-analysis.js';
import type { Programme } from '../../language/src/generated/ast.js';
import type { CoverageReport } from '../../language/src/report/coverage-report.js';
import { visibleText } from '../../language/src/text/visible-text.js';
import { UsageError } from './cli-error.js';
import { loadWorkspace } from './load-workspace.js';
import type { Progress } from './progress.js';
import type { SourceFile } from './source-files.js';

export interface CoverageReportRequest {
    /** Only the programmes with these identifiers; every programme found when empty. */
    programmes: string[];
    version: string;
    generated: Date;
}

export interface LoadedCoverageReport {
    report: CoverageReport;
    /** How many of the files have errors (syntax, references), which can make the coverage look worse than it is. */
    filesWithErrors: number;
    /** Programme names asked for that no file declares. */
    unknownProgrammes: string[];
}

/**
 * Loads the files with the built-in library into one workspace, as the editor does, and builds
 * the coverage report of their programmes from the same coverage model. For `trainspec report`
 * and for `trainspec check --baseline`, which compares two of these.
 */
export async function loadCoverageReport(files: SourceFile[], request: CoverageReportRequest, progress: Progress): Promise<LoadedCoverageReport> {
    const { services, documents } = await loadWorkspace(files, {}, progress);
    const displayPaths = new Map(documents.map((document, index) => [document.uri.toString(), files[index].displayPath]));
    // In the order of the files, and of the programmes in each file.
    const found = documents.flatMap(programmesIn);
    const wanted = new Set(request.programmes);
    const programmes: Programme[] = wanted.size === 0 ? found : found.filter(programme => wanted.has(programme.name));
    const report = services.spec.authoring.CoverageReportBuilder.build(programmes, {
        version: request.version,
        generated: request.generated,
        fileOf: uri => displayPaths.get(uri.toString()) ?? uri.fsPath
    });
    return {
        report,
        filesWithErrors: documents.filter(document => document.diagnostics?.some(diagnostic => diagnostic.severity === 1)).length,
        unknownProgrammes: [...wanted].filter(name => !found.some(programme => programme.name === name))
    };
}

/**
 * When the report is made: now, or the time SOURCE_DATE_EPOCH gives (seconds since 1970), so
 * that the same sources make the same report byte for byte (reproducible-builds.org).
 */
export function reportTime(env: NodeJS.ProcessEnv, now = new Date()): Date {
    const epoch = env.SOURCE_DATE_EPOCH;
    if (epoch === undefined || epoch === '') {
        return now;
    }
    if (!/^\d{1,15}$/.test(epoch)) {
        throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '${visibleText(epoch)}'.`);
    }
    return new Date(Number(epoch) * 1000);
}
