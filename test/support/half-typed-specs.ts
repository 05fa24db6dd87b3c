import * as fc from 'fast-check';

/**
 * Generators of what a person produces while typing a spec or a catalogue: documents from both
 * grammars, built from their keywords, the built-in library's names and stray characters, and
 * well-formed documents with a few tokens deleted, replaced, inserted or cut off.
 */

export type Language = 'tspec' | 'nos';

export interface HalfTypedDocument {
    language: Language;
    text: string;
}

const SPEC_KEYWORDS = ['programme', 'module', 'prepares', 'pathway', 'route', 'includes', 'hours', 'assessed', 'by', 'covers'];
const CATALOGUE_KEYWORDS = [
    'document', 'framework', 'skill', 'set', 'unit', 'in', 'area', 'units', 'competences', 'outcome', 'qualification',
    'route', 'to', 'role', 'extends', 'requires', 'pathway', 'guidance', 'text', 'code', 'source', 'section', 'note', 'work', 'based'
];
const PUNCTUATION = ['{', '}', ',', '.', '{ }', ', ,'];
/** Names from the built-in library, of every kind, and names the other test files declare. */
const NAMES = [
    'PO', 'PSO', 'CaseManager', 'HighRiskCaseManager', 'CourtWorkSpecialist', 'RoSH', 'RoSH.a', 'RoSH.i', 'HighRoSH.b', 'Diversity.c',
    'RiskSkills', 'CommunicationSkills', 'AssessRiskOfHarm', 'CommunicateEffectively', 'DevelopSentencingProposals', 'CourtWork',
    'Programmes', 'PsoRoute', 'PoHonoursRoute', 'VQ3Diploma', 'PsoAssessRisk', 'KnowledgeOfPolicy', 'S10Guidelines', 'Shared', 'Local',
    'Extra', 'SeniorPO'
];
const OTHER_WORDS = ['x', 'q', 'Unknown', 'RoSH.', 'RoSH.zz', '_', 'a1', 'Module', 'programme1'];
const STRINGS = ['"Title"', '""', '"A \\"quoted\\" title"', '"unterminated', '"two\nlines"'];
const NUMBERS = ['30', '0', '-4', '1.5', '99999999999999999999', 'thirty'];
const COMMENTS = ['// note', '/* block */', '/* unclosed', '//\r', '/**/'];
const STRAY = ['@', '#', '$', ';', '(', ')', '[', ']', '"', '\\', '\u0000', '\u001b[2K', '\u202e', '🙂', '\t', '\n', '\r\n'];

/** A token a person might type next in the given language. */
function token(language: Language): fc.Arbitrary<string> {
    const keywords = language === 'tspec' ? SPEC_KEYWORDS : CATALOGUE_KEYWORDS;
    return fc.oneof(
        { arbitrary: fc.constantFrom(...keywords), weight: 6 },
        { arbitrary: fc.constantFrom(...NAMES), weight: 5 },
        { arbitrary: fc.constantFrom(...PUNCTUATION), weight: 4 },
        { arbitrary: fc.constantFrom(...STRINGS), weight: 3 },
        { arbitrary: fc.constantFrom(...NUMBERS), weight: 1 },
        { arbitrary: fc.constantFrom(...OTHER_WORDS), weight: 1 },
        { arbitrary: fc.constantFrom(...COMMENTS), weight: 1 },
        { arbitrary: fc.constantFrom(...STRAY), weight: 1 }
    );
}

const SEPARATORS = [' ', ' ', ' ', '\n', '\n    ', ''];

/** A sequence of tokens of one language: mostly nonsense, often close to the grammar. */
function tokenSoup(language: Language): fc.Arbitrary<HalfTypedDocument> {
    return fc.array(fc.tuple(token(language), fc.constantFrom(...SEPARATORS)), { maxLength: 60 })
        .map(pairs => ({ language, text: pairs.map(([text, separator]) => text + separator).join('') }));
}

