import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';

/**
 * Folds every block that spans lines, block comments, and runs of two or more `//` comment
 * lines, such as the explanatory headers that open specs and catalogues.
 */
export class CommentFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectCommentFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        super.collectCommentFolding(document, node, acceptor);
        if (!node.$cstNode) {
            return;
        }
        const text = document.textDocument.getText();
        let run: FoldingRange | undefined;
        const flush = (): void => {
            if (run && run.endLine > run.startLine) {
                acceptor(run);
            }
            run = undefined;
        };
        for (const leaf of CstUtils.flattenCst(node.$cstNode)) {
            if (leaf.tokenType.name !== 'SL_COMMENT') {
                if (!leaf.hidden || !/^\s*$/.test(leaf.text)) {
                    flush();
                }
                continue;
            }
            const { start, end } = leaf.range;
            const ownLine = /^[ \t]*$/.test(text.substring(leaf.offset - start.character, leaf.offset));
            if (run && ownLine && start.line === run.endLine + 1) {
                run.endLine = end.line;
                run.endCharacter = end.character;
            } else {
                flush();
                run = ownLine ? FoldingRange.create(start.line, end.line, start.character, end.character, FoldingRangeKind.Comment) : undefined;
            }
        }
        flush();
    }
}
