import type { ReportFormat } from '../report/coverage-report.js';

/** The parameters of `trainspec/coverageReport` (see lsp-ext.ts). */
export interface CoverageReportParams {
    format: ReportFormat;
    /** Only the programmes of this document; every programme of the workspace when missing. */
    uri?: string;
    /** Only the programme of this name (with `uri`: in that document). */
    programme?: string;
}

export interface CoverageReportResult {
    /** The report in the format asked for. */
    text: string;
    /** How many programmes it covers: none when the document or name matched none. */
    programmes: number;
}
