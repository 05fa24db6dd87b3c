import { decodeSource } from '../../../language/src/workspace/source-text.js';
import { NodeSourceFileSystem, type SourceFileSystem } from '../files/file-system.js';
import { readFileBytes } from '../files/regular-file.js';
import type { UnreadSource } from '../source-files.js';
import { contentHash } from './check-cache.js';

/**
 * A file changed (or went) between the moment the check looked at it and the moment it read it:
 * the check starts again, reading every file (see runCheck).
 */
export class SourceChangedError extends Error {
    constructor(readonly displayPath: string) {
        super(`${displayPath} changed while it was being checked.`);
    }
}

/**
 * The text of a file that `check --cache` did not read because its size and times said it was
 * unchanged, read now because its group must be checked after all. It must still be the text
 * the cache knows (the grouping and the cache's keys rest on it), or the file changed during
 * the check.
 */
export function readUnchangedText(file: UnreadSource, fileSystem: SourceFileSystem = new NodeSourceFileSystem()): string {
    const bytes = readFileBytes(fileSystem, file.path);
    const decoded = 'problem' in bytes ? undefined : decodeSource(bytes.bytes);
    if (!decoded || 'problem' in decoded || contentHash(decoded.text) !== file.known) {
        throw new SourceChangedError(file.displayPath);
    }
    return decoded.text;
}
