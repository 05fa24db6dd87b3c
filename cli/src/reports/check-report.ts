import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { dataString } from '../../../language/src/validation/diagnostic-data.js';
import type { InputProblem } from '../input-problem.js';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A position as people count: lines and columns from 1. */
export interface ReportPosition {
    line: number;
    column: number;
}

/** One finding, in the stable shape of `--format json` (see the README). */
export interface Finding {
    file: string;
    range?: { start: ReportPosition; end: ReportPosition };
    severity: Severity;
    code: string;
    message: string;
    /** The identifier of the standard the finding is about, where there is one. */
    item?: string;
}

export interface CheckSummary {
    files: number;
    errors: number;
    warnings: number;
    information: number;
}

export interface CheckReport {
    /** Every file checked, as shown in findings. */
    files: string[];
    findings: Finding[];
    summary: CheckSummary;
}

const SEVERITIES: Record<DiagnosticSeverity, Severity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'information',
    [DiagnosticSeverity.Hint]: 'hint'
};

export function createCheckReport(documents: Array<{ document: LangiumDocument; displayPath: string }>, problems: InputProblem[]): CheckReport {
    return reportOfFindings(documents.map(({ document, displayPath }) => ({ displayPath, findings: findingsOf(document, displayPath) })), problems);
}

/** The findings of one checked document, in position order, as `displayPath`. */
export function findingsOf(document: LangiumDocument, displayPath: string): Finding[] {
    return [...(document.diagnostics ?? [])].sort(byPosition).map(diagnostic => toFinding(diagnostic, displayPath));
}

/** The report of files whose findings are already known (checked in groups, or taken from the cache), in the order given. */
export function reportOfFindings(files: Array<{ displayPath: string; findings: Finding[] }>, problems: InputProblem[]): CheckReport {
    const findings: Finding[] = problems.map(problem => ({ file: problem.path, severity: 'error', code: problem.code, message: problem.message }));
    for (const file of files) {
        findings.push(...file.findings);
    }
    const count = (severity: Severity) => findings.filter(finding => finding.severity === severity).length;
    return {
        files: files.map(file => file.displayPath),
        findings,
        summary: { files: files.length, errors: count('error'), warnings: count('warning'), information: count('information') + count('hint') }
    };
}

function toFinding(diagnostic: Diagnostic, file: string): Finding {
    const { start, end } = diagnostic.range;
    const item = dataString(diagnostic, 'item');
    return {
        file,
        range: { start: { line: start.line + 1, column: start.character + 1 }, end: { line: end.line + 1, column: end.character + 1 } },
        severity: SEVERITIES[diagnostic.severity ?? DiagnosticSeverity.Error],
        code: String(diagnostic.code ?? dataString(diagnostic, 'code') ?? 'trainspec'),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        ...(item !== undefined ? { item } : {})
    };
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