/** Well-formed documents of each language, close to what designers write. */
export const WELL_FORMED: HalfTypedDocument[] = [
    {
        language: 'tspec',
        text: `// A PO programme on the Court Work pathway.
programme Court "Court team" {
    prepares PO, CaseManager
    pathway CourtWork
    route PoHonoursRoute
    includes Shared
    module Risk "Risk and safety" {
        hours 30
        assessed by observation, "written assignment"
        covers PsoAssessRisk, RoSH.a, RiskSkills, AssessRiskOfHarm
    }
    module Reports "Reports" {
        hours 12
        covers DevelopSentencingProposals
    }
}
module Loose "Loose ends" { covers RoSH.b }
`
    },
    {
        language: 'nos',
        text: `document Local "Local guidance, 2024"
role SeniorPO "Senior Probation Officer" extends PO, CaseManager {
    text "Leads a team."
    source Local section "2"
    note "Covers all of RoSH."
    requires RoSH, HighRoSH.a, RiskSkills
    requires pathway
}
framework Extra "Extra standards" {
    source Local
    skill set ExtraSkills "Extra skills"
    unit ExtraUnit "An extra unit" in ExtraSkills { text "Do more." }
    area ExtraArea "Extra area" { units ExtraUnit, AssessRiskOfHarm }
    competences ExtraGroup "Extra competences" { a "First." b "Second." }
    outcome ExtraOutcome "An outcome"
    qualification ExtraQualification "A qualification"
    route ExtraRoute "A route" to SeniorPO { qualifications ExtraQualification work based }
    guidance ExtraGuidance "Guidance" { text "Read this." }
}
`
    }
];

/**
 * A catalogue and a spec that use each other (the spec prepares the catalogue's role and covers
 * its items), so that a slip in one shows in the other's coverage, hover and quick fixes.
 */
export const WELL_FORMED_PAIR: [HalfTypedDocument, HalfTypedDocument] = [
    {
        language: 'nos',
        text: `document Handbook "Team handbook"
framework Team "Team standards" {
    source Handbook section "1"
    skill set TeamSkills "Team skills" { text "Work as a team." }
    unit Briefing "Brief the team" in TeamSkills
    unit Debriefing "Debrief the team" in TeamSkills { text "Debrief after each case." code "T2" }
    area Teamwork "Teamwork" { text "Team work." units Briefing, Debriefing }
    competences Conduct "Team conduct" { a "Listen." b "Speak up." }
    outcome TeamOutcome "Lead a briefing"
}
role TeamLead "Team lead" extends PSO {
    requires Conduct, TeamSkills, Briefing, TeamOutcome
    requires pathway
}
role Deputy "Deputy" extends TeamLead { requires Conduct.a }
`
    },
    {
        language: 'tspec',
        text: `programme Leads "Team leads" {
    prepares TeamLead, Deputy
    pathway Teamwork
    module Briefings "Briefings" {
        hours 6
        covers Briefing, Conduct.a, TeamOutcome
    }
    includes Debriefs
}
module Debriefs "Debriefs" { covers Debriefing }
module Spare "Spare" { covers Conduct.b }
`
    }
];

/** The tokens of a document: words, strings, comments, punctuation and whitespace runs. */
function tokens(text: string): string[] {
    return text.match(/"(?:\\.|[^"\\])*"|\/\/[^\n\r]*|\/\*[\s\S]*?\*\/|[\w.]+|\s+|./g) ?? [];
}

/** What a person has not typed yet: a declaration's name or title or both, the target of a reference, or any quoted text. */
type Forgotten = 'name' | 'title' | 'both' | 'reference' | 'string';

type Mutation =
    | { kind: 'delete' | 'replace' | 'insert' | 'duplicate'; at: number; with: string }
    | { kind: 'cut'; at: number }
    | { kind: 'forget'; at: number; what: Forgotten };

/** Keywords after which a declaration's name and title come. */
const DECLARING = new Set(['document', 'framework', 'set', 'unit', 'area', 'competences', 'outcome', 'qualification', 'route', 'role', 'guidance', 'programme', 'module']);
/** Keywords after which a reference comes: `in RiskSkills`, `to PO`, `extends PSO`, `source Local`, ... */
const REFERRING = new Set(['in', 'to', 'extends', 'source', 'requires', 'units', 'qualifications', 'prepares', 'pathway', 'route', 'includes', 'covers']);

function mutation(language: Language): fc.Arbitrary<Mutation> {
    return fc.oneof(
        { arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'replace' as const, 'insert' as const, 'duplicate' as const), at: fc.nat(), with: token(language) }), weight: 4 },
        { arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }), weight: 1 },
        { arbitrary: fc.record({ kind: fc.constant('forget' as const), at: fc.nat(), what: fc.constantFrom<Forgotten>('name', 'title', 'both', 'reference', 'string') }), weight: 3 }
    );
}

