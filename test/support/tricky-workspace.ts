import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './run-cli.js';

/**
 * Files that fall into several groups, whose findings depend on names in other groups: a
 * misspelt module and a misspelt role whose best suggestions are declared elsewhere, a name
 * declared in two files, a workspace catalogue, a broken file and the incomplete example.
 */
export const TRICKY_WORKSPACE: Record<string, string> = {
    'modules/intro.tspec': `module IntroductionToProbation "Introduction to probation" {
    hours 10
    covers RoSH.a
}
programme Foundation "Foundation" {
    prepares PSO
    includes IntroductionToProbation
}
`,
    'programmes/typo.tspec': `programme Typo "A programme with misspelt names" {
    prepares PSO, Mentr
    includes IntroductionToProbaton
}
`,
    'catalogue/local.nos': `role Mentor "Mentor" extends PSO {
    requires RoSH.a
}
`,
    'programmes/mentor.tspec': `programme MentorCourse "Mentor course" {
    prepares Mentor
    module MentorRisk "Risk for mentors" { hours 5 covers RoSH.a }
}
`,
    'one/twice.tspec': 'module Twice "Once" {\n    covers RoSH.b\n}\n',
    'two/twice.tspec': 'module Twice "Twice" {\n    covers RoSH.c\n}\n',
    'broken.tspec': 'programme Broken "Broken" {\n    prepares PSO\n    module Half "Half" { covers \n',
    'incomplete.tspec': readFileSync(join(REPO_ROOT, 'examples', 'incomplete', 'programme.tspec'), 'utf8')
};
