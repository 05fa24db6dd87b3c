import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { DeclaredName } from '../../../language/src/references/outside-declarations.js';
import type { FileStamp } from '../files/file-system.js';
import type { KnownContent } from '../source-files.js';
import type { FileResult } from './group-checker.js';
import { NameTable, type ScanIds } from './name-table.js';

/** The cache file's name, at the root of the workspace (the folder the check runs in), like ESLint's `.eslintcache`. */
export const CACHE_FILE_NAME = '.trainspec-cache';

const FORMAT = 2;

/**
 * How long after its last write a file's size and times are trusted to tell its content. A
 * file system stamps times in ticks (up to 2 s on FAT), so a file written again within the
 * tick of a write that a check read could keep its size and times; one last written well
 * before the check started cannot (git's "racily clean" entries are the same problem).
 */
export const SETTLE_MS = 3000;

/** What is kept of one file: its content hash, its name scan, and the stamp that vouches for the content without reading it. */
export interface CachedFile {
    hash: string;
    scan: ScanIds;
    /** Only for a file that had settled (see SETTLE_MS) when it was read. */
    stamp?: FileStamp;
    identity?: string;
}

/** A file's result as kept: `declarations` left out when they are exactly its scan's declared names. */
export type KeptResult = Omit<FileResult, 'declarations'> & { declarations?: DeclaredName[] };

/** A checked group: the results of its files in order, and the workspace's name table it was checked with, if it needed one. */
export interface CachedGroup {
    results: KeptResult[];
    /** Hash of every name the workspace declared, when the group's "did you mean" suggestions depended on them. */
    names?: string;
}

/**
 * The file, written with v8.serialize in columns: one typed array holds every file's scan, so
 * reading 10,000 files' worth costs a copy, not 10,000 objects. A clean file's result (no
 * findings, declarations as scanned) is not stored at all.
 */
interface CacheContents {
    format: number;
    /** TrainSpec's version and the settings: a change to either makes every entry stale. */
    stamp: string;
    names: string[];
    paths: string[];
    hashes: string[];
    /** Empty for a file without a trusted stamp. */
    identities: string[];
    /** Size, modification and status-change time of each file; NaN for a file without a trusted stamp. */
    stamps: Float64Array;
    /** Where each file's declared names (and mentions) end in `declared` (and `mentions`). */
    declaredEnds: Int32Array;
    declared: Int32Array;
    mentionsEnds: Int32Array;
    mentions: Int32Array;
    /** Where each group's files end in `groupFiles`, which lists them by index. */
    groupEnds: Int32Array;
    groupFiles: Int32Array;
    /** The name-table hash of the groups that have one, by group index. */
    groupNames: Array<[group: number, names: string]>;
    /** The results of files that found something, or whose declarations differ from their scan's, by file index. */
    results: Array<[file: number, result: KeptResult]>;
}

/** The result of a clean file: nothing found, every name resolved, declarations as scanned. */
const CLEAN: KeptResult = Object.freeze({ findings: [], unresolved: [], crossings: [] });

/**
 * The `--cache` store: each file's hash and name scan, and each group's results keyed by the
 * paths and content hashes of its files (with TrainSpec's version and the settings, which
 * stamp the whole file), so an unchanged group costs no checking, and a file whose size and
 * times have not changed since it settled is not even read. A missing, unreadable or foreign
 * cache is simply empty; the check never fails on it.
 */
export class CheckCache implements KnownContent {
    /** Every name the kept scans mention, by number; this run adds its own. */
    readonly names: NameTable;
    /** When this run started, by this machine's clock: a file last written after SETTLE_MS before it has not settled. */
    readonly startedMs = Date.now();
    protected readonly files = new Map<string, CachedFile>();
    /** Each kept group by its key: the indexes of its files in `contents`. */
    protected readonly groups = new Map<string, number>();
    protected readonly contents?: CacheContents;
    protected readonly keptResults = new Map<number, KeptResult>();
    protected readonly groupNames = new Map<number, string>();
    protected readonly nextFiles = new Map<string, CachedFile>();
    protected readonly nextGroups = new Map<string, { files: string[]; group: CachedGroup }>();
    /** Whether this run learnt anything the file does not say: if not, it is not written again. */
    protected changed = false;

