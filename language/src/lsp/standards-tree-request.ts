import { AstUtils, CstUtils, DocumentState, URI, type LangiumDocument } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { itemTitle, titleOf } from '../catalogue/item-descriptions.js';
import { isCoverable, isModule, type Coverable, type Module } from '../generated/ast.js';
import { AddToCoversRequest, StandardsTreeRequest } from '../protocol/lsp-ext.js';
import type { AddToCoversParams, AddToCoversResult } from '../protocol/standards-tree.js';
import type { TrainSpecServices, TrainSpecSharedServices } from '../trainspec-module.js';
import { isCatalogueItem } from './item-markdown.js';
import { addToCovers, workspaceEdit } from './spec-edits.js';

/**
 * Answers the standards browser's requests on the language server's connection, once the
 * workspace has linked its references: `trainspec/standardsTree` (the whole library, marked
 * for the programme at the cursor) and `trainspec/addToCovers` (the edit that adds a standard
 * to the module at the cursor, made as the quick fixes make theirs).
 */
export function registerStandardsTreeRequests(shared: TrainSpecSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) {
        return;
    }
    connection.onRequest(StandardsTreeRequest, async (params, token: CancellationToken) => {
        await whenLinked(shared, token);
        return shared.workspace.WorkspaceLock.read(() => languageOf(shared, params.uri).authoring.StandardsTreeBuilder.treeFor(params));
    });
    connection.onRequest(AddToCoversRequest, async (params, token: CancellationToken) => {
        await whenLinked(shared, token);
        return shared.workspace.WorkspaceLock.read(() => addToModuleAt(shared, params));
    });
}

async function whenLinked(shared: TrainSpecSharedServices, token: CancellationToken): Promise<void> {
    await shared.workspace.WorkspaceManager.ready;
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.IndexedReferences, token);
}

/** The services of the document's language; the tree spans the workspace, so any language's will do without one. */
function languageOf(shared: TrainSpecSharedServices, uri: string | undefined): TrainSpecServices {
    const parsed = uri !== undefined ? URI.parse(uri) : undefined;
    return (parsed && shared.ServiceRegistry.hasServices(parsed) ? shared.ServiceRegistry.getServices(parsed) : shared.ServiceRegistry.all[0]) as TrainSpecServices;
}

/** The edit adding `params.item` to the `covers` of the module at the cursor, or why there is none. */
export function addToModuleAt(shared: TrainSpecSharedServices, params: AddToCoversParams): AddToCoversResult {
    const document = shared.workspace.LangiumDocuments.all.find(each => each.uri.toString() === params.textDocument.uri);
    const module = document ? moduleAt(document, params.position) : undefined;
    if (!module) {
        return { message: 'Put the cursor inside a module of a programme spec (.tspec) to add a standard to what it covers.' };
    }
    const item = standardNamed(shared, params.item);
    const names = languageOf(shared, params.textDocument.uri).references.NameProvider;
    const title = titleOf(module);
    const moduleName = title !== undefined ? `'${title}'` : 'This module';
    if (!item) {
        return { message: `There is no standard called '${params.item}' that a module can cover.` };
    }
    if (module.covers.some(reference => reference.ref === item || reference.$refText === params.item)) {
        return { message: `${moduleName} already covers '${itemTitle(item) || names.getName(item)}'.` };
    }
    const edit = addToCovers(module, params.item);
    return edit ? { edit: workspaceEdit(edit) } : { message: `${moduleName} is not finished enough to add to: close it with '}' first.` };
}

function moduleAt(document: LangiumDocument, position: AddToCoversParams['position']): Module | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root ? CstUtils.findLeafNodeBeforeOffset(root, document.textDocument.offsetAt(position)) : undefined;
    return leaf ? AstUtils.getContainerOfType(leaf.astNode, isModule) : undefined;
}

/** The standard a module may cover under this name, in the library or a workspace catalogue. */
function standardNamed(shared: TrainSpecSharedServices, name: string): Coverable | undefined {
    for (const description of shared.workspace.IndexManager.allElements()) {
        if (description.name === name && description.node && isCoverable(description.node) && isCatalogueItem(description.node)) {
            return description.node;
        }
    }
    return undefined;
}
