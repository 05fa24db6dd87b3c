import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TestWorkspace } from '../../support/test-workspace.js';

const ROLES = readFileSync(new URL('../../../language/src/library/roles.nos', import.meta.url), 'utf8');
const SPEC = 'programme P "P" { prepares PSO module M "M" { hours 1 covers PsoCommunicate } }';

describe('the workspace manager', () => {
    test('loads the built-in library next to the folder\'s files, and leaves out a file that is a built-in catalogue itself', async () => {
        const workspace = await TestWorkspace.create({
            'vendored/roles.nos': ROLES.replace(/\n/g, '\r\n'),
            'edited/roles.nos': ROLES.replace('role PSO "Probation Services Officer"', 'role PSO "Probation Services Officer (ours)"'),
            'programme.tspec': SPEC
        });
        const loaded = workspace.services.shared.workspace.LangiumDocuments.all.map(document => document.uri.toString()).toArray().sort();
        expect(loaded).toEqual([
            'builtin:/pqf-leaflet.nos', 'builtin:/roles.nos', 'builtin:/s10-guidelines.nos',
            'file:///workspace/edited/roles.nos', 'file:///workspace/programme.tspec'
        ]);
        // An edited copy is a catalogue of its own: its redefinitions are reported, as before.
        expect(workspace.diagnostics('edited/roles.nos', 'builtin-redefined').length).toBeGreaterThan(0);
        expect(workspace.diagnostics('programme.tspec', 'unresolved-reference')).toEqual([]);
    });
});
