import { AstUtils, DefaultScopeComputation, interruptAndCheck, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { forEachAstNode, isUncancellable } from '../workspace/ast-walk.js';

/**
 * Every declaration in TrainSpec lives in one workspace-wide namespace: catalogue items,
 * roles, programmes and modules, however deeply nested. So every named node is exported,
 * and no document has local symbols of its own.
 */
export class GlobalScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        if (isUncancellable(cancelToken)) {
            // Nothing can cancel (a batch check): a plain loop, see ast-walk.ts.
            forEachAstNode(document.parseResult.value, node => this.addExportedSymbol(node, exports, document), false);
            return exports;
        }
        for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
            await interruptAndCheck(cancelToken);
            this.addExportedSymbol(node, exports, document);
        }
        return exports;
    }

    override collectLocalSymbols(_document: LangiumDocument, _cancelToken?: CancellationToken): Promise<LocalSymbols> {
        return Promise.resolve(new MultiMap<AstNode, AstNodeDescription>());
    }
}
