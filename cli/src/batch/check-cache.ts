import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { FileResult } from './group-checker.js';
import type { NameScan } from './name-scan.js';

/** The cache file's name, at the root of the workspace (the folder the check runs in), like ESLint's `.eslintcache`. */
export const CACHE_FILE_NAME = '.trainspec-cache';

const FORMAT = 1;

/** What is kept of one file: its content hash and its name scan, so an unchanged file is never scanned again. */
export interface CachedFile {
    hash: string;
    scan: NameScan;
}

/** A checked group: the results of its files in order, and the workspace's name table it was checked with, if it needed one. */
export interface CachedGroup {
    results: FileResult[];
    /** Hash of every name the workspace declared, when the group's "did you mean" suggestions depended on them. */
    names?: string;
}

interface CacheContents {
    format: number;
    /** TrainSpec's version and the settings: a change to either makes every entry stale. */
    stamp: string;
    files: Record<string, CachedFile>;
    groups: Record<string, CachedGroup>;
}

/**
 * The `--cache` store: each group's results keyed by the content hashes of its files (with
 * TrainSpec's version and the settings), so an unchanged group costs only the hashing of its
 * files. A missing, unreadable or foreign cache is simply empty; the check never fails on it.
 */
export class CheckCache {
    protected readonly files: Record<string, CachedFile>;
    protected readonly groups: Record<string, CachedGroup>;
    protected readonly nextFiles: Record<string, CachedFile> = {};
    protected readonly nextGroups: Record<string, CachedGroup> = {};

    constructor(protected readonly path: string, protected readonly stamp: string) {
        const contents = readContents(path);
        const usable = contents?.format === FORMAT && contents.stamp === stamp;
        this.files = usable ? contents.files : {};
        this.groups = usable ? contents.groups : {};
    }

    /** The scan of a file, if the cache has one for exactly this content. */
    scanOf(file: string, hash: string): NameScan | undefined {
        const cached = this.files[file];
        return cached?.hash === hash ? cached.scan : undefined;
    }

    rememberFile(file: string, entry: CachedFile): void {
        this.nextFiles[file] = entry;
    }

    group(key: string): CachedGroup | undefined {
        return this.groups[key];
    }

    rememberGroup(key: string, entry: CachedGroup): void {
        this.nextGroups[key] = entry;
    }

    /** Writes what this run remembered (and nothing stale) in one step, so a crash never leaves half a file. */
    save(): void {
        const contents: CacheContents = { format: FORMAT, stamp: this.stamp, files: this.nextFiles, groups: this.nextGroups };
        const temporary = `${this.path}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(contents));
        renameSync(temporary, this.path);
    }
}

export function contentHash(text: string): string {
    return createHash('sha1').update(text).digest('base64');
}

/** The key of a group: its files, by path and content. */
export function groupKey(files: Array<{ path: string; hash: string }>): string {
    const hash = createHash('sha1');
    for (const file of files) {
        hash.update(file.path).update('\0').update(file.hash).update('\0');
    }
    return hash.digest('base64');
}

function readContents(path: string): CacheContents | undefined {
    try {
        return JSON.parse(readFileSync(path, 'utf8')) as CacheContents;
    } catch {
        return undefined;
    }
}
