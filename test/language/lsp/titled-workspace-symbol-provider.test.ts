import { expectWorkspaceSymbols } from 'langium/test';
import { SymbolKind } from 'vscode-languageserver';
import { beforeAll, describe, test } from 'vitest';
import { TestWorkspace } from '../../support/test-workspace.js';

const FILES = {
    'local.nos': `competences Ethics "Professional ethics" {
    a "Act with integrity"
}`,
    'court.tspec': `programme CourtPractice "Court practice" {
    prepares PO
    pathway CourtWork
    module CourtReports "Writing court reports" { covers DevelopSentencingProposals }
}`
};

let workspace: TestWorkspace;

beforeAll(async () => {
    workspace = await TestWorkspace.create(FILES);
});

describe('workspace symbols', () => {
    test('find declarations in every file by a fuzzy query, with their kind and title', async () => {
        await expectWorkspaceSymbols(workspace.services.shared)({
            query: 'Ethics',
            expectedSymbols: [
                {
                    kind: SymbolKind.Enum,
                    name: 'Ethics',
                    location: { uri: 'file:///workspace/local.nos', range: workspace.rangeOf('local.nos', 'Ethics') },
                    containerName: 'Professional ethics'
                },
                {
                    kind: SymbolKind.EnumMember,
                    name: 'Ethics.a',
                    // A competence is found at its letter.
                    location: { uri: 'file:///workspace/local.nos', range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } } },
                    containerName: 'Professional ethics (a)'
                }
            ]
        });
        await expectWorkspaceSymbols(workspace.services.shared)({
            query: 'CourtRep',
            expectedSymbols: [{
                kind: SymbolKind.Module,
                name: 'CourtReports',
                location: { uri: 'file:///workspace/court.tspec', range: workspace.rangeOf('court.tspec', 'CourtReports') },
                containerName: 'Writing court reports'
            }]
        });
    });

    test('include the built-in standards, which open from their builtin: documents', async () => {
        await expectWorkspaceSymbols(workspace.services.shared)({
            query: 'CourtWork',
            symbolToString: symbol => `${symbol.name} (${symbol.kind}) ${symbol.location.uri} ${symbol.containerName}`,
            expectedSymbols: [
                `CourtWork (${SymbolKind.Struct}) builtin:/s10-guidelines.nos Court Work`,
                `CourtWorkSpecialist (${SymbolKind.Class}) builtin:/roles.nos Specialist: Court Work`
            ]
        });
    });
});
