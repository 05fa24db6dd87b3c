import { afterEach, describe, expect, test } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticCode } from '../../language/src/validation/diagnostic-codes.js';
import { breakCoreFile, createSyntheticWorkspace } from '../benchmark/synthetic-workspace.js';
import { fileUri, LspClient } from '../support/lsp-client.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

/**
 * The language server under rapid edits, cancelled updates and setting changes, over a real
 * stdio connection. Once it says it is quiescent (`trainspec/status`), the diagnostics it has
 * published for every file must be those of a fresh server started on the final texts.
 */

/** Two servers each load a workspace of hundreds of files; on a loaded two-core machine that takes a while. */
const SLOW_TEST_MS = 120_000;

type Severity = 'error' | 'warning' | 'information' | 'off';
const settings = (severity: Severity) => ({ trainspec: { coverage: { severity } } });

/** A programme and a module file of its own, besides the synthetic workspace: removing the `includes` orphans the module. */
const OWN_PROGRAMME = 'own/programme.tspec';
const OWN_MODULE = 'own/module.tspec';
const OWN_INCLUDES = '    includes OwnElective\n';
const ownProgramme = (includes: boolean): string =>
    `programme OwnProgramme "Own programme" {\n    prepares PSO\n${includes ? OWN_INCLUDES : ''}}\n`;
const OWN_MODULE_TEXT = 'module OwnElective "Own elective" {\n    hours 10\n    assessed by portfolio\n    covers TeamWorking\n}\n';

/** A synthetic workspace of `size` files in which every programme has a gap (every core file is broken), plus the own pair. */
function workspaceFiles(size: number): Record<string, string> {
    const synthetic = createSyntheticWorkspace(size);
    const files: Record<string, string> = { ...synthetic.files, [OWN_PROGRAMME]: ownProgramme(true), [OWN_MODULE]: OWN_MODULE_TEXT };
    synthetic.coreFiles.forEach(core => files[core] = breakCoreFile(files[core]));
    return files;
}

/** Each file's diagnostics, by path relative to the folder, in a form that compares exactly. */
function publishedDiagnostics(client: LspClient, folder: TempFolder, paths: string[]): Record<string, string[]> {
    return Object.fromEntries(paths.map(path => [path, (client.diagnostics.get(fileUri(folder.file(path))) ?? []).map(describeDiagnostic).sort()]));
}

function describeDiagnostic(diagnostic: Diagnostic): string {
    const { start, end } = diagnostic.range;
    const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
    return `${start.line}:${start.character}-${end.line}:${end.character} ${diagnostic.severity} ${String(diagnostic.code)} ${message}`;
}

