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
 * The file, written with v8.serialize in columns: one typed array holds every file's scan, and
 * one string every path (hash, identity, name), so reading 10,000 files' worth costs a few
 * copies, not 100,000 objects for the garbage collector to move. A clean file's result (no
 * findings, declarations as scanned) is not stored at all.
 */
interface CacheFile extends Omit<CacheContents, 'names' | 'paths' | 'hashes' | 'identities'> {
    /** Each of these: the strings separated by NUL, which no path or name holds. */
    names: string;
    nameCount: number;
    paths: string;
    hashes: string;
    identities: string;
}

/** The file's contents as this run uses them. */
interface CacheContents {
    format: number;
    /** TrainSpec's version and the settings: a change to either makes every entry stale. */
    stamp: string;
    names: NameTable;
    /** The names' index (see NameTable). */
    nameSlots: Int32Array;
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
    /** Each kept file's index in `contents`, by path. */
    protected readonly files = new Map<string, number>();
    /** Each kept group's index in `contents`, by key (see groupKey). */
    protected readonly groups = new Map<string, number>();
    protected readonly contents?: CacheContents;
    protected readonly keptResults = new Map<number, KeptResult>();
    protected readonly groupNames = new Map<number, string>();
    protected readonly nextFiles = new Map<string, CachedFile>();
    protected readonly nextGroups = new Map<string, { files: string[]; group: CachedGroup }>();
    /** Whether this run learnt anything the file does not say: if not, it is not written again. */
    protected changed = false;

    /**
     * `startedMs`: when this run started, by this machine's clock (before it looked at any
     * file); a file last written less than SETTLE_MS before it has not settled.
     */
    constructor(protected readonly path: string, protected readonly stamp: string, readonly startedMs = Date.now()) {
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
        this.names = this.contents?.names ?? new NameTable();
        this.changed = !this.contents;
    }

    mayKnow(file: string): boolean {
        const index = this.files.get(file);
        return index !== undefined && !Number.isNaN(this.contents?.stamps[3 * index]);
    }

    /** The hash of a file's content, if its stamp and identity are those it had when the cache learnt that content. */
    contentOf(file: string, stamp: FileStamp, identity: string): string | undefined {
        const index = this.files.get(file);
        const contents = this.contents;
        if (index === undefined || !contents) {
            return undefined;
        }
        const { stamps } = contents;
        return contents.identities[index] === identity && stamps[3 * index] === stamp.size && stamps[3 * index + 1] === stamp.modifiedMs && stamps[3 * index + 2] === stamp.changedMs
            ? contents.hashes[index]
            : undefined;
    }

    /** The scan of a file, if the cache has one for exactly this content. */
    scanOf(file: string, hash: string): ScanIds | undefined {
        const index = this.files.get(file);
        const contents = this.contents;
        if (index === undefined || !contents || contents.hashes[index] !== hash) {
            return undefined;
        }
        const { declaredEnds, mentionsEnds } = contents;
        return {
            declared: contents.declared.subarray(index === 0 ? 0 : declaredEnds[index - 1], declaredEnds[index]),
            mentions: contents.mentions.subarray(index === 0 ? 0 : mentionsEnds[index - 1], mentionsEnds[index])
        };
    }

    /** Keeps a file for the next run; its stamp only if the file had settled when this run began. */
    rememberFile(file: string, hash: string, scan: ScanIds, stamp: FileStamp | undefined, identity: string | undefined): void {
        const settled = stamp && identity !== undefined && Math.max(stamp.modifiedMs, stamp.changedMs) < this.startedMs - SETTLE_MS;
        const entry: CachedFile = settled ? { hash, scan, stamp, identity } : { hash, scan };
        if (!this.changed && !this.keeps(file, entry)) {
            this.changed = true;
        }
        this.nextFiles.set(file, entry);
    }

    /** The kept results of a group of these files with exactly these contents, if any, with the key to remember them by. */
    group(files: Array<{ path: string; hash: string }>): (CachedGroup & { key: string }) | undefined {
        const key = groupKey(files);
        const index = this.groups.get(key);
        const contents = this.contents;
        if (index === undefined || !contents) {
            return undefined;
        }
        const start = index === 0 ? 0 : contents.groupEnds[index - 1];
        const results: KeptResult[] = [];
        for (let at = start; at < contents.groupEnds[index]; at++) {
            results.push(this.keptResults.get(contents.groupFiles[at]) ?? CLEAN);
        }
        const names = this.groupNames.get(index);
        return names === undefined ? { results, key } : { results, names, key };
    }

    /**
     * The kept groups of more than one file, each as the paths and hashes of its files: groups
     * the scan or the build put together, which a run may propose again while their files are
     * unchanged.
     */
    *groupsOfSeveral(): Generator<Array<{ path: string; hash: string }>> {
        const contents = this.contents;
        if (!contents) {
            return;
        }
        let start = 0;
        for (const end of contents.groupEnds) {
            if (end - start > 1) {
                yield Array.from(contents.groupFiles.subarray(start, end), file => ({ path: contents.paths[file], hash: contents.hashes[file] }));
            }
            start = end;
        }
    }

