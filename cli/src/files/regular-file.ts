import type { InputProblemCode } from '../../../language/src/validation/diagnostic-codes.js';
import type { FileKind, FileStamp, SourceFileSystem } from './file-system.js';

/**
 * The most the CLI reads from one file: 16 MiB, three times the 5 MB spec of the robustness
 * benchmark and thousands of times a real one, yet small enough that a file which never
 * ends (a link to a growing log, /proc/kcore) cannot exhaust memory before it is refused.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export type FileProblemCode = Extract<InputProblemCode, 'missing-path' | 'unreadable-file' | 'not-a-file' | 'symlink-loop' | 'file-too-large'>;

/** Why a path gives no file to read. */
export interface FileProblem {
    code: FileProblemCode;
    message: string;
}

export type FileBytes = { bytes: Uint8Array; identity: string; stamp?: FileStamp } | { problem: FileProblem };

/**
 * The one rule for every file the CLI reads: symbolic links are followed, only regular files
 * are read (a named pipe would block for ever, /dev/zero never ends), and never more than
 * `maxBytes`. Anything else is a problem to report in one line, never a hang or a crash.
 */
export function readFileBytes(fileSystem: SourceFileSystem, path: string, maxBytes = MAX_FILE_BYTES): FileBytes {
    let read;
    try {
        read = fileSystem.readRegularFile(path, maxBytes);
    } catch (error) {
        return { problem: fileProblem(error) };
    }
    if ('kind' in read) {
        return { problem: notAFile(read.kind) };
    }
    if (read.bytes.length > maxBytes) {
        return { problem: { code: 'file-too-large', message: `Larger than ${megabytes(maxBytes)}, the most TrainSpec reads from one file.` } };
    }
    return read;
}

/** A thrown file-system error as a problem; `viaLink` when the path is known to be a symbolic link. */
export function fileProblem(error: unknown, viaLink = false): FileProblem {
    switch ((error as NodeJS.ErrnoException).code) {
        case 'ENOENT':
        case 'ENOTDIR':
            return { code: 'missing-path', message: viaLink ? 'A symbolic link to something that does not exist.' : 'No such file or folder.' };
        case 'ELOOP':
            return { code: 'symlink-loop', message: 'A symbolic link that leads round in a loop, so there is nothing to read.' };
        default:
            return { code: 'unreadable-file', message: `Cannot be read: ${failureReason(error)}.` };
    }
}

export function notAFile(kind: Exclude<FileKind, 'file'>): FileProblem {
    return { code: 'not-a-file', message: `Not a regular file but ${KIND_NAMES[kind]}, which TrainSpec does not read.` };
}

const KIND_NAMES: Record<Exclude<FileKind, 'file'>, string> = {
    'folder': 'a folder',
    'named-pipe': 'a named pipe (FIFO)',
    'socket': 'a socket',
    'device': 'a device',
    'symbolic-link': 'a symbolic link',
    'other': 'something else'
};

/** Plain words for the failures people meet; Node's own text (without the path it repeats) for the rest. */
export function failureReason(error: unknown): string {
    switch ((error as NodeJS.ErrnoException).code) {
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'EIO':
            return 'an input/output error (the disk or device failed)';
        case 'ENAMETOOLONG':
            return 'the name is too long';
        default:
            return String((error as Error).message ?? error).replace(/, \w+ '.*'$/, '');
    }
}

function megabytes(bytes: number): string {
    const mebibyte = 1024 * 1024;
    return bytes < mebibyte ? `${bytes.toLocaleString('en-GB')} bytes` : `${(bytes / mebibyte).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}
