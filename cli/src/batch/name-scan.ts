import { extname } from 'node:path';
import type { DeclaredName } from '../../../language/src/references/outside-declarations.js';

/** What a quick look at a file's tokens says it declares and mentions; see scanNames. */
export interface NameScan {
    /** Names the file appears to declare, with the type the declaring keyword gives them. */
    declared: DeclaredName[];
    /** Every name and qualified name (and each prefix of one) the file mentions. */
    mentions: string[];
}

/**
 * The declaring keywords of a language and the type of what each declares, with what lets most
 * identifiers be ruled out without hashing them (this runs for every identifier of every file):
 * the keywords' first letters and their lengths.
 */
class DeclaringKeywords {
    protected readonly types: ReadonlyMap<string, string>;
    protected readonly firstLetters = new Uint8Array(128);
    protected readonly lengths: number;

    constructor(types: Record<string, string>) {
        this.types = new Map(Object.entries(types));
        let lengths = 0;
        for (const keyword of this.types.keys()) {
            this.firstLetters[keyword.charCodeAt(0)] = 1;
            lengths |= 1 << keyword.length;
        }
        this.lengths = lengths;
    }

    /** The type a keyword declares, or undefined if `word` is not one. */
    typeOf(word: string): string | undefined {
        return word.length < 32 && ((this.lengths >>> word.length) & 1) === 1 && this.firstLetters[word.charCodeAt(0)] === 1 ? this.types.get(word) : undefined;
    }
}

/** The declaring keywords of each language and the type of what they declare (see the grammars). */
const DECLARING_KEYWORDS: Record<string, DeclaringKeywords> = {
    '.tspec': new DeclaringKeywords({ programme: 'Programme', module: 'Module' }),
    '.nos': new DeclaringKeywords({
        document: 'SourceDocument', framework: 'Framework', set: 'SkillSet', unit: 'Unit', area: 'Area', competences: 'CompetenceGroup',
        outcome: 'Outcome', qualification: 'Qualification', route: 'Route', role: 'Role', guidance: 'Guidance'
    })
};

const NO_KEYWORDS = new DeclaringKeywords({});

/** Keywords inside a competence group that are not competences: its details, and the reference after `source`. */
const DETAIL_KEYWORDS = new Set(['text', 'code', 'source', 'section', 'note']);

// Comments, strings, identifiers and the punctuation that matters; everything else (numbers, commas) is skipped.
const TOKEN = /\/\/[^\n\r]*|\/\*[\s\S]*?\*\/|"(?:\\.|[^"\\])*"|[_a-zA-Z][\w]*|[{}.]/g;

const enum Kind { Id, String, Open, Close, Dot }

/**
 * Scans a spec or catalogue for the names it declares and mentions, with a regular expression
 * rather than the parser: it is much cheaper, and it only has to err on the safe side. A name
 * after a declaring keyword counts as declared even in a broken file; every identifier counts
 * as mentioned. The batch check groups files by these names and then verifies the grouping
 * against what the real build declares and resolves (see BatchCheck).
 *
 * The names are slices of `text`, which they keep alive: a caller that keeps a scan turns it
 * into numbers at once (NameTable.idsOf), and the table keeps a copy of each name once.
 */
export function scanNames(path: string, text: string): NameScan {
    const keywords = DECLARING_KEYWORDS[extname(path)] ?? NO_KEYWORDS;
    const { kinds, texts } = tokenize(text);
    const declared: DeclaredName[] = [];
    const mentions = new Set<string>();
    let competenceGroup: string | undefined;
    let pendingGroup: string | undefined;
    let depth = 0;
    let groupDepth = -1;
    for (let index = 0; index < kinds.length; index++) {
        const kind = kinds[index];
        if (kind === Kind.Open) {
            depth++;
            if (pendingGroup !== undefined) {
                competenceGroup = pendingGroup;
                groupDepth = depth;
                pendingGroup = undefined;
            }
            continue;
        }
        if (kind === Kind.Close) {
            if (depth === groupDepth) {
                competenceGroup = undefined;
                groupDepth = -1;
            }
            depth = Math.max(0, depth - 1);
            continue;
        }
        if (kind !== Kind.Id) {
            continue;
        }
        const word = texts[index];
        const previousKind = index > 0 ? kinds[index - 1] : undefined;
        const previous = previousKind === Kind.Id ? texts[index - 1] : undefined;
        if (previous !== undefined && keywords.typeOf(previous) !== undefined) {
            // The name a keyword declares: grouping by declared names already covers it.
            continue;
        }
        const type = keywords.typeOf(word);
        if (type && kinds[index + 1] === Kind.Id) {
            declared.push([texts[index + 1], type]);
            if (type === 'CompetenceGroup') {
                pendingGroup = texts[index + 1];
            }
        } else if (competenceGroup !== undefined && depth === groupDepth && !DETAIL_KEYWORDS.has(word) && previous !== 'source' && previousKind !== Kind.Dot) {
            declared.push([`${competenceGroup}.${word}`, 'Competence']);
        }
        // A qualified name mentions each of its prefixes: `RoSH.a` needs whoever declares `RoSH`.
        if (previousKind !== Kind.Dot) {
            let name = word;
            mentions.add(name);
            for (let at = index + 1; kinds[at] === Kind.Dot && kinds[at + 1] === Kind.Id; at += 2) {
                name = `${name}.${texts[at + 1]}`;
                mentions.add(name);
            }
        }
    }
    return { declared, mentions: [...mentions] };
}

/** The tokens as two parallel arrays, their kinds and (for identifiers) their text: no object per token. */
function tokenize(text: string): { kinds: Kind[]; texts: string[] } {
    const kinds: Kind[] = [];
    const texts: string[] = [];
    TOKEN.lastIndex = 0;
    for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
        const value = match[0];
        const first = value.charCodeAt(0);
        if (first === 0x2f /* / */) {
            continue;
        }
        const kind = first === 0x22 /* " */ ? Kind.String : value === '{' ? Kind.Open : value === '}' ? Kind.Close : value === '.' ? Kind.Dot : Kind.Id;
        kinds.push(kind);
        texts.push(kind === Kind.Id ? value : '');
    }
    return { kinds, texts };
}
