/**
 * Workspaces for the batch check part of the benchmark (issue 6 §4): specs of about 3 KB with
 * 6–14 modules each, in two shapes.
 *
 * - `self-contained`: every programme file holds its programme and all its modules (each group
 *   of the batch check is one file);
 * - `clusters`: 50 programmes share 5 module files (each group is 55 files).
 *
 * Every programme is fully covered and every module belongs to one, so a correct check finds
 * nothing. `changeOneModuleFile` changes a module's hours in one file, which changes nothing
 * reported either.
 */
import { CORE_MODULES, ELECTIVE_MODULES, moduleText, PATHWAYS, ROLES, type ModuleTemplate } from './synthetic-workspace.js';

export type BatchShape = 'self-contained' | 'clusters';

export interface BatchWorkspace {
    /** Relative path → text. */
    files: Record<string, string>;
    /** A file that holds modules, for the "one module file changed" measure, and its changed text. */
    moduleFile: string;
    changedModuleFile: string;
    /** The size of the largest group of files that can affect each other. */
    largestGroup: number;
}

const PROGRAMMES_PER_CLUSTER = 50;
const SHARED_FILES_PER_CLUSTER = 5;

/** Electives with at least three `covers` items, taken in turn for a programme's extra modules. */
const EXTRAS = ELECTIVE_MODULES.filter(template => template.covers.length >= 3);

export function createBatchWorkspace(specs: number, shape: BatchShape): BatchWorkspace {
    return shape === 'self-contained' ? selfContained(specs) : clusters(specs);
}

/** The file's first `hours N` becomes `hours N+1`. */
export function changeOneModuleFile(text: string): string {
    return text.replace(/hours (\d+)/, (_, hours: string) => `hours ${Number(hours) + 1}`);
}

function selfContained(specs: number): BatchWorkspace {
    const files: Record<string, string> = {};
    for (let index = 0; index < specs; index++) {
        const name = `Programme${index}`;
        // 5 core modules, the pathway's and a reflective one, then 0–7 extras: 7–14 modules.
        const modules = [
            ...CORE_MODULES.map(template => [`${name}${template.suffix}`, template] as const),
            ...ownModules(name, index, index % 8)
        ];
        files[`programmes/${String(index).padStart(5, '0')}.tspec`] = programme(index, [], modules);
    }
    const moduleFile = 'programmes/00000.tspec';
    return { files, moduleFile, changedModuleFile: changeOneModuleFile(files[moduleFile]), largestGroup: 1 };
}

function clusters(specs: number): BatchWorkspace {
    const files: Record<string, string> = {};
    const perCluster = PROGRAMMES_PER_CLUSTER + SHARED_FILES_PER_CLUSTER;
    const count = Math.max(1, Math.round(specs / perCluster));
    for (let cluster = 0; cluster < count; cluster++) {
        const folder = `cluster-${String(cluster).padStart(4, '0')}`;
        const shared: string[] = [];
        CORE_MODULES.forEach((template, index) => {
            const core = `Cluster${cluster}${template.suffix}`;
            const elective = `Cluster${cluster}Elective${index}`;
            shared.push(core, elective);
            files[`${folder}/modules-${index}.tspec`] = `// Shared modules of cluster ${cluster}.\n\n${moduleText(core, template)}\n\n${moduleText(elective, EXTRAS[index % EXTRAS.length])}\n`;
        });
        for (let index = 0; index < PROGRAMMES_PER_CLUSTER; index++) {
            const number = cluster * PROGRAMMES_PER_CLUSTER + index;
            // Its own 5 core, pathway and reflective modules and 0–2 extras (7–9 modules, about 3 KB), and the 10 shared ones.
            const name = `Programme${number}`;
            const own = [...CORE_MODULES.map(template => [`${name}${template.suffix}`, template] as const), ...ownModules(name, number, number % 3)];
            files[`${folder}/programme-${String(index).padStart(2, '0')}.tspec`] = programme(number, shared, own);
        }
    }
    const moduleFile = 'cluster-0000/modules-0.tspec';
    return { files, moduleFile, changedModuleFile: changeOneModuleFile(files[moduleFile]), largestGroup: perCluster };
}

function ownModules(name: string, index: number, extras: number): Array<readonly [string, ModuleTemplate]> {
    const [area, units] = PATHWAYS[index % PATHWAYS.length];
    const pathway: ModuleTemplate = { suffix: '', title: `Specialist practice: ${area}`, hours: 80, assessedBy: 'observation, portfolio',
        covers: ['PsoSpecialistPathway', ...units] };
    const reflective: ModuleTemplate = { suffix: '', title: 'Becoming a reflective practitioner', hours: 20, assessedBy: '"reflective log"',
        covers: ['PsoDevelopSelf', 'PoDevelopProfessionally', 'OwnDevelopment'] };
    return [
        [`${name}Pathway`, pathway],
        [`${name}Reflection`, reflective],
        ...Array.from({ length: extras }, (_, extra) => [`${name}Extra${extra}`, EXTRAS[(index + extra) % EXTRAS.length]] as const)
    ];
}

function programme(index: number, includes: string[], modules: ReadonlyArray<readonly [string, ModuleTemplate]>): string {
    const role = ROLES[index % ROLES.length];
    const [area] = PATHWAYS[index % PATHWAYS.length];
    return `// Synthetic programme ${index}: ${role} on the ${area} pathway.
programme Programme${index} "${role} training, cohort ${index}" {
    prepares ${role}
    pathway ${area}
${includes.length > 0 ? `    includes ${includes.join(', ')}\n` : ''}
${modules.map(([name, template]) => moduleText(name, template, '    ')).join('\n\n')}
}
`;
}
