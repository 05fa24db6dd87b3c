import { AstUtils } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CoverageAnalysis, ProgrammeCoverage, RequirementStatus } from '../../../language/src/coverage/coverage-analysis.js';
import { isModule, isProgramme } from '../../../language/src/generated/ast.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const FILES = {
    'programmes.tspec': `programme Court "Court team" {
    prepares CourtWorkSpecialist, CaseManager
    pathway CourtWork
    includes Hearings, Reports, Hearings
    module Risk "Risk" { covers AssessRiskOfHarm, RoSH.a }
}
programme Safety "Community safety" {
    prepares CommunitySafetySpecialist
    includes Reports
}`,
    'modules.tspec': `module Hearings "Hearings" { covers ExchangeInformationAtHearings }
module Reports "Reports" { covers DevelopSentencingProposals, RoSH.a }
module Loose "Loose" { covers CommunityConcerns }`
};

let workspace: TestWorkspace;
let analysis: CoverageAnalysis;

beforeAll(async () => {
    workspace = await TestWorkspace.create(FILES);
    analysis = workspace.services.shared.coverage.CoverageAnalysis;
});

function coverageOf(programme: string): ProgrammeCoverage {
    return analysis.ofProgramme(workspace.declaration(programme, isProgramme));
}

function statusOf(coverage: ProgrammeCoverage, item: string): RequirementStatus | undefined {
    return coverage.requirements.find(status => workspace.nameOf(status.item) === item);
}

function moduleNames(modules: Array<{ name: string }>): string[] {
    return modules.map(module => module.name);
}

describe('the coverage of a programme', () => {
    test('counts its own modules, then those it includes from other files, each once', () => {
        const court = coverageOf('Court');
        expect(moduleNames(court.modules)).toEqual(['Risk', 'Hearings', 'Reports']);
        expect(AstUtils.getDocument(court.modules[1]).uri.toString()).toBe('file:///workspace/modules.tspec');
    });

    test('credits a requirement to every module that covers it, wherever the module is declared', () => {
        const court = coverageOf('Court');
        expect(moduleNames(statusOf(court, 'ExchangeInformationAtHearings')!.coveredBy)).toEqual(['Hearings']);
        expect(moduleNames(statusOf(court, 'RoSH.a')!.coveredBy)).toEqual(['Risk', 'Reports']);
    });

    test('meets a skill set with any unit of it', () => {
        const court = coverageOf('Court');
        expect(moduleNames(statusOf(court, 'RiskSkills')!.coveredBy)).toEqual(['Risk']);
        expect(moduleNames(statusOf(court, 'CaseManagementSkills')!.coveredBy)).toEqual(['Hearings', 'Reports']);
        expect(statusOf(court, 'DiversitySkills')!.coveredBy).toEqual([]);
    });

    test('counts each requirement once, keeping every reason for it', () => {
        const court = coverageOf('Court');
        // CourtWorkSpecialist's 2 units (which the pathway repeats) and CaseManager's 36.
        expect(court.requirements).toHaveLength(38);
        expect(court.roles.map(requirements => requirements.role.name)).toEqual(['CourtWorkSpecialist', 'CaseManager']);
        expect(statusOf(court, 'DevelopSentencingProposals')!.origins.map(origin => origin.kind === 'role' ? `role ${origin.role.name} #${origin.roleIndex}` : `pathway ${origin.area.name}`))
            .toEqual(['role CourtWorkSpecialist #0', 'pathway CourtWork']);
        expect(statusOf(court, 'RoSH.a')!.origins).toMatchObject([{ kind: 'role', roleIndex: 1, via: [{ name: 'CaseManager' }] }]);
    });

    test('lists as gaps exactly the requirements that no module covers', () => {
        const court = coverageOf('Court');
        const covered = court.requirements.filter(status => status.coveredBy.length > 0).map(status => workspace.nameOf(status.item));
        expect(covered).toEqual(['ExchangeInformationAtHearings', 'DevelopSentencingProposals', 'RoSH.a', 'RiskSkills', 'CaseManagementSkills']);
        expect(court.gaps).toHaveLength(33);
        expect(court.gaps.every(gap => gap.coveredBy.length === 0)).toBe(true);
        expect(court.pathwayMissingFor).toBeUndefined();
    });

    test('does not count a module the programme does not include, even if it covers the gap', () => {
        const safety = coverageOf('Safety');
        expect(moduleNames(safety.modules)).toEqual(['Reports']);
        expect(safety.gaps.map(gap => workspace.nameOf(gap.item))).toEqual(['CommunityConcerns']);
    });
});

describe('the programmes of the workspace', () => {
    test('all() holds every programme once', () => {
        expect(analysis.all().map(coverage => coverage.programme.name)).toEqual(['Court', 'Safety']);
    });

    test('programmesOf(module) names the programme that contains it and every one that includes it', () => {
        expect(analysis.programmesOf(workspace.declaration('Risk', isModule)).map(programme => programme.name)).toEqual(['Court']);
        expect(analysis.programmesOf(workspace.declaration('Reports', isModule)).map(programme => programme.name)).toEqual(['Court', 'Safety']);
        expect(analysis.programmesOf(workspace.declaration('Loose', isModule))).toEqual([]);
    });

    test('a programme for a role that needs a pathway and names none records that role', async () => {
        const trainees = await TestWorkspace.create({ 'trainees.tspec': `programme Trainees "Trainees" { prepares CaseManager, PO }` });
        const coverage = trainees.services.shared.coverage.CoverageAnalysis.ofProgramme(trainees.declaration('Trainees', isProgramme));
        expect(coverage.pathwayMissingFor?.name).toBe('PO');
    });

    test('an edit in another file is seen by the next analysis', async () => {
        const edited = await TestWorkspace.create(FILES);
        await edited.write('modules.tspec', FILES['modules.tspec'].replace('covers ExchangeInformationAtHearings', 'covers RoSH.b'));
        const coverage = edited.services.shared.coverage.CoverageAnalysis.ofProgramme(edited.declaration('Court', isProgramme));
        const gapNames = coverage.gaps.map(gap => edited.nameOf(gap.item));
        expect(gapNames).toContain('ExchangeInformationAtHearings');
        expect(gapNames).not.toContain('RoSH.b');
        expect(edited.services.shared.coverage.CoverageAnalysis.programmesOf(edited.declaration('Hearings', isModule)).map(programme => programme.name)).toEqual(['Court']);
    });
});
