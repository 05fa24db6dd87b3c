import type { Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { TrainSpecServices } from '../trainspec-module.js';
import { CommentFoldingRangeProvider } from './comment-folding-range-provider.js';
import { CoverageAwareCompletionProvider } from './coverage-aware-completion-provider.js';
import { ItemHoverProvider } from './item-hover-provider.js';
import { LibraryAwareRenameProvider } from './library-aware-rename-provider.js';
import { TitledDocumentSymbolProvider } from './titled-document-symbol-provider.js';
import { TrainSpecSemanticTokenProvider } from './trainspec-semantic-token-provider.js';

/**
 * Reading and navigating: hover, completion, semantic highlighting, rename, outline and folding.
 * Go to definition (into the built-in library too) and find references are Langium's own.
 * The symbol and completion kinds and workspace symbols are shared services (TrainSpecSharedModule).
 */
export const EditingLspModule: Module<TrainSpecServices, PartialLangiumServices> = {
    lsp: {
        HoverProvider: services => new ItemHoverProvider(services),
        CompletionProvider: services => new CoverageAwareCompletionProvider(services),
        RenameProvider: services => new LibraryAwareRenameProvider(services),
        DocumentSymbolProvider: services => new TitledDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new CommentFoldingRangeProvider(services),
        SemanticTokenProvider: services => new TrainSpecSemanticTokenProvider(services)
    }
};
