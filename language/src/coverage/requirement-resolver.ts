import { isArea, isCompetenceGroup, type Coverable, type Requirable, type Role } from '../generated/ast.js';

/** One thing a role requires, and the chain of roles it comes through (the role itself first). */
export interface ResolvedRequirement {
    item: Coverable;
    via: Role[];
}

export interface RoleRequirements {
    role: Role;
    /** Each required item once, in the order the roles state them, own requirements first. */
    requirements: ResolvedRequirement[];
    /** The role, itself or through `extends`, whose programmes must name a specialist pathway. */
    pathwayRequiredBy?: Role;
    /** A chain of `extends` that leads back to where it started, if there is one. */
    cycle?: Role[];
}

/**
 * Resolves what a role requires, following `extends`: competence groups stand for their
 * lettered items, areas for their units; a skill set stays a skill set (any unit meets it).
 */
export interface RequirementResolver {
    resolve(role: Role): RoleRequirements;
}

export function expandRequirable(item: Requirable): Coverable[] {
    if (isCompetenceGroup(item)) {
        return item.competences;
    }
    if (isArea(item)) {
        return item.units.flatMap(unit => (unit.ref ? [unit.ref] : []));
    }
    return [item];
}

/** Counts a resolver's work, so tests can bound it without timing anything. */
export interface ResolverWork {
    /** Roles visited, `extends` references followed and path entries written. */
    steps: number;
}

/** A path of roles shared by every step below it: each step adds one entry, nothing is copied. */
interface PathEntry {
    role: Role;
    parent?: PathEntry;
    length: number;
}

/** The roles of a path, from where it started. */
function pathRoles(path: PathEntry, work?: ResolverWork): Role[] {
    const roles = new Array<Role>(path.length);
    for (let entry: PathEntry | undefined = path; entry; entry = entry.parent) {
        roles[entry.length - 1] = entry.role;
    }
    if (work) {
        work.steps += path.length;
    }
    return roles;
}

/** A requirement whose `via` is written out only when someone reads it (an own property, so copies of it keep it). */
function lazyRequirement(item: Coverable, path: PathEntry): ResolvedRequirement {
    let roles: Role[] | undefined;
    return {
        item,
        get via(): Role[] {
            return roles ??= pathRoles(path);
        }
    };
}

/**
 * Visits each role reachable through `extends` once, depth first with a stack of its own (a
 * chain of thousands of roles neither copies its path at each step nor exhausts the call stack).
 */
export class DefaultRequirementResolver implements RequirementResolver {
    constructor(protected readonly work?: ResolverWork) {}

    resolve(role: Role): RoleRequirements {
        const result: RoleRequirements = { role, requirements: [] };
        const seenItems = new Set<Coverable>();
        const visitedRoles = new Set<Role>([role]);
        const onPath = new Set<Role>([role]);
        const stack: Array<{ path: PathEntry; parents: Role[]; next: number }> = [];
        const enter = (path: PathEntry): void => {
            this.count(1);
            for (const requirement of path.role.requirements) {
                if (requirement.pathway) {
                    result.pathwayRequiredBy ??= path.role;
                }
                for (const item of requirement.items.flatMap(ref => (ref.ref ? expandRequirable(ref.ref) : []))) {
                    if (!seenItems.has(item)) {
                        seenItems.add(item);
                        result.requirements.push(lazyRequirement(item, path));
                    }
                }
            }
            stack.push({ path, parents: path.role.extends.map(ref => ref.ref).filter(isDefined), next: 0 });
        };
        enter({ role, length: 1 });
        while (stack.length > 0) {
            const frame = stack[stack.length - 1];
            if (frame.next === frame.parents.length) {
                stack.pop();
                onPath.delete(frame.path.role);
                continue;
            }
            const parent = frame.parents[frame.next++];
            this.count(1);
            if (onPath.has(parent)) {
                // A cycle back to the role itself is the one to report on it, even if another was found first.
                if (!result.cycle || (parent === role && result.cycle[result.cycle.length - 1] !== role)) {
                    result.cycle = [...pathRoles(frame.path, this.work), parent];
                }
            } else if (!visitedRoles.has(parent)) {
                visitedRoles.add(parent);
                onPath.add(parent);
                enter({ role: parent, parent: frame.path, length: frame.path.length + 1 });
            }
        }
        return result;
    }

    protected count(steps: number): void {
        if (this.work) {
            this.work.steps += steps;
        }
    }
}

function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}
