import { describe, expect, test } from 'vitest';
import type { StandardsTreeNode } from '../../language/src/protocol/standards-tree.js';
import { markSentence, StandardsIndex, tooltipMarkdown } from '../../client/src/standards/standards-tree-model.js';

function node(id: string, line: number, extra: Partial<StandardsTreeNode> = {}): StandardsTreeNode {
    return {
        id, kind: 'NOS unit', title: `${id} title`, text: '', source: '', coverable: true, builtin: true,
        location: { uri: 'builtin:/s10-guidelines.nos', range: { start: { line, character: 4 }, end: { line, character: 4 + id.length } } },
        ...extra
    };
}

const assess = node('AssessRiskOfHarm', 70, { title: 'Assess risk of harm and the need for intervention', mark: 'covered' });
const protect = node('ProtectFromAbuse', 66, { title: 'Contribute to the protection of individuals from abuse', mark: 'gap' });
const risk = node('RiskSkills', 26, { kind: 'core skill set', title: 'Risk', text: 'Assess and respond to Risk of Serious Harm to others', children: [protect, assess], mark: 'gap' });
const nos = node('NOS2013', 14, { kind: 'framework', coverable: false, children: [risk] });
// A role repeats the unit it requires: the same standard, declared once.
const caseManager = node('CaseManager', 35, {
    kind: 'role', coverable: false, children: [{ ...assess }],
    location: { uri: 'builtin:/roles.nos', range: { start: { line: 35, character: 5 }, end: { line: 35, character: 16 } } }
});

describe('the standards index', () => {
    const index = new StandardsIndex([nos, caseManager]);

    test('knows each node\'s parent, for revealing a node found', () => {
        expect(index.parentOf(assess)).toBe(risk);
        expect(index.parentOf(risk)).toBe(nos);
        expect(index.parentOf(nos)).toBeUndefined();
    });

    test('lists each standard once, where it is declared, for "Find a standard…"', () => {
        expect(index.standards().map(each => each.id)).toEqual(['NOS2013', 'RiskSkills', 'ProtectFromAbuse', 'AssessRiskOfHarm', 'CaseManager']);
        expect(index.standards()).toContain(assess);
    });

    test('finds the standards that every word of the query occurs in, in any case', () => {
        expect(index.search('risk HARM').map(each => each.id)).toEqual(['RiskSkills', 'AssessRiskOfHarm']);
        expect(index.search('abuse').map(each => each.id)).toEqual(['ProtectFromAbuse']);
        expect(index.search('nothing like this')).toEqual([]);
    });
});

describe('the tooltip', () => {
    test('has the kind, name, title, words, source and what the mark means', () => {
        expect(tooltipMarkdown({ ...risk, source: 'Guidelines, section 2(a)' }, 'Case managers')).toBe([
            '**core skill set** `RiskSkills` — Risk',
            '> Assess and respond to Risk of Serious Harm to others',
            '**Source:** Guidelines, section 2(a)',
            'Some not covered yet in Case managers'
        ].join('\n\n'));
        expect(markSentence(assess, 'Case managers')).toBe('Covered in Case managers');
        expect(markSentence(protect, 'Case managers')).toBe('Not covered yet in Case managers, which requires it');
        expect(markSentence(protect, undefined)).toBeUndefined();
    });

    test('escapes what Markdown would turn into formatting or links', () => {
        expect(tooltipMarkdown(node('X', 1, { title: 'a *b* [c](d)', text: '<img src=x>' }), undefined)).toBe('**NOS unit** `X` — a \\*b\\* \\[c\\](d)\n\n> \\<img src=x\\>');
    });
});
