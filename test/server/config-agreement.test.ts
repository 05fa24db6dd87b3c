import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../../cli/src/reports/check-report.js';
import { fileUri, LspClient } from '../support/lsp-client.js';
import { REPO_ROOT, runCli } from '../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

/** One finding as both sides can state it: file, 1-based position, severity, code and message. */
type Comparable = [file: string, line: number, column: number, severity: string, code: string, message: string];

const SEVERITY_NAMES: Record<DiagnosticSeverity, string> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'information',
    [DiagnosticSeverity.Hint]: 'hint'
};

const CONFIG = {
    severity: {
        'uncovered-requirement': 'error',
        'module-covers-nothing': 'off',
        'orphan-module': 'information',
        'non-positive-hours': 'warning'
    },
    ignore: ['drafts/**']
};

const EXTRA = `programme Extra "An extra programme" {
    prepares PSO
    pathway CommunityPayback
    module ExtraEmpty "A module with no covers line" {
        hours 0
    }
}

module Loose "A module in no programme" {
    hours 5
    covers KnowledgeOfPolicy
}
`;

/** A file the configuration ignores: it would report errors and redefine a module name. */
const DRAFT = `programme Draft "A draft" {
    prepares Nobody
    module Loose "The same name again" { hours -1 }
}
`;

function fromCli(findings: Finding[]): Comparable[] {
    return findings.map(finding => [finding.file, finding.range!.start.line, finding.range!.start.column, finding.severity, finding.code, finding.message]);
}

function fromServer(root: string, diagnostics: Map<string, Diagnostic[]>): Comparable[] {
    const found: Comparable[] = [];
    for (const [uri, list] of diagnostics) {
        if (!uri.startsWith('file:')) {
            continue;
        }
        const file = relative(root, fileURLToPath(uri));
        found.push(...list.map((diagnostic): Comparable => [file, diagnostic.range.start.line + 1, diagnostic.range.start.character + 1,
            SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error], String(diagnostic.code), typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value]));
    }
    return found;
}

const sorted = (findings: Comparable[]) => [...findings].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

// The editor and `trainspec check` read the same trainspec.config.json and must report the same
// findings: the severities it sets, the codes it turns off, and nothing from the files it ignores.
describe('trainspec.config.json: the language server and the CLI agree', () => {
    let folder: TempFolder;
    let client: LspClient;

    beforeAll(async () => {
        folder = createTempFolder({
            'trainspec.config.json': JSON.stringify(CONFIG, undefined, 2),
            'extra.tspec': EXTRA,
            'drafts/draft.tspec': DRAFT
        }, join(REPO_ROOT, 'examples', 'incomplete'));
        // The setting says 'off'; the file says 'error', and the file wins.
        client = await LspClient.start(folder.path, { trainspec: { coverage: { severity: 'off' } } });
    });

    afterAll(async () => {
        await client?.dispose();
        folder?.remove();
    });

    async function settle(files: string[], predicate: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<void> {
        await Promise.all(files.map(file => client.waitForDiagnostics(fileUri(folder.file(file)), predicate)));
    }

    test('the same findings, with the configured severities, and none from an ignored file', async () => {
        const run = await runCli(['check', '--format', 'json', '--coverage-severity', 'off'], folder.path);
        expect(run.code).toBe(1);
        const report = JSON.parse(run.stdout) as { files: string[]; findings: Finding[] };
        expect(report.files).toEqual(['extra.tspec', 'programme.tspec']);
        const cli = fromCli(report.findings);
        // What the configuration changed is there to compare.
        expect(cli.filter(finding => finding[4] === 'uncovered-requirement').every(finding => finding[3] === 'error')).toBe(true);
        expect(cli.some(finding => finding[4] === 'module-covers-nothing')).toBe(false);
        expect(cli).toContainEqual(expect.arrayContaining(['extra.tspec', 'information', 'orphan-module']));
        expect(cli).toContainEqual(expect.arrayContaining(['extra.tspec', 'warning', 'non-positive-hours']));
        expect(run.stderr).toContain('takes precedence over --coverage-severity off');

        // The server has checked both files once the gaps show (as errors: the setting's 'off' is overridden).
        await settle(report.files, diagnostics => diagnostics.some(diagnostic => diagnostic.code === 'uncovered-requirement'));
        expect(sorted(fromServer(folder.path, client.diagnostics))).toEqual(sorted(cli));
        expect(client.diagnostics.has(fileUri(folder.file('drafts/draft.tspec')))).toBe(false);
        expect(client.logs.map(log => log.message).join('\n')).toMatch(/trainspec\.config\.json sets uncovered-requirement to "error".*precedence over the setting trainspec\.coverage\.severity/);
    });

    test('a change to the file is read again, and both sides still agree', async () => {
        const config = { severity: { 'uncovered-requirement': 'information' }, ignore: [] };
        writeFileSync(folder.file('trainspec.config.json'), JSON.stringify(config));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: fileUri(folder.file('trainspec.config.json')), type: FileChangeType.Changed }]
        });
        const run = await runCli(['check', '--format', 'json'], folder.path);
        const report = JSON.parse(run.stdout) as { files: string[]; findings: Finding[] };
        expect(report.files).toEqual(['drafts/draft.tspec', 'extra.tspec', 'programme.tspec']);
        await settle(report.files, diagnostics => diagnostics.length > 0);
        await settle(['programme.tspec'], diagnostics => diagnostics.some(diagnostic => diagnostic.code === 'uncovered-requirement' && diagnostic.severity === DiagnosticSeverity.Information));
        await settle(['extra.tspec'], diagnostics => diagnostics.some(diagnostic => diagnostic.code === 'module-covers-nothing'));
        expect(sorted(fromServer(folder.path, client.diagnostics))).toEqual(sorted(fromCli(report.findings)));
        expect(readFileSync(folder.file('trainspec.config.json'), 'utf8')).toBe(JSON.stringify(config));
    });
});

describe('an invalid trainspec.config.json in the editor', () => {
    let folder: TempFolder;
    let client: LspClient;

    beforeAll(async () => {
        folder = createTempFolder({ 'trainspec.config.json': '{\n  "severity": { "orphan-module": "off", }\n}' }, join(REPO_ROOT, 'examples', 'incomplete'));
        client = await LspClient.start(folder.path);
    });

    afterAll(async () => {
        await client?.dispose();
        folder?.remove();
    });

    test('is reported in the output in the CLI\'s words, and the folder is checked with the defaults', async () => {
        const diagnostics = await client.waitForDiagnostics(fileUri(folder.file('programme.tspec')), list => list.length > 0);
        expect(diagnostics.filter(diagnostic => diagnostic.code === 'uncovered-requirement').every(diagnostic => diagnostic.severity === DiagnosticSeverity.Warning)).toBe(true);
        const cli = await runCli(['check'], folder.path);
        expect(cli.code).toBe(2);
        const problem = cli.stderr.replace(/^trainspec: trainspec\.config\.json: /, '').trim();
        expect(problem).toMatch(/^Not valid JSON at line 2, column \d+: /);
        expect(client.logs.map(log => log.message)).toContainEqual(expect.stringContaining(`trainspec.config.json: ${problem} TrainSpec checks with its default settings`));
        expect(client.running).toBe(true);
    });
});
