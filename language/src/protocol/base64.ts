// Base64 with what both Node and browsers have (atob, btoa), for bytes in JSON messages.

/** Characters per chunk: String.fromCharCode(...chunk) must stay under the engines' argument limits. */
const CHUNK = 0x8000;

export function encodeBase64(bytes: Uint8Array): string {
    let binary = '';
    for (let start = 0; start < bytes.length; start += CHUNK) {
        binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
    }
    return btoa(binary);
}

/** Throws (a DOMException) when `text` is not base64. */
export function decodeBase64(text: string): Uint8Array {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
}
