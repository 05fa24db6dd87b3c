import { GrammarAST, type LangiumCoreServices } from 'langium';
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { ResilientLangiumParser } from './resilient-langium-parser.js';

/**
 * Syntax errors in the designer's words, never the parser's: "`hours` needs a whole number,
 * such as `hours 30`" rather than "Expecting token of type 'NUMBER' but found `thirty`".
 *
 * A message is chosen from what the grammar expected, the rule being parsed and the tokens
 * before the error (the keyword of the clause it is in), which the parser lends.
 */
export class PlainParserErrorMessageProvider implements IParserErrorMessageProvider {
    /** The grammar's terminals (`ID`, `STRING`, …): every other token type is a keyword. */
    protected readonly terminals: Set<string>;
    /** The tokens of errors that say what should have come before them, right after the token before. */
    protected readonly missingBefore = new WeakSet<IToken>();

    constructor(protected readonly services: LangiumCoreServices) {
        this.terminals = new Set(services.Grammar.rules.filter(GrammarAST.isTerminalRule).map(rule => rule.name));
    }

    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const expected = this.tokenName(options.expected);
        const context = this.context(options.actual, ruleOf(options.ruleName));
        if (expected !== '}' && expected !== 'EOF') {
            this.missingBefore.add(options.actual);
        }
        return sentence(this.mismatch(expected, context) ?? `${capitalised(this.describeExpected(expected))} is needed here, not ${found(options.actual)}`);
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return sentence(this.redundant(options.firstRedundant, ruleOf(options.ruleName)));
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        const actual = options.actual[0];
        const context = this.context(actual, ruleOf(options.ruleName));
        this.missingBefore.add(actual);
        const firsts = [...new Set(options.expectedPathsPerAlt.flatMap(alternative => alternative.map(path => this.tokenName(path[0]))))];
        const message = firsts.length === 1 ? this.mismatch(firsts[0], context) : this.alternativesMismatch(context);
        return sentence(message ?? `${capitalised(this.describeChoice(firsts))} is needed here, not ${found(actual)}`);
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        const firsts = [...new Set(options.expectedIterationPaths.map(path => this.tokenName(path[0])))];
        return sentence(`${capitalised(this.describeChoice(firsts))} is needed here, not ${found(options.actual[0])}`);
    }

    /**
     * Whether the error found at `token` says what is missing before it ("`hours` needs a whole
     * number"), rather than that the token itself is out of place ("`covers` does not belong in
     * a programme"): the former belongs right after the token before, which may be lines earlier.
     */
    isMissingBefore(token: IToken): boolean {
        return this.missingBefore.has(token);
    }

    /** What a mismatch means where it happened, or undefined to fall back on naming what is needed. */
    protected mismatch(expected: string, context: ErrorContext): string | undefined {
        const { previous, rule } = context;
        if (expected === '}') {
            return this.unclosed(context);
        }
        if (expected === 'EOF') {
            return this.redundant(context.actual, rule);
        }
        if (previous?.image === ',') {
            return `${capitalised(LIST_ITEMS[context.clause ?? ''] ?? 'a name')} is missing after the comma`;
        }
        if (previous?.image === '.' && expected === 'ID') {
            return 'A letter or name is missing after the dot, such as `RoSH.a`';
        }
        const afterKeyword = previous && this.isKeyword(previous) ? keywordNeeds(previous.image, rule) : undefined;
        if (afterKeyword) {
            return afterKeyword;
        }
        if (expected === 'STRING' && previous?.tokenType.name === 'ID' && (rule === 'Competence' || context.declaring)) {
            return rule === 'Competence'
                ? `The words of competence \`${previous.image}\` are missing: add them in quotes, such as \`${previous.image} "assess risk of harm"\``
                : `A title in quotes is missing after the name \`${previous.image}\`, such as \`${previous.image} "Assessing risk"\``;
        }
        if (expected === '{') {
            return `A \`{\` is missing after the title of the ${THINGS[rule] ?? 'declaration'}: its lines go between \`{\` and \`}\``;
        }
        if (expected === 'in' && rule === 'Unit') {
            return 'A unit names its skill set after its title, such as `unit U1 "Assess risk" in Risk`';
        }
        if (expected === 'to' && rule === 'Route') {
            return 'A route names the role it leads to after its title, such as `route PsoRoute "PSO route" to PSO {`';
        }
        return undefined;
    }

    /** Something after the last declaration of the file that cannot start one. */
    protected redundant(token: IToken, rule: string): string {
        if (token.image === '}') {
            return 'There is one `}` too many here: nothing is open for it to close';
        }
        const holds = rule === 'Catalogue'
            ? 'a catalogue holds declarations that start with a word such as `framework`, `unit`, `role` or `document`'
            : 'a spec holds programmes and modules, each starting with `programme` or `module`';
        return `${capitalised(found(token))} cannot start anything here: ${holds}`;
    }

    /** A `}` was needed: the file ended early, a comma is missing, or a line does not belong where it is. */
    protected unclosed(context: ErrorContext): string {
        const { actual, previous, rule } = context;
        const thing = THINGS[rule] ?? 'declaration';
        if (isEndOfFile(actual)) {
            return `A \`}\` is missing at the end of the file, to close the ${thing}`;
        }
        const sameLine = previous !== undefined && previous.endLine === actual.startLine;
        if (sameLine && context.clause && LIST_EXAMPLES[context.clause] && isListItem(previous) && isListItem(actual)) {
            return `A comma is missing before ${found(actual)}: separate the items of a list with commas, such as \`${LIST_EXAMPLES[context.clause]}\``;
        }
        const lines = LINES[rule];
        return lines ? `${capitalised(found(actual))} does not belong in a ${thing}: ${lines}` : `${capitalised(found(actual))} does not belong here`;
    }

    /** Where one of several things could come: only `assessed by` and `requires` take a choice. */
    protected alternativesMismatch(context: ErrorContext): string | undefined {
        if (context.rule === 'Assessment') {
            return context.previous?.image === ','
                ? 'An assessment method is missing after the comma'
                : '`assessed by` needs an assessment method, such as `assessed by observation` or `assessed by "case study"`';
        }
        if (context.rule === 'Requirement') {
            return context.previous?.image === ','
                ? 'A name of a standard is missing after the comma'
                : '`requires` needs the name of a standard, or `pathway`, such as `requires RoSH.a`';
        }
        return undefined;
    }

    protected context(actual: IToken, rule: string): ErrorContext {
        const parser = this.services.parser.LangiumParser;
        const before = parser instanceof ResilientLangiumParser ? parser.tokensBefore(actual, CONTEXT_TOKENS) : [];
        const declaration = before.at(-2);
        return {
            actual,
            rule,
            previous: before.at(-1),
            clause: this.clauseOf(before),
            declaring: declaration !== undefined && DECLARING.has(declaration.image) && this.isKeyword(declaration)
        };
    }

    /** The keyword of the list clause the tokens end in (`covers`, `prepares`, …), if they end in one. */
    protected clauseOf(before: IToken[]): string | undefined {
        for (let i = before.length - 1; i >= 0; i--) {
            const token = before[i];
            if (this.isKeyword(token) && token.image !== ',' && token.image !== '.') {
                return LIST_ITEMS[token.image] ? token.image : undefined;
            }
        }
        return undefined;
    }

    protected isKeyword(token: IToken): boolean {
        return !this.terminals.has(token.tokenType.name) && !isEndOfFile(token);
    }

    /** A keyword's token type is named after the keyword itself. */
    protected tokenName(type: TokenType): string {
        return type.name.endsWith(':KW') ? type.name.slice(0, -3) : type.name;
    }

    protected describeExpected(expected: string): string {
        return TERMINAL_WORDS[expected] ?? (expected === 'EOF' ? 'the end of the file' : `\`${expected}\``);
    }

    protected describeChoice(expected: string[]): string {
        const words = [...new Set(expected.map(name => this.describeExpected(name)))];
        return words.length <= 1 ? words[0] ?? 'something else' : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
    }
}

