import { AstUtils, DocumentState, isMultiReference, type LangiumDocument, type LangiumDocuments, type Reference, type ServiceRegistry, type URI } from 'langium';
import type { MultiReference } from 'langium';
import type { TrainSpecSharedServices } from '../trainspec-module.js';

/**
 * The kind of a dependency: the reference property it comes from, as the grammar names it
 * (`includes`: programme → module, `extends`: role → role, `roles`, `pathway`, `covers`, ...).
 */
export type DependencyKind = string;

/**
 * Document-level dependencies of the workspace: which files each file refers to (and through
 * which kind of reference), which files refer to it, and which files declare each name.
 * They decide what an edit can reach, so that the cost of an update follows what it reaches,
 * not the size of the workspace.
 */
export interface DependencyGraph {
    /** The other files that `uri` refers to; with `kind`, only through that kind of reference. */
    dependenciesOf(uri: string, kind?: DependencyKind): ReadonlySet<string>;
    /** The other files that refer to `uri`; with `kind`, only through that kind of reference. */
    dependentsOf(uri: string, kind?: DependencyKind): ReadonlySet<string>;
    /** The names that `uri` declares. */
    namesDeclaredIn(uri: string): ReadonlySet<string>;
    /** The files that declare `name`. */
    declarersOf(name: string): ReadonlySet<string>;
    /**
     * The files whose workspace-dependent diagnostics a change to `uris` can alter, as the
     * graph stands now: the files themselves, every file that depends on them however
     * indirectly (a programme, its role, the role that role extends), the files they refer to
     * (the file of an included module, whose membership changes) and the other files that
     * declare one of their names (duplicates).
     */
    reachOf(uris: Iterable<string>): Set<string>;
    /**
     * Whether a change to `changed` can alter how `uri` links: it refers into one of them, or has
     * references that did not resolve (a new declaration may resolve them). Undefined when the
     * graph has no record of the file (it was never linked).
     */
    linksInto(uri: string, changed: ReadonlySet<string>): boolean | undefined;
    /**
     * Keeps the graph from now on. Without it, the graph is built on the first question; the
     * language server calls it before the workspace is first built, so that the edges are
     * recorded as each document is linked and the first edit finds them ready.
     */
    track(): void;
}

/** What one file contributes to the graph. */
interface FileNode {
    /** The other files it refers to, with the kinds of reference to each. */
    dependencies: Map<string, Set<DependencyKind>>;
    names: Set<string>;
    /** Whether some reference did not resolve when it was linked. */
    unresolved: boolean;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Records each file's edges when it has been linked (its references are resolved then) and
 * drops them when it is deleted. The graph is built on the first question (or on `track`),
 * from every linked document, and kept from then on: a batch check that never asks pays
 * nothing for it.
 */
export class DefaultDependencyGraph implements DependencyGraph {
    protected readonly documents: LangiumDocuments;
    protected readonly serviceRegistry: ServiceRegistry;
    protected readonly files = new Map<string, FileNode>();
    /** The reverse of `FileNode.dependencies`: for each file, the files that refer to it. */
    protected readonly dependents = new Map<string, Map<string, Set<DependencyKind>>>();
    protected readonly declarers = new Map<string, Set<string>>();
    protected built = false;

    constructor(services: TrainSpecSharedServices) {
        this.documents = services.workspace.LangiumDocuments;
        this.serviceRegistry = services.ServiceRegistry;
        const builder = services.workspace.DocumentBuilder;
        builder.onDocumentPhase(DocumentState.IndexedReferences, document => {
            if (this.built) {
                this.record(document);
            }
        });
        builder.onUpdate((_changed, deleted) => {
            if (this.built) {
                deleted.forEach(uri => this.forget(uri.toString()));
            }
        });
    }

    dependenciesOf(uri: string, kind?: DependencyKind): ReadonlySet<string> {
        return withKind(this.graph().files.get(uri)?.dependencies, kind);
    }

    dependentsOf(uri: string, kind?: DependencyKind): ReadonlySet<string> {
        return withKind(this.graph().dependents.get(uri), kind);
    }

    namesDeclaredIn(uri: string): ReadonlySet<string> {
        return this.graph().files.get(uri)?.names ?? NONE;
    }

    declarersOf(name: string): ReadonlySet<string> {
        return this.graph().declarers.get(name) ?? NONE;
    }

