import type { LangiumDocument } from 'langium';
import type { TextDocumentPositionParams } from 'vscode-languageserver';
import { rangeOf } from './text-ranges.js';

/**
 * LSP parameters for a position in a document: `offset` characters into an occurrence of
 * `text` (the first unless `occurrence` says otherwise), so tests name positions by text.
 */
export function positionIn(document: LangiumDocument, text: string, offset = 0, occurrence = 0): TextDocumentPositionParams {
    const start = rangeOf(document.textDocument, text, occurrence).start;
    const position = document.textDocument.positionAt(document.textDocument.offsetAt(start) + offset);
    return { textDocument: { uri: document.uri.toString() }, position };
}
