import { createHash } from 'node:crypto';
import type { DeclaredName } from '../../../language/src/references/outside-declarations.js';
import { countText } from '../../../language/src/report/report-text.js';
import type { Finding } from '../reports/check-report.js';
import type { Progress } from '../progress.js';
import type { SourceFile, UnreadSource } from '../source-files.js';
import { contentHash, type CheckCache, type KeptResult } from './check-cache.js';
import { groupScannedFiles, mergeGroups } from './file-groups.js';
import type { GroupTask, TaskFile } from './group-checker.js';
import { scanNames } from './name-scan.js';
import { NameTable, type ScanIds } from './name-table.js';
import { readUnchangedText } from './unchanged-text.js';
import type { GroupRunner } from './worker-pool.js';

/** A file to check: read, or (with the cache) known by its hash and read only if its group must be checked. */
export type BatchFile = SourceFile | UnreadSource;

/** `--shard i/n`: the i-th (from 1) of n slices of the groups. */
export interface Shard {
    index: number;
    count: number;
}

export interface BatchCheckOptions {
    files: BatchFile[];
    /** Starts what checks the groups, once it is known how many files need checking (none, when all come from the cache). */
    createRunner: (files: number) => GroupRunner;
    cache?: CheckCache;
    shard?: Shard;
    progress: Progress;
    /** Reads a file that was not read, when its group must be checked after all (see readUnchangedText). */
    readText?: (file: UnreadSource) => string;
}

export interface BatchCheckResult {
    /** The files this run reports (all of them, or the shard's), in the order given, with their findings. */
    files: Array<{ displayPath: string; findings: Finding[] }>;
    /** Groups in the whole workspace. */
    groups: number;
    /** Groups this run checked or took from the cache (fewer than all with a shard). */
    ownGroups: number;
    largestGroup: number;
    /** Groups whose results came from the cache. */
    cachedGroups: number;
}

/** Groups checked together in one task, up to this many files (a larger group is a task of its own). */
const TASK_FILES = 100;

interface GroupState {
    files: number[];
    /** The cache's key for the group, when its results came from the cache. */
    keptKey?: string;
    results?: KeptResult[];
    /** Hash of the workspace's name table the group was checked with, if any. */
    names?: string;
}

/**
 * `trainspec check` on a workspace of any size: splits the files into groups that cannot affect
 * each other (by a cheap scan of declared and mentioned names), checks the groups in batches on
 * every core, each in a workspace of its own with the built-in library, and keeps only their
 * findings, so memory is bounded by the largest group. With a cache, an unchanged group costs
 * only the hashing of its files.
 *
 * The scan only proposes the grouping; the build verifies it. A reference that resolved into
 * another group, a name that no group resolved but another declares, or one name declared in
 * two groups merges those groups, which are checked again. A group with unknown names is
 * checked with every name the workspace declares, so "did you mean" never depends on grouping.
 * A group that comes whole from the cache was verified with the others of the run that kept it.
 */
export class BatchCheck {
    protected readonly files: BatchFile[];
    protected readonly names: NameTable;
    protected hashes: string[] = [];
    protected scans: ScanIds[] = [];
    protected groups: GroupState[] = [];
    protected checkedFiles = 0;
    protected checkedGroups = 0;
    protected runner?: GroupRunner;
    /** Groups whose results came from the cache and were not checked again. */
    protected readonly fromCache = new Set<GroupState>();

    constructor(protected readonly options: BatchCheckOptions) {
        this.files = options.files;
        this.names = options.cache?.names ?? new NameTable();
    }

    /** Each file's name scan: from the cache for a file whose content it knows, otherwise scanned now. */
    protected scan(): void {
        const cache = this.options.cache;
        this.hashes = cache ? this.files.map(file => 'known' in file ? file.known : contentHash(file.text)) : [];
        this.scans = this.files.map((file, index) => {
            const hash = this.hashes[index];
            const scan = cache?.scanOf(file.displayPath, hash) ?? this.names.idsOf(scanNames(file.path, textOf(file)));
            cache?.rememberFile(file.displayPath, hash, scan, file.stamp, file.identity);
            return scan;
        });
    }

    async run(): Promise<BatchCheckResult> {
        try {
            return await this.checkAll();
        } finally {
            await this.runner?.close();
        }
    }