    reachOf(uris: Iterable<string>): Set<string> {
        const start = [...uris];
        const reach = new Set(start);
        // Dependents however indirectly: a walk over the reverse edges, each file once.
        for (const queue = [...start]; queue.length > 0;) {
            for (const dependent of this.dependentsOf(queue.pop()!)) {
                if (!reach.has(dependent)) {
                    reach.add(dependent);
                    queue.push(dependent);
                }
            }
        }
        for (const uri of start) {
            this.dependenciesOf(uri).forEach(dependency => reach.add(dependency));
            this.namesDeclaredIn(uri).forEach(name => this.declarersOf(name).forEach(declarer => reach.add(declarer)));
        }
        return reach;
    }

    track(): void {
        if (!this.built) {
            this.built = true;
            this.documents.all.forEach(document => this.record(document));
        }
    }

    linksInto(uri: string, changed: ReadonlySet<string>): boolean | undefined {
        const node = this.graph().files.get(uri);
        if (!node) {
            return undefined;
        }
        if (node.unresolved) {
            return true;
        }
        // The smaller set drives the loop: usually one changed file against a file's few dependencies.
        if (changed.size < node.dependencies.size) {
            return [...changed].some(target => node.dependencies.has(target));
        }
        return [...node.dependencies.keys()].some(target => changed.has(target));
    }

    protected graph(): this {
        this.track();
        return this;
    }

    /** Replaces a file's edges with those of its current, linked content. */
    protected record(document: LangiumDocument): void {
        if (document.state < DocumentState.IndexedReferences) {
            // Not linked yet (a build was cancelled): its old edges stand until it is.
            return;
        }
        const uri = document.uri.toString();
        this.forget(uri);
        const node: FileNode = { dependencies: new Map(), names: new Set(), unresolved: false };
        const nameProvider = this.serviceRegistry.getServices(document.uri).references.NameProvider;
        for (const astNode of AstUtils.streamAst(document.parseResult.value)) {
            const name = nameProvider.getName(astNode);
            if (name) {
                node.names.add(name);
            }
            for (const { property, reference } of AstUtils.streamReferences(astNode)) {
                node.unresolved ||= reference.error !== undefined;
                for (const target of targetsOf(reference)) {
                    const targetUri = target.toString();
                    if (targetUri !== uri) {
                        addKind(node.dependencies, targetUri, property);
                        addKind(mapOf(this.dependents, targetUri), uri, property);
                    }
                }
            }
        }
        node.names.forEach(name => setOf(this.declarers, name).add(uri));
        this.files.set(uri, node);
    }

    /** Removes a file's own edges (those of other files to it stay until they are linked again). */
    protected forget(uri: string): void {
        const node = this.files.get(uri);
        if (!node) {
            return;
        }
        this.files.delete(uri);
        for (const target of node.dependencies.keys()) {
            const dependents = this.dependents.get(target);
            dependents?.delete(uri);
            if (dependents?.size === 0) {
                this.dependents.delete(target);
            }
        }
        for (const name of node.names) {
            const declarers = this.declarers.get(name);
            declarers?.delete(uri);
            if (declarers?.size === 0) {
                this.declarers.delete(name);
            }
        }
    }
}

/** The documents a resolved reference points into; an unresolved one points nowhere. */
function targetsOf(reference: Reference | MultiReference): URI[] {
    if (isMultiReference(reference)) {
        return reference.items.flatMap(item => item.$nodeDescription ? [item.$nodeDescription.documentUri] : []);
    }
    return reference.$nodeDescription ? [reference.$nodeDescription.documentUri] : [];
}

function withKind(edges: Map<string, Set<DependencyKind>> | undefined, kind: DependencyKind | undefined): ReadonlySet<string> {
    if (!edges) {
        return NONE;
    }
    return new Set(kind === undefined ? edges.keys() : [...edges].filter(([, kinds]) => kinds.has(kind)).map(([uri]) => uri));
}

function addKind(edges: Map<string, Set<DependencyKind>>, uri: string, kind: DependencyKind): void {
    setOf(edges, uri).add(kind);
}

function mapOf<K, V, W>(map: Map<K, Map<V, W>>, key: K): Map<V, W> {
    let value = map.get(key);
    if (!value) {
        value = new Map();
        map.set(key, value);
    }
    return value;
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
    let value = map.get(key);
    if (!value) {
        value = new Set();
        map.set(key, value);
    }
    return value;
}
