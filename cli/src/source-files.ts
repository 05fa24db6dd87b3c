import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { decodeSource } from '../../language/src/workspace/source-text.js';
import type { InputProblem } from './input-problem.js';

export const SOURCE_EXTENSIONS = ['.tspec', '.nos'];

/** A spec or catalogue read from disk. */
export interface SourceFile {
    /** Absolute path. */
    path: string;
    /** The path to show: relative to the working folder. */
    displayPath: string;
    text: string;
}

export interface CollectedSources {
    files: SourceFile[];
    problems: InputProblem[];
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Finds the specs and catalogues named by files, folders and globs, reads them, and reports
 * every path that cannot be used without stopping at it.
 */
export function collectSources(args: string[], cwd: string, extensions = SOURCE_EXTENSIONS): CollectedSources {
    const problems: InputProblem[] = [];
    const paths = new Set<string>();
    for (const arg of args.length > 0 ? args : ['.']) {
        for (const path of expand(arg, cwd, extensions, problems)) {
            paths.add(path);
        }
    }
    const files: SourceFile[] = [];
    for (const path of [...paths].sort()) {
        const displayPath = relative(cwd, path) || path;
        const read = readSource(path, displayPath);
        if ('problem' in read) {
            problems.push(read.problem);
        } else {
            files.push(read.file);
        }
    }
    return { files, problems };
}

function expand(arg: string, cwd: string, extensions: string[], problems: InputProblem[]): string[] {
    if (isDynamicPattern(arg)) {
        const matches = globSync(arg, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] })
            .filter(path => extensions.includes(extname(path)));
        if (matches.length === 0) {
            problems.push({ path: arg, code: 'no-matching-files', message: `No ${extensions.join(' or ')} files match this pattern.` });
        }
        return matches;
    }
    const path = resolve(cwd, arg);
    let isDirectory: boolean;
    try {
        isDirectory = statSync(path).isDirectory();
    } catch (error) {
        problems.push((error as NodeJS.ErrnoException).code === 'EACCES'
            ? unreadable(arg, error)
            : { path: arg, code: 'missing-path', message: 'No such file or folder.' });
        return [];
    }
    if (isDirectory) {
        return walk(path, extensions, cwd, problems);
    }
    if (!extensions.includes(extname(path))) {
        problems.push({ path: arg, code: 'unsupported-file', message: `Not a TrainSpec file (expected ${extensions.join(' or ')}).` });
        return [];
    }
    return [path];
}

function walk(folder: string, extensions: string[], cwd: string, problems: InputProblem[]): string[] {
    let entries;
    try {
        entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
        // A folder that cannot be listed is one problem; the rest of the tree is still checked.
        problems.push(unreadable(relative(cwd, folder) || folder, error));
        return [];
    }
    const found: string[] = [];
    for (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) {
            found.push(...walk(path, extensions, cwd, problems));
        } else if (entry.isFile() && extensions.includes(extname(entry.name))) {
            found.push(path);
        }
    }
    return found;
}

function readSource(path: string, displayPath: string): { file: SourceFile } | { problem: InputProblem } {
    let bytes: Uint8Array;
    try {
        bytes = readFileSync(path);
    } catch (error) {
        return { problem: unreadable(displayPath, error) };
    }
    const decoded = decodeSource(bytes);
    if ('problem' in decoded) {
        return { problem: { path: displayPath, code: decoded.problem.kind, message: decoded.problem.message } };
    }
    return { file: { path, displayPath, text: decoded.text } };
}

function unreadable(path: string, error: unknown): InputProblem {
    const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { path, code: 'unreadable-file', message: `Cannot be read: ${reason}.` };
}
