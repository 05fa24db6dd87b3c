import type { TextDocument } from 'langium';
import type { Range } from 'vscode-languageserver';

/**
 * The range of an occurrence of `text` in a document (the first one unless `occurrence`
 * says otherwise, counting from 0), so tests name a range by the text it covers.
 */
export function rangeOf(document: TextDocument, text: string, occurrence = 0): Range {
    const source = document.getText();
    let offset = -1;
    for (let seen = 0; seen <= occurrence; seen++) {
        offset = source.indexOf(text, offset + 1);
        if (offset < 0) {
            throw new Error(`'${text}' occurs ${seen} time(s) in ${document.uri}, so it has no occurrence ${occurrence}`);
        }
    }
    return { start: document.positionAt(offset), end: document.positionAt(offset + text.length) };
}
