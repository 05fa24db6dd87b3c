import { beforeAll, describe, expect, test } from 'vitest';
import { DefaultRequirementResolver, expandRequirable, type ResolverWork, type RoleRequirements } from '../../../language/src/coverage/requirement-resolver.js';
import { isArea, isCompetenceGroup, isRole, isUnit, type Role } from '../../../language/src/generated/ast.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const PSO_OUTCOMES = ['PsoAssessRisk', 'PsoPromoteEquality', 'PsoCommunicate', 'PsoSupportChange', 'PsoWorkWithOthers', 'PsoDevelopSelf', 'PsoSpecialistPathway', 'KnowledgeOfPolicy', 'UnderstandingOfOffending'];
const PO_OUTCOMES = ['PoProtectPublic', 'PoInfluenceChange', 'PoDevelopProfessionally', 'PoPromoteEquality', 'PoEvidenceBasedPractice'];
const SKILL_SETS = ['RiskSkills', 'DiversitySkills', 'CommunicationSkills', 'TacticalSkills', 'EngageSkills', 'CaseManagementSkills'];

let workspace: TestWorkspace;

beforeAll(async () => {
    workspace = await TestWorkspace.create({
        'roles.nos': `role Mentor "Mentor" extends Coach { requires RoSH.a }
role Coach "Coach" extends Mentor { requires RoSH.b }
role BothOfficers "Both officers" extends PSO, PO { }`
    });
});

function role(name: string): Role {
    return workspace.declaration(name, isRole);
}

function resolve(name: string): RoleRequirements {
    return workspace.services.shared.coverage.RequirementResolver.resolve(role(name));
}

function itemNames(requirements: RoleRequirements): string[] {
    return requirements.requirements.map(requirement => workspace.nameOf(requirement.item));
}

function viaNames(requirements: RoleRequirements): string[] {
    return [...new Set(requirements.requirements.map(requirement => requirement.via.map(each => each.name).join(' > ')))];
}

describe('the requirements of the built-in roles', () => {
    test('PSO: its 7 outcomes and the 2 knowledge outcomes, and a pathway', () => {
        const pso = resolve('PSO');
        expect(itemNames(pso)).toEqual(PSO_OUTCOMES);
        expect(viaNames(pso)).toEqual(['PSO']);
        expect(pso.pathwayRequiredBy).toBe(role('PSO'));
        expect(pso.cycle).toBeUndefined();
    });

    test('PO: its own 5 outcomes first, then the 9 it gets through PSO, and the pathway PSO requires', () => {
        const po = resolve('PO');
        expect(itemNames(po)).toEqual([...PO_OUTCOMES, ...PSO_OUTCOMES]);
        expect(po.requirements.map(requirement => requirement.via.map(each => each.name).join(' > '))).toEqual([...Array<string>(5).fill('PO'), ...Array<string>(9).fill('PO > PSO')]);
        expect(po.pathwayRequiredBy).toBe(role('PSO'));
    });

    test('CaseManager: the 30 lettered competences of 3.1 to 3.6 and the 6 skill sets, and no pathway', () => {
        const caseManager = resolve('CaseManager');
        const names = itemNames(caseManager);
        expect(names).toHaveLength(36);
        expect(names.slice(0, 30).map(name => name.split('.')[0])).toEqual([
            ...Array<string>(9).fill('RoSH'), ...Array<string>(3).fill('Diversity'), ...Array<string>(5).fill('Communication'),
            ...Array<string>(2).fill('Tactical'), ...Array<string>(5).fill('Engage'), ...Array<string>(6).fill('CaseManagement')
        ]);
        expect(names.slice(30)).toEqual(SKILL_SETS);
        expect(caseManager.pathwayRequiredBy).toBeUndefined();
    });

    test('HighRiskCaseManager: the 9 high-risk competences, then the 36 of CaseManager', () => {
        const highRisk = resolve('HighRiskCaseManager');
        expect(highRisk.requirements).toHaveLength(45);
        expect(itemNames(highRisk).slice(0, 9)).toEqual('abcdefghi'.split('').map(letter => `HighRoSH.${letter}`));
        expect(itemNames(highRisk).slice(9)).toEqual(itemNames(resolve('CaseManager')));
        expect(viaNames(highRisk)).toEqual(['HighRiskCaseManager', 'HighRiskCaseManager > CaseManager']);
    });

    test('a specialist role: the units of its area', () => {
        expect(itemNames(resolve('CourtWorkSpecialist'))).toEqual(['ExchangeInformationAtHearings', 'DevelopSentencingProposals']);
        expect(itemNames(resolve('VictimsSpecialist'))).toEqual(workspace.declaration('Victims', isArea).units.map(unit => unit.ref!.name));
        expect(resolve('PrisonWorkSpecialist').requirements.every(requirement => isUnit(requirement.item))).toBe(true);
    });
});

