import { DocumentState, WorkspaceCache, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { isModule, isProgramme, isSpec, isUnit, type Area, type Coverable, type Module, type Programme, type Role } from '../generated/ast.js';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import type { RequirementResolver, RoleRequirements } from './requirement-resolver.js';

/** Why a programme must cover an item: a target role (possibly through `extends`) or its pathway. */
export type RequirementOrigin =
    | { kind: 'role'; role: Role; via: Role[]; roleIndex: number }
    | { kind: 'pathway'; area: Area };

export interface RequirementStatus {
    item: Coverable;
    /** Every reason the programme needs the item; the first decides where a gap is reported. */
    origins: RequirementOrigin[];
    coveredBy: Module[];
}

export interface ProgrammeCoverage {
    programme: Programme;
    /** Its own modules, then the ones it includes, each once. */
    modules: Module[];
    requirements: RequirementStatus[];
    gaps: RequirementStatus[];
    roles: RoleRequirements[];
    /** A target role that needs a pathway the programme does not name. */
    pathwayMissingFor?: Role;
}

/**
 * Coverage of every programme in the workspace, computed once per workspace state and
 * shared by validation, hover, code lens and reports.
 */
export interface CoverageAnalysis {
    ofProgramme(programme: Programme): ProgrammeCoverage;
    all(): ProgrammeCoverage[];
    /** The programmes a module belongs to: the one that contains it and every one that includes it. */
    programmesOf(module: Module): Programme[];
}

/**
 * What is known of one workspace state. A programme is analysed when first asked for, once;
 * roles are resolved once and shared by every programme that targets them.
 */
interface WorkspaceCoverage {
    programmes: Map<Programme, ProgrammeCoverage>;
    roles: Map<Role, RoleRequirements>;
    membership?: Map<Module, Programme[]>;
}

export class DefaultCoverageAnalysis implements CoverageAnalysis {
    protected readonly documents: LangiumDocuments;
    protected readonly resolver: RequirementResolver;
    // Cleared when a build has indexed its references, so a result never mixes linked and unlinked states.
    protected readonly cache: WorkspaceCache<'coverage', WorkspaceCoverage>;

    constructor(services: TrainSpecSharedServices) {
        this.documents = services.workspace.LangiumDocuments;
        this.resolver = services.coverage.RequirementResolver;
        this.cache = new WorkspaceCache(services as LangiumSharedServices, DocumentState.IndexedReferences);
    }

    ofProgramme(programme: Programme): ProgrammeCoverage {
        const workspace = this.workspace();
        let coverage = workspace.programmes.get(programme);
        if (!coverage) {
            coverage = this.analyse(programme, workspace.roles);
            workspace.programmes.set(programme, coverage);
        }
        return coverage;
    }

    all(): ProgrammeCoverage[] {
        return this.allProgrammes().map(programme => this.ofProgramme(programme));
    }

    programmesOf(module: Module): Programme[] {
        const workspace = this.workspace();
        workspace.membership ??= this.indexMembership();
        return workspace.membership.get(module) ?? [];
    }

    protected workspace(): WorkspaceCoverage {
        return this.cache.get('coverage', () => this.analyseWorkspace());
    }

    /** Starts a workspace state; the programmes are analysed as they are asked for. */
    protected analyseWorkspace(): WorkspaceCoverage {
        return { programmes: new Map(), roles: new Map() };
    }

    protected allProgrammes(): Programme[] {
        return this.documents.all.flatMap(programmesIn).toArray();
    }

    /** Which programmes each module belongs to; needs only the programmes' modules, not their coverage. */
    protected indexMembership(): Map<Module, Programme[]> {
        const membership = new Map<Module, Programme[]>();
        for (const programme of this.allProgrammes()) {
            for (const module of modulesOf(programme)) {
                membership.set(module, [...(membership.get(module) ?? []), programme]);
            }
        }
        return membership;
    }

    protected analyse(programme: Programme, roleCache: Map<Role, RoleRequirements>): ProgrammeCoverage {
        const modules = modulesOf(programme);
        const coveredBy = this.indexCovers(modules);
        const statuses = new Map<Coverable, RequirementStatus>();
        const require = (item: Coverable, origin: RequirementOrigin): void => {
            const status = statuses.get(item);
            if (status) {
                status.origins.push(origin);
            } else {
                statuses.set(item, { item, origins: [origin], coveredBy: coveredBy.get(item) ?? [] });
            }
        };
        const roles: RoleRequirements[] = [];
        let pathwayMissingFor: Role | undefined;
        const seen = new Set<Role>();
        programme.roles.forEach((ref, roleIndex) => {
            const role = ref.ref;
            // A role named twice (`prepares PO, PO`, a repeated-reference warning) counts once.
            if (!role || seen.has(role)) {
                return;
            }
            seen.add(role);
            const resolved = roleCache.get(role) ?? this.resolver.resolve(role);
            roleCache.set(role, resolved);
            roles.push(resolved);
            for (const requirement of resolved.requirements) {
                require(requirement.item, { kind: 'role', role, via: requirement.via, roleIndex });
            }
            if (resolved.pathwayRequiredBy && !programme.pathway) {
                pathwayMissingFor ??= role;
            }
        });
        const area = programme.pathway?.ref;
        for (const unit of area?.units.map(ref => ref.ref).filter(isUnit) ?? []) {
            require(unit, { kind: 'pathway', area: area! });
        }
        const requirements = [...statuses.values()];
        return { programme, modules, requirements, gaps: requirements.filter(status => status.coveredBy.length === 0), roles, pathwayMissingFor };
    }

    /** Which modules cover each item; covering a unit also counts for its skill set. */
    protected indexCovers(modules: Module[]): Map<Coverable, Module[]> {
        const index = new Map<Coverable, Module[]>();
        const add = (item: Coverable, module: Module): void => {
            const modulesOfItem = index.get(item) ?? [];
            if (!modulesOfItem.includes(module)) {
                modulesOfItem.push(module);
            }
            index.set(item, modulesOfItem);
        };
        for (const module of modules) {
            for (const item of module.covers.map(ref => ref.ref)) {
                if (item) {
                    add(item, module);
                    const skillSet = isUnit(item) ? item.skillSet.ref : undefined;
                    if (skillSet) {
                        add(skillSet, module);
                    }
                }
            }
        }
        return index;
    }
}

/** The programmes a document declares: none unless it is a spec. */
export function programmesIn(document: LangiumDocument): Programme[] {
    const root = document.parseResult.value;
    return isSpec(root) ? root.elements.filter(isProgramme) : [];
}

/** A programme's own modules, then those it includes, each once. */
function modulesOf(programme: Programme): Module[] {
    return [...new Set([...programme.modules, ...programme.includes.map(ref => ref.ref).filter(isModule)])];
}
