import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SERVER_NAME } from '../../language/src/protocol/constants.js';
import { isInstalled, missingEditor, runEditorOnSpecs, type EditorHome } from '../support/editor-process.js';
import { REPO_ROOT } from '../support/run-cli.js';
import type { TempFolder } from '../support/temp-folder.js';

/** What test/editors/emacs-init.el writes. */
interface EmacsResults {
    steps: string[];
    error?: string;
    'major-mode': string;
    'server-info': string;
    diagnostics: Array<{ line: number; type: string; text: string }>;
    hover: string;
    definition: { file: string; mode: string; 'read-only': boolean; text: string; column: number };
    servers: number;
    'library-hover': string;
    formatted: string;
}

const HAS_EMACS = isInstalled('emacs');
const INIT = join(REPO_ROOT, 'test', 'editors', 'emacs-init.el');

// Emacs 28 (Debian's `emacs-nox`) with eglot 1.9 (`elpa-eglot`), in batch mode, through the README's setup.
describe.skipIf(!HAS_EMACS)(HAS_EMACS ? 'Emacs with eglot' : missingEditor('emacs', 'emacs-nox and elpa-eglot'), () => {
    let workspace: TempFolder;
    let home: EditorHome;
    let results: EmacsResults;

    beforeAll(async () => {
        // -q: no user init file (HOME is a fresh folder anyway); the system's site-start, which makes Debian's elpa-eglot loadable, still runs.
        ({ workspace, home, results } = await runEditorOnSpecs<EmacsResults>('Emacs', 'emacs', ['--batch', '-q', '-l', INIT]));
    });

    afterAll(() => {
        workspace?.remove();
        home?.folder.remove();
    });

    test('eglot manages the spec with the TrainSpec server', () => {
        expect(results.steps).toEqual(['connect', 'diagnostics', 'hover', 'definition', 'formatting']);
        expect(results['major-mode']).toBe('trainspec-mode');
        expect(results['server-info']).toContain(`:name "${SERVER_NAME}"`);
    });

    test('flymake shows the server\'s diagnostics on their lines', () => {
        expect(results.diagnostics).toEqual(expect.arrayContaining([
            { line: 18, type: 'eglot-error', text: "trainspec [unresolved-reference]: Unknown standard 'AssesRiskOfHarm'. Did you mean 'AssessRiskOfHarm'?" },
            { line: 6, type: 'eglot-warning', text: 'trainspec [uncovered-requirement]: No module covers the NOS unit "Deliver accredited programmes", which the Programmes pathway requires.' }
        ]));
        expect(results.diagnostics).toHaveLength(4);
    });

    test('hover shows the NOS unit\'s words', () => {
        expect(results.hover).toContain('**NOS unit** `AssessNeedsAndPlan`');
        expect(results.hover).toContain('> Assess individuals’ needs and plan activities');
    });

    test('M-. opens the library file read-only at the role, and the same server answers there', () => {
        expect(results.definition.file.startsWith(join(home.cache, 'trainspec', 'library'))).toBe(true);
        expect(results.definition).toMatchObject({ mode: 'trainspec-standards-mode', 'read-only': true, text: 'role PSO "Probation Services Officer" {', column: 5 });
        expect(results.servers).toBe(1);
        expect(results['library-hover']).toContain('**role** `PSO` — Probation Services Officer');
    });

    test('formatting indents as tab-width and indent-tabs-mode say', () => {
        expect(results.formatted).toBe('module Messy "Messy" {\n   hours 3\n   covers RoSH.a, PsoAssessRisk\n}\n');
    });
});
