import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EmptyFileSystem, type LangiumCoreServices } from 'langium';
import type { IToken } from 'chevrotain';
import { describe, expect, test } from 'vitest';
import { createTrainSpecServices } from '../../../language/src/trainspec-module.js';

const services = createTrainSpecServices(EmptyFileSystem);
const ROOT = join(import.meta.dirname, '../../..');

/** Parser jargon that must never reach a designer: Chevrotain's words and the grammar's own names. */
const JARGON = new Set(['Expecting', 'token', 'EOF', ...[services.spec, services.standards].flatMap(language => language.Grammar.rules.map(rule => rule.name))]);

/** How many single-token slips each file gets at most; sampled evenly, with every token type deleted and inserted. */
const SLIPS_PER_FILE = 400;

function filesUnder(folder: string, extensions: string[]): string[] {
    return readdirSync(folder, { withFileTypes: true, recursive: true })
        .filter(entry => entry.isFile() && extensions.some(extension => entry.name.endsWith(extension)))
        .map(entry => join(entry.parentPath, entry.name))
        .sort();
}

const FILES = [...filesUnder(join(ROOT, 'examples'), ['.tspec', '.nos']), ...filesUnder(join(ROOT, 'language/src/library'), ['.nos'])];

/** The words of a message outside `quoted` text (which is the designer's own). */
function wordsOf(message: string): string[] {
    return message.replace(/`[^`]*`/g, ' ').split(/[^A-Za-z_]+/).filter(Boolean);
}

/** Each slip: a token deleted, and a token replaced by one of another type, cycling through the types the file has. */
function slipsOf(text: string, tokens: IToken[]): string[] {
    const byType = new Map<string, IToken>();
    tokens.forEach(token => byType.set(token.tokenType.name, byType.get(token.tokenType.name) ?? token));
    const representatives = [...byType.values()];
    const firstOfType = new Set(representatives);
    const step = Math.max(1, Math.ceil(tokens.length / (SLIPS_PER_FILE / 2)));
    const slips: string[] = [];
    tokens.forEach((token, index) => {
        if (index % step !== 0 && !firstOfType.has(token)) {
            return;
        }
        const before = text.slice(0, token.startOffset);
        const after = text.slice(token.endOffset! + 1);
        slips.push(before + after);
        const others = representatives.filter(other => other.tokenType !== token.tokenType);
        const replacement = others[index % others.length];
        if (replacement) {
            slips.push(`${before}${replacement.image}${after}`);
        }
    });
    // Every token type also stands where it does not belong: in place of the file's first token.
    for (const representative of representatives) {
        slips.push(text.slice(0, tokens[0].startOffset) + representative.image + text.slice(tokens[0].endOffset! + 1));
    }
    return slips;
}

function languageOf(file: string): LangiumCoreServices {
    return file.endsWith('.tspec') ? services.spec : services.standards;
}

describe('a single-token slip anywhere in an example or a built-in catalogue', () => {
    test.each(FILES.map(file => [relative(ROOT, file), file]))('%s: no syntax error speaks parser jargon', (_name, file) => {
        const text = readFileSync(file, 'utf8');
        const language = languageOf(file);
        const tokens = language.parser.Lexer.tokenize(text).tokens;
        const slips = slipsOf(text, tokens);
        const jargon: string[] = [];
        for (const slip of slips) {
            const result = language.parser.LangiumParser.parse(slip);
            for (const message of [...result.lexerErrors, ...result.parserErrors].map(error => error.message)) {
                if (wordsOf(message).some(word => JARGON.has(word))) {
                    jargon.push(message);
                }
            }
        }
        expect(slips.length).toBeGreaterThan(Math.min(tokens.length, SLIPS_PER_FILE / 2));
        expect([...new Set(jargon)]).toEqual([]);
    });
});
