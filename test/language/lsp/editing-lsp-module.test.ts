import { URI, type LangiumDocument } from 'langium';
import { expectFindReferences, expectGoToDefinition } from 'langium/test';
import { CancellationToken, type Location, type LocationLink } from 'vscode-languageserver';
import { beforeAll, describe, expect, test } from 'vitest';
import { positionIn } from '../../support/lsp-positions.js';
import { TestWorkspace } from '../../support/test-workspace.js';
import { rangeOf } from '../../support/text-ranges.js';

// Go to definition and find references are Langium's own providers; these tests pin down
// that they work across files and into the built-in library with TrainSpec's global names.

const FILES = {
    'intake.tspec': 'module Intake "Intake" { covers PsoAssessRisk, RoSH.a }',
    'programme.tspec': `programme Diploma "Diploma" {
    prepares PSO
    includes Intake
    module Practice "Practice" { covers PsoAssessRisk }
}`,
    'local.nos': 'role Local "Local role" { requires PsoAssessRisk }'
};

let workspace: TestWorkspace;

beforeAll(async () => {
    workspace = await TestWorkspace.create(FILES);
});

function builtin(name: string): LangiumDocument {
    return workspace.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(`builtin:/${name}`))!;
}

function location(document: LangiumDocument, text: string, occurrence = 0): Location {
    return { uri: document.uri.toString(), range: rangeOf(document.textDocument, text, occurrence) };
}

describe('go to definition', () => {
    test('goes to a module declared in the same document', async () => {
        await expectGoToDefinition(workspace.services.spec)({
            text: 'programme P "P" { includes <|>Local module <|Local|> "Local" { hours 1 } }',
            index: 0,
            rangeIndex: 0,
            disposeAfterCheck: true
        });
    });

    test('goes from a lettered competence into the built-in library, to its letter', async () => {
        const intake = workspace.document('intake.tspec');
        const library = builtin('s10-guidelines.nos');
        const links = await workspace.services.spec.lsp.DefinitionProvider!.getDefinition(intake, positionIn(intake, 'RoSH.a', 5));
        const letter = rangeOf(library.textDocument, 'a "Explain the legal');
        const competenceLine = library.textDocument.getText().split('\n')[letter.start.line];
        expect(links).toEqual<LocationLink[]>([{
            targetUri: 'builtin:/s10-guidelines.nos',
            targetRange: { start: letter.start, end: { line: letter.start.line, character: competenceLine.length } },
            targetSelectionRange: { start: letter.start, end: { line: letter.start.line, character: letter.start.character + 1 } },
            originSelectionRange: rangeOf(intake.textDocument, 'RoSH.a')
        }]);
        // Line 285 of the library file, counting from 1.
        expect(letter.start.line).toBe(284);
    });

    test('goes from a role in a catalogue to the built-in outcome it requires', async () => {
        const local = workspace.document('local.nos');
        const links = await workspace.services.standards.lsp.DefinitionProvider!.getDefinition(local, positionIn(local, 'PsoAssessRisk', 3));
        expect(links?.map(link => ({ uri: link.targetUri, range: link.targetSelectionRange }))).toEqual([location(builtin('pqf-leaflet.nos'), 'PsoAssessRisk')].map(({ uri, range }) => ({ uri, range })));
    });

    test('the built-in library is served read-only under its builtin: URI', async () => {
        const content = await workspace.services.shared.lsp.TextDocumentContentProvider!.provideTextDocumentContent({ uri: 'builtin:/s10-guidelines.nos' }, CancellationToken.None);
        expect(content?.text).toBe(builtin('s10-guidelines.nos').textDocument.getText());
        expect(content?.text).toContain('competences RoSH "Risk of Serious Harm" {');
    });
});

describe('find all references', () => {
    test('finds every module, in every file, that covers an item, and the roles that require it', async () => {
        const intake = workspace.document('intake.tspec');
        const params = (includeDeclaration: boolean) => ({ ...positionIn(intake, 'PsoAssessRisk'), context: { includeDeclaration } });
        const references = [
            location(builtin('roles.nos'), 'PsoAssessRisk'),
            location(workspace.document('intake.tspec'), 'PsoAssessRisk'),
            location(workspace.document('local.nos'), 'PsoAssessRisk'),
            location(workspace.document('programme.tspec'), 'PsoAssessRisk')
        ];
        const found = async (includeDeclaration: boolean) => sortLocations(await workspace.services.spec.lsp.ReferencesProvider!.findReferences(intake, params(includeDeclaration)));
        expect(await found(false)).toEqual(references);
        expect(await found(true)).toEqual(sortLocations([location(builtin('pqf-leaflet.nos'), 'PsoAssessRisk'), ...references]));
    });

    test('finds a lettered competence by its qualified name', async () => {
        await workspace.write('more.tspec', 'module More "More" { covers RoSH.b, RoSH.a }');
        const references = await workspace.services.spec.lsp.ReferencesProvider!.findReferences(workspace.document('more.tspec'), {
            ...positionIn(workspace.document('more.tspec'), 'RoSH.a'), context: { includeDeclaration: false }
        });
        expect(sortLocations(references)).toEqual([location(workspace.document('intake.tspec'), 'RoSH.a'), location(workspace.document('more.tspec'), 'RoSH.a')]);
        await workspace.delete('more.tspec');
    });

    test('within one document, with and without the declaration', async () => {
        await expectFindReferences(workspace.services.spec)({
            text: 'programme P "P" { includes <|><|Local|> module <|Local|> "Local" { hours 1 } }',
            includeDeclaration: true,
            disposeAfterCheck: true
        });
        await expectFindReferences(workspace.services.spec)({
            text: 'programme P "P" { includes <|><|Local|>, <|Local|> module Local "Local" { hours 1 } }',
            includeDeclaration: false,
            disposeAfterCheck: true
        });
    });
});

function sortLocations(locations: Location[]): Location[] {
    return [...locations].sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
