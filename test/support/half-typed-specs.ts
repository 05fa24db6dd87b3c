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

/** The tokens of a document: words, strings, comments, punctuation and whitespace runs. */
function tokens(text: string): string[] {
    return text.match(/"(?:\\.|[^"\\])*"|\/\/[^\n\r]*|\/\*[\s\S]*?\*\/|[\w.]+|\s+|./g) ?? [];
}

type Mutation = { kind: 'delete' | 'replace' | 'insert' | 'duplicate'; at: number; with: string } | { kind: 'cut'; at: number };

function mutation(language: Language): fc.Arbitrary<Mutation> {
    return fc.oneof(
        fc.record({ kind: fc.constantFrom('delete' as const, 'replace' as const, 'insert' as const, 'duplicate' as const), at: fc.nat(), with: token(language) }),
        fc.record({ kind: fc.constant('cut' as const), at: fc.nat() })
    );
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
        }
    }
    return parts.join('');
}

/** A well-formed document with one to four slips. */
function mutated(): fc.Arbitrary<HalfTypedDocument> {
    return fc.constantFrom(...WELL_FORMED).chain(original =>
        fc.array(mutation(original.language), { minLength: 1, maxLength: 4 })
            .map(mutations => ({ language: original.language, text: mutate(original.text, mutations) })));
}

/** Any half-typed document: token soup of either language, or a mutated well-formed one. */
export function halfTypedDocument(): fc.Arbitrary<HalfTypedDocument> {
    return fc.oneof({ arbitrary: mutated(), weight: 3 }, { arbitrary: tokenSoup('tspec'), weight: 2 }, { arbitrary: tokenSoup('nos'), weight: 1 });
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
