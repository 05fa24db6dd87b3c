import { DocumentState, WorkspaceCache, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import { isModule, isProgramme, isSkillSet, isSpec, isUnit, type Area, type Coverable, type Module, type Programme, type Role, type SkillSet, type Unit } from '../generated/ast.js';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import type { RequirementResolver, RoleRequirements } from './requirement-resolver.js';
import { syntaxErrorTouching, type SyntaxErrorSite } from './syntax-error-site.js';

/** Why a programme must cover an item: a target role (possibly through `extends`) or its pathway. */
export type RequirementOrigin =
    | { kind: 'role'; role: Role; via: Role[]; roleIndex: number }
    | { kind: 'pathway'; area: Area };

/** What a tally counts: the requirements of one target role, or the units of the pathway. */
export type TallySubject = { kind: 'role'; role: Role } | { kind: 'pathway'; area: Area };

export interface RequirementStatus {
    item: Coverable;
    /** Every reason the programme needs the item; the first decides where a gap is reported. */
    origins: RequirementOrigin[];
    /** The modules that meet it; for a skill set, those that cover one of its units (never the set itself). */
    coveredBy: Module[];
}

/** How many of a role's (or the pathway's) requirements the programme's modules meet. */
export interface CoverageTally {
    subject: TallySubject;
    covered: number;
    total: number;
}

export interface ProgrammeCoverage {
    programme: Programme;
    /** Its own modules, then the ones it includes, each once. */
    modules: Module[];
    /**
     * The first syntax error that could have changed the programme or a module it includes (an
     * error in them, or a token that fits in no element after them: see `syntaxErrorTouching`).
     * Parser recovery may have dropped clauses around it, so until it is fixed the requirements,
     * gaps and tallies below are provisional: diagnostics, lenses, hover and the coverage view
     * report none of them but say when coverage will be checked; completion may still rank by them.
     */
    syntaxError?: SyntaxErrorSite;
    /** Each required item once, in the order the roles, then the pathway, state them. */
    requirements: RequirementStatus[];
    gaps: RequirementStatus[];
    roles: RoleRequirements[];
    /** One per target role (each once, in `prepares` order), then one for the pathway if it names one. */
    tallies: CoverageTally[];
    /** A target role that needs a pathway the programme does not name. */
    pathwayMissingFor?: Role;
    /** The requirement on each required item. */
    requirementOn: ReadonlyMap<Coverable, RequirementStatus>;
    /** Which of its modules meet each item, required or not, by the skill-set rule (see `indexCovers`). */
    coveredBy: ReadonlyMap<Coverable, Module[]>;
}

/**
 * Coverage of the programmes of the workspace: the one model that validation, hover, code
 * lenses, completion, quick fixes, the coverage view and the CLI read. Each programme is
 * analysed once per workspace state, when first asked for.
 */
export interface CoverageAnalysis {
    ofProgramme(programme: Programme): ProgrammeCoverage;
    /** Analyses every programme: for whole-workspace views only. */
    all(): ProgrammeCoverage[];
    /** Every programme of the workspace, without analysing any. */
    programmes(): Programme[];
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
        this.cache = new WorkspaceCache(services, DocumentState.IndexedReferences);
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
        return this.programmes().map(programme => this.ofProgramme(programme));
    }

    programmes(): Programme[] {
        return this.documents.all.flatMap(programmesIn).toArray();
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

    /** Which programmes each module belongs to; needs only the programmes' modules, not their coverage. */
    protected indexMembership(): Map<Module, Programme[]> {
        const membership = new Map<Module, Programme[]>();
        for (const programme of this.programmes()) {
            for (const module of modulesOf(programme)) {
                membership.set(module, [...(membership.get(module) ?? []), programme]);
            }
        }
        return membership;
    }

    protected analyse(programme: Programme, roleCache: Map<Role, RoleRequirements>): ProgrammeCoverage {
        const modules = modulesOf(programme);
        const coveredBy = indexCovers(modules);
        const statuses = new Map<Coverable, RequirementStatus>();
        const syntaxError = firstSyntaxErrorOf(programme, modules);
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
        return {
            programme,
            modules,
            ...(syntaxError ? { syntaxError } : {}),
            requirements,
            gaps: requirements.filter(status => status.coveredBy.length === 0),
            roles,
            tallies: tallies(requirements, roles, area),
            pathwayMissingFor,
            requirementOn: statuses,
            coveredBy
        };
    }
}

/**
 * Which of the modules meet each item. The skill-set rule: a requirement on a skill set is
 * met only by covering a unit of that set, so a unit counts for its set too, and a module
 * that lists a skill set itself meets nothing by it.
 */
export function indexCovers(modules: Iterable<Module>): Map<Coverable, Module[]> {
    const index = new Map<Coverable, Module[]>();
    const add = (item: Coverable, module: Module): void => {
        const modulesOfItem = index.get(item);
        if (!modulesOfItem) {
            index.set(item, [module]);
        } else if (!modulesOfItem.includes(module)) {
            modulesOfItem.push(module);
        }
    };
    for (const module of modules) {
        for (const item of module.covers.map(ref => ref.ref)) {
            if (item && !isSkillSet(item)) {
                add(item, module);
                const skillSet = skillSetOf(item);
                if (skillSet) {
                    add(skillSet, module);
                }
            }
        }
    }
    return index;
}

/**
 * The skill set of a unit, once its `in` is typed and links; none for anything else. Recovery
 * leaves a half-typed unit without the reference although the generated type calls it required.
 */
export function skillSetOf(node: AstNode): SkillSet | undefined {
    return isUnit(node) ? (node.skillSet as Unit['skillSet'] | undefined)?.ref : undefined;
}

/** Whether an origin makes an item a requirement of the tally's subject. */
export function originOf(subject: TallySubject, origin: RequirementOrigin): boolean {
    return subject.kind === 'role' ? origin.kind === 'role' && origin.role === subject.role : origin.kind === 'pathway';
}

function tallies(requirements: RequirementStatus[], roles: RoleRequirements[], area: Area | undefined): CoverageTally[] {
    const subjects: TallySubject[] = [...new Set(roles.map(({ role }) => role))].map(role => ({ kind: 'role', role }));
    if (area) {
        subjects.push({ kind: 'pathway', area });
    }
    return subjects.map(subject => {
        const counted = requirements.filter(status => status.origins.some(origin => originOf(subject, origin)));
        return { subject, covered: counted.filter(status => status.coveredBy.length > 0).length, total: counted.length };
    });
}

/** The programmes a document declares: none unless it is a spec. */
export function programmesIn(document: LangiumDocument): Programme[] {
    const root = document.parseResult.value;
    return isSpec(root) ? root.elements.filter(isProgramme) : [];
}

/**
 * The first syntax error that could have changed the programme's tree, else the tree of one of
 * its modules, in the order they come: an error elsewhere in their files leaves their coverage
 * as it is (see `syntaxErrorTouching`).
 */
function firstSyntaxErrorOf(programme: Programme, modules: Module[]): SyntaxErrorSite | undefined {
    for (const node of [programme, ...modules]) {
        const site = syntaxErrorTouching(node);
        if (site) {
            return site;
        }
    }
    return undefined;
}

/** A programme's own modules, then those it includes, each once. */
function modulesOf(programme: Programme): Module[] {
    return [...new Set([...programme.modules, ...programme.includes.map(ref => ref.ref).filter(isModule)])];
}

/** The identifier of what requires an item, as diagnostics' data and quick fixes name it: 'PO', 'CourtWork'. */
export function originId(origin: RequirementOrigin): string {
    return origin.kind === 'role' ? origin.role.name : origin.area.name;
}
