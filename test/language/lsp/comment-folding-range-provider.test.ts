import { expectFoldings } from 'langium/test';
import { FoldingRangeKind } from 'vscode-languageserver';
import { beforeAll, describe, expect, test } from 'vitest';
import { TestWorkspace } from '../../support/test-workspace.js';

let workspace: TestWorkspace;

beforeAll(async () => {
    workspace = await TestWorkspace.create({});
});

describe('folding', () => {
    // Each <|…|> is one folding: from its first line to its last (a block's closing brace or `*/` stays visible).
    test('folds blocks, runs of line comments and block comments', async () => {
        await expectFoldings(workspace.services.spec)({
            text: `<|// A draft programme.
// Its header comment spans
// three lines.|>
<|programme Draft "Draft" {
    prepares PSO
    <|module Practice "Practice" {
        hours 40 // A trailing comment
        // does not start a run with the next line.
        covers PsoCommunicate|>
    }
    module Short "Short" { hours 1 }|>
}
<|/* A block comment
   over three lines|>
*/
// One line alone does not fold.`,
            disposeAfterCheck: true
        });
    });

    test('marks comment foldings as comments, in catalogues too', async () => {
        await expectFoldings(workspace.services.standards)({
            text: `<|// Provider roles:
// local additions.|>
<|role Mentor "Mentor" {
    requires RoSH|>
}`,
            disposeAfterCheck: true,
            assert: foldings => {
                expect(foldings).toEqual([
                    { startLine: 0, startCharacter: 0, endLine: 1, endCharacter: 19, kind: FoldingRangeKind.Comment },
                    { startLine: 2, startCharacter: 0, endLine: 3, endCharacter: 17 }
                ]);
            }
        });
    });
});
