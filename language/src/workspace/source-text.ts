/** Why a file's bytes cannot be read as a spec or catalogue. */
export type SourceTextProblem = { kind: 'binary-file' | 'invalid-utf8'; message: string };

export type DecodedSource = { text: string } | { problem: SourceTextProblem };

/**
 * Decodes a file as UTF-8 text, or says why it is not text: a NUL byte marks a binary
 * file; bytes that are not UTF-8 are reported with their offset rather than silently replaced.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        return { problem: { kind: 'binary-file', message: `Binary file (a NUL byte at offset ${nul}), not a spec or catalogue.` } };
    }
    try {
        const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
        return { text };
    } catch {
        return { problem: { kind: 'invalid-utf8', message: `Not valid UTF-8 text (the first bad byte is at offset ${firstInvalidUtf8(bytes)}); save the file as UTF-8.` } };
    }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const byte = bytes[i];
        const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
        if (length === 0 || i + length > bytes.length) {
            return i;
        }
        for (let k = 1; k < length; k++) {
            if ((bytes[i + k] & 0xc0) !== 0x80) {
                return i;
            }
        }
        i += length;
    }
    return i;
}
