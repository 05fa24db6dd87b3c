import type { NameScan } from './name-scan.js';
import { NameTable, type ScanIds } from './name-table.js';

/**
 * Splits files into groups that cannot affect each other: two files are in one group when one
 * mentions a name the other declares, or both declare the same name, directly or through other
 * files (the connected components of that graph). `files` are indexes in the caller's order;
 * each group lists its files in that order, and the groups come in the order of their first file.
 */
export function groupFiles(scans: readonly NameScan[]): number[][] {
    const table = new NameTable();
    return groupScannedFiles(scans.map(scan => table.idsOf(scan)), table.size);
}

/** groupFiles on scans by number, every name below `names`. */
export function groupScannedFiles(scans: readonly ScanIds[], names: number): number[][] {
    const parent = Int32Array.from(scans, (_, index) => index);
    const find = (file: number): number => {
        let root = file;
        while (parent[root] !== root) {
            root = parent[root];
        }
        for (let at = file; parent[at] !== root;) {
            const up = parent[at];
            parent[at] = root;
            at = up;
        }
        return root;
    };
    const union = (a: number, b: number): void => {
        const rootA = find(a);
        const rootB = find(b);
        if (rootA !== rootB) {
            // The smaller index stays the root, so a group is named by its first file.
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    };
    const declarer = new Int32Array(names).fill(-1);
    scans.forEach((scan, file) => {
        for (let at = 0; at < scan.declared.length; at += 2) {
            const name = scan.declared[at];
            const other = declarer[name];
            if (other === -1) {
                declarer[name] = file;
            } else {
                union(file, other);
            }
        }
    });
    scans.forEach((scan, file) => {
        for (const name of scan.mentions) {
            const other = declarer[name];
            if (other !== -1) {
                union(file, other);
            }
        }
    });
    return componentsOf(scans.length, find);
}

/** Merges groups (indexes into `groups`) that must be checked together; `pairs` name two groups each. */
export function mergeGroups(groups: readonly number[][], pairs: Iterable<readonly [number, number]>): number[][] {
    const parent = groups.map((_, index) => index);
    const find = (group: number): number => parent[group] === group ? group : (parent[group] = find(parent[group]));
    for (const [a, b] of pairs) {
        const rootA = find(a);
        const rootB = find(b);
        if (rootA !== rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
    const merged = new Map<number, number[]>();
    groups.forEach((files, group) => {
        const root = find(group);
        merged.set(root, [...(merged.get(root) ?? []), ...files]);
    });
    return [...merged.values()].map(files => files.sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
}

function componentsOf(count: number, find: (file: number) => number): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let file = 0; file < count; file++) {
        const root = find(file);
        let group = byRoot.get(root);
        if (!group) {
            group = [];
            byRoot.set(root, group);
        }
        group.push(file);
    }
    return [...byRoot.values()];
}
