import { describe, expect, test } from 'vitest';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { TestWorkspace } from '../../support/test-workspace.js';

describe('qualified names of lettered competences', () => {
    test('are Group.letter, and nothing while the group has no name yet', async () => {
        const workspace = await TestWorkspace.create({
            'typing.nos': 'competences Ethics "Ethics" { a "First" }\ncompetences "Still typing" { a "First" }\ncompetences "Also typing" { a "First" }'
        });
        const exported = workspace.services.shared.workspace.IndexManager.allElements()
            .filter(description => description.documentUri.toString() === workspace.uri('typing.nos').toString())
            .map(description => description.name).toArray();
        expect(exported).toEqual(['Ethics', 'Ethics.a']);
        // Two letters of unnamed groups are not one name declared twice.
        expect(workspace.messages('typing.nos', DiagnosticCode.DuplicateIdentifier)).toEqual([]);
    });
});
