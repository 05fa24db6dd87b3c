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

export class DefaultRequirementResolver implements RequirementResolver {
    resolve(role: Role): RoleRequirements {
        const result: RoleRequirements = { role, requirements: [] };
        const seenItems = new Set<Coverable>();
        const visitedRoles = new Set<Role>();
        const visit = (current: Role, via: Role[]): void => {
            visitedRoles.add(current);
            for (const requirement of current.requirements) {
                if (requirement.pathway) {
                    result.pathwayRequiredBy ??= current;
                }
                for (const item of requirement.items.flatMap(ref => (ref.ref ? expandRequirable(ref.ref) : []))) {
                    if (!seenItems.has(item)) {
                        seenItems.add(item);
                        result.requirements.push({ item, via });
                    }
                }
            }
            for (const parent of current.extends.map(ref => ref.ref).filter(isDefined)) {
                if (via.includes(parent)) {
                    // A cycle back to the role itself is the one to report on it, even if another was found first.
                    if (!result.cycle || (parent === role && result.cycle[result.cycle.length - 1] !== role)) {
                        result.cycle = [...via, parent];
                    }
                } else if (!visitedRoles.has(parent)) {
                    visit(parent, [...via, parent]);
                }
            }
        };
        visit(role, [role]);
        return result;
    }
}

function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}
