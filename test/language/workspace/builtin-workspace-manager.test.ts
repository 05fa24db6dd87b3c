import { readFileSync } from 'node:fs';
import { URI } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { createTrainSpecServices } from '../../../language/src/trainspec-module.js';
import { InMemoryFileSystem } from '../../support/in-memory-file-system.js';
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

describe('the workspace manager with a trainspec.config.json', () => {
    test('does not load the files it ignores, and reports codes with the severities it sets', async () => {
        const workspace = await TestWorkspace.create({
            'trainspec.config.json': '{ "severity": { "orphan-module": "error", "module-covers-nothing": "off" }, "ignore": ["drafts"] }',
            'programme.tspec': SPEC,
            'loose.tspec': 'module Loose "Loose" { hours 1 }',
            'drafts/draft.tspec': 'programme {'
        });
        const loaded = workspace.services.shared.workspace.LangiumDocuments.all.map(document => document.uri.toString()).filter(uri => uri.startsWith('file:')).toArray().sort();
        expect(loaded).toEqual(['file:///workspace/loose.tspec', 'file:///workspace/programme.tspec']);
        expect(workspace.diagnostics('loose.tspec').map(diagnostic => [diagnostic.code, diagnostic.severity])).toEqual([['orphan-module', DiagnosticSeverity.Error]]);
    });

    test('an invalid file is reported, and the workspace is checked with the defaults', async () => {
        const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        try {
            const workspace = await TestWorkspace.create({
                'trainspec.config.json': '{ "severity": { "orphan-module": "loud" } }',
                'loose.tspec': 'module Loose "Loose" { hours 1 }'
            });
            expect(errors).toHaveBeenCalledWith(expect.stringContaining('trainspec.config.json: The severity of "orphan-module" must be "off", "information", "warning" or "error", not "loud". TrainSpec checks with its default settings until the file is corrected.'));
            expect(workspace.services.shared.settings.TrainSpecSettings.configs).toEqual([]);
            expect(workspace.diagnostics('loose.tspec').map(diagnostic => [diagnostic.code, diagnostic.severity]))
                .toEqual([['module-covers-nothing', DiagnosticSeverity.Warning], ['orphan-module', DiagnosticSeverity.Warning]]);
        } finally {
            errors.mockRestore();
        }
    });

    test('each workspace folder uses the nearest file in it or above it, over its own files only', async () => {
        const fileSystem = new InMemoryFileSystem();
        fileSystem.write(URI.parse('file:///outer/trainspec.config.json'), '{ "ignore": ["x"] }');
        fileSystem.write(URI.parse('file:///outer/inner/a.tspec'), '');
        fileSystem.write(URI.parse('file:///other/b.tspec'), '');
        const { shared } = createTrainSpecServices({ fileSystemProvider: () => fileSystem });
        const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
        try {
            await shared.settings.ConfigLoader.load([{ uri: 'file:///outer/inner', name: 'inner' }, { uri: 'file:///other', name: 'other' }]);
        } finally {
            info.mockRestore();
        }
        expect(shared.settings.TrainSpecSettings.configs).toEqual([
            { file: 'file:///outer/trainspec.config.json', severity: {}, ignore: ['x'], scope: 'file:///outer/inner' }
        ]);
    });
});
