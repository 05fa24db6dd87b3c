import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIAGNOSTIC_CODES, diagnosticCodeInfo, type DiagnosticCodeInfo } from '../../../language/src/validation/diagnostic-codes.js';
import type { CheckReport, Finding, Severity } from './check-report.js';
import type { RunInfo } from './report-context.js';
import { visibleText } from './terminal-text.js';

/** Where people read about TrainSpec and its codes. */
export const INFORMATION_URI = 'https://github.com/trainspec/trainspec';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Paths in results are relative to the folder the check ran in, which code scanning maps to the repository root. */
const SOURCE_ROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one rule per code of the one
 * list (so every code has its description and help text), one result per finding. Problems
 * with the input are results too, on the file they concern, and make the run unsuccessful.
 */
export function formatSarif(report: CheckReport, run: RunInfo): string {
    const rules = DIAGNOSTIC_CODES.map(toRule);
    const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'TrainSpec', version: run.version, semanticVersion: semanticVersion(run.version), informationUri: INFORMATION_URI, rules } },
            originalUriBaseIds: { [SOURCE_ROOT]: { uri: folderUri(run.cwd) } },
            invocations: [{ executionSuccessful: !report.findings.some(isInputProblem) }],
            columnKind: 'utf16CodeUnits',
            results: report.findings.map(finding => toResult(finding, rules.findIndex(rule => rule.id === finding.code)))
        }]
    };
    return JSON.stringify(log, undefined, 2) + '\n';
}

function toRule(info: DiagnosticCodeInfo) {
    const help = info.alsoSetBy
        ? `${info.help} Its severity can be set in trainspec.config.json, with ${info.alsoSetBy.option} or with the editor setting ${info.alsoSetBy.setting}.`
        : info.configurable ? `${info.help} Its severity can be set in trainspec.config.json.` : info.help;
    return {
        id: info.code,
        name: info.code.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
        shortDescription: { text: info.title },
        fullDescription: { text: info.description.replace(/`/g, '\'') },
        help: { text: help.replace(/`/g, '\''), markdown: help },
        defaultConfiguration: { level: LEVELS[info.severity], enabled: true },
        properties: { tags: [info.kind === 'input' ? 'input' : 'trainspec'] }
    };
}

function toResult(finding: Finding, ruleIndex: number) {
    const region = finding.range && {
        startLine: finding.range.start.line,
        startColumn: finding.range.start.column,
        endLine: finding.range.end.line,
        endColumn: finding.range.end.column
    };
    return {
        ruleId: finding.code,
        ...(ruleIndex >= 0 ? { ruleIndex } : {}),
        level: LEVELS[finding.severity],
        // Viewers show the message as text: controls from a spec are shown, not obeyed.
        message: { text: visibleText(finding.message) },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(finding.file), ...(region ? { region } : {}) } }]
    };
}

/** A path relative to the working folder becomes a relative URI against %SRCROOT%; one outside it stays absolute. */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
    if (isAbsolute(path)) {
        return { uri: pathToFileURL(path).href };
    }
    return { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function folderUri(folder: string): string {
    const href = pathToFileURL(folder).href;
    return href.endsWith('/') ? href : `${href}/`;
}

function isInputProblem(finding: Finding): boolean {
    return diagnosticCodeInfo(finding.code)?.kind === 'input';
}

/** SARIF's semanticVersion must be a semantic version; a development build has none. */
function semanticVersion(version: string): string | undefined {
    return /^\d+\.\d+\.\d+/.test(version) ? version : undefined;
}
