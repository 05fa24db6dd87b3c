import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A folder of files on disk for a test; `remove()` deletes it. */
export interface TempFolder {
    path: string;
    /** The absolute path of a file in the folder. */
    file(name: string): string;
    remove(): void;
}

/**
 * Creates a temporary folder holding the given files (text or bytes; names may contain
 * folders), readable by every user so a test can run a process as another one.
 */
export function createTempFolder(files: Record<string, string | Uint8Array> = {}, copyFrom?: string): TempFolder {
    const path = mkdtempSync(join(tmpdir(), 'trainspec-test-'));
    chmodSync(path, 0o755);
    if (copyFrom) {
        cpSync(copyFrom, path, { recursive: true });
    }
    for (const [name, content] of Object.entries(files)) {
        const file = join(path, name);
        for (let folder = dirname(file); folder !== path; folder = dirname(folder)) {
            mkdirSync(folder, { recursive: true });
            chmodSync(folder, 0o755);
        }
        writeFileSync(file, content);
        // Explicitly, whatever the umask: another user must be able to read it.
        chmodSync(file, 0o644);
    }
    return {
        path,
        file: name => join(path, name),
        remove: () => rmSync(path, { recursive: true, force: true })
    };
}