    constructor(protected readonly path: string, protected readonly stamp: string) {
        const contents = readContents(path, stamp);
        try {
            if (contents) {
                this.load(contents);
                this.contents = contents;
            }
        } catch {
            // A file that only looks like a cache: start empty.
            this.files.clear();
            this.groups.clear();
            this.keptResults.clear();
            this.groupNames.clear();
        }
        this.names = new NameTable(this.contents?.names ?? []);
        this.changed = !this.contents;
    }

    mayKnow(file: string): boolean {
        return this.files.get(file)?.stamp !== undefined;
    }

    /** The hash of a file's content, if its stamp and identity are those it had when the cache learnt that content. */
    contentOf(file: string, stamp: FileStamp, identity: string): string | undefined {
        const cached = this.files.get(file);
        const known = cached?.stamp;
        return known && cached.identity === identity && known.size === stamp.size && known.modifiedMs === stamp.modifiedMs && known.changedMs === stamp.changedMs
            ? cached.hash
            : undefined;
    }

    /** The scan of a file, if the cache has one for exactly this content. */
    scanOf(file: string, hash: string): ScanIds | undefined {
        const cached = this.files.get(file);
        return cached?.hash === hash ? cached.scan : undefined;
    }

    /** Keeps a file for the next run; its stamp only if the file had settled when this run began. */
    rememberFile(file: string, hash: string, scan: ScanIds, stamp: FileStamp | undefined, identity: string | undefined): void {
        const settled = stamp && identity !== undefined && Math.max(stamp.modifiedMs, stamp.changedMs) < this.startedMs - SETTLE_MS;
        const entry: CachedFile = settled ? { hash, scan, stamp, identity } : { hash, scan };
        const before = this.files.get(file);
        if (!before || before.hash !== hash || before.scan !== scan || !sameStamp(before, entry)) {
            this.changed = true;
        }
        this.nextFiles.set(file, entry);
    }

    /** The kept results of a group of these files with exactly these contents, if any. */
    group(files: Array<{ path: string; hash: string }>): CachedGroup | undefined {
        const index = this.groups.get(groupKey(files));
        const contents = this.contents;
        if (index === undefined || !contents) {
            return undefined;
        }
        const start = index === 0 ? 0 : contents.groupEnds[index - 1];
        const results = Array.from(contents.groupFiles.subarray(start, contents.groupEnds[index]), file => this.keptResults.get(file) ?? CLEAN);
        const names = this.groupNames.get(index);
        return names === undefined ? { results } : { results, names };
    }

    /**
     * Keeps a group's results for the next run; `files` are the paths of its files, each
     * remembered with rememberFile. `kept` when they are what group() gave.
     */
    rememberGroup(files: string[], group: CachedGroup, kept: boolean): void {
        const key = groupKey(files.map(path => ({ path, hash: this.nextFiles.get(path)?.hash ?? '' })));
        if (!kept || !this.groups.has(key)) {
            this.changed = true;
        }
        this.nextGroups.set(key, { files, group });
    }

    /**
     * Writes what this run remembered (and nothing stale) in one step, so a crash never leaves
     * half a file; when it remembered exactly what the file holds, leaves the file as it is.
     */
    save(): void {
        if (!this.changed && this.nextFiles.size === this.files.size && this.nextGroups.size === this.groups.size) {
            return;
        }
        const temporary = `${this.path}.${process.pid}.tmp`;
        try {
            writeFileSync(temporary, serialize(this.nextContents()));
            renameSync(temporary, this.path);
        } catch (error) {
            rmSync(temporary, { force: true });
            throw error;
        }
    }

    protected load(contents: CacheContents): void {
        const { paths, hashes, identities, stamps, declaredEnds, declared, mentionsEnds, mentions } = contents;
        for (let file = 0; file < paths.length; file++) {
            const scan = {
                declared: declared.subarray(file === 0 ? 0 : declaredEnds[file - 1], declaredEnds[file]),
                mentions: mentions.subarray(file === 0 ? 0 : mentionsEnds[file - 1], mentionsEnds[file])
            };
            const size = stamps[3 * file];
            this.files.set(paths[file], Number.isNaN(size)
                ? { hash: hashes[file], scan }
                : { hash: hashes[file], scan, stamp: { size, modifiedMs: stamps[3 * file + 1], changedMs: stamps[3 * file + 2] }, identity: identities[file] });
        }
        let start = 0;
        contents.groupEnds.forEach((end, group) => {
            let key = '';
            for (let at = start; at < end; at++) {
                const file = contents.groupFiles[at];
                key += `${paths[file]}\0${hashes[file]}\0`;
            }
            this.groups.set(key, group);
            start = end;
        });
        for (const [group, names] of contents.groupNames) {
            this.groupNames.set(group, names);
        }
        for (const [file, result] of contents.results) {
            this.keptResults.set(file, result);
        }
    }

