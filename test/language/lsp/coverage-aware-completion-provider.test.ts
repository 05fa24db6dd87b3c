import { expectCompletion } from 'langium/test';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { DefaultCoverageAnalysis } from '../../../language/src/coverage/coverage-analysis.js';
import { KEYWORD_SNIPPETS } from '../../../language/src/lsp/keyword-snippets.js';
import { MEETS_SKILL_SET, NOT_YET_COVERED } from '../../../language/src/lsp/coverage-aware-completion-provider.js';
import { positionIn } from '../../support/lsp-positions.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const FILES = {
    'modules.tspec': `module Reports "Pre-sentence reports" { covers DevelopSentencingProposals, PsoAssessRisk }`,
    'programmes.tspec': `programme Safety "Community safety" {
    prepares CommunitySafetySpecialist
    includes Standalone
}`
};

const COURT = `programme Court "Court team" {
    prepares PO
    pathway CourtWork
    includes Reports
    module Risk "Risk and safety" {
        covers PsoAssessRisk, <|>
    }
}`;

// PO's own outcomes, then those it has through PSO, then the CourtWork units; less PsoAssessRisk and DevelopSentencingProposals, which are covered.
const COURT_GAPS = [
    'PoProtectPublic', 'PoInfluenceChange', 'PoDevelopProfessionally', 'PoPromoteEquality', 'PoEvidenceBasedPractice',
    'PsoPromoteEquality', 'PsoCommunicate', 'PsoSupportChange', 'PsoWorkWithOthers', 'PsoDevelopSelf', 'PsoSpecialistPathway',
    'KnowledgeOfPolicy', 'UnderstandingOfOffending', 'ExchangeInformationAtHearings'
];

let workspace: TestWorkspace;

beforeAll(async () => {
    workspace = await TestWorkspace.create(FILES);
});