interface ErrorContext {
    /** The token where something else was needed. */
    actual: IToken;
    /** The grammar rule being parsed: `Module`, `QualifiedName`, … */
    rule: string;
    previous?: IToken;
    /** The list clause the error is in (`covers`, `prepares`, …), if any. */
    clause?: string;
    /** Whether `previous` is the name a declaration keyword (`module`, `unit`, …) has just given. */
    declaring: boolean;
}

/** The keywords that declare something with a name and a title. */
const DECLARING = new Set(['programme', 'module', 'document', 'framework', 'set', 'unit', 'area', 'competences', 'outcome', 'qualification', 'route', 'role', 'guidance']);

/** What a list clause lists: names, and for `assessed by` texts in quotes too. */
function isListItem(token: IToken): boolean {
    return token.tokenType.name === 'ID' || token.tokenType.name === 'STRING';
}

/** How far back an error message looks for the keyword of its clause. */
const CONTEXT_TOKENS = 64;

/** What each grammar word needs right after it, as a designer would be told; a function for words two rules use differently. */
const KEYWORD_NEEDS: Record<string, string | ((rule: string) => string)> = {
    programme: '`programme` needs a name, such as `programme PsoDiploma "PSO Diploma" {`',
    module: '`module` needs a name, such as `module RiskAssessment "Assessing risk" {`',
    hours: '`hours` needs a whole number, such as `hours 30`',
    prepares: '`prepares` needs the name of a role, such as `prepares PSO`',
    pathway: '`pathway` needs the name of a pathway, such as `pathway CourtWork`',
    route: rule => rule === 'Route'
        ? '`route` needs a name, such as `route PsoRoute "PSO route" to PSO {`'
        : '`route` needs the name of a route to the role, such as `route PsoRoute`',
    includes: '`includes` needs the name of a module, such as `includes CourtWork`',
    assessed: '`assessed` goes with `by`, such as `assessed by observation, portfolio`',
    by: '`assessed by` needs an assessment method, such as `assessed by observation` or `assessed by "case study"`',
    covers: '`covers` needs the name of a standard, such as `covers RoSH.a`',
    document: '`document` needs a name, such as `document Guidelines "Guidelines for …"`',
    framework: '`framework` needs a name, such as `framework NOS "National Occupational Standards" {`',
    skill: '`skill` goes with `set`, such as `skill set Risk "Risk"`',
    set: '`skill set` needs a name, such as `skill set Risk "Risk"`',
    unit: '`unit` needs a name, such as `unit U1 "Assess risk" in Risk`',
    in: '`in` needs the name of a skill set, such as `in Risk`',
    area: '`area` needs a name, such as `area CourtWork "Court Work" {`',
    units: '`units` needs the name of a unit, such as `units U1, U2`',
    competences: '`competences` needs a name, such as `competences RoSH "Risk of serious harm" {`',
    outcome: '`outcome` needs a name, such as `outcome KnowledgeOfPolicy "Knowledge of policy"`',
    qualification: '`qualification` needs a name, such as `qualification Diploma "Diploma in Probation"`',
    to: '`to` needs the name of a role, such as `to PSO`',
    qualifications: '`qualifications` needs the name of a qualification, such as `qualifications Diploma`',
    work: '`work` goes with `based`: `work based`',
    role: '`role` needs a name, such as `role PSO "Probation Services Officer" {`',
    extends: '`extends` needs the name of a role, such as `extends PSO`',
    requires: '`requires` needs the name of a standard, or `pathway`, such as `requires RoSH.a`',
    guidance: '`guidance` needs a name, such as `guidance Supervision "Supervision" { text "…" }`',
    text: '`text` needs words in quotes, such as `text "Assess risk of harm"`',
    code: '`code` needs a code in quotes, such as `code "PQF1"`',
    source: '`source` needs the name of a document, such as `source Guidelines`',
    section: '`section` needs a section in quotes, such as `section "3.1"`',
    note: '`note` needs words in quotes, such as `note "See also …"`'
};

