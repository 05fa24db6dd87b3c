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

/** One number for each name (and each type name) that a run meets; the cache keeps it between runs. */
export class NameTable {
    protected ids?: Map<string, number>;

    constructor(protected readonly names: string[] = []) {}

    get size(): number {
        return this.names.length;
    }

    nameOf(id: number): string {
        return this.names[id];
    }

    idOf(name: string): number {
        // Built on first use: a run in which no file needs scanning never needs it.
        this.ids ??= new Map(this.names.map((each, id) => [each, id]));
        let id = this.ids.get(name);
        if (id === undefined) {
            id = this.names.length;
            this.names.push(name);
            this.ids.set(name, id);
        }
        return id;
    }

    idsOf(scan: NameScan): ScanIds {
        const declared = new Int32Array(scan.declared.length * 2);
        scan.declared.forEach(([name, type], index) => {
            declared[2 * index] = this.idOf(name);
            declared[2 * index + 1] = this.idOf(type);
        });
        return { declared, mentions: Int32Array.from(scan.mentions, name => this.idOf(name)) };
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
