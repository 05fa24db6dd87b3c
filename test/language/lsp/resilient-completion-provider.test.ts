import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { positionIn } from '../../support/lsp-positions.js';
import { TestWorkspace } from '../../support/test-workspace.js';

let workspace: TestWorkspace;

beforeAll(async () => {
    workspace = await TestWorkspace.create({});
});

afterEach(() => vi.restoreAllMocks());

function languageOf(path: string) {
    return path.endsWith('.nos') ? workspace.services.standards : workspace.services.spec;
}

async function labelsAt(path: string, text: string, marker: string): Promise<string[]> {
    await workspace.write(path, text);
    const document = workspace.document(path);
    const list = await languageOf(path).lsp.CompletionProvider!.getCompletion(document, positionIn(document, marker, marker.length));
    return (list?.items ?? []).map(item => item.label);
}

describe('reference completion where recovery built another tree than the grammar expects', () => {
    test('logs no error at any position of an unfinished requirement', async () => {
        // Recovery leaves the role, which has no `items`, as the node at the end of these texts.
        const errors = vi.spyOn(console, 'error');
        for (const text of ['role R "R" {\n    requires RoSH.a\n    requires \n}', 'role R "R" {\n    requires RoSH.a, \n}']) {
            await workspace.write('typing.nos', text);
            const document = workspace.document('typing.nos');
            for (let offset = 0; offset <= text.length; offset++) {
                const position = document.textDocument.positionAt(offset);
                await workspace.services.standards.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
            }
        }
        expect(errors).not.toHaveBeenCalled();
    });

    test('offers the standards after an unfinished requires, and the roles after an unfinished prepares', async () => {
        const standards = await labelsAt('typing.nos', 'role R "R" {\n    requires RoSH.a, \n}', 'RoSH.a, ');
        expect(standards).toEqual(expect.arrayContaining(['RoSH.b', 'RiskSkills', 'PsoAssessRisk', 'CourtWork']));
        expect(standards).not.toContain('PO');
        expect(await labelsAt('typing.tspec', 'programme P "P" {\n    prepares \n}', 'prepares ')).toEqual(expect.arrayContaining(['PO', 'PSO', 'CaseManager']));
    });
});
