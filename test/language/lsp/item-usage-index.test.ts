import { beforeEach, describe, expect, test, vi } from 'vitest';
import { isCompetence, isCompetenceGroup, isOutcome, isRole, isSkillSet, isUnit } from '../../../language/src/generated/ast.js';
import { DefaultItemUsageIndex, type ItemUsageIndex } from '../../../language/src/lsp/item-usage-index.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const FILES = {
    'modules.tspec': `module Reports "Reports" { covers DevelopSentencingProposals, PsoAssessRisk }
module Hearings "Hearings" { covers ExchangeInformationAtHearings }`,
    'programme.tspec': `programme Court "Court" {
    prepares PO
    module Risk "Risk" { covers PsoAssessRisk, AssessRiskOfHarm }
}`,
    'local.nos': 'role Senior "Senior" extends PO { requires RoSH.a, RoSH.b }'
};

let workspace: TestWorkspace;
let usage: ItemUsageIndex;

beforeEach(async () => {
    workspace = await TestWorkspace.create(FILES);
    usage = workspace.services.spec.editing.ItemUsageIndex;
});

const names = (nodes: Array<{ name: string }>) => nodes.map(node => node.name);

describe('the usage of each standard in the workspace', () => {
    test('knows which roles require an item, through extends too', () => {
        expect(names(usage.requiredBy(workspace.declaration('PsoAssessRisk', isOutcome)))).toEqual(['PSO', 'PO', 'Senior']);
        expect(names(usage.requiredBy(workspace.declaration('RoSH.c', isCompetence)))).toEqual(['CaseManager', 'HighRiskCaseManager']);
    });

    test('counts a group as required by the roles that require all of its items', () => {
        expect(names(usage.requiredBy(workspace.declaration('RoSH', isCompetenceGroup)))).toEqual(['CaseManager', 'HighRiskCaseManager']);
    });

    test('knows the modules that cover an item, in file order, and credits a unit to its skill set', () => {
        expect(names(usage.coveredBy(workspace.declaration('PsoAssessRisk', isOutcome)))).toEqual(['Reports', 'Risk']);
        expect(names(usage.coveredBy(workspace.declaration('CaseManagementSkills', isSkillSet)))).toEqual(['Reports', 'Hearings']);
        expect(names(usage.coveredBy(workspace.declaration('RiskSkills', isSkillSet)))).toEqual(['Risk']);
        expect(usage.coveredBy(workspace.declaration('PoProtectPublic', isOutcome))).toEqual([]);
    });

    test('knows the areas that list a unit', () => {
        expect(names(usage.areasListing(workspace.declaration('ExchangeInformationAtHearings', isUnit)))).toEqual(['CourtWork', 'Victims']);
    });

    test('resolves each role once', () => {
        const senior = usage.requirementsOf(workspace.declaration('Senior', isRole));
        expect(senior.requirements).toHaveLength(16);
        expect(senior.pathwayRequiredBy?.name).toBe('PSO');
    });

    test('is built once per workspace state, and again after a change', async () => {
        const index = vi.spyOn(DefaultItemUsageIndex.prototype as unknown as { index: () => unknown }, 'index');
        try {
            const outcome = workspace.declaration('PsoAssessRisk', isOutcome);
            usage.coveredBy(outcome);
            usage.requiredBy(outcome);
            usage.coveredBy(workspace.declaration('PoProtectPublic', isOutcome));
            expect(index).toHaveBeenCalledTimes(1);

            await workspace.write('more.tspec', 'module More "More" { covers PoProtectPublic }');
            expect(names(usage.coveredBy(workspace.declaration('PoProtectPublic', isOutcome)))).toEqual(['More']);
            expect(index).toHaveBeenCalledTimes(2);
        } finally {
            index.mockRestore();
        }
    });
});
