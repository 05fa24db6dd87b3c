import { beforeEach, describe, expect, test, vi } from 'vitest';
import { DefaultItemUsage, type ItemUsage } from '../../../language/src/coverage/item-usage.js';
import { isCompetence, isCompetenceGroup, isOutcome, isProgramme, isRole, isSkillSet, isUnit } from '../../../language/src/generated/ast.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const FILES = {
    'modules.tspec': `module Reports "Reports" { covers DevelopSentencingProposals, PsoAssessRisk }
module Hearings "Hearings" { covers ExchangeInformationAtHearings }
module Sets "Skill sets" { covers RiskSkills }`,
    'programme.tspec': `programme Court "Court" {
    prepares PO
    module Risk "Risk" { covers PsoAssessRisk, AssessRiskOfHarm }
}`,
    'local.nos': 'role Senior "Senior" extends PO { requires RoSH.a, RoSH.b }'
};

let workspace: TestWorkspace;
let usage: ItemUsage;

beforeEach(async () => {
    workspace = await TestWorkspace.create(FILES);
    usage = workspace.services.shared.coverage.ItemUsage;
});

const names = (nodes: Array<{ name: string }>) => nodes.map(node => node.name);
const roleNames = (requiring: Array<{ role: { name: string }; skillSet?: { name: string } }>) =>
    requiring.map(({ role, skillSet }) => (skillSet ? `${role.name} for ${skillSet.name}` : role.name));

describe('the usage of each standard in the workspace', () => {
    test('knows which roles require an item, through extends too', () => {
        expect(roleNames(usage.requiredBy(workspace.declaration('PsoAssessRisk', isOutcome)))).toEqual(['PSO', 'PO', 'Senior']);
        expect(roleNames(usage.requiredBy(workspace.declaration('RoSH.c', isCompetence)))).toEqual(['CaseManager', 'HighRiskCaseManager']);
    });

    test('the skill-set rule: a unit is required by the roles that require its skill set, which it meets', () => {
        expect(roleNames(usage.requiredBy(workspace.declaration('AssessRiskOfHarm', isUnit)))).toEqual(['CaseManager for RiskSkills', 'HighRiskCaseManager for RiskSkills']);
        expect(roleNames(usage.requiredBy(workspace.declaration('RiskSkills', isSkillSet)))).toEqual(['CaseManager', 'HighRiskCaseManager']);
    });

    test('counts a group as required by the roles that require all of its items', () => {
        expect(roleNames(usage.requiredBy(workspace.declaration('RoSH', isCompetenceGroup)))).toEqual(['CaseManager', 'HighRiskCaseManager']);
    });

    test('knows the modules that cover an item, in file order, and credits a unit (never the set itself) to its skill set', () => {
        expect(names(usage.coveredBy(workspace.declaration('PsoAssessRisk', isOutcome)))).toEqual(['Reports', 'Risk']);
        expect(names(usage.coveredBy(workspace.declaration('CaseManagementSkills', isSkillSet)))).toEqual(['Reports', 'Hearings']);
        // Sets lists RiskSkills itself, which meets nothing.
        expect(names(usage.coveredBy(workspace.declaration('RiskSkills', isSkillSet)))).toEqual(['Risk']);
        expect(usage.coveredBy(workspace.declaration('PoProtectPublic', isOutcome))).toEqual([]);
    });

    test('knows the units of a skill set, in catalogue order', () => {
        expect(names(usage.unitsOf(workspace.declaration('RiskSkills', isSkillSet)))).toEqual(['ProtectFromAbuse', 'AssessRiskOfHarm', 'PreventAbusiveBehaviour']);
    });

    test('knows the areas that list a unit', () => {
        expect(names(usage.areasListing(workspace.declaration('ExchangeInformationAtHearings', isUnit)))).toEqual(['CourtWork', 'Victims']);
    });

    test('resolves each role once', () => {
        const senior = usage.requirementsOf(workspace.declaration('Senior', isRole));
        expect(senior.requirements).toHaveLength(16);
        expect(senior.pathwayRequiredBy?.name).toBe('PSO');
    });

    test('in a programme: what requires the item there and which of its modules meet it', async () => {
        const court = workspace.declaration('Court', isProgramme);
        const outcome = usage.inProgramme(court, workspace.declaration('PsoAssessRisk', isOutcome));
        expect(outcome.requiredBy.map(origin => origin.kind === 'role' && origin.via.map(role => role.name))).toEqual([['PO', 'PSO']]);
        expect(names(outcome.coveredBy)).toEqual(['Risk']);
        // PO does not require the unit, and Reports is not in the programme.
        const unit = usage.inProgramme(court, workspace.declaration('DevelopSentencingProposals', isUnit));
        expect(unit).toMatchObject({ requiredBy: [], coveredBy: [] });

        const cases = await TestWorkspace.create({ 'cases.tspec': 'programme Cases "Cases" { prepares CaseManager module Risk "Risk" { covers AssessRiskOfHarm } }' });
        const inCases = cases.services.shared.coverage.ItemUsage.inProgramme(cases.declaration('Cases', isProgramme), cases.declaration('AssessRiskOfHarm', isUnit));
        expect(inCases.requirement).toBeUndefined();
        expect(inCases.skillSetRequirement?.item.name).toBe('RiskSkills');
        expect(inCases.requiredBy.map(origin => origin.kind === 'role' && origin.role.name)).toEqual(['CaseManager']);
        expect(names(inCases.coveredBy)).toEqual(['Risk']);
    });

    test('is built once per workspace state, and again after a change', async () => {
        const index = vi.spyOn(DefaultItemUsage.prototype as unknown as { index: () => unknown }, 'index');
        try {
            const outcome = workspace.declaration('PsoAssessRisk', isOutcome);
            // Built by now, by this call or by the validation of `covers RiskSkills`.
            usage.coveredBy(outcome);
            index.mockClear();
            usage.requiredBy(outcome);
            usage.coveredBy(workspace.declaration('PoProtectPublic', isOutcome));
            expect(index).not.toHaveBeenCalled();

            await workspace.write('more.tspec', 'module More "More" { covers PoProtectPublic }');
            expect(names(usage.coveredBy(workspace.declaration('PoProtectPublic', isOutcome)))).toEqual(['More']);
            expect(index).toHaveBeenCalledTimes(1);
        } finally {
            index.mockRestore();
        }
    });
});