    /**
     * Keeps a group's results for the next run; `files` are the paths of its files, each
     * remembered with rememberFile. `keptKey` when they are what group() gave, with that key.
     */
    rememberGroup(files: string[], group: CachedGroup, keptKey?: string): void {
        const key = keptKey ?? groupKey(files.map(path => ({ path, hash: this.nextFiles.get(path)?.hash ?? '' })));
        if (keptKey === undefined) {
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
        contents.paths.forEach((path, index) => this.files.set(path, index));
        const { paths, hashes } = contents;
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

    /** Whether the file holds exactly this entry for this file. */
    protected keeps(file: string, entry: CachedFile): boolean {
        const index = this.files.get(file);
        const contents = this.contents;
        if (index === undefined || !contents || contents.hashes[index] !== entry.hash) {
            return false;
        }
        const { stamps } = contents;
        return entry.stamp
            ? contents.identities[index] === entry.identity && stamps[3 * index] === entry.stamp.size && stamps[3 * index + 1] === entry.stamp.modifiedMs
                && stamps[3 * index + 2] === entry.stamp.changedMs
            : Number.isNaN(stamps[3 * index]);
    }

    /**
     * The file's contents. When names of deleted or changed files have come to be a quarter of
     * the table, it keeps only those in use, numbered afresh; otherwise the table stays as it is,
     * with its index, and the scans are copied whole.
     */
    protected nextContents(): CacheFile {
        const entries = [...this.nextFiles.values()];
        const used = new Uint8Array(this.names.size);
        let usedCount = 0;
        const mark = (ids: Int32Array): void => {
            for (const id of ids) {
                usedCount += used[id] ^ 1;
                used[id] = 1;
            }
        };
        entries.forEach(({ scan }) => {
            mark(scan.declared);
            mark(scan.mentions);
        });
        let table = this.names;
        let renumber: (ids: Int32Array) => Int32Array = ids => ids;
        if (usedCount < 0.75 * this.names.size) {
            const numbers = new Int32Array(this.names.size);
            const names: string[] = [];
            used.forEach((isUsed, id) => {
                if (isUsed) {
                    numbers[id] = names.length;
                    names.push(this.names.nameOf(id));
                }
            });
            table = new NameTable(names);
            renumber = ids => ids.map(id => numbers[id]);
        }
        const count = entries.length;
        const { names, count: nameCount, slots } = table.stored;
        const paths = [...this.nextFiles.keys()];
        const contents: CacheFile = {
            format: FORMAT, stamp: this.stamp, names, nameCount, nameSlots: slots,
            paths: paths.join('\0'), hashes: entries.map(entry => entry.hash).join('\0'), identities: entries.map(entry => entry.identity ?? '').join('\0'),
            stamps: new Float64Array(3 * count), declaredEnds: new Int32Array(count), declared: new Int32Array(0), mentionsEnds: new Int32Array(count), mentions: new Int32Array(0),
            groupEnds: new Int32Array(this.nextGroups.size), groupFiles: new Int32Array(0), groupNames: [], results: []
        };
        contents.declared = concatenate(entries.map(entry => renumber(entry.scan.declared)), contents.declaredEnds);
        contents.mentions = concatenate(entries.map(entry => renumber(entry.scan.mentions)), contents.mentionsEnds);
        entries.forEach((entry, file) => contents.stamps.set(entry.stamp ? [entry.stamp.size, entry.stamp.modifiedMs, entry.stamp.changedMs] : [NaN, NaN, NaN], 3 * file));
        const indexes = new Map(paths.map((path, index) => [path, index]));
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

/** The arrays one after another, and where each ends. */
function concatenate(arrays: Int32Array[], ends: Int32Array): Int32Array {
    const all = new Int32Array(arrays.reduce((sum, array) => sum + array.length, 0));
    let at = 0;
    arrays.forEach((array, index) => {
        all.set(array, at);
        ends[index] = at += array.length;
    });
    return all;
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

/** The cache file's contents, if it is a cache of this format with this stamp. */
function readContents(path: string, stamp: string): CacheContents | undefined {
    try {
        const file = deserialize(readFileSync(path)) as Partial<CacheFile> | undefined;
        if (file?.format !== FORMAT || file.stamp !== stamp) {
            return undefined;
        }
        const { names, nameCount, paths, hashes, identities, ...rest } = file as CacheFile;
        const count = rest.declaredEnds.length;
        const split = (joined: string): string[] => count === 0 ? [] : joined.split('\0');
        const contents = { ...rest, names: new NameTable({ names, count: nameCount }, rest.nameSlots), paths: split(paths), hashes: split(hashes), identities: split(identities) };
        const columns = [contents.paths, contents.hashes, contents.identities, rest.mentionsEnds];
        return columns.every(column => column.length === count) && rest.stamps.length === 3 * count ? contents : undefined;
    } catch {
        return undefined;
    }
}
