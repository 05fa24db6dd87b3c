import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ServerCommands } from '../../language/src/protocol/constants.js';
import { isInstalled, missingEditor, runEditorOnSpecs, type EditorHome } from '../support/editor-process.js';
import { REPO_ROOT } from '../support/run-cli.js';
import type { TempFolder } from '../support/temp-folder.js';

/** What test/editors/neovim-init.lua writes. */
interface NeovimResults {
    steps: string[];
    error?: string;
    diagnostics: string[];
    fixedLine: string;
    hover: string;
    completion: string[];
    definition: { name: string; line: number; column: number; text: string; lines: number; filetype: string; readonly: boolean };
    libraryHover: string;
    libraryDiagnostics: number;
    lenses: Array<{ title: string; command: string }>;
    report: { name: string; lines: string[] };
    formattedWithSpaces: string[];
    formattedWithTabs: string[];
}

const HAS_NEOVIM = isInstalled('nvim');
const INIT = join(REPO_ROOT, 'test', 'editors', 'neovim-init.lua');
const ROLES = readFileSync(join(REPO_ROOT, 'language', 'src', 'library', 'roles.nos'), 'utf8').split('\n');

// Neovim 0.7 (Debian's `neovim`) driven headless through the README's setup, as a designer would use it.
describe.skipIf(!HAS_NEOVIM)(HAS_NEOVIM ? 'Neovim with its built-in LSP client' : missingEditor('nvim', 'neovim'), () => {
    let workspace: TempFolder;
    let home: EditorHome;
    let results: NeovimResults;

    beforeAll(async () => {
        ({ workspace, home, results } = await runEditorOnSpecs<NeovimResults>('Neovim', 'nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-u', INIT]));
    });

    afterAll(() => {
        workspace?.remove();
        home?.folder.remove();
    });

    test('every step ran', () => {
        expect(results.steps).toEqual(['diagnostics', 'code action', 'hover', 'completion', 'definition', 'code lens', 'formatting']);
    });

    test('diagnostics: the misspelt reference and the gaps', () => {
        expect(results.diagnostics).toContain("Unknown standard 'AssesRiskOfHarm'. Did you mean 'AssessRiskOfHarm'?");
        expect(results.diagnostics).toContain('No module covers the NOS unit "Deliver accredited programmes", which the Programmes pathway requires.');
    });

    test('a quick fix, chosen from the code actions, puts the misspelt name right', () => {
        expect(results.fixedLine).toBe('        covers PsoAssessRisk, AssessRiskOfHarm, PsoPromoteEquality, PsoCommunicate, PsoSupportChange, PsoWorkWithOthers');
    });

    test('hover shows the NOS unit\'s words', () => {
        expect(results.hover).toContain('**NOS unit** `AssessRiskOfHarm`');
        expect(results.hover).toContain('> Assess risk of harm and the need for intervention');
    });

    test('completion in a covers list offers the standards', () => {
        expect(results.completion).toEqual(expect.arrayContaining(['PsoDevelopSelf', 'DeliverAccreditedProgrammes', 'RoSH.a']));
    });

    test('go to definition opens the library file, read-only, at the role, with the library\'s text', () => {
        const { definition } = results;
        expect(definition.name).toMatch(new RegExp(`^${home.cache.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/trainspec/library/[^/]+/roles\\.nos$`));
        expect(definition.lines).toBe(ROLES.length - (ROLES.at(-1) === '' ? 1 : 0));
        expect(definition.text).toBe(ROLES[definition.line - 1]);
        expect(definition.text).toMatch(/^role PSO "Probation Services Officer"/);
        expect(definition.text.slice(definition.column, definition.column + 3)).toBe('PSO');
        expect(definition.filetype).toBe('trainspec-standards');
        expect(definition.readonly).toBe(true);
    });

    test('in the library file, hover answers from the library and there are no diagnostics', () => {
        expect(results.libraryHover).toContain('**role** `PSO` — Probation Services Officer');
        expect(results.libraryDiagnostics).toBe(0);
    });

    test('running a code lens opens the programme\'s Markdown coverage report', () => {
        expect(results.lenses).toEqual([
            { title: 'Probation Services Officer: 7 of 9 requirements covered', command: ServerCommands.openCoverageReport },
            { title: 'Programmes pathway: 2 of 3 units covered', command: ServerCommands.openCoverageReport }
        ]);
        expect(results.report.name.endsWith('/DraftProgrammesPso-coverage.md')).toBe(true);
        expect(results.report.lines[0]).toBe('# Coverage report');
        expect(results.report.lines).toContain('| PSO Diploma: Programmes pathway (draft) | Probation Services Officer | 9 of 12 | 3 |');
        expect(results.report.lines.join('\n')).toContain('`DeliverAccreditedProgrammes` **Deliver accredited programmes** | the Programmes pathway');
    });

    test('formatting indents as shiftwidth and expandtab say', () => {
        expect(results.formattedWithSpaces).toEqual(['module Messy "Messy" {', '  hours 3', '  covers RoSH.a, PsoAssessRisk', '}']);
        expect(results.formattedWithTabs).toEqual(['module Messy "Messy" {', '\thours 3', '\tcovers RoSH.a, PsoAssessRisk', '}']);
    });
});