function sorted(list: CompletionList): CompletionItem[] {
    return [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

async function completeIn(text: string, assert: (list: CompletionList) => void): Promise<void> {
    await expectCompletion(workspace.services.spec)({ text, index: 0, assert, disposeAfterCheck: true });
}

describe('reference completion', () => {
    test('shows the title as detail and the verbatim text and its source as documentation', async () => {
        await completeIn('module M "M" { covers RoSH.<|> }', list => {
            expect(list.items.find(item => item.label === 'RoSH.g')).toEqual({
                label: 'RoSH.g',
                kind: CompletionItemKind.EnumMember,
                detail: 'Risk of Serious Harm 3.1 (g)',
                documentation: {
                    kind: 'markdown',
                    value: '> Consider the need to protect victims and take appropriate steps to do so\n\n'
                        + '**Source:** Guidelines issued by the Secretary of State for Justice under Section 10(2) of the Offender Management Act 2007, section 3.1 (g)'
                },
                sortText: '0',
                textEdit: { newText: 'RoSH.g', range: { start: { line: 0, character: 22 }, end: { line: 0, character: 27 } } },
                additionalTextEdits: undefined, command: undefined, commitCharacters: undefined, data: undefined, filterText: undefined,
                insertText: undefined, insertTextFormat: undefined, insertTextMode: undefined, labelDetails: undefined, preselect: undefined,
                tags: undefined, textEditText: undefined
            });
        });
    });

    test('offers the letters of a competence group after its name and a dot, and nothing else', async () => {
        await expectCompletion(workspace.services.spec)({
            text: 'module M "M" { covers RoSH.<|> }',
            index: 0,
            expectedItems: ['RoSH.a', 'RoSH.b', 'RoSH.c', 'RoSH.d', 'RoSH.e', 'RoSH.f', 'RoSH.g', 'RoSH.h', 'RoSH.i'],
            disposeAfterCheck: true
        });
        await expectCompletion(workspace.services.spec)({
            text: 'module M "M" { covers HighRoSH.<|>',
            index: 0,
            expectedItems: ['HighRoSH.a', 'HighRoSH.b', 'HighRoSH.c', 'HighRoSH.d', 'HighRoSH.e', 'HighRoSH.f', 'HighRoSH.g', 'HighRoSH.h', 'HighRoSH.i'],
            disposeAfterCheck: true
        });
        await expectCompletion(workspace.services.spec)({ text: 'module M "M" { covers Diversity.b<|> }', index: 0, expectedItems: ['Diversity.b'], disposeAfterCheck: true });
    });

    test('is triggered by a dot', () => {
        expect(workspace.services.spec.lsp.CompletionProvider!.completionOptions).toEqual({ triggerCharacters: ['.'] });
    });

    test('gives roles and modules their titles', async () => {
        await completeIn('programme P "P" { prepares CaseMa<|> }', list => {
            expect(list.items.map(item => [item.label, item.detail, item.kind])).toEqual([
                ['CaseManager', 'Case manager', CompletionItemKind.Class],
                ['HighRiskCaseManager', 'High risk case manager', CompletionItemKind.Class]
            ]);
        });
        await completeIn('programme P "P" { includes Rep<|> }', list => {
            expect(list.items.map(item => [item.label, item.detail, item.kind])).toEqual([['Reports', 'Pre-sentence reports', CompletionItemKind.Module]]);
        });
    });
});

describe('completion in the covers of a programme\'s module', () => {
    test('ranks first, in requirement order, what the programme requires and no module covers yet, and marks it', async () => {
        await completeIn(COURT, list => {
            const items = sorted(list);
            expect(items.slice(0, COURT_GAPS.length).map(item => item.label)).toEqual(COURT_GAPS);
            expect(items.slice(0, COURT_GAPS.length).every(item => item.labelDetails?.detail === NOT_YET_COVERED)).toBe(true);
            expect(items.slice(0, 2).map(item => item.sortText)).toEqual(['0a0000', '0a0001']);
            expect(items.slice(COURT_GAPS.length).some(item => item.labelDetails !== undefined)).toBe(false);
            expect(items.slice(COURT_GAPS.length).every(item => item.sortText === '0b')).toBe(true);
            expect(items).toHaveLength(94);
        });
        expect(NOT_YET_COVERED).toBe(' — not yet covered');
    });

    test('does the same for a module written on its own that a programme includes', async () => {
        await workspace.write('standalone.tspec', 'module Standalone "Standalone" {\n    covers CommunityConcerns\n}');
        const document = workspace.document('standalone.tspec');
        const list = (await workspace.services.spec.lsp.CompletionProvider!.getCompletion(document, positionIn(document, 'CommunityConcerns')))!;
        // CommunitySafetySpecialist requires only CommunityConcerns, which this module covers: nothing is left to rank first.
        expect(sorted(list).some(item => item.labelDetails)).toBe(false);

        await workspace.write('programmes.tspec', 'programme Safety "Community safety" {\n    prepares CommunitySafetySpecialist, CourtWorkSpecialist\n    includes Standalone\n}');
        const ranked = sorted((await workspace.services.spec.lsp.CompletionProvider!.getCompletion(document, positionIn(document, 'CommunityConcerns')))!);
        expect(ranked.slice(0, 3).map(item => [item.label, item.labelDetails?.detail])).toEqual([
            ['ExchangeInformationAtHearings', NOT_YET_COVERED],
            ['DevelopSentencingProposals', NOT_YET_COVERED],
            ['RiskSkills', undefined]
        ]);
    });

    test('ranks nothing outside covers, or in a module that no programme uses', async () => {
        await completeIn('module Alone "Alone" { covers <|> }', list => {
            expect(list.items.every(item => item.sortText === '0' && item.labelDetails === undefined)).toBe(true);
            expect(list.items).toHaveLength(94);
        });
    });
});

describe('completion and the skill-set rule', () => {
    test('for a skill set not yet met, ranks its units first, never the set itself', async () => {
        const cases = await TestWorkspace.create({
            'cases.tspec': 'programme Cases "Cases" {\n    prepares CaseManager\n    module Risk "Risk" {\n        covers AssessRiskOfHarm, RoSH.a\n    }\n}'
        });
        const document = cases.document('cases.tspec');
        const ranked = sorted((await cases.services.spec.lsp.CompletionProvider!.getCompletion(document, positionIn(document, 'RoSH.a')))!);
        const first = ranked.filter(item => item.labelDetails);
        // The 29 competences not yet covered, in requirement order; then, for each skill set not yet met, its units.
        expect(first.slice(28, 31).map(item => [item.label, item.labelDetails?.detail])).toEqual([
            ['CaseManagement.f', NOT_YET_COVERED],
            ['PromoteEqualityAndDiversity', MEETS_SKILL_SET],
            ['CommunicateEffectively', MEETS_SKILL_SET]
        ]);
        expect(first.some(item => String(item.label).endsWith('Skills'))).toBe(false);
    });
});

describe('completion analyses only the programmes it ranks for', () => {
    test('in a module that no programme includes, no programme is analysed, however many the workspace has', async () => {
        const programmes = Array.from({ length: 5 }, (_, n) => `programme P${n} "P${n}" {\n    prepares PSO\n    pathway CourtWork\n}`).join('\n');
        const many = await TestWorkspace.create({ 'programmes.tspec': programmes, 'alone.tspec': 'module Alone "Alone" {\n    covers PsoAssessRisk\n}' });
        // An edit to the lone module's file starts a new workspace state in which no programme needs analysing.
        await many.write('alone.tspec', 'module Alone "Alone" {\n    covers PsoAssessRisk, PsoCommunicate\n}');
        const analyse = vi.spyOn(DefaultCoverageAnalysis.prototype as unknown as { analyse: () => unknown }, 'analyse');
        try {
            const document = many.document('alone.tspec');
            const list = (await many.services.spec.lsp.CompletionProvider!.getCompletion(document, positionIn(document, 'PsoCommunicate')))!;
            expect(list.items.length).toBeGreaterThan(0);
            expect(analyse).not.toHaveBeenCalled();

            // Once a programme includes it, that programme alone is analysed.
            await many.write('programmes.tspec', programmes.replace('prepares PSO', 'prepares PSO\n    includes Alone'));
            analyse.mockClear();
            await many.services.spec.lsp.CompletionProvider!.getCompletion(many.document('alone.tspec'), positionIn(document, 'PsoCommunicate'));
            expect(analyse.mock.calls.length).toBeLessThanOrEqual(1);
        } finally {
            analyse.mockRestore();
        }
    });
});

describe('keyword completion', () => {
    test('offers the keywords that may come next', async () => {
        await expectCompletion(workspace.services.spec)({ text: '<|>', index: 0, expectedItems: ['programme', 'module'], disposeAfterCheck: true });
        await expectCompletion(workspace.services.spec)({ text: 'module M "M" { <|> }', index: 0, expectedItems: ['hours', 'assessed', 'covers'], disposeAfterCheck: true });
        await expectCompletion(workspace.services.spec)({
            text: 'programme P "P" { <|> }',
            index: 0,
            expectedItems: ['prepares', 'pathway', 'route', 'includes', 'module'],
            disposeAfterCheck: true
        });
    });
});

describe('completion on half-typed catalogues', () => {
    test('offers an item whose title is not typed yet, with no detail, and logs nothing', async () => {
        const errors = vi.spyOn(console, 'error');
        await workspace.write('broken.nos', 'unit Broken in RiskSkills');
        try {
            await completeIn('module M "M" { covers Bro<|> }', list => {
                const broken = list.items.find(item => item.label === 'Broken');
                expect(broken).toMatchObject({ label: 'Broken', kind: CompletionItemKind.EnumMember });
                expect(broken?.detail ?? '').toBe('');
                expect(JSON.stringify(broken)).not.toContain('undefined');
            });
            expect(errors).not.toHaveBeenCalled();
        } finally {
            errors.mockRestore();
            await workspace.delete('broken.nos');
        }
    });
});

describe('completion in a long file', () => {
    /** Completion in `path` where `marker` ends (or `offset` characters into it), counting the tokens lexed meanwhile. */
    async function completeCounting(target: TestWorkspace, path: string, marker: string, offset = marker.length): Promise<{ labels: string[]; tokens: number }> {
        const lexer = target.services.spec.parser.Lexer;
        const spy = vi.spyOn(lexer, 'tokenize');
        try {
            const document = target.document(path);
            const list = await target.services.spec.lsp.CompletionProvider!.getCompletion(document, positionIn(document, marker, offset));
            const tokens = spy.mock.results.reduce((sum, result) => sum + (result.type === 'return' ? result.value.tokens.length : 0), 0);
            return { labels: (list?.items ?? []).map(item => item.label).sort(), tokens };
        } finally {
            spy.mockRestore();
        }
    }

    const modules = (count: number): string => Array.from({ length: count }, (_, i) => `module M${i} "Module ${i}" {\n    hours 10\n    covers RoSH.a, RoSH.b\n}\n`).join('');
    const last = 'module Last "Last" {\n    covers RoSH.a, Ro';

    test('lexes and parses only the element at the cursor, not the whole file before it, and completes as in a short file', async () => {
        const target = await TestWorkspace.create({ 'long.tspec': modules(2000) + last, 'short.tspec': last });
        const long = await completeCounting(target, 'long.tspec', last);
        const short = await completeCounting(target, 'short.tspec', last);
        expect(long.labels).toEqual(short.labels);
        expect(long.labels).toContain('RoSH.b');
        // The file has about 2,000 × 13 tokens; the element at the cursor has 11.
        expect(long.tokens).toBeLessThanOrEqual(4 * short.tokens);
    });

    test('between elements and in the middle of the file, it offers what it offers at the top level and inside a module', async () => {
        const text = modules(50) + '\n\n' + modules(50);
        const target = await TestWorkspace.create({ 'middle.tspec': text });
        const between = await completeCounting(target, 'middle.tspec', 'module M49 "Module 49" {\n    hours 10\n    covers RoSH.a, RoSH.b\n}\n\n');
        expect(between.labels).toEqual(['module', 'programme']);
        const inside = await completeCounting(target, 'middle.tspec', 'module M30 "Module 30" {\n    ');
        expect(inside.labels).toEqual(['assessed', 'covers', 'hours']);
        expect(inside.tokens).toBeLessThan(100);
    });

    test('a file refused as too deeply nested offers nothing, without lexing it again', async () => {
        const target = await TestWorkspace.create({ 'deep.tspec': 'programme A "x" {\n'.repeat(2000) });
        const deep = await completeCounting(target, 'deep.tspec', 'programme A "x" {\n', 3);
        expect(deep).toEqual({ labels: [], tokens: 0 });
    });
});

describe('keyword snippets', () => {
    /** Completes at `<|>` in a fresh workspace whose client says whether it supports snippets. */
    async function completeWith(snippetSupport: boolean, text: string): Promise<CompletionItem[]> {
        const fresh = await TestWorkspace.create({});
        // As the language server does when an editor connects.
        await fresh.services.shared.lsp.LanguageServer.initialize({ processId: null, rootUri: null, capabilities: { textDocument: { completion: { completionItem: { snippetSupport } } } } });
        let items: CompletionItem[] = [];
        await expectCompletion(fresh.services.spec)({ text, index: 0, assert: list => items = sorted(list), disposeAfterCheck: true });
        return items;
    }

    test('typing `programme` offers the programme snippet first, above the bare keyword', async () => {
        const items = (await completeWith(true, 'progr<|>')).filter(item => item.label === 'programme');
        expect(items.map(item => [item.kind, item.insertTextFormat])).toEqual([[CompletionItemKind.Snippet, InsertTextFormat.Snippet], [CompletionItemKind.Keyword, undefined]]);
        expect(items[0].textEdit?.newText).toBe(KEYWORD_SNIPPETS.programme.body);
    });

    test('inside a programme, `module` offers the module snippet first of everything', async () => {
        const [first] = await completeWith(true, 'programme P "P" {\n    prepares PO\n    mod<|>\n}');
        expect(first).toMatchObject({ label: 'module', kind: CompletionItemKind.Snippet, detail: 'New module' });
    });

    test('each snippet ends in the covers list, where completion offers the standards', async () => {
        for (const snippet of Object.values(KEYWORD_SNIPPETS)) {
            expect(snippet.body).toMatch(/covers \$0\n/);
            // Numbered tab stops, one each, in order.
            const stops = [...snippet.body.matchAll(/\$\{(\d+)/g)].map(match => Number(match[1]));
            expect(stops).toEqual(stops.map((_, index) => index + 1));
        }
        const written = KEYWORD_SNIPPETS.module.body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace('$0', '<|>');
        const items = await completeWith(true, written);
        expect(items.map(item => item.label)).toContain('RoSH.a');
    });

    test('a client without snippet support gets the keyword alone', async () => {
        const items = (await completeWith(false, 'progr<|>')).filter(item => item.label === 'programme');
        expect(items.map(item => item.kind)).toEqual([CompletionItemKind.Keyword]);
    });
});
