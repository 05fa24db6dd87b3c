import type { ILexerErrorMessageProvider, IToken } from 'chevrotain';

/** Quote marks that word processors put in, which TrainSpec does not read as quotes. */
const CURLY_QUOTES = /^[\u2018\u2019\u201C\u201D]/;

/**
 * Lexing errors in the designer's words: a text in quotes left open, a curly quote pasted
 * from a document, or a character the language has no use for.
 */
export class PlainLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number, _line?: number, _column?: number): string {
        const text = fullText.slice(startOffset, startOffset + length);
        if (text.startsWith('"')) {
            return 'This text in quotes has no closing `"` on its line: add one where the text ends.';
        }
        if (CURLY_QUOTES.test(text)) {
            return `TrainSpec reads only straight quotes: replace ${shown(text.charAt(0))} with \`"\`.`;
        }
        const several = !isPrintable(text) && [...text].length > 1;
        return `${capitalisedShown(text)} ${several ? 'have' : 'has'} no meaning in TrainSpec here: remove ${several ? 'them' : 'it'}, or put ${several ? 'them' : 'it'} inside a text in quotes.`;
    }

    buildUnableToPopLexerModeMessage(_token: IToken): string {
        // TrainSpec's lexer has a single mode; this cannot happen, but must still read well.
        return 'TrainSpec cannot read the file past this point.';
    }
}

/** How many of the characters a message quotes. */
const SHOWN_LENGTH = 20;

/** The characters as a message quotes them: printable ones in backticks, others by their code point. */
function shown(text: string): string {
    const all = [...text];
    const characters = all.slice(0, SHOWN_LENGTH);
    const body = isPrintable(text)
        ? `\`${characters.join('')}\``
        : `the character${characters.length === 1 ? '' : 's'} ${characters.map(character => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ')}`;
    return all.length > characters.length ? `${body} (and ${all.length - characters.length} more)` : body;
}

/** Whether every character can be shown as it is: letters, digits, punctuation and symbols, but no backtick (it would end the quote). */
function isPrintable(text: string): boolean {
    return [...text].every(character => /[\p{L}\p{N}\p{P}\p{S}]/u.test(character) && character !== '`');
}

function capitalisedShown(text: string): string {
    const words = shown(text);
    return words.charAt(0).toUpperCase() + words.slice(1);
}