/** The indexes of the next `count` tokens after `from` that are not whitespace. */
function nextWords(parts: string[], from: number, count: number): number[] {
    const found: number[] = [];
    for (let index = from + 1; index < parts.length && found.length < count; index++) {
        if (parts[index].trim() !== '') {
            found.push(index);
        }
    }
    return found;
}

/**
 * Removes what a person has not typed yet from one place (the `at`-th of its kind): the name,
 * title or both of a declaration (`unit "Title" in X`, `unit Name in X`), the target of a
 * reference (`unit Name "Title" in`), or a quoted text (`a` for `a "Listen."`).
 */
function forget(parts: string[], at: number, what: Forgotten): void {
    const places = what === 'string' ? parts.flatMap((part, index) => (part.startsWith('"') ? [index] : []))
        : parts.flatMap((part, index) => ((what === 'reference' ? REFERRING : DECLARING).has(part) ? [index] : []));
    if (places.length === 0) {
        return;
    }
    const place = places[at % places.length];
    let doomed: Array<number | undefined>;
    if (what === 'string') {
        doomed = [place];
    } else if (what === 'reference') {
        doomed = nextWords(parts, place, 1).filter(index => /^\w/.test(parts[index]));
    } else {
        const [name, title] = nextWords(parts, place, 2);
        doomed = [what !== 'title' ? name : undefined, what !== 'name' && title !== undefined && parts[title].startsWith('"') ? title : undefined];
    }
    doomed.filter((index): index is number => index !== undefined).sort((a, b) => b - a).forEach(index => parts.splice(index, 1));
}

function mutate(text: string, mutations: Mutation[]): string {
    let parts = tokens(text);
    for (const change of mutations) {
        const at = parts.length === 0 ? 0 : change.at % parts.length;
        switch (change.kind) {
            case 'delete': parts.splice(at, 1); break;
            case 'replace': parts.splice(at, 1, change.with); break;
            case 'insert': parts.splice(at, 0, change.with); break;
            case 'duplicate': parts.splice(at, 0, ...parts.slice(at, at + 3)); break;
            case 'cut': parts = parts.slice(0, at); break;
            case 'forget': forget(parts, change.at, change.what); break;
        }
    }
    return parts.join('');
}

/** A well-formed document with one to four slips (`minimum` 0: perhaps none). */
function mutatedFrom(original: HalfTypedDocument, minimum = 1): fc.Arbitrary<HalfTypedDocument> {
    return fc.array(mutation(original.language), { minLength: minimum, maxLength: 4 })
        .map(mutations => ({ language: original.language, text: mutate(original.text, mutations) }));
}

function mutated(): fc.Arbitrary<HalfTypedDocument> {
    return fc.constantFrom(...WELL_FORMED).chain(original => mutatedFrom(original));
}

/** Any half-typed document: token soup of either language, or a mutated well-formed one. */
export function halfTypedDocument(): fc.Arbitrary<HalfTypedDocument> {
    return fc.oneof({ arbitrary: mutated(), weight: 3 }, { arbitrary: tokenSoup('tspec'), weight: 2 }, { arbitrary: tokenSoup('nos'), weight: 1 });
}

/** A catalogue and a spec that use each other, at least one of them with slips. */
function mutatedPair(): fc.Arbitrary<HalfTypedDocument[]> {
    const [catalogue, spec] = WELL_FORMED_PAIR;
    return fc.tuple(mutatedFrom(catalogue, 0), mutatedFrom(spec, 0))
        .filter(([nos, tspec]) => nos.text !== catalogue.text || tspec.text !== spec.text);
}

/**
 * The documents a person is typing in at one moment: mostly one half-typed document of
 * either language; sometimes a catalogue and a spec that use each other, both half typed.
 */
export function halfTypedDocuments(): fc.Arbitrary<HalfTypedDocument[]> {
    return fc.oneof({ arbitrary: halfTypedDocument().map(document => [document]), weight: 3 }, { arbitrary: mutatedPair(), weight: 1 });
}

/** The offsets at which a person might place the cursor: every token's start and the end of the text. */
export function cursorOffsets(text: string): number[] {
    const offsets: number[] = [];
    let offset = 0;
    for (const part of tokens(text)) {
        offsets.push(offset);
        offset += part.length;
    }
    offsets.push(text.length);
    return offsets;
}
