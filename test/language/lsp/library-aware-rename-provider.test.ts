import { TextDocument, URI, type LangiumDocument } from 'langium';
import { LSPErrorCodes, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { beforeEach, describe, expect, test } from 'vitest';
import { positionIn } from '../../support/lsp-positions.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const FILES = {
    'catalogue.nos': `competences Ethics "Professional ethics" {
    a "Act with integrity"
    b "Treat people fairly"
}
role Mentor "Mentor" extends PO {
    requires Ethics.a, Ethics
}`,
    'modules.tspec': `module Values "Values" { covers Ethics.a, Ethics.b }
module Court "Court" { covers RoSH.a }`,
    'programme.tspec': `programme Training "Training" {
    prepares Mentor
    includes Values, Court
}`
};

let workspace: TestWorkspace;

beforeEach(async () => {
    workspace = await TestWorkspace.create(FILES);
});

function servicesFor(path: string) {
    return path.endsWith('.nos') ? workspace.services.standards : workspace.services.spec;
}

/** Renames what is `offset` characters into an occurrence of `text` in the file. */
async function rename(path: string, text: string, newName: string, offset = 0, occurrence = 0): Promise<WorkspaceEdit | undefined> {
    return servicesFor(path).lsp.RenameProvider!.rename(workspace.document(path), { ...positionIn(workspace.document(path), text, offset, occurrence), newName });
}

async function prepare(path: string, text: string, offset = 0, occurrence = 0): Promise<Range | undefined> {
    return servicesFor(path).lsp.RenameProvider!.prepareRename(workspace.document(path), positionIn(workspace.document(path), text, offset, occurrence));
}

/** The text of each changed file after the edit, by path. */
function applied(edit: WorkspaceEdit | undefined): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
        const path = uri.replace('file:///workspace/', '');
        result[path] = TextDocument.applyEdits(workspace.document(path).textDocument, edits);
    }
    return result;
}

/** Writes the renamed files and returns every linking error left in the workspace. */
async function linkingErrorsAfter(edit: WorkspaceEdit | undefined): Promise<string[]> {
    for (const [path, text] of Object.entries(applied(edit))) {
        await workspace.write(path, text);
    }
    return Object.keys(FILES).flatMap(path => workspace.messages(path, 'unresolved-reference'));
}

function edits(edit: WorkspaceEdit | undefined, path: string): TextEdit[] {
    return edit?.changes?.[workspace.uri(path).toString()] ?? [];
}

describe('renaming user-defined identifiers', () => {
    test('renames a module at its declaration and where a programme in another file includes it', async () => {
        expect(await prepare('modules.tspec', 'Values')).toEqual(workspace.rangeOf('modules.tspec', 'Values'));
        const edit = await rename('modules.tspec', 'Values', 'SharedValues');
        expect(edit).toEqual({
            changes: {
                'file:///workspace/modules.tspec': [{ range: workspace.rangeOf('modules.tspec', 'Values'), newText: 'SharedValues' }],
                'file:///workspace/programme.tspec': [{ range: workspace.rangeOf('programme.tspec', 'Values'), newText: 'SharedValues' }]
            }
        });
        expect(await linkingErrorsAfter(edit)).toEqual([]);
    });

    test('renames a workspace role from a reference to it in a spec, in the catalogue that declares it too', async () => {
        const edit = await rename('programme.tspec', 'Mentor', 'PracticeMentor');
        expect(applied(edit)).toEqual({
            'catalogue.nos': FILES['catalogue.nos'].replace('role Mentor', 'role PracticeMentor'),
            'programme.tspec': FILES['programme.tspec'].replace('prepares Mentor', 'prepares PracticeMentor')
        });
        expect(await linkingErrorsAfter(edit)).toEqual([]);
    });

    test('renames a programme, which nothing refers to', async () => {
        expect(await rename('programme.tspec', 'Training', 'Induction')).toEqual({
            changes: { 'file:///workspace/programme.tspec': [{ range: workspace.rangeOf('programme.tspec', 'Training'), newText: 'Induction' }] }
        });
    });
});

