import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { TrainSpecNodeKindProvider } from '../../../language/src/lsp/trainspec-node-kind-provider.js';

describe('the kinds of declarations', () => {
    const provider = new TrainSpecNodeKindProvider();
    const TYPES = ['Programme', 'Module', 'Role', 'SkillSet', 'CompetenceGroup', 'Unit', 'Competence', 'Outcome', 'Area', 'Qualification', 'Route', 'Guidance', 'Framework', 'SourceDocument'];

    test('give each kind of declaration its own symbol kind', () => {
        expect(Object.fromEntries(TYPES.map(type => [type, nameOf(SymbolKind, provider.getSymbolKind({ $type: type }))]))).toEqual({
            Programme: 'Namespace', Module: 'Module', Role: 'Class', SkillSet: 'Enum', CompetenceGroup: 'Enum', Unit: 'EnumMember',
            Competence: 'EnumMember', Outcome: 'Property', Area: 'Struct', Qualification: 'Object', Route: 'Interface', Guidance: 'String',
            Framework: 'Package', SourceDocument: 'File'
        });
    });

    test('and completion item kind, for nodes and index entries alike', () => {
        expect(Object.fromEntries(TYPES.map(type => [type, nameOf(CompletionItemKind, provider.getCompletionItemKind({ $type: type }))]))).toEqual({
            Programme: 'Module', Module: 'Module', Role: 'Class', SkillSet: 'Enum', CompetenceGroup: 'Enum', Unit: 'EnumMember',
            Competence: 'EnumMember', Outcome: 'Property', Area: 'Struct', Qualification: 'Value', Route: 'Interface', Guidance: 'Text',
            Framework: 'Folder', SourceDocument: 'File'
        });
        const description = { type: 'Unit', name: 'AssessRiskOfHarm', documentUri: undefined!, path: '' };
        expect(provider.getCompletionItemKind(description)).toBe(CompletionItemKind.EnumMember);
        expect(provider.getSymbolKind(description)).toBe(SymbolKind.EnumMember);
    });
});

/** The constant's name, e.g. 'Namespace' for SymbolKind.Namespace. */
function nameOf(constants: object, value: number): string | undefined {
    return Object.entries(constants).find(([, constant]) => constant === value)?.[0];
}
