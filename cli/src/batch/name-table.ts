import type { DeclaredName } from '../../../language/src/references/outside-declarations.js';
import type { NameScan } from './name-scan.js';

/**
 * A file's name scan by number: what it declares as pairs of name and type, and what it
 * mentions, each a position in a NameTable. Grouping 10,000 files compares numbers, not
 * strings, and the cache stores two arrays per file instead of a hundred strings.
 */
export interface ScanIds {
    /** Name, type, name, type, …: the declared names with their types, in scan order. */
    declared: Int32Array;
    mentions: Int32Array;
}

/**
 * One number for each name (and each type name) that a run meets; the cache keeps it between
 * runs, with its index: a hash table by position (0 for a free slot, otherwise the number plus
 * one), so that a run that scans one changed file looks its names up without first hashing
 * every name of the workspace.
 */
export class NameTable {
    protected slots: Int32Array;
    protected list?: string[];
    /** The names as the cache stores them (see `stored`), until a run needs them one by one. */
    protected joined?: { names: string; count: number };

    /** `names` as a list, or as the cache stores them; `slots` the index stored with them, if it fits. */
    constructor(names: string[] | { names: string; count: number } = [], slots?: Int32Array) {
        if (Array.isArray(names)) {
            this.list = names;
        } else {
            this.joined = names;
        }
        this.slots = slots && fits(slots, this.size) ? slots : indexOf(this.names);
    }

    get size(): number {
        return this.list?.length ?? this.joined?.count ?? 0;
    }

    nameOf(id: number): string {
        return this.names[id];
    }

    /**
     * The table as the cache stores it: the names in one string, separated by NUL (which no
     * source holds), because reading one string is far cheaper than reading 100,000.
     */
    get stored(): { names: string; count: number; slots: Int32Array } {
        this.joined ??= { names: this.names.join('\0'), count: this.size };
        return { ...this.joined, slots: this.slots };
    }

    /** The names one by one: split from the stored string the first time a run needs them. */
    protected get names(): string[] {
        if (!this.list) {
            const joined = this.joined;
            this.list = joined && joined.count > 0 ? joined.names.split('\0') : [];
        }
        return this.list;
    }

    /** The number of a name, or -1 if the table does not have it. */
    find(name: string): number {
        const mask = this.slots.length - 1;
        for (let slot = hashOf(name) & mask, taken = this.slots[slot]; taken !== 0; slot = (slot + 1) & mask, taken = this.slots[slot]) {
            if (this.names[taken - 1] === name) {
                return taken - 1;
            }
        }
        return -1;
    }

    /** The number of a name, which it gets now if the table does not have it yet. */
    idOf(name: string): number {
        const mask = this.slots.length - 1;
        let slot = hashOf(name) & mask;
        for (let taken = this.slots[slot]; taken !== 0; taken = this.slots[slot]) {
            if (this.names[taken - 1] === name) {
                return taken - 1;
            }
            slot = (slot + 1) & mask;
        }
        const id = this.names.length;
        // A flat copy: the name may be a slice of a whole file's text (see scanNames), which the table must not keep alive.
        this.names.push((' ' + name).slice(1));
        this.joined = undefined;
        if (2 * this.names.length > this.slots.length) {
            this.slots = indexOf(this.names);
        } else {
            this.slots[slot] = id + 1;
        }
        return id;
    }

    idsOf(scan: NameScan): ScanIds {
        const declared = new Int32Array(scan.declared.length * 2);
        scan.declared.forEach(([name, type], index) => {
            declared[2 * index] = this.idOf(name);
            declared[2 * index + 1] = this.idOf(type);
        });
        const mentions = new Int32Array(scan.mentions.length);
        scan.mentions.forEach((name, index) => mentions[index] = this.idOf(name));
        return { declared, mentions };
    }

    declaredOf(ids: ScanIds): DeclaredName[] {
        const declared: DeclaredName[] = [];
        for (let at = 0; at < ids.declared.length; at += 2) {
            declared.push([this.names[ids.declared[at]], this.names[ids.declared[at + 1]]]);
        }
        return declared;
    }

    /** Whether `declarations` are exactly the scan's declared names, in order: then the cache need not store them. */
    sameAsDeclared(declarations: readonly DeclaredName[], ids: ScanIds): boolean {
        return declarations.length * 2 === ids.declared.length
            && declarations.every(([name, type], index) => this.names[ids.declared[2 * index]] === name && this.names[ids.declared[2 * index + 1]] === type);
    }
}

/** A hash table of `names` at most half full (see NameTable). */
function indexOf(names: readonly string[]): Int32Array {
    let size = 1024;
    while (size < 2 * names.length + 1) {
        size *= 2;
    }
    const slots = new Int32Array(size);
    const mask = size - 1;
    names.forEach((name, id) => {
        let slot = hashOf(name) & mask;
        while (slots[slot] !== 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = id + 1;
    });
    return slots;
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(name: string): number {
    let hash = 0x811c9dc5;
    for (let index = 0; index < name.length; index++) {
        hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193);
    }
    return hash >>> 0;
}

/** Whether stored slots can index this many names: a power of two in size, at most half full, and one taken slot per name. */
function fits(slots: Int32Array, names: number): boolean {
    if (slots.length < 2 * names || (slots.length & (slots.length - 1)) !== 0) {
        return false;
    }
    let taken = 0;
    for (const slot of slots) {
        if (slot !== 0) {
            if (slot < 1 || slot > names) {
                return false;
            }
            taken++;
        }
    }
    return taken === names;
}
