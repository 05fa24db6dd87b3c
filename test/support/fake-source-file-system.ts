import { posix } from 'node:path';
import type { FileKind, FileStatus, FolderEntry, ReadResult, SourceFileSystem } from '../../cli/src/files/file-system.js';

/** A failure as Node reports it: an Error with a code. */
export type FailureCode = 'EACCES' | 'EIO' | 'ENOENT' | 'ELOOP' | 'EPERM' | 'EXDEV';

/** One path of a fake file system. Folders are implied by the paths below them. */
export type FakeEntry =
    | { text: string | Uint8Array; failRead?: FailureCode }
    | { folder: true; failList?: FailureCode }
    | { link: string }
    | { special: 'named-pipe' | 'device' | 'socket' }
    | { fail: FailureCode };

const MAX_LINKS = 40;

/**
 * An in-memory SourceFileSystem for unit tests of what a real disk only does to some users
 * (permission denied, I/O errors) or what would block a test process (named pipes, devices):
 * entries are given by absolute POSIX path. It counts the bytes it hands out, so tests can
 * check that a large file is not read whole.
 */
export class FakeSourceFileSystem implements SourceFileSystem {
    readonly entries = new Map<string, FakeEntry>();
    bytesRead = 0;

    constructor(entries: Record<string, FakeEntry>) {
        for (const [path, entry] of Object.entries(entries)) {
            this.entries.set(path, entry);
        }
    }

    stat(path: string): FileStatus {
        const real = this.resolve(path);
        return { kind: this.kindAt(real) ?? 'other', identity: real };
    }

    readFolder(path: string): FolderEntry[] {
        const real = this.resolve(path);
        const entry = this.entries.get(real);
        if (entry && 'failList' in entry && entry.failList) {
            throw failure(entry.failList, 'scandir', path);
        }
        if (this.kindAt(real) !== 'folder') {
            throw failure('ENOENT', 'scandir', path);
        }
        return this.children(real).map(child => {
            const own = this.entries.get(child);
            return { name: posix.basename(child), kind: own && 'link' in own ? 'symbolic-link' : this.kindAt(child) ?? 'other' };
        });
    }

    readRegularFile(path: string, maxBytes: number): ReadResult {
        const real = this.resolve(path);
        const kind = this.kindAt(real);
        if (kind !== 'file') {
            return { kind: kind as Exclude<FileKind, 'file'> };
        }
        const entry = this.entries.get(real) as { text: string | Uint8Array; failRead?: FailureCode };
        if (entry.failRead) {
            throw failure(entry.failRead, 'read', path);
        }
        const bytes = typeof entry.text === 'string' ? new TextEncoder().encode(entry.text) : entry.text;
        const read = bytes.subarray(0, maxBytes + 1);
        this.bytesRead += read.length;
        return { bytes: read, identity: real };
    }

    /** Follows links to the path of what is there; throws as Node would for a missing path or a loop. */
    private resolve(path: string, hops = { count: 0 }): string {
        let current = '/';
        for (const part of posix.normalize(path).split('/').filter(Boolean)) {
            let next = posix.join(current, part);
            let entry = this.entries.get(next);
            if (entry && 'link' in entry) {
                if (++hops.count > MAX_LINKS) {
                    throw failure('ELOOP', 'stat', path);
                }
                next = this.resolve(posix.resolve(current, entry.link), hops);
                entry = this.entries.get(next);
            }
            if (entry && 'fail' in entry) {
                throw failure(entry.fail, 'stat', path);
            }
            if (this.kindAt(next) === undefined) {
                throw failure('ENOENT', 'stat', path);
            }
            current = next;
        }
        return current;
    }

    private kindAt(path: string): FileKind | undefined {
        const entry = this.entries.get(path);
        if (entry === undefined) {
            return path === '/' || this.children(path).length > 0 ? 'folder' : undefined;
        }
        return 'text' in entry ? 'file' : 'folder' in entry ? 'folder' : 'special' in entry ? entry.special : 'link' in entry ? 'symbolic-link' : 'other';
    }

    private children(folder: string): string[] {
        const prefix = folder.endsWith('/') ? folder : folder + '/';
        const names = new Set<string>();
        for (const path of this.entries.keys()) {
            if (path.startsWith(prefix)) {
                names.add(path.slice(prefix.length).split('/')[0]);
            }
        }
        return [...names].sort().map(name => prefix + name);
    }
}

function failure(code: FailureCode, operation: string, path: string): NodeJS.ErrnoException {
    const text: Record<FailureCode, string> = {
        EACCES: 'permission denied',
        EIO: 'i/o error',
        ENOENT: 'no such file or directory',
        ELOOP: 'too many symbolic links encountered',
        EPERM: 'operation not permitted',
        EXDEV: 'cross-device link not permitted'
    };
    return Object.assign(new Error(`${code}: ${text[code]}, ${operation} '${path}'`), { code });
}
