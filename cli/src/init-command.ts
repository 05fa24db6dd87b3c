import { lstatSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME } from '../../language/src/protocol/constants.js';
import { UsageError } from './cli-error.js';
import { visibleText } from './reports/terminal-text.js';

export const SAMPLE_PROGRAMME_NAME = 'programme.tspec';

/** A starter configuration: every setting shown once, with the defaults, so that it is clear what can change. */
export const STARTER_CONFIG = `{
  "severity": {
    "uncovered-requirement": "warning",
    "orphan-module": "warning",
    "skill-set-covered": "information"
  },
  "ignore": [
    "drafts/**"
  ]
}
`;

/** A small programme, with no errors and a few gaps left on purpose, to show what a gap looks like. */
export const SAMPLE_PROGRAMME = `// A sample programme for Probation Services Officers on the Community Payback
// pathway. Run 'trainspec check' to see the requirements of the PSO role and the
// pathway that no module covers yet, then add modules or 'covers' lines until
// none are left. Hover over a name in VS Code to read the standard's words.

programme SamplePsoPayback "PSO Diploma: Community Payback pathway" {
    prepares PSO
    pathway CommunityPayback
    route PsoRoute

    module SamplePolicy "Probation policy, enforcement and community sentences" {
        hours 30
        assessed by "written assignment"
        covers KnowledgeOfPolicy
    }

    module SampleOffending "Understanding offending and supporting change" {
        hours 30
        assessed by "case study", "reflective log"
        covers UnderstandingOfOffending, PsoSupportChange
    }

    module SampleRiskOfHarm "Assessing risk of harm in unpaid work" {
        hours 25
        assessed by observation, "case study"
        covers PsoAssessRisk, AssessRiskOfHarm
    }

    module SampleCommunication "Equality, diversity and communication on placement" {
        hours 20
        assessed by observation, portfolio
        covers PsoPromoteEquality, PsoCommunicate, PromoteEqualityAndDiversity, CommunicateEffectively
    }

    module SamplePlacements "Assessing needs and planning unpaid work placements" {
        hours 25
        assessed by observation, portfolio
        covers AssessNeedsAndPlan, AssessWorkplaceRisk, PsoSpecialistPathway
    }
}
`;

/** `trainspec init`: writes a starter configuration and a sample programme into the current folder, never over a file. */
export function runInit(paths: string[], cwd: string): number {
    if (paths.length > 0) {
        throw new UsageError(`'init' takes no paths; run it in the folder to set up.`);
    }
    const files: Array<[string, string]> = [[CONFIG_FILE_NAME, STARTER_CONFIG], [SAMPLE_PROGRAMME_NAME, SAMPLE_PROGRAMME]];
    const existing = files.map(([name]) => name).filter(name => exists(join(cwd, name)));
    if (existing.length > 0) {
        return refuse(`${existing.join(' and ')} already ${existing.length === 1 ? 'exists' : 'exist'} here; 'init' writes only into a folder without them.`);
    }
    for (const [name, text] of files) {
        try {
            // 'wx' refuses to write over a file that appears in the meantime.
            writeFileSync(join(cwd, name), text, { flag: 'wx' });
        } catch (error) {
            return refuse(`${name}: ${writeFailure(error)}`);
        }
    }
    process.stdout.write(`Wrote ${CONFIG_FILE_NAME} and ${SAMPLE_PROGRAMME_NAME}. Run 'trainspec check' to check the programme.\n`);
    return 0;
}

function refuse(message: string): number {
    process.stderr.write(`trainspec: ${visibleText(message)}\n`);
    return 2;
}

/** Anything at the path counts, a broken link too: writing through it would create a file elsewhere. */
function exists(path: string): boolean {
    try {
        lstatSync(path);
        return true;
    } catch {
        return false;
    }
}

function writeFailure(error: unknown): string {
    switch ((error as NodeJS.ErrnoException).code) {
        case 'EEXIST':
            return 'already exists.';
        case 'EACCES':
        case 'EPERM':
        case 'EROFS':
            return 'cannot be written here (permission denied).';
        default:
            return `cannot be written: ${String((error as Error).message ?? error)}.`;
    }
}
