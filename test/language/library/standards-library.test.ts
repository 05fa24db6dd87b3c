import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { itemProvenance, type CatalogueItem } from '../../../language/src/catalogue/item-descriptions.js';
import {
    isArea, isCompetence, isCompetenceGroup, isGuidance, isItem, isOutcome, isQualification, isRole, isRoute, isSkillSet, isUnit
} from '../../../language/src/generated/ast.js';
import { isCopyOfBuiltinCatalogue } from '../../../language/src/library/standards-library.js';
import { TestWorkspace } from '../../support/test-workspace.js';

// The seeds sit next to the repository: /work/shared/seeds for /work/main, ../shared/seeds in CI.
const SEEDS = new URL('../../../../shared/seeds/', import.meta.url);
const SEED_OF_DOCUMENT: Record<string, string> = {
    PQFLeaflet: '000_597de83509f447e1.txt',
    S10Guidelines: '003_6d4b786ecd3745dd.txt'
};

/** Runs of whitespace, no-break spaces included, become one space. */
function normalise(text: string): string {
    return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

let library: LangiumDocument[];
let nodes: AstNode[];

function all<T extends AstNode>(is: (node: unknown) => node is T): T[] {
    return nodes.filter(is);
}

function names(items: Array<{ name: string }>): string[] {
    return items.map(item => item.name);
}

/** How a test failure names an item: competences by group and letter, as specs refer to them. */
function label(item: CatalogueItem): string {
    return isCompetence(item) ? `${item.$container.name}.${item.name}` : item.name;
}

beforeAll(async () => {
    const workspace = await TestWorkspace.create({});
    const { StandardsLibrary } = workspace.services.shared.library;
    library = workspace.services.shared.workspace.LangiumDocuments.all.filter(document => StandardsLibrary.isBuiltin(document.uri)).toArray();
    nodes = library.flatMap(document => AstUtils.streamAllContents(document.parseResult.value).toArray());
});

describe('the built-in standards library', () => {
    test('parses and validates without a single diagnostic', () => {
        expect(library.map(document => document.uri.toString()).sort()).toEqual(['builtin:/pqf-leaflet.nos', 'builtin:/roles.nos', 'builtin:/s10-guidelines.nos']);
        for (const document of library) {
            expect(document.parseResult.lexerErrors, document.uri.toString()).toEqual([]);
            expect(document.parseResult.parserErrors, document.uri.toString()).toEqual([]);
            expect(document.diagnostics, document.uri.toString()).toEqual([]);
        }
    });

    test('holds the six core skill sets of s10 section 2, a to f', () => {
        const skillSets = all(isSkillSet);
        expect(names(skillSets)).toEqual(['RiskSkills', 'DiversitySkills', 'CommunicationSkills', 'TacticalSkills', 'EngageSkills', 'CaseManagementSkills']);
        expect(skillSets.map(skillSet => skillSet.section)).toEqual(['2(a)', '2(b)', '2(c)', '2(d)', '2(e)', '2(f)']);
    });

    test('defines each of the 35 distinct NOS units of Annex A once: 16 under the core skill sets, 19 in the specialist areas', () => {
        const units = all(isUnit);
        expect(units).toHaveLength(35);
        expect(new Set(names(units)).size).toBe(35);
        expect(new Set(units.map(unit => unit.title)).size).toBe(35);
        const perSkillSet = Object.fromEntries(all(isSkillSet).map(skillSet => [skillSet.name, units.filter(unit => unit.skillSet.ref === skillSet).length]));
        expect(perSkillSet).toEqual({
            RiskSkills: 3, DiversitySkills: 1, CommunicationSkills: 2, TacticalSkills: 3, EngageSkills: 7, CaseManagementSkills: 19
        });
    });

    test('lists the units of each of the nine specialist areas as Annex A does', () => {
        const areas = Object.fromEntries(all(isArea).map(area => [area.name, area.units.map(unit => unit.ref?.name)]));
        expect(areas).toEqual({
            OffenderManagement: ['ObtainInformation', 'DevelopSentencingProposals', 'SuperviseLowMediumRisk', 'AssessNeedsAndPlan', 'SuperviseIntegratedInterventions'],
            CommunityPayback: ['AssessWorkplaceRisk', 'AssessNeedsAndPlan', 'ProvideDevelopmentActivities'],
            ApprovedPremises: ['ObtainInformation', 'AssessNeedsAndPlan', 'SuperviseIntegratedInterventions', 'ProvideDevelopmentActivities'],
            CourtWork: ['ExchangeInformationAtHearings', 'DevelopSentencingProposals'],
            Programmes: ['DevelopSentencingProposals', 'AssessNeedsAndPlan', 'DeliverAccreditedProgrammes'],
            Victims: ['InitialVictimSupport', 'HelpVictimsManageEffects', 'ExchangeInformationAtHearings', 'MaintainVictimContact', 'EnableVictimSupport', 'VictimRiskInterventions'],
            CommunitySafety: ['CommunityConcerns'],
            PrisonWork: ['ObtainInformation', 'SuperviseIntegratedInterventions', 'ProvideDevelopmentActivities', 'SupportResettlement'],
            RestorativeJustice: ['PrepareRestorativeParticipants', 'FacilitateRestorativeInteraction', 'ImplementRestorativeOutcomes']
        });
    });

    test('refers to a unit that several areas list rather than defining it again', () => {
        const areasListing = (unitName: string) => all(isArea).filter(area => area.units.some(unit => unit.ref?.name === unitName)).length;
        expect(areasListing('AssessNeedsAndPlan')).toBe(4);
        expect(areasListing('DevelopSentencingProposals')).toBe(3);
        const specialistUnits = new Set(all(isArea).flatMap(area => area.units.map(unit => unit.ref)));
        expect([...specialistUnits].every(unit => unit?.skillSet.ref?.name === 'CaseManagementSkills')).toBe(true);
        expect(specialistUnits.size).toBe(19);
    });

    test('holds the 39 lettered core competences of s10 sections 3.1 to 3.6', () => {
        const groups = all(isCompetenceGroup);
        expect(Object.fromEntries(groups.map(group => [group.name, names(group.competences).join('')]))).toEqual({
            RoSH: 'abcdefghi', HighRoSH: 'abcdefghi', Diversity: 'abc', Communication: 'abcde', Tactical: 'ab', Engage: 'abcde', CaseManagement: 'abcdef'
        });
        expect(groups.map(group => group.section)).toEqual(['3.1', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6']);
        expect(all(isCompetence)).toHaveLength(39);
    });

    test('holds the 14 PQF outcomes: 7 for a PSO, 5 more for a PO and 2 knowledge outcomes', () => {
        const outcomes = names(all(isOutcome));
        expect(outcomes).toHaveLength(14);
        expect(outcomes.filter(name => /^Pso[A-Z]/.test(name))).toHaveLength(7);
        expect(outcomes.filter(name => /^Po[A-Z]/.test(name))).toHaveLength(5);
        expect(outcomes.filter(name => !/^Ps?o[A-Z]/.test(name))).toEqual(['KnowledgeOfPolicy', 'UnderstandingOfOffending']);
    });

    test('holds the 4 qualifications and the 3 work-based routes of the PQF', () => {
        expect(names(all(isQualification))).toEqual(['VQ3Diploma', 'HonoursDegreeCJ', 'GraduateDiplomaCJ', 'VQ5Diploma']);
        expect(all(isRoute).map(route => [route.name, route.role.ref?.name, names(route.qualifications.map(ref => ref.ref!)), route.workBased])).toEqual([
            ['PsoRoute', 'PSO', ['VQ3Diploma'], true],
            ['PoHonoursRoute', 'PO', ['HonoursDegreeCJ', 'VQ5Diploma'], true],
            ['PoGraduateRoute', 'PO', ['GraduateDiplomaCJ', 'VQ5Diploma'], true]
        ]);
    });

    test('holds the 13 roles: PSO, PO, the two case managers and one specialist per area', () => {
        expect(names(all(isRole))).toEqual([
            'PSO', 'PO', 'CaseManager', 'HighRiskCaseManager',
            'OffenderManagementSpecialist', 'CommunityPaybackSpecialist', 'ApprovedPremisesSpecialist', 'CourtWorkSpecialist', 'ProgrammesSpecialist',
            'VictimsSpecialist', 'CommunitySafetySpecialist', 'PrisonWorkSpecialist', 'RestorativeJusticeSpecialist'
        ]);
    });

    test('holds the context that hover can quote: Annex A, the section 3 lead-in, 3.7 and 3.8', () => {
        expect(all(isGuidance).map(guidance => [guidance.name, guidance.section])).toEqual([
            ['AnnexA', 'Annex A'], ['CoreCompetencesIntro', '3'], ['Placements', '3.7'], ['DemonstratingCompliance', '3.8']
        ]);
    });
});

describe('the wording of the built-in library', () => {
    const items = (): CatalogueItem[] => nodes.filter((node): node is CatalogueItem => isItem(node) || isCompetence(node));

    /** The texts an item quotes from its seed: the standard's own words, any lead-in text, and its notes. */
    function quotedTexts(item: CatalogueItem): string[] {
        if (isCompetence(item)) {
            return [item.text];
        }
        const ownWords = isUnit(item) || isOutcome(item) || isQualification(item) || isArea(item) ? [item.title] : [];
        return [...ownWords, ...(item.text ? [item.text] : []), ...item.notes];
    }

    test('gives every item its provenance: the source document and the section', () => {
        const withoutProvenance = items()
            .filter(item => !itemProvenance(item).document || !itemProvenance(item).section)
            .map(label);
        expect(withoutProvenance).toEqual([]);
        // 6 skill sets, 35 units, 9 areas, 7 competence groups, 39 competences, 14 outcomes, 4 qualifications, 3 routes, 13 roles, 4 guidance.
        expect(items()).toHaveLength(134);
    });

    test('quotes every unit, competence, outcome, skill set, guidance and note verbatim from its seed', () => {
        const seeds = new Map(Object.entries(SEED_OF_DOCUMENT).map(([document, file]) => [document, normalise(readFileSync(new URL(file, SEEDS), 'utf8'))]));
        const notInSeed: string[] = [];
        let checked = 0;
        for (const item of items()) {
            const seed = seeds.get(itemProvenance(item).document?.name ?? '');
            for (const text of quotedTexts(item)) {
                checked++;
                if (!seed?.includes(normalise(text))) {
                    notInSeed.push(`${label(item)}: ${text}`);
                }
            }
        }
        expect(notInSeed).toEqual([]);
        // 35 unit titles, 39 competences, 14 outcomes, 6 skill set texts and 3 guidance texts at the least.
        expect(checked).toBeGreaterThan(35 + 39 + 14 + 6 + 3);
    });

});

describe('copies of the built-in catalogues', () => {
    const LIBRARY_FOLDER = new URL('../../../language/src/library/', import.meta.url);
    const CATALOGUES = ['s10-guidelines.nos', 'pqf-leaflet.nos', 'roles.nos'];
    const sourceOf = (name: string) => readFileSync(new URL(name, LIBRARY_FOLDER), 'utf8');

    test.each(CATALOGUES)('recognise the library\'s own source %s, also with Windows line endings and a byte-order mark', name => {
        const text = sourceOf(name);
        expect(isCopyOfBuiltinCatalogue(text)).toBe(true);
        expect(isCopyOfBuiltinCatalogue(text.replace(/\n/g, '\r\n'))).toBe(true);
        expect(isCopyOfBuiltinCatalogue(`\uFEFF${text}`)).toBe(true);
    });

    test('do not include an edited copy, a part of one, or any other file', async () => {
        const roles = sourceOf('roles.nos');
        expect(isCopyOfBuiltinCatalogue(roles.replace('role PSO', 'role Pso'))).toBe(false);
        expect(isCopyOfBuiltinCatalogue(roles.slice(0, roles.length / 2))).toBe(false);
        expect(isCopyOfBuiltinCatalogue(`${roles}\nrole Extra "Extra" { requires PSO }\n`)).toBe(false);
        expect(isCopyOfBuiltinCatalogue('')).toBe(false);
        expect((await TestWorkspace.create({})).services.shared.library.StandardsLibrary.isCopy(roles)).toBe(true);
    });
});