    /** The file's contents: only the names this run's files use, numbered afresh, so that names of deleted files do not pile up. */
    protected nextContents(): CacheContents {
        const renumbered = new Int32Array(this.names.size).fill(-1);
        const names: string[] = [];
        const count = this.nextFiles.size;
        const contents: CacheContents = {
            format: FORMAT, stamp: this.stamp, names, paths: [], hashes: [], identities: [], stamps: new Float64Array(3 * count),
            declaredEnds: new Int32Array(count), declared: new Int32Array(0), mentionsEnds: new Int32Array(count), mentions: new Int32Array(0),
            groupEnds: new Int32Array(this.nextGroups.size), groupFiles: new Int32Array(0), groupNames: [], results: []
        };
        let declaredLength = 0;
        let mentionsLength = 0;
        for (const { scan } of this.nextFiles.values()) {
            declaredLength += scan.declared.length;
            mentionsLength += scan.mentions.length;
        }
        contents.declared = new Int32Array(declaredLength);
        contents.mentions = new Int32Array(mentionsLength);
        const indexes = new Map<string, number>();
        let declaredAt = 0;
        let mentionsAt = 0;
        const copy = (ids: Int32Array, into: Int32Array, at: number): void => {
            for (let index = 0; index < ids.length; index++) {
                const id = ids[index];
                if (renumbered[id] === -1) {
                    renumbered[id] = names.length;
                    names.push(this.names.nameOf(id));
                }
                into[at + index] = renumbered[id];
            }
        };
        for (const [path, entry] of this.nextFiles) {
            const file = contents.paths.length;
            indexes.set(path, file);
            contents.paths.push(path);
            contents.hashes.push(entry.hash);
            contents.identities.push(entry.identity ?? '');
            contents.stamps.set(entry.stamp ? [entry.stamp.size, entry.stamp.modifiedMs, entry.stamp.changedMs] : [NaN, NaN, NaN], 3 * file);
            copy(entry.scan.declared, contents.declared, declaredAt);
            contents.declaredEnds[file] = declaredAt += entry.scan.declared.length;
            copy(entry.scan.mentions, contents.mentions, mentionsAt);
            contents.mentionsEnds[file] = mentionsAt += entry.scan.mentions.length;
        }
        const groupFiles: number[] = [];
        [...this.nextGroups.values()].forEach(({ files, group }, index) => {
            files.forEach((path, at) => {
                const file = indexes.get(path) ?? -1;
                groupFiles.push(file);
                const result = group.results[at];
                if (result && !isClean(result)) {
                    contents.results.push([file, result]);
                }
            });
            contents.groupEnds[index] = groupFiles.length;
            if (group.names !== undefined) {
                contents.groupNames.push([index, group.names]);
            }
        });
        contents.groupFiles = Int32Array.from(groupFiles);
        return contents;
    }
}

function isClean(result: KeptResult): boolean {
    return result.findings.length === 0 && result.unresolved.length === 0 && result.crossings.length === 0 && result.declarations === undefined;
}

export function contentHash(text: string): string {
    return createHash('sha1').update(text).digest('base64');
}

/** The key of a group: its files, by path and content (a path holds no NUL character). */
function groupKey(files: Array<{ path: string; hash: string }>): string {
    let key = '';
    for (const file of files) {
        key += `${file.path}\0${file.hash}\0`;
    }
    return key;
}

function sameStamp(a: CachedFile, b: CachedFile): boolean {
    return a.identity === b.identity && a.stamp?.size === b.stamp?.size && a.stamp?.modifiedMs === b.stamp?.modifiedMs && a.stamp?.changedMs === b.stamp?.changedMs;
}

/** The cache file's contents, if it is a cache of this format with this stamp. */
function readContents(path: string, stamp: string): CacheContents | undefined {
    try {
        const contents = deserialize(readFileSync(path)) as Partial<CacheContents> | undefined;
        return contents?.format === FORMAT && contents.stamp === stamp ? contents as CacheContents : undefined;
    } catch {
        return undefined;
    }
}
