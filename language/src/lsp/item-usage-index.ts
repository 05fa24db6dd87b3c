import { AstUtils, DocumentState, WorkspaceCache, type AstNode, type LangiumDocuments } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { RequirementResolver, RoleRequirements } from '../coverage/requirement-resolver.js';
import { expandRequirable } from '../coverage/requirement-resolver.js';
import {
    isArea, isCatalogue, isFramework, isItem, isModule, isProgramme, isRole, isSpec, isUnit,
    type Area, type Coverable, type Item, type Module, type Requirable, type Role, type Unit
} from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';

/**
 * Who uses each standard across the whole workspace: the roles that require it, the
 * specialist areas that list it and the modules that cover it. Hover and completion ask
 * for one item at a time; the answers come from one index per workspace state.
 */
export interface ItemUsageIndex {
    /** The roles that require the item, themselves or through `extends`. A group or area counts as required when all of its items are. */
    requiredBy(item: Requirable): Role[];
    /** The specialist areas (pathways) that list a unit. */
    areasListing(unit: Unit): Area[];
    /** Every module in the workspace that covers the item; covering a unit also covers its skill set. */
    coveredBy(item: Coverable): Module[];
    /** What a role requires, resolved through `extends`. */
    requirementsOf(role: Role): RoleRequirements;
}

interface Usage {
    roles: Map<Role, RoleRequirements>;
    requiredBy: Map<Coverable, Role[]>;
    areasListing: Map<Unit, Area[]>;
    coveredBy: Map<Coverable, Module[]>;
}

export class DefaultItemUsageIndex implements ItemUsageIndex {
    protected readonly documents: LangiumDocuments;
    protected readonly resolver: RequirementResolver;
    // Everything here follows linked references only, so it is current as soon as the workspace is linked.
    protected readonly cache: WorkspaceCache<'usage', Usage>;

    constructor(services: TrainSpecServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.resolver = services.shared.coverage.RequirementResolver;
        this.cache = new WorkspaceCache(services.shared as LangiumSharedServices, DocumentState.Linked);
    }

    requiredBy(item: Requirable): Role[] {
        const usage = this.usage();
        const items = expandRequirable(item);
        if (items.length === 0) {
            return [];
        }
        const [first, ...rest] = items.map(each => usage.requiredBy.get(each) ?? []);
        return first.filter(role => rest.every(roles => roles.includes(role)));
    }

    areasListing(unit: Unit): Area[] {
        return this.usage().areasListing.get(unit) ?? [];
    }

    coveredBy(item: Coverable): Module[] {
        return this.usage().coveredBy.get(item) ?? [];
    }

    requirementsOf(role: Role): RoleRequirements {
        return this.usage().roles.get(role) ?? this.resolver.resolve(role);
    }

    protected usage(): Usage {
        return this.cache.get('usage', () => this.index());
    }

    protected index(): Usage {
        const usage: Usage = { roles: new Map(), requiredBy: new Map(), areasListing: new Map(), coveredBy: new Map() };
        for (const document of this.documents.all) {
            const root = document.parseResult.value;
            if (isCatalogue(root)) {
                root.elements.flatMap(element => (isFramework(element) ? element.items : [element])).filter(isItem).forEach(item => this.indexItem(item, usage));
            } else if (isSpec(root)) {
                for (const element of root.elements) {
                    (isProgramme(element) ? element.modules : isModule(element) ? [element] : []).forEach(module => this.indexModule(module, usage));
                }
            }
        }
        // Modules in file order, so that hovers list them the same way whatever order the files loaded in.
        usage.coveredBy.forEach(modules => modules.sort(byLocation));
        return usage;
    }

    protected indexItem(item: Item, usage: Usage): void {
        if (isRole(item)) {
            const requirements = this.resolver.resolve(item);
            usage.roles.set(item, requirements);
            requirements.requirements.forEach(requirement => add(usage.requiredBy, requirement.item, item));
        } else if (isArea(item)) {
            item.units.forEach(unit => unit.ref && add(usage.areasListing, unit.ref, item));
        }
    }

    protected indexModule(module: Module, usage: Usage): void {
        for (const item of module.covers.map(ref => ref.ref)) {
            if (item) {
                add(usage.coveredBy, item, module);
                const skillSet = isUnit(item) ? item.skillSet.ref : undefined;
                if (skillSet) {
                    add(usage.coveredBy, skillSet, module);
                }
            }
        }
    }
}

function byLocation(a: AstNode, b: AstNode): number {
    const uriA = AstUtils.getDocument(a).uri.toString();
    const uriB = AstUtils.getDocument(b).uri.toString();
    return uriA < uriB ? -1 : uriA > uriB ? 1 : (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0);
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const values = map.get(key);
    if (!values) {
        map.set(key, [value]);
    } else if (!values.includes(value)) {
        values.push(value);
    }
}
