import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { createTrainSpecServices } from '../../../language/src/trainspec-module.js';

const services = createTrainSpecServices(EmptyFileSystem);
const parseSpec = parseHelper(services.spec);
const parseCatalogue = parseHelper(services.standards);

/** The syntax errors of a document, lexing first, each with its 1-based line. */
function syntaxErrors(document: LangiumDocument): string[] {
    const { lexerErrors, parserErrors } = document.parseResult;
    return [...lexerErrors.map(error => error.message), ...parserErrors.map(error => error.message)];
}

const MODULE = (body: string): string => `module M "Module" {\n    ${body}\n}`;
const PROGRAMME = (body: string): string => `programme P "Programme" {\n    ${body}\n}`;

// Every place in the .tspec grammar where a token is needed, as a designer would get it wrong.
const SPEC_CASES: Array<[string, string]> = [
    ['programme {\n}', '`programme` needs a name, such as `programme PsoDiploma "PSO Diploma" {`.'],
    ['programme P {\n}', 'A title in quotes is missing after the name `P`, such as `P "Assessing risk"`.'],
    ['programme P "Programme"\n    prepares PSO\n}', 'A `{` is missing after the title of the programme: its lines go between `{` and `}`.'],
    [PROGRAMME('prepares'), '`prepares` needs the name of a role, such as `prepares PSO`.'],
    [PROGRAMME('prepares PSO,'), 'A name of a role is missing after the comma.'],
    [PROGRAMME('pathway'), '`pathway` needs the name of a pathway, such as `pathway CourtWork`.'],
    [PROGRAMME('route'), '`route` needs the name of a route to the role, such as `route PsoRoute`.'],
    [PROGRAMME('includes'), '`includes` needs the name of a module, such as `includes CourtWork`.'],
    [PROGRAMME('includes A,'), 'A name of a module is missing after the comma.'],
    [PROGRAMME('prepares PSO\n    covers RoSH.a'), '`covers` does not belong in a programme: a programme has `prepares`, `pathway`, `route` and `includes` lines, and modules.'],
    [PROGRAMME('prepares PSO, PO CaseManager'), 'A comma is missing before `CaseManager`: separate the items of a list with commas, such as `prepares PSO, PO`.'],
    ['programme P "Programme" {\n    prepares PSO\n', 'A `}` is missing at the end of the file, to close the programme.'],
    ['module {\n}', '`module` needs a name, such as `module RiskAssessment "Assessing risk" {`.'],
    ['module M {\n}', 'A title in quotes is missing after the name `M`, such as `M "Assessing risk"`.'],
    ['module M "Module"\n    hours 30\n}', 'A `{` is missing after the title of the module: its lines go between `{` and `}`.'],
    [MODULE('hours thirty'), '`hours` needs a whole number, such as `hours 30`.'],
    [MODULE('hours'), '`hours` needs a whole number, such as `hours 30`.'],
    [MODULE('assessed observation'), '`assessed` goes with `by`, such as `assessed by observation, portfolio`.'],
    [MODULE('assessed by'), '`assessed by` needs an assessment method, such as `assessed by observation` or `assessed by "case study"`.'],
    [MODULE('assessed by observation,'), 'An assessment method is missing after the comma.'],
    [MODULE('covers'), '`covers` needs the name of a standard, such as `covers RoSH.a`.'],
    [MODULE('covers RoSH.a,'), 'A name of a standard is missing after the comma.'],
    [MODULE('covers RoSH.'), 'A letter or name is missing after the dot, such as `RoSH.a`.'],
    [MODULE('covers RoSH.a RoSH.b'), 'A comma is missing before `RoSH`: separate the items of a list with commas, such as `covers RoSH.a, RoSH.b`.'],
    [MODULE('assessed by observation "case study"'), 'A comma is missing before `"case study"`: separate the items of a list with commas, such as `assessed by observation, "case study"`.'],
    [MODULE('hours 30\n    prepares PSO'), '`prepares` does not belong in a module: a module has `hours`, `assessed by` and `covers` lines.'],
    ['module M "Module" {\n    hours 30\n', 'A `}` is missing at the end of the file, to close the module.'],
    [`${MODULE('hours 30')}\n}`, 'There is one `}` too many here: nothing is open for it to close.'],
    ['hours 30', '`hours` cannot start anything here: a spec holds programmes and modules, each starting with `programme` or `module`.'],
    [MODULE('hours 30 %'), '`%` has no meaning in TrainSpec here: remove it, or put it inside a text in quotes.'],
    [MODULE('assessed by "written assignment'), 'This text in quotes has no closing `"` on its line: add one where the text ends.'],
    ['module M \u201CModule\u201D {\n}', 'TrainSpec reads only straight quotes: replace `\u201C` with `"`.'],
    [MODULE('hours 30 \u0007'), 'The character U+0007 has no meaning in TrainSpec here: remove it, or put it inside a text in quotes.']
];

