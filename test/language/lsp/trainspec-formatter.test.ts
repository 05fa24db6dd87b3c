import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { expectFormatting, parseDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { FormattingOptions, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createTrainSpecServices } from '../../../language/src/trainspec-module.js';
import { REPO_ROOT } from '../../support/run-cli.js';

const { spec, standards } = createTrainSpecServices(EmptyFileSystem);

/** The document's text after applying the formatter's edits for the whole document (or a range). */
async function format(text: string, services: LangiumServices = spec, range?: Range, options: FormattingOptions = { tabSize: 4, insertSpaces: true }): Promise<string> {
    const document = await parseDocument(services, text);
    const params = { textDocument: { uri: document.uri.toString() }, options };
    const formatter = services.lsp.Formatter!;
    const edits = await (range ? formatter.formatDocumentRange(document, { ...params, range }) : formatter.formatDocument(document, params));
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** The text without any whitespace: what formatting must never change. */
const significant = (text: string) => text.replace(/\s+/g, '');

/** Every comment in the text, in order (without the spaces that end a line comment). */
const comments = (text: string) => (text.match(/\/\/[^\n\r]*|\/\*[\s\S]*?\*\//g) ?? []).map(comment => comment.startsWith('//') ? comment.trimEnd() : comment);

const MESSY_SPEC = `  programme P "Title" { prepares PO ,PSO pathway CourtWork route PoHonoursRoute includes A,B module M "m" { hours 3 assessed by observation , "case study" covers RoSH . a,PsoAssessRisk } module N "n" {hours 4} }  module A "a" {covers X} module B "b" {}`;

const CANONICAL_SPEC = `programme P "Title" {
    prepares PO, PSO
    pathway CourtWork
    route PoHonoursRoute
    includes A, B

    module M "m" {
        hours 3
        assessed by observation, "case study"
        covers RoSH.a, PsoAssessRisk
    }

    module N "n" {
        hours 4
    }
}

module A "a" {
    covers X
}

module B "b" {
}
`;

const COMMENTED_SPEC = `// File header

programme   P "T"   {   // trails the brace
  /* before prepares */ prepares PO,   // after a comma
      PSO
    pathway CourtWork // at a line end


// before a module, at column 0
        module M "m" {
    hours 3 /* after hours */
    covers RoSH.a, /* between items */ PsoAssessRisk,
    // on its own line between items
    PsoCommunicate
    // inside, before the brace
    }
}
/* block before a declaration */
module A "a" { covers X }
// at the end`;

const COMMENTED_SPEC_FORMATTED = `// File header

programme P "T" { // trails the brace
    /* before prepares */ prepares PO, // after a comma
        PSO
    pathway CourtWork // at a line end

    // before a module, at column 0
    module M "m" {
        hours 3 /* after hours */
        covers RoSH.a, /* between items */ PsoAssessRisk,
            // on its own line between items
            PsoCommunicate
        // inside, before the brace
    }
}

/* block before a declaration */
module A "a" {
    covers X
}

// at the end
`;

const MESSY_CATALOGUE = `document D "d"
framework F "f" { source D section "1"
skill set S "s" { text "t" source D section "2" note "n1" note "n2" }
unit U "u" in S
competences G "g" { text "lead" a "first" b "second" }
area A "a" { units U ,U }
}
role R "r" extends PO { requires G.a, U requires pathway }
route Rt "rt" to R { qualifications Q work based }`;

const CANONICAL_CATALOGUE = `document D "d"

framework F "f" {
    source D section "1"

    skill set S "s" {
        text "t"
        source D section "2"
        note "n1"
        note "n2"
    }

    unit U "u" in S

    competences G "g" {
        text "lead"
        a "first"
        b "second"
    }

    area A "a" {
        units U, U
    }
}

role R "r" extends PO {
    requires G.a, U
    requires pathway
}

route Rt "rt" to R {
    qualifications Q
    work based
}
`;

describe('formatting a programme spec', () => {
    test('lays it out canonically: 4-space indentation, one clause per line, { on the declaration line, blank lines between declarations, ", " in lists', async () => {
        await expectFormatting(spec)({ before: MESSY_SPEC, after: CANONICAL_SPEC, disposeAfterCheck: true });
    });

    test('collapses runs of blank lines, drops blank lines at the edges of blocks, and trailing and leading whitespace', async () => {
        await expectFormatting(spec)({
            before: '\n\n\tprogramme P "T" {   \n\n\n    prepares PO\t\n\n\n\n    route PsoRoute\n\n}\n\n\n\n\nmodule A "a" {\n\n  covers X\n\n}\n\n\n',
            after: 'programme P "T" {\n    prepares PO\n\n    route PsoRoute\n}\n\nmodule A "a" {\n    covers X\n}\n',
            disposeAfterCheck: true
        });
    });

    test('removes the spaces that end a line comment, which are trailing whitespace', async () => {
        await expectFormatting(spec)({
            before: 'module A "a" { // note   \n    covers X\t// x\t \n}\n',
            after: 'module A "a" { // note\n    covers X // x\n}\n',
            disposeAfterCheck: true
        });
    });

    test('keeps every comment where it is: before declarations, at line ends, inside blocks, between list items', async () => {
        await expectFormatting(spec)({ before: COMMENTED_SPEC, after: COMMENTED_SPEC_FORMATTED, disposeAfterCheck: true });
    });

    test('a comment right above a declaration stays attached to it; a blank line after a comment is kept', async () => {
        await expectFormatting(spec)({
            before: 'programme P "T" {\n    prepares PO\n    // Block 1\n\n    // about M\n    module M "m" { hours 1 }\n    /* about N */\n    module N "n" { hours 2 }\n}\n',
            after: 'programme P "T" {\n    prepares PO\n    // Block 1\n\n    // about M\n    module M "m" {\n        hours 1\n    }\n\n    /* about N */\n    module N "n" {\n        hours 2\n    }\n}\n',
            disposeAfterCheck: true
        });
    });

    test('a line comment inside a clause makes the rest of the clause a continuation line', async () => {
        await expectFormatting(spec)({
            before: 'module M "m" { covers RoSH.a, // the first\nRoSH.b // the second\n, RoSH.c }',
            after: 'module M "m" {\n    covers RoSH.a, // the first\n        RoSH.b // the second\n        , RoSH.c\n}\n',
            disposeAfterCheck: true
        });
    });

    test('keeps Windows line endings', async () => {
        expect(await format('programme P "T" {\r\nprepares PO\r\n\r\n\r\nmodule M "m" { hours 1 } }\r\n')).toBe(
            'programme P "T" {\r\n    prepares PO\r\n\r\n    module M "m" {\r\n        hours 1\r\n    }\r\n}\r\n');
    });

    test('range formatting changes only the lines in the range, their indentation included', async () => {
        const before = 'programme P "T" {\nprepares PO\n  module M "m" {   hours 1 }\n}\nmodule   A "a" {covers X}\n';
        await expectFormatting(spec)({
            before,
            range: { start: { line: 2, character: 0 }, end: { line: 2, character: 28 } },
            after: 'programme P "T" {\nprepares PO\n\n    module M "m" {\n        hours 1\n    }\n}\nmodule   A "a" {covers X}\n',
            disposeAfterCheck: true
        });
        await expectFormatting(spec)({
            before,
            range: { start: { line: 4, character: 7 }, end: { line: 4, character: 7 } },
            after: 'programme P "T" {\nprepares PO\n  module M "m" {   hours 1 }\n}\nmodule A "a" {covers X}\n',
            disposeAfterCheck: true
        });
    });

    test('a document with syntax errors is left exactly as it is', async () => {
        const broken = 'programme P "T" {\n  prepares PO,\n    module M "m" { hours }\n  // a comment\nmodule   "x" { covers RoSH.a';
        expect(await format(broken)).toBe(broken);
        const unterminated = 'module M "m" { covers X /* never closed\n}\n';
        expect(await format(unterminated)).toBe(unterminated);
    });

    test('an empty document stays empty', async () => {
        expect(await format('')).toBe('');
        expect(await format('\n\n  \n')).toBe('\n\n  \n');
    });
});

describe('formatting a catalogue', () => {
    test('lays out frameworks, items, lettered competences, roles and routes canonically', async () => {
        await expectFormatting(standards)({ before: MESSY_CATALOGUE, after: CANONICAL_CATALOGUE, disposeAfterCheck: true });
    });

    test('keeps comments in catalogues too', async () => {
        await expectFormatting(standards)({
            before: 'role R "r" { // the role\n/* first */ requires A, // a\n  B\n    // last\n}',
            after: 'role R "r" { // the role\n    /* first */ requires A, // a\n        B\n    // last\n}\n',
            disposeAfterCheck: true
        });
    });
});

describe('the canonical layout', () => {
    const inputs: Array<[string, string, LangiumServices]> = [
        ['a messy spec', MESSY_SPEC, spec],
        ['a spec with comments everywhere', COMMENTED_SPEC, spec],
        ['a messy catalogue', MESSY_CATALOGUE, standards],
        ['a spec with continuation lines', 'module M "m" { covers RoSH.a, // c\n/* d */ RoSH.b, /* e */\n RoSH.c }', spec]
    ];

    test.each(inputs)('is idempotent and never drops or reorders text or comments (%s)', async (_name, text, services) => {
        const once = await format(text, services);
        expect(once).not.toBe(text);
        expect(await format(once, services)).toBe(once);
        expect(significant(once)).toBe(significant(text));
        expect(comments(once)).toEqual(comments(text));
    });

    const files = [
        'examples/case-manager-course/course.tspec', 'examples/incomplete/programme.tspec', 'examples/po-court-work/programme.tspec',
        'examples/po-court-work/modules/court-work.tspec', 'examples/po-court-work/modules/foundations.tspec',
        'examples/po-court-work/modules/practice.tspec', 'examples/pso-community-payback/programme.tspec',
        'examples/case-manager-course/provider-roles.nos', 'language/src/library/s10-guidelines.nos',
        'language/src/library/pqf-leaflet.nos', 'language/src/library/roles.nos'
    ];

    test.each(files)('is the layout of the examples and the built-in library already (%s)', async file => {
        const text = readFileSync(join(REPO_ROOT, file), 'utf8');
        expect(comments(text).length).toBeGreaterThan(0);
        expect(await format(text, file.endsWith('.nos') ? standards : spec)).toBe(text);
    });
});

describe('the canonical layout of scrambled text', () => {
    /** A fixed pseudo-random sequence, so that a failure can be reproduced. */
    function random(seed: number): () => number {
        return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    }

    /** The text with the whitespace between its tokens replaced at random (keeping the line end after a line comment). */
    function scramble(text: string, next: () => number): string {
        const parts = text.match(/"(\\.|[^"\\])*"|\/\/[^\n]*|\/\*[\s\S]*?\*\/|\s+|[,.{}]|[^\s",.{}]+/g)!;
        const choices = [' ', '', '\n', '\n\n\n', '\t ', '  \n   '];
        return parts.map((part, i) => {
            if (!/^\s+$/.test(part)) {
                return part;
            }
            let whitespace = choices[Math.floor(next() * choices.length)];
            if (parts[i - 1]?.startsWith('//') && !whitespace.includes('\n')) {
                whitespace = '\n';
            }
            // Two words or strings must stay apart.
            return whitespace === '' && /[\w"]$/.test(parts[i - 1] ?? '') && /^[\w"]/.test(parts[i + 1] ?? '') ? ' ' : whitespace;
        }).join('');
    }

    test.each([
        'examples/case-manager-course/course.tspec', 'examples/po-court-work/programme.tspec', 'examples/pso-community-payback/programme.tspec',
        'language/src/library/roles.nos', 'language/src/library/pqf-leaflet.nos'
    ])('is reached in one step, keeps every token and comment, and parses (%s)', async file => {
        const services = file.endsWith('.nos') ? standards : spec;
        const next = random(42);
        const original = readFileSync(join(REPO_ROOT, file), 'utf8');
        for (let round = 0; round < 5; round++) {
            const scrambled = scramble(original, next);
            const document = await parseDocument(services, scrambled);
            expect(document.parseResult.parserErrors).toEqual([]);
            const once = await format(scrambled, services);
            expect(await format(once, services)).toBe(once);
            expect(significant(once)).toBe(significant(original));
            expect(comments(once)).toEqual(comments(original));
        }
    });
});

describe('the editor\'s indentation options', () => {
    test('two spaces per level when the editor asks for tabSize 2 with spaces', async () => {
        expect(await format(MESSY_SPEC, spec, undefined, { tabSize: 2, insertSpaces: true })).toBe(CANONICAL_SPEC.replace(/^((?: {4})+)/gm, indent => '  '.repeat(indent.length / 4)));
    });

    test('a tab per level when the editor asks for tabs, whatever the tab size', async () => {
        expect(await format(MESSY_SPEC, spec, undefined, { tabSize: 8, insertSpaces: false })).toBe(CANONICAL_SPEC.replace(/^((?: {4})+)/gm, indent => '\t'.repeat(indent.length / 4)));
    });

    test('a document laid out with tabs is re-indented with spaces when the editor asks for spaces', async () => {
        const tabbed = CANONICAL_SPEC.replace(/^((?: {4})+)/gm, indent => '\t'.repeat(indent.length / 4));
        expect(await format(tabbed)).toBe(CANONICAL_SPEC);
    });

    test('range formatting indents with the editor\'s options too', async () => {
        const text = 'module M "m" {\n hours 3\n covers X\n}\n';
        const secondLine = { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } };
        expect(await format(text, spec, secondLine, { tabSize: 3, insertSpaces: true })).toBe('module M "m" {\n   hours 3\n covers X\n}\n');
        expect(await format(text, spec, secondLine, { tabSize: 4, insertSpaces: false })).toBe('module M "m" {\n\thours 3\n covers X\n}\n');
    });

    test('options that make no sense fall back to four spaces', async () => {
        for (const tabSize of [0, -2, 1.5, 1000]) {
            expect(await format(MESSY_SPEC, spec, undefined, { tabSize, insertSpaces: true })).toBe(CANONICAL_SPEC);
        }
    });
});
