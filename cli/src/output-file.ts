import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './cli-error.js';
import { NodeSourceFileSystem, type SourceFileSystem } from './files/file-system.js';
import { failureReason } from './files/regular-file.js';

/** Where a report goes: stdout, or the file `-o/--output-file` names. */
export type ReportDestination = { kind: 'stdout' } | { kind: 'file'; path: string; displayPath: string };

export function reportDestination(outputFile: string | undefined, cwd: string): ReportDestination {
    if (outputFile === undefined) {
        return { kind: 'stdout' };
    }
    if (outputFile === '') {
        throw new UsageError('--output-file is empty (is a variable in the script unset?). Name the file to write the report to.');
    }
    return { kind: 'file', path: resolve(cwd, outputFile), displayPath: outputFile };
}

/**
 * Writes a report to its destination. A file is written whole, replacing what was there, and
 * the folders on its way are made (`-o reports/trainspec.xml` in a fresh CI checkout); a named
 * pipe or a device (`/dev/stdout`) is written to as it is. A folder, or a file that cannot be
 * written, is a problem with the command: one line, exit 2, as for a file that cannot be read.
 */
export function writeReport(text: string, destination: ReportDestination, fileSystem: SourceFileSystem = new NodeSourceFileSystem()): void {
    if (destination.kind === 'stdout') {
        process.stdout.write(text);
        return;
    }
    const cannotWrite = (why: string) => new UsageError(`cannot write the report to ${destination.displayPath}: ${why}.`);
    let isFolder = false;
    try {
        isFolder = fileSystem.stat(destination.path).kind === 'folder';
    } catch {
        // Nothing there yet (or nothing that can be looked at): writing decides.
    }
    if (isFolder) {
        throw cannotWrite('it is a folder; name a file in it');
    }
    try {
        mkdirSync(dirname(destination.path), { recursive: true });
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw cannotWrite(code === 'EEXIST' || code === 'ENOTDIR' ? 'a folder on its path is a file' : failureReason(error));
    }
    try {
        writeFileSync(destination.path, text);
    } catch (error) {
        throw cannotWrite(failureReason(error));
    }
}
