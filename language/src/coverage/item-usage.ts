import { AstUtils, DocumentState, WorkspaceCache, type AstNode, type LangiumDocuments } from 'langium';
import {
    isArea, isCatalogue, isFramework, isItem, isModule, isProgramme, isRole, isSpec, isUnit,
    type Area, type Coverable, type Item, type Module, type Programme, type Requirable, type Role, type SkillSet, type Unit
} from '../generated/ast.js';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import { indexCovers, skillSetOf, type CoverageAnalysis, type RequirementOrigin, type RequirementStatus } from './coverage-analysis.js';
import { expandRequirable, type RequirementResolver, type RoleRequirements } from './requirement-resolver.js';

/** A role that requires an item: the item itself, or (for a unit) the skill set the unit meets. */
export interface RoleRequiring {
    role: Role;
    /** Set when the role requires the unit's skill set, which covering the unit meets. */
    skillSet?: SkillSet;
}

/** What one programme makes of an item. */
export interface ProgrammeItemUsage {
    programme: Programme;
    /** The programme's requirement on the item, if it has one. */
    requirement?: RequirementStatus;
    /** For a unit: the programme's requirement on the unit's skill set, which covering the unit meets. */
    skillSetRequirement?: RequirementStatus;
    /** Every reason the programme needs the item: the origins of both requirements above. */
    requiredBy: RequirementOrigin[];
    /** The programme's modules that meet the item; for a skill set, those that cover a unit of it. */
    coveredBy: Module[];
}

/**
 * Who uses each standard: across the workspace (the roles that require it, the areas that
 * list it, the modules that cover it, the units of a skill set) and within one programme,
 * read from that programme's coverage. The skill-set rule is CoverageAnalysis's, never repeated.
 */
export interface ItemUsage {
    /** The roles that require the item, themselves or through `extends`; for a unit, also those that require its skill set. A group or area counts as required when all of its items are. */
    requiredBy(item: Requirable): RoleRequiring[];
    /** The specialist areas (pathways) that list a unit. */
    areasListing(unit: Unit): Area[];
    /** Every module in the workspace that meets the item, in file order; for a skill set, those that cover one of its units. */
    coveredBy(item: Coverable): Module[];
    /** The units of a skill set, in the order the catalogues declare them. */
    unitsOf(skillSet: SkillSet): Unit[];
    /** What a role requires, resolved through `extends`. */
    requirementsOf(role: Role): RoleRequirements;
    /** What the programme requires of the item and which of its modules meet it. */
    inProgramme(programme: Programme, item: Coverable): ProgrammeItemUsage;
}

interface Usage {
    roles: Map<Role, RoleRequirements>;
    requiredBy: Map<Coverable, Role[]>;
    areasListing: Map<Unit, Area[]>;
    unitsOf: Map<SkillSet, Unit[]>;
    coveredBy: Map<Coverable, Module[]>;
}

export class DefaultItemUsage implements ItemUsage {
    protected readonly documents: LangiumDocuments;
    protected readonly resolver: RequirementResolver;
    protected readonly coverage: CoverageAnalysis;
    // Everything here follows linked references only, so it is current as soon as the workspace is linked.
    protected readonly cache: WorkspaceCache<'usage', Usage>;

    constructor(services: TrainSpecSharedServices) {
        this.documents = services.workspace.LangiumDocuments;
        this.resolver = services.coverage.RequirementResolver;
        this.coverage = services.coverage.CoverageAnalysis;
        this.cache = new WorkspaceCache(services, DocumentState.Linked);
    }

    requiredBy(item: Requirable): RoleRequiring[] {
        const usage = this.usage();
        const items = expandRequirable(item);
        if (items.length === 0) {
            return [];
        }
        const [first, ...rest] = items.map(each => usage.requiredBy.get(each) ?? []);
        const requiring: RoleRequiring[] = first.filter(role => rest.every(roles => roles.includes(role))).map(role => ({ role }));
        const skillSet = skillSetOf(item);
        if (skillSet) {
            for (const role of usage.requiredBy.get(skillSet) ?? []) {
                if (!requiring.some(listed => listed.role === role)) {
                    requiring.push({ role, skillSet });
                }
            }
        }
        return requiring;
    }

    areasListing(unit: Unit): Area[] {
        return this.usage().areasListing.get(unit) ?? [];
    }

    coveredBy(item: Coverable): Module[] {
        return this.usage().coveredBy.get(item) ?? [];
    }

    unitsOf(skillSet: SkillSet): Unit[] {
        return this.usage().unitsOf.get(skillSet) ?? [];
    }

    requirementsOf(role: Role): RoleRequirements {
        return this.usage().roles.get(role) ?? this.resolver.resolve(role);
    }

    inProgramme(programme: Programme, item: Coverable): ProgrammeItemUsage {
        const coverage = this.coverage.ofProgramme(programme);
        const requirement = coverage.requirementOn.get(item);
        const skillSet = skillSetOf(item);
        const skillSetRequirement = skillSet ? coverage.requirementOn.get(skillSet) : undefined;
        return {
            programme,
            requirement,
            skillSetRequirement,
            requiredBy: [...(requirement?.origins ?? []), ...(skillSetRequirement?.origins ?? [])],
            coveredBy: coverage.coveredBy.get(item) ?? []
        };
    }

    protected usage(): Usage {
        return this.cache.get('usage', () => this.index());
    }

    protected index(): Usage {
        const usage: Usage = { roles: new Map(), requiredBy: new Map(), areasListing: new Map(), unitsOf: new Map(), coveredBy: new Map() };
        const modules: Module[] = [];
        for (const document of this.documents.all) {
            const root = document.parseResult.value;
            if (isCatalogue(root)) {
                root.elements.flatMap(element => (isFramework(element) ? element.items : [element])).filter(isItem).forEach(item => this.indexItem(item, usage));
            } else if (isSpec(root)) {
                for (const element of root.elements) {
                    modules.push(...(isProgramme(element) ? element.modules : isModule(element) ? [element] : []));
                }
            }
        }
        // Modules in file order, so that hovers list them the same way whatever order the files loaded in.
        usage.coveredBy = indexCovers(modules.sort(byLocation));
        return usage;
    }

    protected indexItem(item: Item, usage: Usage): void {
        if (isRole(item)) {
            const requirements = this.resolver.resolve(item);
            usage.roles.set(item, requirements);
            requirements.requirements.forEach(requirement => add(usage.requiredBy, requirement.item, item));
        } else if (isArea(item)) {
            item.units.forEach(unit => unit.ref && add(usage.areasListing, unit.ref, item));
        } else if (isUnit(item)) {
            const skillSet = skillSetOf(item);
            if (skillSet) {
                add(usage.unitsOf, skillSet, item);
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
