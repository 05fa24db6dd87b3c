import type { URI } from 'langium';

/**
 * A folder on the local disk where the language server writes files for editors that can only
 * open files: the built-in library (for editors that cannot fetch `builtin:` documents) and
 * coverage reports. It needs Node (`fs`, `os`), so its implementation lives in `server/`
 * (NodeCacheFolder) and is injected there; without one (in the browser), there is no cache
 * folder and the server does without it.
 */
export interface CacheFolder {
    /**
     * Writes `files` (file name → text) into the folder `path` (folder names below the cache
     * folder, created as needed), each file atomically: a reader sees the old file or the new one,
     * never part of one, and two servers writing the same files at once both succeed. With
     * `readOnly`, the files are read-only on disk and a file already there with the same text is
     * left as it is. Resolves with the `file:` URI of each file, by name.
     */
    write(path: readonly string[], files: ReadonlyMap<string, string>, options?: { readOnly?: boolean }): Promise<Map<string, URI>>;
}
