import { beforeAll, describe, expect, test } from 'vitest';
import { addToModuleAt } from '../../../language/src/lsp/standards-tree-request.js';
import { positionIn } from '../../support/lsp-positions.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const FILES = {
    'court.tspec': `programme Court "Court team" {
    prepares PO
    module Risk "Risk and safety" {
        covers PsoAssessRisk
    }
    module Empty "Still empty" {
        hours 10
    }
}`
};

let workspace: TestWorkspace;

beforeAll(async () => {
    workspace = await TestWorkspace.create(FILES);
});

function addAt(at: string, item: string): ReturnType<typeof addToModuleAt> {
    return addToModuleAt(workspace.services.shared, { ...positionIn(workspace.document('court.tspec'), at), item });
}

describe('trainspec/addToCovers', () => {
    test('appends the standard to the covers of the module at the cursor, as the quick fixes do', () => {
        expect(addAt('Risk and safety', 'RoSH.a').edit).toEqual({
            changes: { 'file:///workspace/court.tspec': [{ range: { start: { line: 3, character: 28 }, end: { line: 3, character: 28 } }, newText: ', RoSH.a' }] }
        });
    });

    test('starts a covers line in a module that covers nothing yet', () => {
        const edit = addAt('hours 10', 'AssessRiskOfHarm').edit;
        expect(edit?.changes?.['file:///workspace/court.tspec']?.[0].newText).toBe('        covers AssessRiskOfHarm\n');
    });

    test('says in plain English why it cannot add', () => {
        expect(addAt('prepares', 'RoSH.a')).toEqual({ message: 'Put the cursor inside a module of a programme spec (.tspec) to add a standard to what it covers.' });
        expect(addAt('covers', 'PsoAssessRisk')).toEqual({ message: "'Risk and safety' already covers 'assess risk of harm to others and need for interventions'." });
        expect(addAt('covers', 'PO')).toEqual({ message: "There is no standard called 'PO' that a module can cover." });
        expect(addAt('covers', 'Nonsense')).toEqual({ message: "There is no standard called 'Nonsense' that a module can cover." });
    });
});