const DETAILS = '`text`, `code`, `source` and `note` lines';

// Every place in the .nos grammar where a token is needed.
const CATALOGUE_CASES: Array<[string, string]> = [
    ['document "Guidelines"', '`document` needs a name, such as `document Guidelines "Guidelines for …"`.'],
    ['document Guidelines\nframework F "F" {\n}', 'A title in quotes is missing after the name `Guidelines`, such as `Guidelines "Assessing risk"`.'],
    ['framework {\n}', '`framework` needs a name, such as `framework NOS "National Occupational Standards" {`.'],
    ['framework F "Framework"\n}', 'A `{` is missing after the title of the framework: its lines go between `{` and `}`.'],
    ['framework F "Framework" {\n    source\n}', '`source` needs the name of a document, such as `source Guidelines`.'],
    ['framework F "Framework" {\n    source D section\n}', '`section` needs a section in quotes, such as `section "3.1"`.'],
    ['framework F "Framework" {\n    hours x\n}', '`hours` does not belong in a framework: a framework has a `source` line, then skill sets, units, areas, competences, outcomes, qualifications, routes, roles and guidance.'],
    ['framework F "Framework" {\n', 'A `}` is missing at the end of the file, to close the framework.'],
    ['skill Risk "Risk"', '`skill` goes with `set`, such as `skill set Risk "Risk"`.'],
    ['skill set "Risk"', '`skill set` needs a name, such as `skill set Risk "Risk"`.'],
    ['skill set Risk "Risk" { text }', '`text` needs words in quotes, such as `text "Assess risk of harm"`.'],
    ['skill set Risk "Risk" { code }', '`code` needs a code in quotes, such as `code "PQF1"`.'],
    ['skill set Risk "Risk" { note }', '`note` needs words in quotes, such as `note "See also …"`.'],
    ['skill set Risk "Risk" { units U1 }', `\`units\` does not belong in a skill set: a skill set has ${DETAILS}.`],
    ['unit "Assess"', '`unit` needs a name, such as `unit U1 "Assess risk" in Risk`.'],
    ['unit U1 "Assess risk" Risk', 'A unit names its skill set after its title, such as `unit U1 "Assess risk" in Risk`.'],
    ['unit U1 "Assess risk" in', '`in` needs the name of a skill set, such as `in Risk`.'],
    ['unit U1 "Assess risk" in Risk { requires X }', `\`requires\` does not belong in a unit: a unit has ${DETAILS}.`],
    ['area {\n}', '`area` needs a name, such as `area CourtWork "Court Work" {`.'],
    ['area A "Court Work" {\n    units\n}', '`units` needs the name of a unit, such as `units U1, U2`.'],
    ['area A "Court Work" {\n    units U1,\n}', 'A name of a unit is missing after the comma.'],
    ['area A "Court Work" {\n    requires X\n}', `\`requires\` does not belong in a pathway area: a pathway area has ${DETAILS}, then \`units\` lines.`],
    ['competences {\n}', '`competences` needs a name, such as `competences RoSH "Risk of serious harm" {`.'],
    ['competences C "Competences" {\n    a\n}', 'The words of competence `a` are missing: add them in quotes, such as `a "assess risk of harm"`.'],
    ['competences C "Competences" {\n    "assess"\n}', `\`"assess"\` does not belong in a competence group: a competence group has ${DETAILS}, then lettered competences such as \`a "assess risk of harm"\`.`],
    ['outcome "Knowledge"', '`outcome` needs a name, such as `outcome KnowledgeOfPolicy "Knowledge of policy"`.'],
    ['outcome O "Knowledge" { units U1 }', `\`units\` does not belong in a outcome: an outcome has ${DETAILS}.`],
    ['qualification "Diploma"', '`qualification` needs a name, such as `qualification Diploma "Diploma in Probation"`.'],
    ['qualification Q "Diploma" { units U1 }', `\`units\` does not belong in a qualification: a qualification has ${DETAILS}.`],
    ['guidance "Supervision"', '`guidance` needs a name, such as `guidance Supervision "Supervision" { text "…" }`.'],
    ['guidance G "Supervision" { units U1 }', `\`units\` does not belong in a guidance: guidance has ${DETAILS}.`],
    ['route "PSO route" to PSO {\n}', '`route` needs a name, such as `route PsoRoute "PSO route" to PSO {`.'],
    ['route R "PSO route" PSO {\n}', 'A route names the role it leads to after its title, such as `route PsoRoute "PSO route" to PSO {`.'],
    ['route R "PSO route" to {\n}', '`to` needs the name of a role, such as `to PSO`.'],
    ['route R "PSO route" to PSO {\n    qualifications\n}', '`qualifications` needs the name of a qualification, such as `qualifications Diploma`.'],
    ['route R "PSO route" to PSO {\n    qualifications Q1,\n}', 'A name of a qualification is missing after the comma.'],
    ['route R "PSO route" to PSO {\n    work\n}', '`work` goes with `based`: `work based`.'],
    ['route R "PSO route" to PSO {\n    units U1\n}', `\`units\` does not belong in a route: a route has ${DETAILS}, then \`qualifications\` and \`work based\`.`],
    ['role {\n}', '`role` needs a name, such as `role PSO "Probation Services Officer" {`.'],
    ['role R "Role" extends {\n}', '`extends` needs the name of a role, such as `extends PSO`.'],
    ['role R "Role" extends PSO, {\n}', 'A name of a role is missing after the comma.'],
    ['role R "Role" {\n    requires\n}', '`requires` needs the name of a standard, or `pathway`, such as `requires RoSH.a`.'],
    ['role R "Role" {\n    requires RoSH.a,\n}', 'A name of a standard is missing after the comma.'],
    ['role R "Role" {\n    requires RoSH.\n}', 'A letter or name is missing after the dot, such as `RoSH.a`.'],
    ['role R "Role" {\n    units U1\n}', `\`units\` does not belong in a role: a role has ${DETAILS}, then \`requires\` lines.`],
    ['role R "Role" {\n    requires RoSH.a\n', 'A `}` is missing at the end of the file, to close the role.'],
    ['role R "Role" {\n}\n}', 'There is one `}` too many here: nothing is open for it to close.'],
    ['programme P "P" {\n}', '`programme` cannot start anything here: a catalogue holds declarations that start with a word such as `framework`, `unit`, `role` or `document`.'],
    ['skill set S "S" { text "one" }\n\u00A730', '`\u00A730` has no meaning in TrainSpec here: remove it, or put it inside a text in quotes.'],
    ['unit U1 "Assess risk\n', 'This text in quotes has no closing `"` on its line: add one where the text ends.']
];

describe('syntax errors in the designer\'s words', () => {
    test.each(SPEC_CASES)('a spec: %j', async (text, message) => {
        expect(syntaxErrors(await parseSpec(text))[0]).toBe(message);
    });

    test.each(CATALOGUE_CASES)('a catalogue: %j', async (text, message) => {
        expect(syntaxErrors(await parseCatalogue(text))[0]).toBe(message);
    });
});

describe('where a syntax error is reported', () => {
    test('what is missing at the end of a line is reported there, not on the next line\'s first word', async () => {
        const document = await parseSpec('module M "Module" {\n    hours\n    covers RoSH.a,\n}');
        expect(document.parseResult.parserErrors.map(error => [error.message, error.token.startLine, error.token.startColumn])).toEqual([
            ['`hours` needs a whole number, such as `hours 30`.', 2, 10],
            ['A name of a standard is missing after the comma.', 3, 19]
        ]);
    });

    test('a word out of place is reported on the word itself', async () => {
        const document = await parseSpec('programme P "Programme" {\n    prepares PSO\n    covers RoSH.a\n}');
        expect(document.parseResult.parserErrors.map(error => [error.token.image, error.token.startLine, error.token.startColumn])).toEqual([['covers', 3, 5]]);
    });
});
