import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';

/** What a path is, as far as reading it goes. */
export type FileKind = 'file' | 'folder' | 'named-pipe' | 'socket' | 'device' | 'symbolic-link' | 'other';

export interface FileStatus {
    kind: FileKind;
    /** The same for every path that leads to one file or folder (through links), different otherwise. */
    identity: string;
    /** Its size and times, where the file system tells them: what `check --cache` compares to know a file unchanged without reading it. */
    stamp?: FileStamp;
}

/** What writing to a file changes, whatever is written: its size, its modification time and its status-change time (which no one can set back). */
export interface FileStamp {
    size: number;
    modifiedMs: number;
    changedMs: number;
}

export interface FolderEntry {
    name: string;
    /** The entry itself: a symbolic link is 'symbolic-link', whatever it leads to. */
    kind: FileKind;
}

/** What reading a path found: the bytes of a regular file, or the kind of what is there instead. */
export type ReadResult = { bytes: Uint8Array; identity: string; stamp?: FileStamp } | { kind: Exclude<FileKind, 'file'> };

/**
 * The file system as the CLI sees it, so that tests can stand in for permission and I/O
 * failures that a real disk only produces for some users. Failures are thrown as Node does:
 * errors with a `code` such as 'EACCES', 'ENOENT', 'ELOOP' or 'EIO'.
 */
export interface SourceFileSystem {
    /** What `path` is, following symbolic links. */
    stat(path: string): FileStatus;
    readFolder(path: string): FolderEntry[];
    /**
     * Reads `path` (following symbolic links) if it is a regular file, never more than
     * `maxBytes + 1` bytes, so that a caller can tell a file that is too large. Anything else
     * (a named pipe, a device) is not opened for reading in a way that could block.
     */
    readRegularFile(path: string, maxBytes: number): ReadResult;
}

// Opening a named pipe blocks until a writer comes, unless it is opened non-blocking; on a regular
// file the flag changes nothing. O_NOCTTY keeps a terminal device from becoming the controlling one.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;

/** The real file system, through `node:fs`. */
export class NodeSourceFileSystem implements SourceFileSystem {
    stat(path: string): FileStatus {
        return statusOf(statSync(path), path);
    }

    readFolder(path: string): FolderEntry[] {
        return readdirSync(path, { withFileTypes: true }).map(entry => ({ name: entry.name, kind: kindOf(entry) }));
    }

    readRegularFile(path: string, maxBytes: number): ReadResult {
        // Looked at before opening: a socket cannot be opened at all, and a device need not be.
        const before = statusOf(statSync(path), path);
        if (before.kind !== 'file') {
            return { kind: before.kind };
        }
        const fd = openSync(path, OPEN_FLAGS);
        try {
            // And again once open, in case the path was replaced in between.
            const status = statusOf(fstatSync(fd), path);
            if (status.kind !== 'file') {
                return { kind: status.kind };
            }
            return { bytes: readAtMost(fd, maxBytes + 1, status.stamp?.size ?? 0), identity: status.identity, stamp: status.stamp };
        } finally {
            closeSync(fd);
        }
    }
}

/**
 * Reads until the end of the file or `limit` bytes. The size on disk only sizes the first read
 * (one byte more, to see the end): it is not trusted (/proc files say 0, a file may grow).
 */
function readAtMost(fd: number, limit: number, size: number): Uint8Array {
    const chunks: Buffer[] = [];
    let total = 0;
    let wanted = Math.min(size > 0 ? size + 1 : CHUNK, limit);
    while (total < limit) {
        const chunk = Buffer.allocUnsafe(wanted);
        const read = readSync(fd, chunk, 0, chunk.length, null);
        if (read === 0) {
            break;
        }
        chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
        total += read;
        // A short read of a file that said its size is its end: no need to ask again.
        if (size > 0 && read < chunk.length && total >= size) {
            break;
        }
        wanted = Math.min(CHUNK, limit - total);
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

function statusOf(stats: Stats, path: string): FileStatus {
    // Some file systems have no inode numbers; then only the path tells files apart.
    return {
        kind: kindOf(stats),
        identity: stats.ino === 0 ? `path:${path}` : `${stats.dev}:${stats.ino}`,
        stamp: { size: stats.size, modifiedMs: stats.mtimeMs, changedMs: stats.ctimeMs }
    };
}

function kindOf(entry: Stats | Dirent): FileKind {
    return entry.isFile() ? 'file'
        : entry.isDirectory() ? 'folder'
        : entry.isSymbolicLink() ? 'symbolic-link'
        : entry.isFIFO() ? 'named-pipe'
        : entry.isSocket() ? 'socket'
        : entry.isCharacterDevice() || entry.isBlockDevice() ? 'device'
        : 'other';
}