describe('renaming lettered competences and their groups', () => {
    test('renames only the letter of Group.letter, from the letter of a reference', async () => {
        expect(await prepare('modules.tspec', 'Ethics.a', 'Ethics.'.length)).toEqual(rangeAt('modules.tspec', 'Ethics.a', 'Ethics.'.length, 1));
        const edit = await rename('modules.tspec', 'Ethics.a', 'x', 'Ethics.'.length);
        expect(edits(edit, 'modules.tspec')).toEqual([{ range: rangeAt('modules.tspec', 'Ethics.a', 'Ethics.'.length, 1), newText: 'x' }]);
        expect(applied(edit)).toEqual({
            'catalogue.nos': FILES['catalogue.nos'].replace('    a "Act', '    x "Act').replace('Ethics.a', 'Ethics.x'),
            'modules.tspec': FILES['modules.tspec'].replace('Ethics.a', 'Ethics.x')
        });
        expect(await linkingErrorsAfter(edit)).toEqual([]);
    });

    test('accepts the new name written in full, as Group.letter', async () => {
        const edit = await rename('catalogue.nos', 'b "Treat', 'Ethics.fair');
        expect(applied(edit)).toEqual({
            'catalogue.nos': FILES['catalogue.nos'].replace('b "Treat', 'fair "Treat'),
            'modules.tspec': FILES['modules.tspec'].replace('Ethics.b', 'Ethics.fair')
        });
    });

    test('renames a group from the group part of a reference, keeping every Group.letter right', async () => {
        expect(await prepare('modules.tspec', 'Ethics.b')).toEqual(rangeAt('modules.tspec', 'Ethics.b', 0, 'Ethics'.length));
        const edit = await rename('modules.tspec', 'Ethics.b', 'Conduct');
        expect(applied(edit)).toEqual({
            'catalogue.nos': FILES['catalogue.nos'].replaceAll('Ethics', 'Conduct'),
            'modules.tspec': FILES['modules.tspec'].replaceAll('Ethics', 'Conduct')
        });
        expect(await linkingErrorsAfter(edit)).toEqual([]);
    });
});

describe('refusing a rename', () => {
    test('of a built-in identifier, at a reference or at its declaration, with a message the editor shows', async () => {
        await expect(prepare('catalogue.nos', 'PO')).rejects.toMatchObject({
            code: LSPErrorCodes.RequestFailed,
            message: 'PO is part of the built-in standards library and cannot be renamed.'
        });
        await expect(rename('modules.tspec', 'RoSH.a', 'z', 'RoSH.'.length)).rejects.toThrow('RoSH.a is part of the built-in standards library and cannot be renamed.');
        await expect(prepare('modules.tspec', 'RoSH.a')).rejects.toThrow('RoSH is part of the built-in standards library and cannot be renamed.');
        const roles = workspace.services.shared.workspace.LangiumDocuments.getDocument(URI.parse('builtin:/roles.nos'))!;
        await expect(workspace.services.standards.lsp.RenameProvider!.prepareRename(roles, positionIn(roles, 'role PSO', 'role '.length)))
            .rejects.toThrow('PSO is part of the built-in standards library and cannot be renamed.');
    });

    test('to a name that is not an identifier, is a keyword, or is already declared', async () => {
        await expect(rename('modules.tspec', 'Values', 'Shared values')).rejects.toMatchObject({
            code: LSPErrorCodes.RequestFailed,
            message: '\'Shared values\' is not a valid name: use letters, digits and underscores, starting with a letter.'
        });
        await expect(rename('modules.tspec', 'Values', 'covers')).rejects.toThrow('\'covers\' is a keyword of TrainSpec and cannot be used as a name.');
        await expect(rename('modules.tspec', 'Values', 'competences')).rejects.toThrow('\'competences\' is a keyword of TrainSpec and cannot be used as a name.');
        await expect(rename('modules.tspec', 'Values', 'Court')).rejects.toThrow('\'Court\' is already declared; pick another name.');
        await expect(rename('modules.tspec', 'Values', 'AssessRiskOfHarm')).rejects.toThrow('\'AssessRiskOfHarm\' is already declared; pick another name.');
        await expect(rename('modules.tspec', 'Ethics.a', 'b', 'Ethics.'.length)).rejects.toThrow('\'Ethics.b\' is already declared; pick another name.');
    });

    test('of what is not a name: prepareRename gives no range', async () => {
        expect(await prepare('modules.tspec', 'covers')).toBeUndefined();
        expect(await prepare('modules.tspec', '"Values"', 1)).toBeUndefined();
    });
});

function rangeAt(path: string, text: string, offset: number, length: number): Range {
    const document: LangiumDocument = workspace.document(path);
    const start = document.textDocument.offsetAt(workspace.rangeOf(path, text).start) + offset;
    return { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(start + length) };
}

describe('renaming in half-typed catalogues', () => {
    // Parser recovery leaves out a group name that has not been typed yet.
    test('renames a letter of a group without a name, refusing only a letter the group already has', async () => {
        await workspace.write('typing.nos', 'competences "Still typing" {\n    a "First"\n    b "Second"\n}');
        await expect(rename('typing.nos', 'a "First"', 'b')).rejects.toThrow('\'b\' is already declared; pick another name.');
        expect(applied(await rename('typing.nos', 'a "First"', 'c'))).toEqual({ 'typing.nos': 'competences "Still typing" {\n    c "First"\n    b "Second"\n}' });
    });
});
