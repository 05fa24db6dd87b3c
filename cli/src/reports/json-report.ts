import type { CheckReport } from './check-report.js';

/** The version of the JSON shape; it changes only when a field changes meaning or goes away. */
export const JSON_REPORT_VERSION = 1;

export function formatJson(report: CheckReport): string {
    return JSON.stringify({ version: JSON_REPORT_VERSION, ...report }, undefined, 2) + '\n';
}
