import type { CoverageReport, ReportFormat } from './coverage-report.js';
import { renderCsvReport } from './csv-report.js';
import { renderHtmlReport } from './html-report.js';
import { renderMarkdownReport } from './markdown-report.js';

/** The coverage report in one of its formats; JSON is the report's data itself. */
export function renderReport(report: CoverageReport, format: ReportFormat): string {
    switch (format) {
        case 'html':
            return renderHtmlReport(report);
        case 'markdown':
            return renderMarkdownReport(report);
        case 'csv':
            return renderCsvReport(report);
        case 'json':
            return JSON.stringify(report, undefined, 2) + '\n';
    }
}
