import { describe, expect, test } from 'vitest';
import { TestWorkspace } from '../../support/test-workspace.js';

const FILES = {
    'programme.tspec': `programme Court "Court team" {
    prepares Alpha
    includes Hearings
}`,
    'modules.tspec': `module Hearings "Hearings" { covers ExchangeInformationAtHearings }`,
    'a.nos': `role Alpha "Alpha" extends Beta { }`,
    'b.nos': `role Beta "Beta" { requires ExchangeInformationAtHearings }`,
    'unrelated.tspec': `module Elsewhere "Elsewhere" { covers CommunityConcerns }`
};

describe('the dependency graph', () => {
    async function graphOf(files: Record<string, string> = FILES) {
        const workspace = await TestWorkspace.create(files);
        const at = (path: string) => workspace.uri(path).toString();
        return { workspace, graph: workspace.services.shared.workspace.DependencyGraph, at };
    }

    test('records a programme file’s includes of module files, both ways', async () => {
        const { graph, at } = await graphOf();
        expect(graph.dependenciesOf(at('programme.tspec'), 'includes')).toEqual(new Set([at('modules.tspec')]));
        expect(graph.dependentsOf(at('modules.tspec'), 'includes')).toEqual(new Set([at('programme.tspec')]));
        expect(graph.dependentsOf(at('unrelated.tspec'))).toEqual(new Set());
    });

    test('records a role’s extends across catalogues, and the programme that targets it', async () => {
        const { graph, at } = await graphOf();
        expect(graph.dependenciesOf(at('a.nos'), 'extends')).toEqual(new Set([at('b.nos')]));
        expect(graph.dependentsOf(at('a.nos'), 'roles')).toEqual(new Set([at('programme.tspec')]));
    });

    test('records which files declare each name', async () => {
        const { graph, at } = await graphOf({ ...FILES, 'copy.tspec': FILES['modules.tspec'] });
        expect(graph.declarersOf('Hearings')).toEqual(new Set([at('modules.tspec'), at('copy.tspec')]));
        expect(graph.namesDeclaredIn(at('a.nos'))).toEqual(new Set(['Alpha']));
    });

    test('an edit to the catalogue of an extended role reaches the role that extends it and the programme, and nothing unrelated', async () => {
        const { graph, at } = await graphOf();
        const reach = graph.reachOf([at('b.nos')]);
        expect([...reach].filter(uri => !uri.startsWith('builtin:')).sort()).toEqual([at('a.nos'), at('b.nos'), at('programme.tspec')].sort());
    });

    test('an edit to a programme reaches the module files it includes (their membership changes)', async () => {
        const { graph, at } = await graphOf();
        expect(graph.reachOf([at('programme.tspec')])).toContain(at('modules.tspec'));
        expect(graph.reachOf([at('programme.tspec')])).not.toContain(at('unrelated.tspec'));
    });

    test('follows edits: an includes removed is an edge gone, a file deleted takes its edges and names with it', async () => {
        const { workspace, graph, at } = await graphOf();
        graph.reachOf([]);
        await workspace.write('programme.tspec', `programme Court "Court team" { prepares Alpha }`);
        expect(graph.dependentsOf(at('modules.tspec'))).toEqual(new Set());

        await workspace.delete('modules.tspec');
        expect(graph.declarersOf('Hearings')).toEqual(new Set());
        expect(graph.dependenciesOf(at('modules.tspec'))).toEqual(new Set());
    });
});
