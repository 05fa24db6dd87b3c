import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import { itemTitle } from '../catalogue/item-descriptions.js';
import { isCompetence, isFramework, isModule, isProgramme, isSourceDocument } from '../generated/ast.js';
import { isCatalogueItem } from './item-markdown.js';

/** The outline: every declaration under its name, with its title (a competence's own words) as detail. */
export class TitledDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const detail = this.detailOf(astNode);
        return detail ? { ...symbol, detail } : symbol;
    }

    protected detailOf(node: AstNode): string | undefined {
        if (isCompetence(node)) {
            return node.text;
        }
        if (isCatalogueItem(node)) {
            return itemTitle(node);
        }
        if (isProgramme(node) || isModule(node) || isFramework(node) || isSourceDocument(node)) {
            return node.title;
        }
        return undefined;
    }
}