    protected async checkAll(): Promise<BatchCheckResult> {
        if (!this.options.cache && this.files.length > 0) {
            // Without a cache every file is checked: start the threads now, to load the library while the names are scanned.
            this.runner = this.options.createRunner(this.files.length);
        }
        this.scan();
        const all = groupScannedFiles(this.scans, this.names.size);
        const shard = this.options.shard;
        this.groups = this.withKeptMerges(all.filter(files => !shard || shardOf(this.files[files[0]].displayPath, shard.count) === shard.index - 1)).map(files => ({ files }));
        this.groups.forEach(group => this.takeFromCache(group));
        const fileCount = this.groups.reduce((sum, group) => sum + group.files.length, 0);
        this.checkedGroups = this.fromCache.size;
        this.checkedFiles = this.groups.filter(group => group.results).reduce((sum, group) => sum + group.files.length, 0);
        const total = `${countText(fileCount)} file${fileCount === 1 ? '' : 's'} in ${countText(this.groups.length)} group${this.groups.length === 1 ? '' : 's'}`;
        this.report(total);

        await this.checkGroups(this.groups.filter(group => !group.results), undefined, total);
        let names: { table: DeclaredName[]; hash: string } | undefined;
        for (;;) {
            // Groups that all come from the cache were verified together in the run that kept them.
            const merged = this.groups.every(group => this.fromCache.has(group)) ? [] : this.verify();
            if (merged.length > 0) {
                await this.checkGroups(merged.filter(group => !this.takeFromCache(group)), names, total);
                continue;
            }
            // Groups with unknown names: their suggestions come from every name the workspace declares.
            const withUnknownNames = this.groups.filter(group => group.results?.some(result => result.unresolved.length > 0));
            if (withUnknownNames.length === 0) {
                break;
            }
            if (!names) {
                const table = this.nameTable(all);
                names = { table, hash: createHash('sha1').update(JSON.stringify(table)).digest('base64') };
            }
            const hash = names.hash;
            const needNames = withUnknownNames.filter(group => group.names !== hash);
            if (needNames.length === 0) {
                break;
            }
            await this.checkGroups(needNames, names, total);
        }
        this.options.progress.done();
        this.remember();
        return {
            files: this.assemble(),
            groups: all.length,
            ownGroups: this.groups.length,
            largestGroup: this.groups.reduce((largest, group) => Math.max(largest, group.files.length), 0),
            cachedGroups: this.groups.filter(group => this.fromCache.has(group)).length
        };
    }

    /**
     * The groups, with those that a kept group of unchanged files joins merged: what the build
     * of an earlier run merged is proposed at once, so that its groups are not checked apart
     * first. Only groups of this shard are merged: a shard's groups never depend on the cache.
     */
    protected withKeptMerges(groups: number[][]): number[][] {
        const pairs: Array<[number, number]> = [];
        let fileOf: Map<string, number> | undefined;
        const groupOf = new Int32Array(this.files.length).fill(-1);
        for (const kept of this.options.cache?.groupsOfSeveral() ?? []) {
            if (!fileOf) {
                fileOf = new Map(this.files.map((file, index) => [file.displayPath, index]));
                groups.forEach((files, group) => files.forEach(file => groupOf[file] = group));
            }
            const known = fileOf;
            const files = kept.map(({ path, hash }) => {
                const file = known.get(path);
                return file !== undefined && this.hashes[file] === hash ? file : -1;
            });
            if (files.every(file => file !== -1 && groupOf[file] !== -1)) {
                const first = groupOf[files[0]];
                files.forEach(file => groupOf[file] !== first && pairs.push([first, groupOf[file]]));
            }
        }
        return pairs.length > 0 ? mergeGroups(groups, pairs) : groups;
    }

    /** Takes a group's results from the cache, if it kept them for exactly these files with this content. */
    protected takeFromCache(group: GroupState): boolean {
        const cached = this.options.cache?.group(group.files.map(file => ({ path: this.files[file].displayPath, hash: this.hashes[file] })));
        if (cached) {
            group.results = cached.results;
            group.keptKey = cached.key;
            group.names = cached.names;
            this.fromCache.add(group);
        }
        return cached !== undefined;
    }

    protected async checkGroups(groups: GroupState[], names: { table: DeclaredName[]; hash: string } | undefined, total: string): Promise<void> {
        if (groups.length === 0) {
            return;
        }
        this.runner ??= this.options.createRunner(groups.reduce((sum, group) => sum + group.files.length, 0));
        const runner = this.runner;
        // Largest first, so that the last task to finish is a small one.
        const tasks = batches([...groups].sort((a, b) => b.files.length - a.files.length));
        const readText = this.options.readText ?? readUnchangedText;
        await Promise.all(tasks.map(async batch => {
            const task: GroupTask = {
                files: batch.flatMap((group, index) => group.files.map((file): TaskFile => {
                    const { path, displayPath } = this.files[file];
                    return { path, displayPath, text: textOf(this.files[file], readText), group: index };
                })),
                ...(names ? { outside: names.table } : {})
            };
            const results = await runner.run(task);
            let at = 0;
            for (const group of batch) {
                this.fromCache.delete(group);
                group.results = results.slice(at, at += group.files.length);
                group.names = names?.hash;
                this.checkedFiles += group.files.length;
                this.checkedGroups++;
            }
            this.report(total);
        }));
    }

