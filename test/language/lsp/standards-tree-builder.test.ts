import { beforeAll, describe, expect, test } from 'vitest';
import type { StandardsTreeNode, StandardsTreeResult } from '../../../language/src/protocol/standards-tree.js';
import { positionIn } from '../../support/lsp-positions.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const FILES = {
    'court.tspec': `programme Court "Court team" {
    prepares PO
    pathway CourtWork
    includes Reports
    module Risk "Risk and safety" {
        covers PsoAssessRisk, RoSH.a
    }
}
programme Cases "Case managers" {
    prepares CaseManager
    includes Reports
}`,
    'modules.tspec': `module Reports "Pre-sentence reports" { covers DevelopSentencingProposals, AssessRiskOfHarm }`,
    'local.nos': `role Mentor "Mentor" { requires PoProtectPublic, RoSH }`
};

let workspace: TestWorkspace;

beforeAll(async () => {
    workspace = await TestWorkspace.create(FILES);
});

function treeAt(path: string, at?: string, programme?: string): StandardsTreeResult {
    const document = workspace.document(path);
    const position = at !== undefined ? positionIn(document, at).position : undefined;
    return workspace.services.spec.authoring.StandardsTreeBuilder.treeFor({ uri: document.uri.toString(), ...(position ? { position } : {}), ...(programme ? { programme } : {}) });
}

function find(nodes: StandardsTreeNode[], id: string, path: string[] = []): { node: StandardsTreeNode; path: string[] } | undefined {
    for (const node of nodes) {
        if (node.id === id) {
            return { node, path };
        }
        const inside = find(node.children ?? [], id, [...path, node.id]);
        if (inside) {
            return inside;
        }
    }
    return undefined;
}

describe('the standards tree', () => {
    test('lists the built-in frameworks and catalogue first, then the workspace catalogues', () => {
        const { roots } = treeAt('court.tspec');
        expect(roots.map(root => [root.id, root.kind, root.builtin])).toEqual([
            ['PQF', 'framework', true],
            ['roles.nos', 'catalogue', true],
            ['NOS2013', 'framework', true],
            ['CoreCompetences', 'framework', true],
            ['local.nos', 'catalogue', false]
        ]);
    });

    test('puts units under their skill set, lettered competences under their group, units under their pathway and requirements under their role', () => {
        const { roots } = treeAt('court.tspec');
        expect(find(roots, 'AssessRiskOfHarm')?.path).toEqual(['NOS2013', 'RiskSkills']);
        const nos = roots.filter(root => root.id === 'NOS2013');
        expect(find(nos, 'RiskSkills')?.node.children?.map(child => child.id)).toEqual(['ProtectFromAbuse', 'AssessRiskOfHarm', 'PreventAbusiveBehaviour']);
        expect(find(roots, 'RoSH')?.node.children?.[0]).toMatchObject({ id: 'RoSH.a', kind: 'core competence', title: 'Risk of Serious Harm 3.1 (a)', coverable: true });
        expect(find(nos, 'CourtWork')?.node.children?.map(child => child.id)).toEqual(['ExchangeInformationAtHearings', 'DevelopSentencingProposals']);
        // As coverage counts them: a competence group required is each of its competences.
        expect(find(roots, 'Mentor')?.node.children?.map(child => child.id).slice(0, 3)).toEqual(['PoProtectPublic', 'RoSH.a', 'RoSH.b']);
    });

    test('gives each standard its words, source and the location of its name', () => {
        const unit = find(treeAt('court.tspec').roots, 'AssessNeedsAndPlan')!.node;
        expect(unit).toMatchObject({
            kind: 'NOS unit',
            title: 'Assess individuals’ needs and plan activities',
            text: '',
            source: 'Guidelines issued by the Secretary of State for Justice under Section 10(2) of the Offender Management Act 2007, section Annex A',
            builtin: true
        });
        expect(unit.location.uri).toBe('builtin:/s10-guidelines.nos');
        // A PQF outcome's title is its words: they are not repeated as its text.
        const psoAssessRisk = find(treeAt('court.tspec').roots, 'PsoAssessRisk')!.node;
        expect([psoAssessRisk.title, psoAssessRisk.text]).toEqual(['assess risk of harm to others and need for interventions', '']);
        const competence = find(treeAt('court.tspec').roots, 'RoSH.a')!.node;
        expect(competence.text).toMatch(/^Explain the legal and organisational requirements/);
    });

    test('marks, for the programme at the cursor, what its modules cover and what it requires and no module covers', () => {
        const result = treeAt('court.tspec', 'covers PsoAssessRisk');
        expect(result.programme).toEqual({ name: 'Court', title: 'Court team' });
        const mark = (id: string): string | undefined => find(result.roots, id)?.node.mark;
        expect(mark('PsoAssessRisk')).toBe('covered');
        expect(mark('PoProtectPublic')).toBe('gap');
        expect(mark('ExchangeInformationAtHearings')).toBe('gap');
        // Not required by PO, but covered by Risk.
        expect(mark('RoSH.a')).toBe('covered');
        expect(mark('RoSH.b')).toBeUndefined();
        // A pathway with a gap is a gap; a framework with one is too.
        expect(mark('CourtWork')).toBe('gap');
        expect(mark('PQF')).toBe('gap');
    });

    test('in a module included by two programmes, offers both and marks for the one chosen', () => {
        const first = treeAt('modules.tspec', 'covers');
        expect(first.programmes.map(programme => programme.name)).toEqual(['Court', 'Cases']);
        expect(first.programme?.name).toBe('Court');
        const cases = treeAt('modules.tspec', 'covers', 'Cases');
        expect(cases.programme?.name).toBe('Cases');
        // Case managers need a unit of the risk skill set, and Reports covers one: the set is met.
        expect(find(cases.roots.filter(root => root.id === 'NOS2013'), 'RiskSkills')?.node.mark).toBe('covered');
        expect(find(cases.roots, 'PoProtectPublic')?.node.mark).toBeUndefined();
    });

    test('without a programme at the cursor, marks nothing', () => {
        const result = treeAt('modules.tspec');
        expect(result.programme).toBeUndefined();
        expect(JSON.stringify(result.roots)).not.toContain('"mark"');
    });
});
