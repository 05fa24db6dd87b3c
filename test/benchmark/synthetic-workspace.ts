/**
 * Synthetic but realistic TrainSpec workspaces for the benchmark.
 *
 * A workspace of `size` spec files has three kinds of file:
 * - core module files (`core/core-N.tspec`): five modules that between them cover the core of
 *   PSO, PO and CaseManager (each lettered competence, each core skill set, the PQF outcomes);
 * - elective module files (`electives/electives-N.tspec`): five modules covering further
 *   standards that no target role requires;
 * - programme files (`programmes/programme-N.tspec`): a programme that prepares PSO, PO or
 *   CaseManager with a pathway, includes the five modules of one core file and three of one
 *   elective file, and has two modules of its own (the pathway's units, and reflective practice).
 *
 * Every programme is fully covered and every module belongs to a programme, so a clean
 * workspace has no findings at all. Dropping one `covers` item from a core module opens
 * exactly one gap in each programme that includes it (see `breakCoreFile`).
 */

export const ROLES = ['PSO', 'PO', 'CaseManager'] as const;
export type TargetRole = typeof ROLES[number];

export interface SyntheticProgramme {
    path: string;
    role: TargetRole;
    /** The core module file whose five modules it includes. */
    coreFile: string;
}

export interface SyntheticWorkspace {
    /** Relative path → text. */
    files: Record<string, string>;
    coreFiles: string[];
    programmes: SyntheticProgramme[];
}

/** Each Annex A area with its units (from s10-guidelines.nos). */
export const PATHWAYS: Array<[string, string[]]> = [
    ['OffenderManagement', ['ObtainInformation', 'DevelopSentencingProposals', 'SuperviseLowMediumRisk', 'AssessNeedsAndPlan', 'SuperviseIntegratedInterventions']],
    ['CommunityPayback', ['AssessWorkplaceRisk', 'AssessNeedsAndPlan', 'ProvideDevelopmentActivities']],
    ['ApprovedPremises', ['ObtainInformation', 'AssessNeedsAndPlan', 'SuperviseIntegratedInterventions', 'ProvideDevelopmentActivities']],
    ['CourtWork', ['ExchangeInformationAtHearings', 'DevelopSentencingProposals']],
    ['Programmes', ['DevelopSentencingProposals', 'AssessNeedsAndPlan', 'DeliverAccreditedProgrammes']],
    ['Victims', ['InitialVictimSupport', 'HelpVictimsManageEffects', 'ExchangeInformationAtHearings', 'MaintainVictimContact', 'EnableVictimSupport', 'VictimRiskInterventions']],
    ['CommunitySafety', ['CommunityConcerns']],
    ['PrisonWork', ['ObtainInformation', 'SuperviseIntegratedInterventions', 'ProvideDevelopmentActivities', 'SupportResettlement']],
    ['RestorativeJustice', ['PrepareRestorativeParticipants', 'FacilitateRestorativeInteraction', 'ImplementRestorativeOutcomes']]
];

const letters = (group: string, last: string): string[] =>
    Array.from({ length: last.charCodeAt(0) - 96 }, (_, index) => `${group}.${String.fromCharCode(97 + index)}`);

export interface ModuleTemplate {
    suffix: string;
    title: string;
    hours: number;
    assessedBy: string;
    covers: string[];
}

/** The first core module's first two items: PSO and PO need the first, CaseManager the second, and no other module covers either. */
const RISK_ITEMS_DROPPED_BY_EDIT = ['PsoAssessRisk', 'RoSH.a'];

/** The one gap that `breakCoreFile` opens in a programme that includes the broken file. */
export function gapAfterBreak(role: TargetRole): string {
    return role === 'CaseManager' ? 'RoSH.a' : 'PsoAssessRisk';
}

export const CORE_MODULES: ModuleTemplate[] = [
    { suffix: 'Risk', title: 'Assessing and managing risk of serious harm', hours: 60, assessedBy: '"written assignment", observation',
        covers: [...RISK_ITEMS_DROPPED_BY_EDIT, ...letters('RoSH', 'i').slice(1), 'AssessRiskOfHarm', 'PoProtectPublic'] },
    { suffix: 'Diversity', title: 'Diversity and communication in practice', hours: 40, assessedBy: '"case study", "reflective log"',
        covers: [...letters('Diversity', 'c'), ...letters('Communication', 'e'), 'PromoteEqualityAndDiversity', 'CommunicateEffectively', 'PsoPromoteEquality', 'PoPromoteEquality', 'PsoCommunicate'] },
    { suffix: 'Partnership', title: 'Working with colleagues and other agencies', hours: 30, assessedBy: 'portfolio',
        covers: [...letters('Tactical', 'b'), 'TeamWorking', 'PsoWorkWithOthers'] },
    { suffix: 'Change', title: 'Engaging people on probation to change', hours: 50, assessedBy: 'observation, "professional discussion"',
        covers: [...letters('Engage', 'e'), 'AddressOffendingBehaviour', 'PsoSupportChange', 'PoInfluenceChange', 'UnderstandingOfOffending', 'PoEvidenceBasedPractice'] },
    { suffix: 'CaseManagement', title: 'Case management, policy and sentencing', hours: 50, assessedBy: '"written assignment", examination',
        covers: [...letters('CaseManagement', 'f'), 'ObtainInformation', 'AssessNeedsAndPlan', 'KnowledgeOfPolicy'] }
];