function keywordNeeds(keyword: string, rule: string): string | undefined {
    const needs = KEYWORD_NEEDS[keyword];
    return typeof needs === 'function' ? needs(rule) : needs;
}

/** What the items of each list clause are, as "… is missing after the comma" names them. */
const LIST_ITEMS: Record<string, string> = {
    covers: 'a name of a standard',
    requires: 'a name of a standard',
    prepares: 'a name of a role',
    extends: 'a name of a role',
    includes: 'a name of a module',
    by: 'an assessment method',
    units: 'a name of a unit',
    qualifications: 'a name of a qualification'
};

/** A list clause with its commas right. */
const LIST_EXAMPLES: Record<string, string> = {
    covers: 'covers RoSH.a, RoSH.b',
    requires: 'requires RoSH.a, RoSH.b',
    prepares: 'prepares PSO, PO',
    extends: 'extends PSO, PO',
    includes: 'includes CourtWork, Foundations',
    by: 'assessed by observation, "case study"',
    units: 'units U1, U2',
    qualifications: 'qualifications Diploma, Degree'
};

/** What each rule with braces declares, as messages name it. */
const THINGS: Record<string, string> = {
    Programme: 'programme',
    Module: 'module',
    Framework: 'framework',
    SkillSet: 'skill set',
    Unit: 'unit',
    Area: 'pathway area',
    CompetenceGroup: 'competence group',
    Outcome: 'outcome',
    Qualification: 'qualification',
    Route: 'route',
    Role: 'role',
    Guidance: 'guidance'
};

