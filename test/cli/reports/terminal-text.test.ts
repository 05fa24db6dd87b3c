import { describe, expect, test } from 'vitest';
import { visibleText } from '../../../cli/src/reports/terminal-text.js';

describe('visibleText', () => {
    test('shows the controls that rewrite a terminal or a CI log as escapes', () => {
        expect(visibleText('a\x1b[2Kb')).toBe('a\\u{1B}[2Kb');
        expect(visibleText('hidden\rshown')).toBe('hidden\\u{D}shown');
        expect(visibleText('ring\x07')).toBe('ring\\u{7}');
        expect(visibleText('one\nline\ttab')).toBe('one\\u{A}line\\u{9}tab');
        expect(visibleText('\0\x7f')).toBe('\\u{0}\\u{7F}');
    });

    test('shows C1 controls, among them the one-character CSI U+009B', () => {
        expect(visibleText('\u009b31m\u0080\u0085\u009f')).toBe('\\u{9B}31m\\u{80}\\u{85}\\u{9F}');
    });

    test('shows bidirectional embeddings, overrides and isolates, and the Unicode line separators', () => {
        const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
        expect(visibleText(bidi.join(''))).toBe('\\u{202A}\\u{202B}\\u{202C}\\u{202D}\\u{202E}\\u{2066}\\u{2067}\\u{2068}\\u{2069}');
        expect(visibleText('a\u2028b\u2029c')).toBe('a\\u{2028}b\\u{2029}c');
    });

    test('leaves ordinary text alone, accents, other scripts and emoji included', () => {
        const text = 'Café – “Probation Officer” ½ 保护观察 🙂 \u00a0 \u202f \\u{1B}';
        expect(visibleText(text)).toBe(text);
    });

    test('every code point is either kept or escaped to a printable form', () => {
        for (let code = 0; code <= 0x10ffff; code += code < 0x3000 ? 1 : 251) {
            if (code >= 0xd800 && code <= 0xdfff) {
                continue;
            }
            const shown = visibleText(String.fromCodePoint(code));
            // eslint-disable-next-line no-control-regex -- matching control characters is the point.
            expect(shown).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
        }
    });
});