describe('the language server under rapid edits and setting changes', () => {
    const folders: TempFolder[] = [];
    const clients: LspClient[] = [];

    afterEach(async () => {
        await Promise.all(clients.splice(0).map(client => client.dispose()));
        folders.splice(0).forEach(folder => folder.remove());
    });

    async function startServer(files: Record<string, string>, severity: Severity): Promise<{ client: LspClient; folder: TempFolder }> {
        const folder = createTempFolder(files);
        folders.push(folder);
        const client = await LspClient.start(folder.path, settings(severity));
        clients.push(client);
        await client.waitForQuiescence();
        return { client, folder };
    }

    /** The diagnostics of a fresh server started on `files`: what a full check of the final texts reports. */
    async function freshCheck(files: Record<string, string>, severity: Severity): Promise<Record<string, string[]>> {
        const { client, folder } = await startServer(files, severity);
        return publishedDiagnostics(client, folder, Object.keys(files));
    }

    test('trainspec/status: quiescent once the workspace is checked, busy from an edit, quiescent when it is checked again', async () => {
        const files = workspaceFiles(50);
        const { client, folder } = await startServer(files, 'warning');
        expect(client.statuses).toEqual([true]);
        const uri = fileUri(folder.file(OWN_MODULE));
        await client.openDocument(uri, OWN_MODULE_TEXT);
        await client.changeDocument(uri, OWN_MODULE_TEXT.replace('TeamWorking', 'TeamWorkin'));
        await client.waitForQuiescence();
        expect(client.statuses.slice(1, 2)).toEqual([false]);
        expect(client.statuses.at(-1)).toBe(true);
        expect(client.diagnostics.get(uri)?.map(diagnostic => diagnostic.code)).toContain(DiagnosticCode.UnresolvedReference);
    });

    test('a setting changed just before an edit applies to every programme, not only to those the edit reaches', async () => {
        const files = workspaceFiles(1_000);
        const { client, folder } = await startServer(files, 'warning');
        const elective = 'electives/electives-0.tspec';
        const uri = fileUri(folder.file(elective));
        await client.openDocument(uri, files[elective]);
        await client.waitForQuiescence();

        // No wait between them: the edit's update cancels the one the setting started.
        const edited = `${files[elective]}// edited\n`;
        await client.changeSettings(settings('error'));
        await client.changeDocument(uri, edited);
        await client.waitForQuiescence();

        const published = publishedDiagnostics(client, folder, Object.keys(files));
        const programmes = Object.keys(files).filter(path => path.startsWith('programmes/'));
        const gapSeverities = new Set(programmes.flatMap(path => (client.diagnostics.get(fileUri(folder.file(path))) ?? [])
            .filter(diagnostic => diagnostic.code === DiagnosticCode.UncoveredRequirement).map(diagnostic => diagnostic.severity)));
        expect(gapSeverities).toEqual(new Set([DiagnosticSeverity.Error]));
        expect(published).toEqual(await freshCheck({ ...files, [elective]: edited }, 'error'));
    }, SLOW_TEST_MS);

    test('an includes removed just before another edit orphans its module, and restoring it just before another edit clears that', async () => {
        const files = workspaceFiles(1_000);
        const { client, folder } = await startServer(files, 'warning');
        const programme = fileUri(folder.file(OWN_PROGRAMME));
        const module = fileUri(folder.file(OWN_MODULE));
        const other = fileUri(folder.file('electives/electives-1.tspec'));
        await client.openDocument(programme, files[OWN_PROGRAMME]);
        await client.openDocument(other, files['electives/electives-1.tspec']);
        await client.waitForQuiescence();
        const orphanWarnings = () => (client.diagnostics.get(module) ?? []).filter(diagnostic => diagnostic.code === DiagnosticCode.OrphanModule);
        expect(orphanWarnings()).toEqual([]);

        for (let round = 1; round <= 3; round++) {
            await client.changeDocument(programme, ownProgramme(false));
            await client.changeDocument(other, `${files['electives/electives-1.tspec']}// round ${round}\n`);
            await client.waitForQuiescence();
            expect(orphanWarnings(), `round ${round}, removed`).toHaveLength(1);

            await client.changeDocument(programme, ownProgramme(true));
            await client.changeDocument(other, files['electives/electives-1.tspec']);
            await client.waitForQuiescence();
            expect(orphanWarnings(), `round ${round}, restored`).toEqual([]);
        }
    }, SLOW_TEST_MS);

    // The storm leaves a name declared twice (own/module.tspec declares Core0Risk, as core/core-0.tspec does):
    // which declaration references resolve to must not depend on the order files were read or edited in.
    test('after a storm of 200 edits across several files and setting changes, every file has the diagnostics of a fresh check', async () => {
        const files = workspaceFiles(300);
        const { client, folder } = await startServer(files, 'warning');
        const variants: Record<string, string[]> = {
            [OWN_PROGRAMME]: [ownProgramme(true), ownProgramme(false), ownProgramme(true).replace('PSO', 'PO'), ownProgramme(true).replace('OwnElective', 'OwnElectiv')],
            [OWN_MODULE]: [OWN_MODULE_TEXT, OWN_MODULE_TEXT.replace('TeamWorking', 'AssessRiskOfHarm'), OWN_MODULE_TEXT.replace('OwnElective', 'Core0Risk')],
            'core/core-0.tspec': [files['core/core-0.tspec'], createSyntheticWorkspace(300).files['core/core-0.tspec']],
            'core/core-1.tspec': [files['core/core-1.tspec'], files['core/core-1.tspec'].replace('module Core1Diversity', 'module Core1Diverse')],
            'programmes/programme-2.tspec': [files['programmes/programme-2.tspec'], files['programmes/programme-2.tspec'].replace(/ {4}includes Elective.*\n/, '')]
        };
        const severities: Severity[] = ['warning', 'error', 'information', 'off'];
        const final = { ...files };
        let severity: Severity = 'warning';
        for (const path of Object.keys(variants)) {
            await client.openDocument(fileUri(folder.file(path)), files[path]);
        }
        const random = seededRandom(6);
        for (let edit = 0; edit < 200; edit++) {
            if (edit % 23 === 11) {
                severity = severities[Math.floor(random() * severities.length)];
                await client.changeSettings(settings(severity));
            }
            const paths = Object.keys(variants);
            const path = paths[Math.floor(random() * paths.length)];
            const text = variants[path][Math.floor(random() * variants[path].length)];
            final[path] = text;
            await client.changeDocument(fileUri(folder.file(path)), text);
        }
        await client.waitForQuiescence();

        const published = publishedDiagnostics(client, folder, Object.keys(files));
        expect(Object.values(published).flat().length).toBeGreaterThan(0);
        expect(published).toEqual(await freshCheck(final, severity));
    }, SLOW_TEST_MS);
});

/** A small deterministic generator (mulberry32), so that a failing storm can be replayed. */
function seededRandom(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let value = Math.imul(state ^ (state >>> 15), 1 | state);
        value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
        return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
    };
}
