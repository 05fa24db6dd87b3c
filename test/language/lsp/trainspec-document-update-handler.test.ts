import { URI } from 'langium';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FileChangeType } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestWorkspace } from '../../support/test-workspace.js';

const MODULE = 'module Risk "Risk" {\n    covers RoSH.a\n}\n';

/** The workspace, its update handler, and the updates (changed and deleted URIs) the handler asked the document builder for. */
async function setUp(files: Record<string, string> = { 'risk.tspec': MODULE, 'specs/a.tspec': MODULE.replace('Risk', 'A'), 'specs/b.tspec': MODULE.replace('Risk', 'B') }) {
    const workspace = await TestWorkspace.create(files);
    const { shared } = workspace.services;
    const handler = shared.lsp.DocumentUpdateHandler;
    const builder = shared.workspace.DocumentBuilder;
    const updates: Array<{ changed: string[]; deleted: string[] }> = [];
    const update = vi.spyOn(builder, 'update');
    update.mockImplementation((changed, deleted) => {
        updates.push({ changed: changed.map(String), deleted: deleted.map(String) });
        return Promise.resolve();
    });
    const open = (uri: string, text: string, languageId = 'trainspec') => {
        const document = TextDocument.create(uri, languageId, 1, text);
        shared.workspace.TextDocuments.set(document);
        return { document };
    };
    return { workspace, shared, handler, update, updates, open };
}

describe('TrainSpecDocumentUpdateHandler', () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });

    test('an error escaping a document build is logged, and the next update runs', async () => {
        const { workspace, handler, update, updates, open } = await setUp();
        const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        update.mockRejectedValueOnce(new TypeError("Cannot read properties of null (reading 'length')"));
        const risk = workspace.uri('risk.tspec').toString();
        handler.didChangeContent!(open(risk, MODULE));
        await vi.waitFor(() => expect(logged).toHaveBeenCalledWith(expect.stringMatching(
            /^Updating the workspace failed, and TrainSpec carries on: TypeError: Cannot read properties of null \(reading 'length'\)\n\s+at /)));

        handler.didChangeContent!(open(risk, MODULE));
        await vi.waitFor(() => expect(updates).toEqual([{ changed: [risk], deleted: [] }]));
    });

    test('documents of other languages are ignored, opened, changed or closed', async () => {
        const { workspace, handler, update, open } = await setUp();
        for (const name of ['README.md', 'notes.txt', 'Makefile']) {
            const event = open(workspace.uri(name).toString(), '# Notes', 'markdown');
            handler.didChangeContent!(event);
            workspace.services.shared.workspace.TextDocuments.delete(event.document.uri);
            handler.didCloseDocument!(event);
        }
        // The closes of documents nobody can check delete nothing that exists, and build nothing.
        await vi.waitFor(() => expect(update).toHaveBeenCalledTimes(3));
        expect(update.mock.calls.map(([changed]) => changed)).toEqual([[], [], []]);
    });

    test('the built-in library is read-only: editor events and file events about it update nothing', async () => {
        const { workspace, handler, updates, open } = await setUp();
        for (const uri of ['builtin:///roles.nos', 'builtin:/roles.nos']) {
            const event = open(uri, 'role PO "Forged" {}\n', 'trainspec-standards');
            handler.didChangeContent!(event);
            handler.didCloseDocument!(event);
        }
        handler.didChangeWatchedFiles!({ changes: [{ uri: 'builtin:/roles.nos', type: FileChangeType.Changed }, { uri: 'builtin:/roles.nos', type: FileChangeType.Deleted }] });
        // Updates run in order: once this one has, none came before it.
        const risk = workspace.uri('risk.tspec').toString();
        handler.didChangeWatchedFiles!({ changes: [{ uri: risk, type: FileChangeType.Changed }] });
        await vi.waitFor(() => expect(updates).toHaveLength(1));
        expect(updates).toEqual([{ changed: [risk], deleted: [] }]);
    });

    test('a file deleted on disk stays in the workspace while it is open; a deleted folder loses only what is not open', async () => {
        const { workspace, handler, updates, open } = await setUp();
        const risk = workspace.uri('risk.tspec').toString();
        const a = workspace.uri('specs/a.tspec').toString();
        open(risk, MODULE);
        open(a, MODULE);
        handler.didChangeWatchedFiles!({ changes: [{ uri: risk, type: FileChangeType.Deleted }] });
        handler.didChangeWatchedFiles!({ changes: [{ uri: workspace.uri('specs').toString(), type: FileChangeType.Deleted }] });
        handler.didChangeWatchedFiles!({ changes: [{ uri: workspace.uri('elsewhere.tspec').toString(), type: FileChangeType.Deleted }] });
        await vi.waitFor(() => expect(updates).toHaveLength(2));
        expect(updates).toEqual([
            { changed: [], deleted: [workspace.uri('specs/b.tspec').toString()] },
            { changed: [], deleted: [workspace.uri('elsewhere.tspec').toString()] }
        ]);
    });

    test('closing a document reads its file again, or removes it when the file is gone', async () => {
        const { workspace, handler, updates, open } = await setUp();
        const risk = workspace.uri('risk.tspec');
        const gone = URI.parse(`${risk.toString().replace('risk', 'unsaved')}`);
        for (const uri of [risk, gone]) {
            const event = open(uri.toString(), 'module Edited "Edited" {}\n');
            workspace.services.shared.workspace.TextDocuments.delete(uri);
            handler.didCloseDocument!(event);
        }
        await vi.waitFor(() => expect(updates).toHaveLength(2));
        expect(updates).toEqual(expect.arrayContaining([
            { changed: [risk.toString()], deleted: [] },
            { changed: [], deleted: [gone.toString()] }
        ]));
    });
});