const DETAILS = '`text`, `code`, `source` and `note` lines';

/** The lines each rule with braces may hold. */
const LINES: Record<string, string> = {
    Programme: 'a programme has `prepares`, `pathway`, `route` and `includes` lines, and modules',
    Module: 'a module has `hours`, `assessed by` and `covers` lines',
    Framework: 'a framework has a `source` line, then skill sets, units, areas, competences, outcomes, qualifications, routes, roles and guidance',
    SkillSet: `a skill set has ${DETAILS}`,
    Unit: `a unit has ${DETAILS}`,
    Area: `a pathway area has ${DETAILS}, then \`units\` lines`,
    CompetenceGroup: `a competence group has ${DETAILS}, then lettered competences such as \`a "assess risk of harm"\``,
    Outcome: `an outcome has ${DETAILS}`,
    Qualification: `a qualification has ${DETAILS}`,
    Route: `a route has ${DETAILS}, then \`qualifications\` and \`work based\``,
    Role: `a role has ${DETAILS}, then \`requires\` lines`,
    Guidance: `guidance has ${DETAILS}`
};

/** The grammar's terminals as a designer would name them. */
const TERMINAL_WORDS: Record<string, string> = {
    ID: 'a name',
    STRING: 'a text in quotes',
    NUMBER: 'a number'
};

/** How long a found token is quoted before it is cut short. */
const QUOTED_LENGTH = 40;

function found(token: IToken | undefined): string {
    if (!token || isEndOfFile(token)) {
        return 'the end of the file';
    }
    const image = token.image.length > QUOTED_LENGTH ? `${token.image.slice(0, QUOTED_LENGTH - 1)}…` : token.image;
    return `\`${image}\``;
}

function isEndOfFile(token: IToken): boolean {
    return token.tokenType?.name === 'EOF';
}

/** Langium names Chevrotain's rules with a zero-width suffix. */
function ruleOf(ruleName: string): string {
    return ruleName.replace(/\u200B$/, '');
}

function capitalised(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(text: string): string {
    return /[.!?]$/.test(text) ? text : `${text}.`;
}
