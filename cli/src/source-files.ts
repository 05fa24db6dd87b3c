import { extname, join, relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { decodeSource } from '../../language/src/workspace/source-text.js';
import { NodeSourceFileSystem, type FileKind, type FileStamp, type FileStatus, type SourceFileSystem } from './files/file-system.js';
import { fileProblem, readFileBytes, type FileProblem } from './files/regular-file.js';
import type { InputProblem } from './input-problem.js';

export const SOURCE_EXTENSIONS = ['.tspec', '.nos'];

/** A spec or catalogue read from disk. */
export interface SourceFile {
    /** Absolute path. */
    path: string;
    /** The path to show: relative to the working folder. */
    displayPath: string;
    text: string;
    /** Its size and times when it was read, where the file system tells them, and its identity (see FileStatus). */
    stamp?: FileStamp;
    identity?: string;
}

export interface CollectedSources {
    files: SourceFile[];
    problems: InputProblem[];
}

/** A source found but not read, because the caller knows its content already (see KnownContent). */
export interface UnreadSource {
    path: string;
    displayPath: string;
    /** What the caller knows the content by (`check --cache`: its hash). */
    known: string;
    stamp: FileStamp;
    identity: string;
}

/**
 * What the caller knows of a file's content from its status alone (its size and times), if
 * anything; a file it knows is not read. `check --cache` knows the files that have not been
 * written since its last run.
 */
export interface KnownContent {
    /** Whether it may know the file at all: if not, the file is read without looking at its status first. */
    mayKnow(displayPath: string): boolean;
    contentOf(displayPath: string, stamp: FileStamp, identity: string): string | undefined;
}

/** Folders a walk passes over: dependencies, and hidden folders (.git, editor and tool caches). Named on the command line, they are read. */
function isSkippedFolder(name: string): boolean {
    return name === 'node_modules' || name.startsWith('.');
}

/**
 * What a folder named on the command line (or the current folder, when no path is given) that
 * holds none of the files looked for is: a problem (for `check`, where nothing checked must not
 * pass as clean, as with a glob that matches nothing), or fine (for `standards`, which lists the
 * built-in library whatever the folder holds).
 */
export type EmptyFolders = 'problem' | 'fine';

/**
 * Finds the specs and catalogues named by files, folders and globs, reads them, and reports
 * every path that cannot be used without stopping at it. Symbolic links are followed (a folder
 * reached twice is walked once, so a link to an ancestor cannot loop), and a file reached by
 * several paths is checked once, under the first path in sorted order. Files and folders that
 * `isIgnored` (the configuration file's `ignore`) are not read at all.
 */
export function collectSources(args: string[], cwd: string, extensions = SOURCE_EXTENSIONS, fileSystem: SourceFileSystem = new NodeSourceFileSystem(),
    isIgnored: (path: string) => boolean = () => false, emptyFolders: EmptyFolders = 'problem'): CollectedSources {
    const collector = new SourceCollector(fileSystem, cwd, extensions, isIgnored, emptyFolders);
    for (const arg of args.length > 0 ? args : ['.']) {
        collector.expand(arg);
    }
    return collector.read();
}

/** collectSources, except that the files `known` knows are not read (nor checked for being copies of the built-in library). */
export function collectSourcesUnlessKnown(args: string[], cwd: string, isIgnored: (path: string) => boolean, known: KnownContent,
    fileSystem: SourceFileSystem = new NodeSourceFileSystem()): { files: Array<SourceFile | UnreadSource>; problems: InputProblem[] } {
    const collector = new SourceCollector(fileSystem, cwd, SOURCE_EXTENSIONS, isIgnored, 'problem');
    for (const arg of args.length > 0 ? args : ['.']) {
        collector.expand(arg);
    }
    return collector.read(known);
}

class SourceCollector {
    private readonly problems: InputProblem[] = [];
    private readonly paths = new Set<string>();
    /** Identities of the folders walked so far. */
    private readonly walked = new Set<string>();
    /** How many sources the walks have found, counting a file found twice twice. */
    private found = 0;
    /** The working folder with a separator after it: a path under it is shown without this prefix. */
    private readonly cwdPrefix: string;

    constructor(private readonly fileSystem: SourceFileSystem, private readonly cwd: string, private readonly extensions: string[],
        private readonly isIgnored: (path: string) => boolean, private readonly emptyFolders: EmptyFolders) {
        this.cwdPrefix = cwd.endsWith(sep) ? cwd : cwd + sep;
    }

    expand(arg: string): void {
        if (isDynamicPattern(arg)) {
            this.expandGlob(arg);
            return;
        }
        const path = resolve(this.cwd, arg);
        let kind: FileKind;
        let identity: string;
        try {
            ({ kind, identity } = this.fileSystem.stat(path));
        } catch (error) {
            this.report(arg, fileProblem(error));
            return;
        }
        if (kind === 'folder') {
            this.expandFolder(arg, path, identity);
        } else if (!this.isSource(path)) {
            this.report(arg, { code: 'unsupported-file', message: `Not a TrainSpec file (expected ${this.extensions.join(' or ')}).` });
        } else {
            // Whatever it is, reading decides: only a regular file is read.
            this.paths.add(path);
        }
    }

    /** Reads every path found (unless `known` knows it), in path order. */
    read(): CollectedSources;
    read(known: KnownContent): { files: Array<SourceFile | UnreadSource>; problems: InputProblem[] };
    read(known?: KnownContent): { files: Array<SourceFile | UnreadSource>; problems: InputProblem[] } {
        const files: Array<SourceFile | UnreadSource> = [];
        const identitiesRead = new Set<string>();
        for (const path of [...this.paths].sort().filter(path => !this.isIgnored(path))) {
            const displayPath = this.display(path);
            const unread = known && this.unread(path, displayPath, known);
            if (unread) {
                if (!identitiesRead.has(unread.identity)) {
                    identitiesRead.add(unread.identity);
                    files.push(unread.source);
                }
                continue;
            }
            const bytes = readFileBytes(this.fileSystem, path);
            if ('problem' in bytes) {
                this.report(displayPath, bytes.problem);
                continue;
            }
            if (identitiesRead.has(bytes.identity)) {
                continue;
            }
            identitiesRead.add(bytes.identity);
            const decoded = decodeSource(bytes.bytes);
            if ('problem' in decoded) {
                this.report(displayPath, { code: decoded.problem.kind, message: decoded.problem.message });
            } else {
                files.push({ path, displayPath, text: decoded.text, identity: bytes.identity, ...(bytes.stamp ? { stamp: bytes.stamp } : {}) });
            }
        }
        return { files, problems: this.problems };
    }

    /** A regular file whose content `known` knows by its status; anything else (or a failure) is left to reading, which reports it. */
    private unread(path: string, displayPath: string, known: KnownContent): { source: UnreadSource; identity: string } | undefined {
        if (!known.mayKnow(displayPath)) {
            return undefined;
        }
        let status: FileStatus;
        try {
            status = this.fileSystem.stat(path);
        } catch {
            return undefined;
        }
        const stamp = status.stamp;
        const content = status.kind === 'file' && stamp ? known.contentOf(displayPath, stamp, status.identity) : undefined;
        return content === undefined || !stamp ? undefined : { source: { path, displayPath, known: content, stamp, identity: status.identity }, identity: status.identity };
    }

    private expandGlob(pattern: string): void {
        const matches = globSync(pattern, { cwd: this.cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] })
            .filter(path => this.isSource(path));
        if (matches.length === 0) {
            this.report(pattern, { code: 'no-matching-files', message: `No ${this.extensions.join(' or ')} files match this pattern.` });
        }
        matches.forEach(path => this.paths.add(path));
    }

    private expandFolder(arg: string, path: string, identity: string): void {
        const [found, problems, walkedBefore] = [this.found, this.problems.length, this.walked.has(identity)];
        this.walk(path, identity);
        // A folder walked before, or one whose walk met problems, has been spoken for already.
        if (this.emptyFolders === 'problem' && !walkedBefore && this.found === found && this.problems.length === problems) {
            const message = this.isIgnored(path)
                ? 'The configuration file\'s "ignore" covers this folder, so nothing in it is checked.'
                : `No ${this.extensions.join(' or ')} files in this folder or its subfolders.`;
            this.report(arg, { code: 'no-matching-files', message });
        }
    }

    private walk(folder: string, identity: string): void {
        if (this.walked.has(identity) || this.isIgnored(folder)) {
            return;
        }
        this.walked.add(identity);
        let entries;
        try {
            entries = this.fileSystem.readFolder(folder);
        } catch (error) {
            // A folder that cannot be listed is one problem; the rest of the tree is still checked.
            this.report(this.display(folder), fileProblem(error));
            return;
        }
        for (const entry of entries) {
            const path = join(folder, entry.name);
            if (entry.kind === 'folder' && isSkippedFolder(entry.name)) {
                continue;
            }
            if (entry.kind === 'folder' || entry.kind === 'symbolic-link') {
                this.walkEntry(path, entry.name, entry.kind === 'symbolic-link');
            } else if (this.isSource(entry.name)) {
                this.addFound(path);
            }
        }
    }

    /** A folder, or a link to anything: links are followed wherever they lead. */
    private walkEntry(path: string, name: string, isLink: boolean): void {
        let kind: FileKind;
        let identity: string;
        try {
            ({ kind, identity } = this.fileSystem.stat(path));
        } catch (error) {
            // A broken link is only worth a word when it is named like a spec.
            if (!isLink || this.isSource(name)) {
                this.report(this.display(path), fileProblem(error, isLink));
            }
            return;
        }
        if (kind === 'folder') {
            if (!isSkippedFolder(name)) {
                this.walk(path, identity);
            }
        } else if (this.isSource(name)) {
            this.addFound(path);
        }
    }

    private addFound(path: string): void {
        this.found++;
        this.paths.add(path);
    }

    private isSource(path: string): boolean {
        return this.extensions.includes(extname(path));
    }

    private display(path: string): string {
        // The common case without path.relative, which is slow enough to show at 10,000 files.
        return path.startsWith(this.cwdPrefix) && path.length > this.cwdPrefix.length ? path.slice(this.cwdPrefix.length) : relative(this.cwd, path) || path;
    }

    private report(path: string, problem: FileProblem | Omit<InputProblem, 'path'>): void {
        this.problems.push({ path, ...problem });
    }
}