    /**
     * Checks the grouping against what the builds found, and merges groups that turned out to
     * depend on each other. Returns the merged groups, which must be checked again.
     */
    protected verify(): GroupState[] {
        // Names by number: a name no file declares is one the table need not have.
        for (const group of this.groups) {
            group.results?.forEach(result => result.declarations?.forEach(([name]) => this.names.idOf(name)));
        }
        const declaredBy = new Int32Array(this.names.size).fill(-1);
        const pairs: Array<[number, number]> = [];
        const declare = (name: number, index: number): void => {
            const other = declaredBy[name];
            if (other === -1) {
                declaredBy[name] = index;
            } else if (other !== index) {
                pairs.push([other, index]);
            }
        };
        this.groups.forEach((group, index) => group.results?.forEach((result, at) => {
            if (result.declarations) {
                result.declarations.forEach(([name]) => declare(this.names.idOf(name), index));
            } else {
                const { declared } = this.scans[group.files[at]];
                for (let name = 0; name < declared.length; name += 2) {
                    declare(declared[name], index);
                }
            }
        }));
        this.groups.forEach((group, index) => group.results?.forEach(result => {
            for (const name of [...result.unresolved, ...result.crossings]) {
                const id = this.names.find(name);
                const other = id === -1 ? -1 : declaredBy[id];
                if (other !== -1 && other !== index) {
                    pairs.push([other, index]);
                }
            }
        }));
        if (pairs.length === 0) {
            return [];
        }
        const before = new Map(this.groups.map(group => [group.files[0], group]));
        const merged = mergeGroups(this.groups.map(group => group.files), pairs);
        this.groups = merged.map(files => {
            const same = before.get(files[0]);
            return same && same.files.length === files.length ? same : { files };
        });
        return this.groups.filter(group => !group.results);
    }

    /**
     * Every name the workspace declares, with its type: exactly as built for the groups this run
     * has results for, and as scanned for the files of other shards.
     */
    protected nameTable(all: number[][]): DeclaredName[] {
        const results = new Map<number, KeptResult>();
        for (const group of this.groups) {
            group.files.forEach((file, index) => group.results && results.set(file, group.results[index]));
        }
        return all.flat().sort((a, b) => a - b).flatMap(file => {
            const result = results.get(file);
            return result ? this.declarationsOf(file, result) : this.names.declaredOf(this.scans[file]);
        });
    }

    /** What a file declares, as its build found: kept results leave out declarations that are exactly the scan's. */
    protected declarationsOf(file: number, result: KeptResult): readonly DeclaredName[] {
        return result.declarations ?? this.names.declaredOf(this.scans[file]);
    }

    /** Tells the cache each file and group of this run; a freshly checked file's declarations only if its scan did not foresee them. */
    protected remember(): void {
        const cache = this.options.cache;
        if (!cache) {
            return;
        }
        for (const group of this.groups) {
            const kept = this.fromCache.has(group);
            const results = (group.results ?? []).map((result, at): KeptResult => {
                if (kept || !result.declarations || !this.names.sameAsDeclared(result.declarations, this.scans[group.files[at]])) {
                    return result;
                }
                const { declarations: _same, ...rest } = result;
                return rest;
            });
            cache.rememberGroup(group.files.map(file => this.files[file].displayPath), { results, ...(group.names ? { names: group.names } : {}) }, kept ? group.keptKey : undefined);
        }
    }

    /** This run's files in the order given, with their findings. */
    protected assemble(): BatchCheckResult['files'] {
        const findings: Array<Finding[] | undefined> = new Array<Finding[] | undefined>(this.files.length);
        for (const group of this.groups) {
            group.files.forEach((file, index) => {
                const displayPath = this.files[file].displayPath;
                findings[file] = (group.results?.[index].findings ?? []).map(finding => ({ file: displayPath, ...finding }));
            });
        }
        const files: BatchCheckResult['files'] = [];
        findings.forEach((found, file) => found && files.push({ displayPath: this.files[file].displayPath, findings: found }));
        return files;
    }

    protected report(total: string): void {
        this.options.progress.report(`Checking ${total}: ${countText(this.checkedFiles)} files (${countText(this.checkedGroups)} groups) done…`);
    }
}

/** A file's text: as read, or read now (a file the cache knew unchanged, whose group must be checked after all). */
function textOf(file: BatchFile, readText: (file: UnreadSource) => string = readUnchangedText): string {
    return 'known' in file ? readText(file) : file.text;
}

/** Whole groups in tasks of up to TASK_FILES files. */
function batches(groups: GroupState[]): GroupState[][] {
    const tasks: GroupState[][] = [];
    let current: GroupState[] = [];
    let size = 0;
    for (const group of groups) {
        if (size > 0 && size + group.files.length > TASK_FILES) {
            tasks.push(current);
            current = [];
            size = 0;
        }
        current.push(group);
        size += group.files.length;
    }
    if (current.length > 0) {
        tasks.push(current);
    }
    return tasks;
}

/** The shard (from 0) a group belongs to, by its first file's path: stable as other files come and go. */
export function shardOf(path: string, count: number): number {
    let hash = 0x811c9dc5;
    for (let index = 0; index < path.length; index++) {
        hash = Math.imul(hash ^ path.charCodeAt(index), 0x01000193) >>> 0;
    }
    return hash % count;
}
