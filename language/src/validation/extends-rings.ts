import type { Role } from '../generated/ast.js';

/** Counts the work of finding rings, so tests can bound it without timing anything. */
export interface RingWork {
    /** Roles visited and `extends` references followed. */
    steps: number;
}

/**
 * The rings of `extends`: each group of roles that extend one another, directly or through
 * others (a strongly connected component with a cycle). Each ring is given once, as the cycle
 * from its first role (by `order`) back to that role, shortest first; linear in roles and references.
 */
export function extendsRings(roles: Iterable<Role>, order: (a: Role, b: Role) => number, work?: RingWork): Role[][] {
    const count = (): void => {
        if (work) {
            work.steps++;
        }
    };
    return stronglyConnected(roles, count)
        .filter(component => component.length > 1 || parentsOf(component[0]).includes(component[0]))
        .map(component => {
            const first = component.reduce((a, b) => (order(b, a) < 0 ? b : a));
            return shortestCycle(first, new Set(component), count);
        });
}

function parentsOf(role: Role): Role[] {
    return role.extends.flatMap(ref => (ref.ref ? [ref.ref] : []));
}

/** Tarjan's algorithm, with a stack of its own so that a ring of thousands of roles cannot exhaust the call stack. */
function stronglyConnected(roles: Iterable<Role>, count: () => void): Role[][] {
    const index = new Map<Role, number>();
    const low = new Map<Role, number>();
    const onStack = new Set<Role>();
    const stack: Role[] = [];
    const components: Role[][] = [];
    for (const root of roles) {
        if (index.has(root)) {
            continue;
        }
        const frames: Array<{ role: Role; parents: Role[]; next: number }> = [];
        const open = (role: Role): void => {
            count();
            index.set(role, index.size);
            low.set(role, index.get(role)!);
            stack.push(role);
            onStack.add(role);
            frames.push({ role, parents: parentsOf(role), next: 0 });
        };
        open(root);
        while (frames.length > 0) {
            const frame = frames[frames.length - 1];
            if (frame.next < frame.parents.length) {
                const parent = frame.parents[frame.next++];
                count();
                if (!index.has(parent)) {
                    open(parent);
                } else if (onStack.has(parent)) {
                    low.set(frame.role, Math.min(low.get(frame.role)!, index.get(parent)!));
                }
                continue;
            }
            frames.pop();
            if (frames.length > 0) {
                const caller = frames[frames.length - 1].role;
                low.set(caller, Math.min(low.get(caller)!, low.get(frame.role)!));
            }
            if (low.get(frame.role) === index.get(frame.role)) {
                const component: Role[] = [];
                let member: Role;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    component.push(member);
                } while (member !== frame.role);
                components.push(component);
            }
        }
    }
    return components;
}

/** The shortest way from `start` back to itself within its ring, found breadth first. */
function shortestCycle(start: Role, ring: Set<Role>, count: () => void): Role[] {
    const cameFrom = new Map<Role, Role>();
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
        const role = queue[head];
        for (const parent of parentsOf(role)) {
            count();
            if (parent === start) {
                const cycle = [start];
                for (let at: Role | undefined = role; at !== start && at; at = cameFrom.get(at)) {
                    cycle.push(at);
                }
                return [start, ...cycle.slice(1).reverse(), start];
            }
            if (ring.has(parent) && !cameFrom.has(parent)) {
                cameFrom.set(parent, role);
                queue.push(parent);
            }
        }
    }
    return [start, start];
}
