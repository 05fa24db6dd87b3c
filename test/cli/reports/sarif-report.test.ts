import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../../language/src/validation/diagnostic-codes.js';
import { REPO_ROOT, runCli } from '../../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../../support/temp-folder.js';

/** The SARIF 2.1.0 JSON Schema (the OASIS standard's rtm.5), as @microsoft/jest-sarif ships it. */
const SARIF_SCHEMA_PATH = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

interface SarifRule { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }
interface SarifResult {
    ruleId: string;
    ruleIndex?: number;
    level: string;
    message: { text: string };
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
}
interface SarifLog {
    version: string;
    runs: Array<{
        tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
        originalUriBaseIds: Record<string, { uri: string }>;
        invocations: Array<{ executionSuccessful: boolean }>;
        results: SarifResult[];
    }>;
}

// CommonJS modules seen from an ES module: their default export is under `default`.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;

function validator() {
    // The schema's pattern for language tags is not valid as a Unicode regular expression; it is as a plain one.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    return ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as object);
}

describe('trainspec check --format sarif', () => {
    let folder: TempFolder;

    beforeAll(() => {
        folder = createTempFolder({ 'with space/ünïcode.tspec': 'programme P "Title" { prepares PSO\n pathway CommunityPayback \u001b[31m }\n' }, join(REPO_ROOT, 'examples', 'incomplete'));
    });

    afterAll(() => folder?.remove());

    test('is valid SARIF 2.1.0, with a rule for every code of the one list and a result for every finding', async () => {
        const run = await runCli(['check', '--format', 'sarif'], folder.path);
        expect(run.code).toBe(1);
        const log = JSON.parse(run.stdout) as SarifLog;
        const validate = validator();
        expect(validate(log), JSON.stringify(validate.errors, undefined, 2)).toBe(true);
        // The schema does catch a malformed log.
        expect(validate({ ...log, runs: [{ results: [] }] })).toBe(false);

        const [sarifRun] = log.runs;
        const { driver } = sarifRun.tool;
        expect(driver.name).toBe('TrainSpec');
        expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
        expect(driver.informationUri).toMatch(/^https:\/\//);
        expect(driver.rules.map(rule => rule.id)).toEqual(DIAGNOSTIC_CODES.map(info => info.code));
        for (const [index, info] of DIAGNOSTIC_CODES.entries()) {
            const rule = driver.rules[index];
            expect(rule.shortDescription.text).toBe(info.title);
            expect(rule.help.text).toContain(info.help.replace(/`/g, '\''));
            expect(rule.defaultConfiguration.level).toBe(info.severity === 'information' ? 'note' : info.severity);
            expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
        }

        const json = JSON.parse((await runCli(['check', '--format', 'json'], folder.path)).stdout) as { findings: Array<{ file: string; code: string; severity: string; range: { start: { line: number; column: number } } }> };
        expect(sarifRun.results).toHaveLength(json.findings.length);
        for (const [index, result] of sarifRun.results.entries()) {
            const finding = json.findings[index];
            expect(result.ruleId).toBe(finding.code);
            expect(driver.rules[result.ruleIndex!].id).toBe(result.ruleId);
            expect(result.level).toBe(finding.severity === 'information' ? 'note' : finding.severity);
            const { artifactLocation, region } = result.locations[0].physicalLocation;
            expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
            expect(decodeURIComponent(artifactLocation.uri)).toBe(finding.file);
            expect([region!.startLine, region!.startColumn]).toEqual([finding.range.start.line, finding.range.start.column]);
        }
        // A relative URI, with the space encoded; the base is the folder checked.
        expect(sarifRun.results.map(result => result.locations[0].physicalLocation.artifactLocation.uri)).toContain('with%20space/%C3%BCn%C3%AFcode.tspec');
        expect(sarifRun.originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(folder.path).href + '/');
        expect(sarifRun.invocations).toEqual([{ executionSuccessful: true }]);
        // Text from a spec reaches the viewer with its controls shown, not obeyed: a stray control character is named by its code point.
        expect(run.stdout).not.toContain('\\u001b');
        expect(sarifRun.results.some(result => result.ruleId === 'syntax-error' && result.message.text.includes('U+001B'))).toBe(true);
    });

    test('problems with the input are results without a region, and the run did not succeed', async () => {
        const run = await runCli(['check', '--format', 'sarif', 'programme.tspec', 'missing.tspec'], folder.path);
        expect(run.code).toBe(2);
        const log = JSON.parse(run.stdout) as SarifLog;
        const validate = validator();
        expect(validate(log), JSON.stringify(validate.errors, undefined, 2)).toBe(true);
        const missing = log.runs[0].results.find(result => result.ruleId === 'missing-path');
        expect(missing).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'missing.tspec', uriBaseId: '%SRCROOT%' } } }] });
        expect(missing!.locations[0].physicalLocation.region).toBeUndefined();
        expect(log.runs[0].invocations).toEqual([{ executionSuccessful: false }]);
    });

    test('a severity changed by the configuration file is the result\'s level; the rule keeps the default', async () => {
        const configured = createTempFolder({ 'trainspec.config.json': '{ "severity": { "uncovered-requirement": "information" } }' }, join(REPO_ROOT, 'examples', 'incomplete'));
        try {
            const log = JSON.parse((await runCli(['check', '--format', 'sarif'], configured.path)).stdout) as SarifLog;
            const gaps = log.runs[0].results.filter(result => result.ruleId === 'uncovered-requirement');
            expect(gaps.length).toBeGreaterThan(0);
            expect(gaps.every(result => result.level === 'note')).toBe(true);
            expect(log.runs[0].tool.driver.rules.find(rule => rule.id === 'uncovered-requirement')!.defaultConfiguration.level).toBe('warning');
        } finally {
            configured.remove();
        }
    });
});
