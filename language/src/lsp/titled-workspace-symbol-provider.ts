import type { AstNodeDescription } from 'langium';
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol } from 'vscode-languageserver';
import { itemTitle } from '../catalogue/item-descriptions.js';
import { isModule, isProgramme } from '../generated/ast.js';
import { isCatalogueItem } from './item-markdown.js';

/** Workspace symbols, built-in standards included, each with its title beside its name. */
export class TitledWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    protected override getWorkspaceSymbol(description: AstNodeDescription): WorkspaceSymbol | undefined {
        const symbol = super.getWorkspaceSymbol(description);
        const node = description.node;
        const title = !node ? undefined : isCatalogueItem(node) ? itemTitle(node) : isProgramme(node) || isModule(node) ? node.title : undefined;
        return symbol && title ? { ...symbol, containerName: title } : symbol;
    }
}
