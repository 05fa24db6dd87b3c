import { TextDocument } from 'langium';
import { expectSymbols } from 'langium/test';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import { beforeAll, describe, expect, test } from 'vitest';
import { TestWorkspace } from '../../support/test-workspace.js';
import { rangeOf } from '../../support/text-ranges.js';

let workspace: TestWorkspace;

beforeAll(async () => {
    workspace = await TestWorkspace.create({});
});

/** The range from the start of `from` to the end of `to` (its occurrence after `from`) in `text`. */
function span(text: string, from: string, to: string): Range {
    const document = TextDocument.create('file:///span', 'trainspec', 0, text);
    const start = text.indexOf(from);
    const end = text.indexOf(to, start) + to.length;
    return { start: document.positionAt(start), end: document.positionAt(end) };
}

function kindName(kind: SymbolKind): string | undefined {
    return Object.entries(SymbolKind).find(([, value]) => value === kind)?.[0];
}

function nameRange(text: string, name: string, occurrence = 0): Range {
    return rangeOf(TextDocument.create('file:///name', 'trainspec', 0, text), name, occurrence);
}

describe('the outline of a spec', () => {
    const SPEC = `// Court team
programme Court "Court team" {
    prepares PO
    module Risk "Risk and safety" {
        hours 30
    }
}
module Reports "Pre-sentence reports" { covers RoSH.a }`;

    test('shows programmes with their modules, and modules on their own, under their names with their titles', async () => {
        await expectSymbols(workspace.services.spec)({
            text: SPEC,
            disposeAfterCheck: true,
            expectedSymbols: [
                {
                    kind: SymbolKind.Namespace,
                    name: 'Court',
                    detail: 'Court team',
                    range: span(SPEC, 'programme Court', '    }\n}'),
                    selectionRange: nameRange(SPEC, 'Court', 1),
                    children: [{
                        kind: SymbolKind.Module,
                        name: 'Risk',
                        detail: 'Risk and safety',
                        range: span(SPEC, 'module Risk', '    }'),
                        selectionRange: nameRange(SPEC, 'Risk'),
                        children: undefined
                    }]
                },
                {
                    kind: SymbolKind.Module,
                    name: 'Reports',
                    detail: 'Pre-sentence reports',
                    range: span(SPEC, 'module Reports', 'RoSH.a }'),
                    selectionRange: nameRange(SPEC, 'Reports'),
                    children: undefined
                }
            ]
        });
    });
});

describe('the outline of a catalogue', () => {
    const CATALOGUE = `document Handbook "Provider handbook"
framework Local "Local standards" {
    source Handbook section "2"
    competences Ethics "Professional ethics" {
        a "Act with integrity"
    }
    outcome Reflect "reflect on practice"
}
role Mentor "Mentor" extends PO { requires Ethics, Reflect }`;

    test('nests items under their framework, competences under their group, each with a sensible kind and its title or words', async () => {
        await expectSymbols(workspace.services.standards)({
            text: CATALOGUE,
            disposeAfterCheck: true,
            assert: symbols => {
                const outline = (list: DocumentSymbol[] | undefined): unknown[] =>
                    (list ?? []).map(symbol => [symbol.name, kindName(symbol.kind), symbol.detail, ...(symbol.children ? [outline(symbol.children)] : [])]);
                expect(outline(symbols)).toEqual([
                    ['Handbook', 'File', 'Provider handbook'],
                    ['Local', 'Package', 'Local standards', [
                        ['Ethics', 'Enum', 'Professional ethics', [
                            ['Ethics.a', 'EnumMember', 'Act with integrity']
                        ]],
                        ['Reflect', 'Property', 'reflect on practice']
                    ]],
                    ['Mentor', 'Class', 'Mentor']
                ]);
                // A competence is selected by its letter.
                const letter = nameRange(CATALOGUE, 'a "Act').start;
                expect(symbols[1].children![0].children![0].selectionRange).toEqual({ start: letter, end: { line: letter.line, character: letter.character + 1 } });
            }
        });
    });
});
