import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstUtils, EmptyFileSystem, URI, type AstNode, type LangiumDocument } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { createTrainSpecServices } from '../../../language/src/trainspec-module.js';
import { forEachAstNode, forEachReference } from '../../../language/src/workspace/ast-walk.js';
import { REPO_ROOT } from '../../support/run-cli.js';
import { TRICKY_WORKSPACE } from '../../support/tricky-workspace.js';

/** The example specs and the tricky workspace (broken files, unknown names, a workspace catalogue). */
function sources(): Record<string, string> {
    const files: Record<string, string> = { ...TRICKY_WORKSPACE };
    const examples = join(REPO_ROOT, 'examples');
    for (const path of readdirSync(examples, { recursive: true, encoding: 'utf8' })) {
        if (/\.(tspec|nos)$/.test(path)) {
            files[`examples/${path}`] = readFileSync(join(examples, path), 'utf8');
        }
    }
    return files;
}

/** Builds the files with the built-in library; with a token that could cancel, Langium's own walks run. */
async function build(files: Record<string, string>, cancellable: boolean): Promise<LangiumDocument[]> {
    const { shared } = createTrainSpecServices(EmptyFileSystem);
    const library = shared.library.StandardsLibrary.createDocuments();
    const documents = Object.entries(files).map(([path, text]) => shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/workspace/${path}`)));
    [...library, ...documents].forEach(document => shared.workspace.LangiumDocuments.addDocument(document));
    await shared.workspace.DocumentBuilder.build([...library, ...documents], { validation: true }, cancellable ? new CancellationTokenSource().token : undefined);
    return documents;
}

describe('ast-walk', () => {
    test('visits nodes and references in the order of Langium\'s streams', async () => {
        for (const document of await build(sources(), false)) {
            const root = document.parseResult.value;
            const nodes: AstNode[] = [];
            forEachAstNode(root, node => void nodes.push(node));
            expect(nodes).toEqual(AstUtils.streamAst(root).toArray());
            const below: AstNode[] = [];
            forEachAstNode(root, node => void below.push(node), false);
            expect(below).toEqual(AstUtils.streamAllContents(root).toArray());
            for (const node of nodes) {
                const references: unknown[] = [];
                forEachReference(node, reference => references.push(reference));
                expect(references).toEqual(AstUtils.streamReferences(node).toArray());
            }
        }
    });

    test('skips the children of a node when told to', async () => {
        const [document] = await build({ 'a.tspec': 'programme P "P" { prepares PSO module M "M" { hours 3 covers RoSH.a } }' }, false);
        const types: string[] = [];
        forEachAstNode(document.parseResult.value, node => {
            types.push(node.$type);
            return node.$type !== 'Programme';
        });
        expect(types).toEqual(['Spec', 'Programme']);
    });

    test('a build that nothing can cancel (plain loops) finds exactly what a cancellable build (Langium\'s walks) finds', async () => {
        const files = sources();
        const plain = await build(files, false);
        const langium = await build(files, true);
        const summary = (documents: LangiumDocument[]) => documents.map(document => ({
            uri: document.uri.toString(),
            diagnostics: document.diagnostics,
            references: document.references.map(reference => [reference.$refText, reference.error?.message ?? ('ref' in reference && reference.ref ? AstUtils.getDocument(reference.ref).uri.toString() : '')])
        }));
        expect(summary(plain)).toEqual(summary(langium));
        expect(plain.flatMap(document => document.diagnostics ?? []).length).toBeGreaterThan(5);
    });
});