describe('resolving extends', () => {
    test('an item that comes through two parents is required once, through the first', () => {
        const both = resolve('BothOfficers');
        expect(itemNames(both)).toEqual([...PSO_OUTCOMES, ...PO_OUTCOMES]);
        expect(viaNames(both)).toEqual(['BothOfficers > PSO', 'BothOfficers > PO']);
        expect(both.pathwayRequiredBy).toBe(role('PSO'));
    });

    test('a cycle of extends is detected, and every requirement on it is still resolved once', () => {
        const mentor = resolve('Mentor');
        expect(mentor.cycle?.map(each => each.name)).toEqual(['Mentor', 'Coach', 'Mentor']);
        expect(itemNames(mentor)).toEqual(['RoSH.a', 'RoSH.b']);
        expect(resolve('Coach').cycle?.map(each => each.name)).toEqual(['Coach', 'Mentor', 'Coach']);
    });
});

describe('long chains and rings of extends', () => {
    /** Roles R0 … R(size-1), each extending the next and requiring one item of its own; the last extends R0 when `ring`. */
    async function roles(size: number, ring: boolean): Promise<Role[]> {
        const items = ['RoSH.a', 'RoSH.b', 'Diversity.a', 'Engage.a'];
        const text = Array.from({ length: size }, (_, i) => {
            const parent = i + 1 < size ? ` extends R${i + 1}` : ring ? ' extends R0' : '';
            return `role R${i} "Role ${i}"${parent} { requires ${items[i % items.length]} }`;
        }).join('\n');
        const chain = await TestWorkspace.create({ 'chain.nos': text });
        return Array.from({ length: size }, (_, i) => chain.declaration(`R${i}`, isRole));
    }

    test('a chain of 1,600 roles resolves in steps linear in its length, without copying the path at each role', async () => {
        const chain = await roles(1600, false);
        const work: ResolverWork = { steps: 0 };
        const resolved = new DefaultRequirementResolver(work).resolve(chain[0]);
        expect(resolved.requirements).toHaveLength(4);
        expect(resolved.cycle).toBeUndefined();
        expect(work.steps).toBeGreaterThanOrEqual(1600);
        expect(work.steps).toBeLessThanOrEqual(2 * 1600);
        // Each path is still there for whoever reads it: the fourth item comes through R0 … R3.
        expect(resolved.requirements[3].via.map(role => role.name)).toEqual(['R0', 'R1', 'R2', 'R3']);
    });

    test('a ring of 1,600 roles resolves in linear steps and reports the ring back to the role', async () => {
        const ring = await roles(1600, true);
        const work: ResolverWork = { steps: 0 };
        const resolved = new DefaultRequirementResolver(work).resolve(ring[5]);
        expect(resolved.cycle).toHaveLength(1601);
        expect(resolved.cycle?.[0]).toBe(ring[5]);
        expect(resolved.cycle?.[1600]).toBe(ring[5]);
        expect(work.steps).toBeGreaterThanOrEqual(1600);
        expect(work.steps).toBeLessThanOrEqual(4 * 1600);
    });
});

describe('expandRequirable', () => {
    test('a competence group stands for its lettered competences, an area for its units, anything else for itself', () => {
        const tactical = workspace.declaration('Tactical', isCompetenceGroup);
        expect(expandRequirable(tactical)).toEqual(tactical.competences);
        expect(expandRequirable(workspace.declaration('CourtWork', isArea)).map(unit => workspace.nameOf(unit))).toEqual(['ExchangeInformationAtHearings', 'DevelopSentencingProposals']);
        const unit = workspace.declaration('AssessRiskOfHarm', isUnit);
        expect(expandRequirable(unit)).toEqual([unit]);
    });
});