export const ELECTIVE_MODULES: ModuleTemplate[] = [
    { suffix: 'Substances', title: 'Substance misuse', hours: 20, assessedBy: '"case study"',
        covers: ['RecogniseSubstanceMisuse', 'SupportSubstanceUsers', 'SupportAffectedBySubstanceUse'] },
    { suffix: 'Abuse', title: 'Safeguarding and abusive behaviour', hours: 20, assessedBy: 'observation',
        covers: ['ProtectFromAbuse', 'PreventAbusiveBehaviour'] },
    { suffix: 'HighRisk', title: 'Introduction to high risk of serious harm cases', hours: 30, assessedBy: '"written assignment"',
        covers: letters('HighRoSH', 'e') },
    { suffix: 'Services', title: 'Partner services and agencies', hours: 15, assessedBy: '"reflective log"',
        covers: ['WorkWithOtherAgencies', 'AccessServices'] },
    { suffix: 'Resettlement', title: 'Resettlement and goals', hours: 25, assessedBy: 'portfolio, "professional discussion"',
        covers: ['SupportResettlement', 'ReinforceBehaviouralGoals', 'AddressDifficulties'] }
];

const ELECTIVES_PER_PROGRAMME = 3;

export function moduleText(name: string, template: ModuleTemplate, indent = ''): string {
    return [
        `${indent}module ${name} "${template.title}" {`,
        `${indent}    hours ${template.hours}`,
        `${indent}    assessed by ${template.assessedBy}`,
        `${indent}    covers ${template.covers.join(', ')}`,
        `${indent}}`
    ].join('\n');
}

function moduleFile(comment: string, prefix: string, templates: ModuleTemplate[]): string {
    return `// ${comment}\n\n${templates.map(template => moduleText(prefix + template.suffix, template)).join('\n\n')}\n`;
}

function programmeText(index: number, role: TargetRole, core: number, elective: number, electives: ModuleTemplate[]): string {
    const [area, units] = PATHWAYS[index % PATHWAYS.length];
    const name = `Programme${index}`;
    const pathway: ModuleTemplate = { suffix: '', title: `Specialist practice: ${area}`, hours: 80, assessedBy: 'observation, portfolio',
        covers: ['PsoSpecialistPathway', ...units] };
    const reflective: ModuleTemplate = { suffix: '', title: 'Becoming a reflective practitioner', hours: 20, assessedBy: '"reflective log"',
        covers: ['PsoDevelopSelf', 'PoDevelopProfessionally', 'OwnDevelopment'] };
    return `// Synthetic programme ${index}: ${role} on the ${area} pathway.
programme ${name} "${role} training, cohort ${index}" {
    prepares ${role}
    pathway ${area}

    // Core practice (core-${core}.tspec) and electives (electives-${elective}.tspec).
    includes ${CORE_MODULES.map(template => `Core${core}${template.suffix}`).join(', ')}
    includes ${electives.map(template => `Elective${elective}${template.suffix}`).join(', ')}

${moduleText(`${name}Pathway`, pathway, '    ')}

${moduleText(`${name}Reflection`, reflective, '    ')}
}
`;
}

/** A workspace of `size` spec files: one eighth core module files, one eighth elective ones, the rest programmes. */
export function createSyntheticWorkspace(size: number): SyntheticWorkspace {
    const libraryFiles = Math.max(1, Math.floor(size / 8));
    const files: Record<string, string> = {};
    const coreFiles: string[] = [];
    const programmes: SyntheticProgramme[] = [];
    for (let index = 0; index < libraryFiles; index++) {
        const core = `core/core-${index}.tspec`;
        files[core] = moduleFile(`Core practice modules, set ${index}: shared by several programmes.`, `Core${index}`, CORE_MODULES);
        coreFiles.push(core);
        files[`electives/electives-${index}.tspec`] = moduleFile(`Elective modules, set ${index}.`, `Elective${index}`, ELECTIVE_MODULES);
    }
    for (let index = 0; index < size - 2 * libraryFiles; index++) {
        const core = index % libraryFiles;
        const elective = index % libraryFiles;
        // Successive programmes that share an elective file take different electives, so each one is used.
        const round = Math.floor(index / libraryFiles);
        const electives = Array.from({ length: ELECTIVES_PER_PROGRAMME }, (_, offset) =>
            ELECTIVE_MODULES[(round * ELECTIVES_PER_PROGRAMME + offset) % ELECTIVE_MODULES.length]);
        const path = `programmes/programme-${index}.tspec`;
        // By round too, so that the programmes sharing a core file prepare different roles.
        const role = ROLES[round % ROLES.length];
        files[path] = programmeText(index, role, core, elective, electives);
        programmes.push({ path, role, coreFile: coreFiles[core] });
    }
    return { files, coreFiles, programmes };
}

/** The core file's text with the first module's first two `covers` items removed. */
export function breakCoreFile(text: string): string {
    const covers = `covers ${RISK_ITEMS_DROPPED_BY_EDIT.join(', ')}, `;
    if (!text.includes(covers)) {
        throw new Error('The core file does not have the expected covers line');
    }
    return text.replace(covers, 'covers ');
}
