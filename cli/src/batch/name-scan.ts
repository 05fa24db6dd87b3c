import { extname } from 'node:path';
import type { DeclaredName } from '../../../language/src/references/outside-declarations.js';

/** What a quick look at a file's tokens says it declares and mentions; see scanNames. */
export interface NameScan {
    /** Names the file appears to declare, with the type the declaring keyword gives them. */
    declared: DeclaredName[];
    /** Every name and qualified name (and each prefix of one) the file mentions. */
    mentions: string[];
}

/** The declaring keywords of each language and the type of what they declare (see the grammars). */
const DECLARING_KEYWORDS: Record<string, Record<string, string>> = {
    '.tspec': { programme: 'Programme', module: 'Module' },
    '.nos': {
        document: 'SourceDocument', framework: 'Framework', set: 'SkillSet', unit: 'Unit', area: 'Area', competences: 'CompetenceGroup',
        outcome: 'Outcome', qualification: 'Qualification', route: 'Route', role: 'Role', guidance: 'Guidance'
    }
};

/** Keywords inside a competence group that are not competences: its details, and the reference after `source`. */
const DETAIL_KEYWORDS = new Set(['text', 'code', 'source', 'section', 'note']);

// Comments, strings, identifiers and the punctuation that matters; everything else (numbers, commas) is skipped.
const TOKEN = /\/\/[^\n\r]*|\/\*[\s\S]*?\*\/|"(?:\\.|[^"\\])*"|[_a-zA-Z][\w]*|[{}.]/g;

interface Token {
    kind: 'id' | 'string' | 'punctuation';
    text: string;
}

/**
 * Scans a spec or catalogue for the names it declares and mentions, with a regular expression
 * rather than the parser: it is much cheaper, and it only has to err on the safe side. A name
 * after a declaring keyword counts as declared even in a broken file; every identifier counts
 * as mentioned. The batch check groups files by these names and then verifies the grouping
 * against what the real build declares and resolves (see BatchCheck).
 */
export function scanNames(path: string, text: string): NameScan {
    const keywords = DECLARING_KEYWORDS[extname(path)] ?? {};
    const tokens = tokenize(text);
    const declared: DeclaredName[] = [];
    const mentions = new Set<string>();
    let competenceGroup: string | undefined;
    let pendingGroup: string | undefined;
    let depth = 0;
    let groupDepth = -1;
    for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index];
        if (token.kind === 'punctuation') {
            if (token.text === '{') {
                depth++;
                if (pendingGroup !== undefined) {
                    competenceGroup = pendingGroup;
                    groupDepth = depth;
                    pendingGroup = undefined;
                }
            } else if (token.text === '}') {
                if (depth === groupDepth) {
                    competenceGroup = undefined;
                    groupDepth = -1;
                }
                depth = Math.max(0, depth - 1);
            }
            continue;
        }
        if (token.kind !== 'id') {
            continue;
        }
        const previous = tokens[index - 1];
        const next = tokens[index + 1];
        const type = keywords[token.text];
        if (previous?.kind === 'id' && keywords[previous.text]) {
            // The name a keyword declares: grouping by declared names already covers it.
            continue;
        }
        if (type && next?.kind === 'id') {
            declared.push([intern(next.text), type]);
            if (type === 'CompetenceGroup') {
                pendingGroup = next.text;
            }
        } else if (competenceGroup !== undefined && depth === groupDepth && !DETAIL_KEYWORDS.has(token.text)
            && !(previous?.kind === 'id' && previous.text === 'source') && previous?.text !== '.') {
            declared.push([intern(`${competenceGroup}.${token.text}`), 'Competence']);
        }
        // A qualified name mentions each of its prefixes: `RoSH.a` needs whoever declares `RoSH`.
        if (previous?.text !== '.') {
            let name = token.text;
            mentions.add(intern(name));
            for (let at = index + 1; tokens[at]?.text === '.' && tokens[at + 1]?.kind === 'id'; at += 2) {
                name = `${name}.${tokens[at + 1].text}`;
                mentions.add(intern(name));
            }
        }
    }
    return { declared, mentions: [...mentions] };
}

/**
 * One string for each name, however many files mention it: most mentions are of the same
 * built-in standards, and each match would otherwise keep its own copy (or its whole file) alive.
 */
const interned = new Map<string, string>();

function intern(name: string): string {
    let shared = interned.get(name);
    if (shared === undefined) {
        // A flat copy, not a slice that would keep the file's text alive.
        shared = (' ' + name).slice(1);
        interned.set(shared, shared);
    }
    return shared;
}

function tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    for (const match of text.matchAll(TOKEN)) {
        const value = match[0];
        const first = value.charCodeAt(0);
        if (first === 0x2f /* / */) {
            continue;
        }
        tokens.push({ kind: first === 0x22 /* " */ ? 'string' : value === '{' || value === '}' || value === '.' ? 'punctuation' : 'id', text: value });
    }
    return tokens;
}
