import { describe, expect, test } from 'vitest';
import { Diagnostic } from 'vscode-languageserver';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { TestWorkspace } from '../../support/test-workspace.js';

/** A programme with gaps of its own, and a module it includes by name. */
function programme(name: string, includes?: string): string {
    return `programme ${name} "${name}" {\n    prepares PSO\n    pathway CourtWork\n${includes ? `    includes ${includes}\n` : ''}    module ${name}Core "Core" {\n        covers PsoAssessRisk\n    }\n}\n`;
}

/** Which programmes of the file wait for a syntax fix, with the line named, and which report their gaps. */
function coverageOf(workspace: TestWorkspace, path: string): { waiting: string[]; withGaps: string[] } {
    const text = workspace.document(path).textDocument;
    const programmeOn = (line: number): string => /programme (\w+)/.exec(text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))?.[1] ?? `line ${line + 1}`;
    return {
        waiting: workspace.diagnostics(path, DiagnosticCode.CoverageAwaitsSyntaxFix).map(diagnostic => `${programmeOn(diagnostic.range.start.line)}: ${Diagnostic.getMessageString(diagnostic)}`),
        withGaps: [...new Set(workspace.diagnostics(path, DiagnosticCode.UncoveredRequirement).map(diagnostic => {
            // A gap is shown on the programme's role: the programme is the nearest one above it.
            for (let line = diagnostic.range.start.line; line >= 0; line--) {
                const name = /programme (\w+)/.exec(text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))?.[1];
                if (name) {
                    return name;
                }
            }
            return '?';
        }))]
    };
}

describe('which programmes a syntax error holds up', () => {
    test('a module half-typed at the end of a long file holds up no programme above it: three findings, not one notice per programme', async () => {
        const spec = ['A', 'B', 'C', 'D'].map(name => programme(name)).join('') + 'module Last "Last" {\n    covers RoSH.a, Ro';
        const workspace = await TestWorkspace.create({ 'long.tspec': spec });
        expect(workspace.diagnostics('long.tspec').filter(diagnostic => diagnostic.code !== DiagnosticCode.UncoveredRequirement).map(diagnostic => diagnostic.code)).toEqual([
            DiagnosticCode.SyntaxError, DiagnosticCode.UnresolvedReference, DiagnosticCode.OrphanModule
        ]);
        expect(coverageOf(workspace, 'long.tspec')).toEqual({ waiting: [], withGaps: ['A', 'B', 'C', 'D'] });
    });

    test('a programme whose closing brace is missing at the end of the file waits, naming the last line (never line -1)', async () => {
        const workspace = await TestWorkspace.create({ 'long.tspec': programme('A') + programme('B').replace(/\}\n$/, '') });
        expect(coverageOf(workspace, 'long.tspec')).toEqual({ waiting: ['B: Coverage is checked once the syntax error on line 13 is fixed.'], withGaps: ['A'] });
    });

    test('a slip in a module holds up the programmes that include it, wherever they are, and no other', async () => {
        const workspace = await TestWorkspace.create({
            'long.tspec': programme('A', 'Shared') + programme('B') + 'module Shared "Shared" {\n    hours thirty\n}\n' + programme('C', 'Shared') + programme('D')
        });
        expect(coverageOf(workspace, 'long.tspec')).toEqual({
            waiting: ['A: Coverage is checked once the syntax error on line 17 is fixed.', 'C: Coverage is checked once the syntax error on line 17 is fixed.'],
            withGaps: ['B', 'D']
        });
    });

    test('a programme whose closing brace is missing before the next one waits', async () => {
        const workspace = await TestWorkspace.create({ 'long.tspec': programme('A').replace(/\}\n$/, '') + programme('B') + programme('C') });
        expect(coverageOf(workspace, 'long.tspec').waiting.map(notice => notice.split(':')[0])).toContain('A');
        expect(coverageOf(workspace, 'long.tspec').withGaps).toContain('C');
    });

    test('a `}` too many holds up every programme before it, which it may have closed early', async () => {
        const workspace = await TestWorkspace.create({
            'long.tspec': programme('A') + programme('B').replace('covers PsoAssessRisk\n    }', 'covers PsoAssessRisk\n    }}') + programme('C')
        });
        const { waiting, withGaps } = coverageOf(workspace, 'long.tspec');
        expect(waiting.map(notice => notice.split(':')[0])).toEqual(['A', 'B']);
        expect(withGaps).toEqual(['C']);
    });
});
