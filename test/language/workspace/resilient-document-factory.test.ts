import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { maxBraceDepth } from '../../../language/src/parser/nesting-guard-lexer.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const GOOD_MODULE = 'module Good "A good module" {\n    covers RoSH.a\n}\n';

function codesOf(workspace: TestWorkspace, path: string): string[] {
    return workspace.diagnostics(path).map(diagnostic => String(diagnostic.code));
}

describe('files the parser cannot take', () => {
    test('a binary file on disk is one binary-file error, and the rest of the workspace is checked', async () => {
        const workspace = await TestWorkspace.create({
            'binary.tspec': new Uint8Array([0x6d, 0x6f, 0x00, 0x01, 0xff]),
            'good.tspec': GOOD_MODULE
        });
        expect(workspace.messages('binary.tspec')).toEqual(['Binary file (a NUL byte at offset 2), not a spec or catalogue.']);
        expect(codesOf(workspace, 'binary.tspec')).toEqual(['binary-file']);
        expect(codesOf(workspace, 'good.tspec')).toEqual(['orphan-module']);
    });

    test('a file that is not UTF-8 is one invalid-utf8 error, which goes once the file is saved as text', async () => {
        const workspace = await TestWorkspace.create({ 'latin1.tspec': new Uint8Array([0x6d, 0x6f, 0x64, 0xe9, 0x20]) });
        expect(workspace.messages('latin1.tspec')).toEqual(['Not valid UTF-8 text (the first bad byte is at offset 3); save the file as UTF-8.']);
        expect(codesOf(workspace, 'latin1.tspec')).toEqual(['invalid-utf8']);

        await workspace.write('latin1.tspec', GOOD_MODULE);
        expect(codesOf(workspace, 'latin1.tspec')).toEqual(['orphan-module']);
    });

    test('a deeply nested file is not parsed at all, with one unparsable-file error at its start', async () => {
        const workspace = await TestWorkspace.create({ 'deep.tspec': 'programme A "x" {\n'.repeat(2000) });
        expect(workspace.messages('deep.tspec')).toEqual(['This file nests braces 2000 levels deep, more than the 32 the parser takes, so it was not checked.']);
        expect(workspace.diagnostics('deep.tspec')[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    });

    test('input on which the parser exhausts the stack is one unparsable-file error, and does not leak into the next file', async () => {
        const workspace = await TestWorkspace.create({
            'a-overflow.tspec': 'programme A "x" { } }\n'.repeat(3000),
            'b-good.tspec': GOOD_MODULE
        });
        expect(codesOf(workspace, 'a-overflow.tspec')).toEqual(['unparsable-file']);
        expect(workspace.messages('a-overflow.tspec')[0]).toMatch(/^The parser cannot take this file: it is nested too deeply or is too malformed \(Maximum call stack size exceeded\), so it was not checked\.$/);
        const good = workspace.document('b-good.tspec').parseResult.value as unknown as { elements: Array<{ $type: string; name: string }> };
        expect(good.elements.map(element => `${element.$type} ${element.name}`)).toEqual(['Module Good']);
    });
});

describe('the nesting guard sees what the lexer sees', () => {
    const deepMessage = (depth: number): string => `This file nests braces ${depth} levels deep, more than the 32 the parser takes, so it was not checked.`;
    const nested = (depth: number): string => 'programme A "x" {\n'.repeat(depth);

    test.each([
        ['line comments ended by a carriage return', (depth: number) => `// a comment\r${nested(depth)}`],
        ['line comments ended by carriage returns throughout', (depth: number) => nested(depth).replaceAll('\n', ' // note\r')],
        ['an unclosed block comment', (depth: number) => `/* never closed\n${nested(depth)}`],
        ['a string the lexer cannot end (a backslash before a line break)', (depth: number) => `module M "not \\\n${nested(depth)}`]
    ])('%s: the same error as the plain deep file, without parsing', async (_name, text) => {
        const workspace = await TestWorkspace.create({ 'plain.tspec': nested(500), 'bypass.tspec': text(500) });
        expect(workspace.messages('plain.tspec')).toEqual([deepMessage(500)]);
        expect(workspace.messages('bypass.tspec')).toEqual([deepMessage(500)]);
        expect(codesOf(workspace, 'bypass.tspec')).toEqual(['unparsable-file']);
    });

    test('braces in strings and comments the lexer takes as such do not count', async () => {
        const workspace = await TestWorkspace.create({});
        const lexer = workspace.services.spec.parser.Lexer;
        const depth = (text: string): number => maxBraceDepth(lexer.tokenize(text, { mode: 'partial' }).tokens);
        expect(depth('a { b { } } { }')).toBe(2);
        expect(depth('"{{{{" // {{{{\n /* {{{{ */ {')).toBe(1);
        expect(depth('"escaped \\" {{" {')).toBe(1);
        expect(depth('}}} {')).toBe(1);
        expect(depth('// {{\r{{')).toBe(2);
        expect(depth('/* {{')).toBe(2);
    });
});

describe('the built-in library', () => {
    test('is read-only: rebuilt while a client holds other text under its URI, it keeps its own', async () => {
        const workspace = await TestWorkspace.create({});
        const { TextDocuments, LangiumDocuments, DocumentBuilder } = workspace.services.shared.workspace;
        const roles = URI.parse('builtin:///roles.nos');
        const original = LangiumDocuments.getDocument(roles)!.textDocument.getText();
        TextDocuments.set(TextDocument.create(roles.toString(), 'trainspec-standards', 2, 'role PO "Forged" {}\n'));
        await DocumentBuilder.update([roles], []);
        const rebuilt = LangiumDocuments.getDocument(roles)!;
        expect(rebuilt.textDocument.getText()).toBe(original);
        expect(rebuilt.textDocument.getText()).toContain('In addition to the skills acquired as a PSO, a PO will need to demonstrate an ability to:');
    });
});
