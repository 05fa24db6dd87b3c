import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareCoverage, type CoverageChange } from '../../language/src/report/coverage-change.js';
import { renderCoverageChange, type ChangeFormat } from '../../language/src/report/coverage-change-report.js';
import type { CoverageReport } from '../../language/src/report/coverage-report.js';
import { readCoverageReport } from '../../language/src/report/read-report.js';
import { visibleText } from '../../language/src/text/visible-text.js';
import { loadCoverageReport } from './coverage-report-of.js';
import type { Progress } from './progress.js';
import type { SourceFile } from './source-files.js';

export interface BaselineOptions {
    /** The base branch's `trainspec report --format json`. */
    file: string;
    format: ChangeFormat;
    /** Where to write the change; otherwise after the check's report (text) or on stderr (machine formats). */
    outputFile?: string;
}

/** The baseline report, or the one line that says why it cannot be used (exit code 2). */
export function readBaseline(path: string, cwd: string): { report: CoverageReport } | { problem: string } {
    let text: string;
    try {
        text = readFileSync(resolve(cwd, path), 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
        return { problem: `trainspec: --baseline ${visibleText(path)}: cannot be read: ${reason}.` };
    }
    const read = readCoverageReport(text);
    return 'problem' in read ? { problem: `trainspec: --baseline ${visibleText(path)} ${read.problem}` } : read;
}

/**
 * Compares the files' coverage with the baseline's and writes the change. The coverage comes
 * from the same model as `trainspec report`, loaded once more as one workspace.
 */
export async function compareWithBaseline(baseline: CoverageReport, files: SourceFile[], options: BaselineOptions & { cwd: string; version: string; checkFormatIsText: boolean }, progress: Progress): Promise<CoverageChange | { problem: string }> {
    const { report } = await loadCoverageReport(files, { programmes: [], version: options.version, generated: new Date() }, progress);
    const change = compareCoverage(baseline, report);
    const text = renderCoverageChange(change, options.format);
    if (options.outputFile !== undefined) {
        try {
            writeFileSync(resolve(options.cwd, options.outputFile), text);
        } catch (error) {
            return { problem: `trainspec: --baseline-output ${visibleText(options.outputFile)}: cannot be written: ${(error as Error).message}.` };
        }
    } else {
        // After a text report people read; beside a machine format on stdout, on stderr for the CI log.
        (options.checkFormatIsText ? process.stdout : process.stderr).write(text);
    }
    return change;
}
