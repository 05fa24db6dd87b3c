import { describe, expect, test } from 'vitest';
import { decodeSource } from '../../../language/src/workspace/source-text.js';
import { stringContaining } from '../../support/matchers.js';

describe('decodeSource', () => {
    test('decodes UTF-8 text and drops a byte order mark', () => {
        expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xe2, 0x80, 0x99]))).toEqual({ text: 'a’' });
    });

    test('a NUL byte makes a file binary', () => {
        expect(decodeSource(new Uint8Array([0x61, 0x00]))).toEqual({ problem: { kind: 'binary-file', message: 'Binary file (a NUL byte at offset 1), not a spec or catalogue.' } });
    });

    test('bytes that are not UTF-8 are reported with the offset of the first one', () => {
        expect(decodeSource(new Uint8Array([0x61, 0xe2, 0x80, 0x99, 0xe9, 0x62]))).toEqual({
            problem: { kind: 'invalid-utf8', message: 'Not valid UTF-8 text (the first bad byte is at offset 4); save the file as UTF-8.' }
        });
        expect(decodeSource(new Uint8Array([0x61, 0xe2, 0x80]))).toMatchObject({ problem: { kind: 'invalid-utf8', message: stringContaining('offset 1') } });
    });
});
