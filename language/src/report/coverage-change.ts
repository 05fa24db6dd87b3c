import type { GroupOrigin } from '../protocol/coverage-matrix.js';
import { requirementRows, type CoverageReport, type ReportProgramme } from './coverage-report.js';

/**
 * What a change did to coverage: two coverage reports (the base branch's, from
 * `trainspec report --format json`, and the working tree's) compared programme by programme.
 * A requirement, and so a gap, is identified by identifiers: the programme, the item and the
 * role or pathway that requires it.
 */

export const CHANGE_KIND = 'trainspec-coverage-change';
export const CHANGE_VERSION = 1;

export interface CoverageChange {
    kind: typeof CHANGE_KIND;
    version: typeof CHANGE_VERSION;
    baseline: { generated: string; generator: string };
    summary: ChangeSummary;
    /** Every programme of either report that changed, in the working tree's order, then the removed ones. */
    programmes: ProgrammeChange[];
}

export interface ChangeSummary {
    gapsOpened: number;
    gapsClosed: number;
    newlyCovered: number;
    programmesAdded: number;
    programmesRemoved: number;
}

export interface ProgrammeChange {
    id: string;
    title: string;
    change: 'added' | 'removed' | 'changed';
    before?: Coverage;
    after?: Coverage;
    /** Requirements no module covers now that were covered, or not required, before (all the gaps of an added programme). */
    gapsOpened: ChangedRequirement[];
    /** Gaps of the baseline that are gone: now covered, or no longer required. */
    gapsClosed: ClosedGap[];
    /** Requirements covered now that were gaps, or not required, before. */
    newlyCovered: ChangedRequirement[];
}

export interface Coverage {
    covered: number;
    total: number;
    gaps: number;
}

export interface ChangedRequirement {
    /** The item's identifier. */
    item: string;
    title: string;
    kind: string;
    /** The role or pathway that requires it, by identifier. */
    origin: { kind: GroupOrigin['kind']; id: string };
    /** As people read it: 'Probation Officer (through Probation Services Officer)'. */
    requiredBy: string;
    /** The standard's words, which a new gap quotes. */
    text: string;
    coveredBy: string[];
}

export interface ClosedGap extends ChangedRequirement {
    reason: 'covered' | 'no longer required';
}

export function compareCoverage(baseline: CoverageReport, current: CoverageReport): CoverageChange {
    const before = byId(baseline.programmes);
    const after = byId(current.programmes);
    const programmes: ProgrammeChange[] = [];
    for (const [id, now] of after) {
        const then = before.get(id);
        const change = then ? compareProgramme(then, now) : addedProgramme(now);
        if (change) {
            programmes.push(change);
        }
    }
    for (const [id, then] of before) {
        if (!after.has(id)) {
            programmes.push({ id, title: then.title, change: 'removed', before: coverageOf(then), gapsOpened: [], gapsClosed: [], newlyCovered: [] });
        }
    }
    const total = (count: (change: ProgrammeChange) => number) => programmes.reduce((sum, change) => sum + count(change), 0);
    return {
        kind: CHANGE_KIND,
        version: CHANGE_VERSION,
        baseline: { generated: baseline.generated, generator: `${baseline.generator.name} ${baseline.generator.version}` },
        summary: {
            gapsOpened: total(change => change.gapsOpened.length),
            gapsClosed: total(change => change.gapsClosed.length),
            newlyCovered: total(change => change.newlyCovered.length),
            programmesAdded: programmes.filter(change => change.change === 'added').length,
            programmesRemoved: programmes.filter(change => change.change === 'removed').length
        },
        programmes
    };
}

/** Whether the change opened no gap, closed none and covered nothing new, and no programme came or went. */
export function isUnchanged(change: CoverageChange): boolean {
    return Object.values(change.summary).every(count => count === 0);
}

function compareProgramme(then: ReportProgramme, now: ReportProgramme): ProgrammeChange | undefined {
    const old = requirementsOf(then);
    const current = requirementsOf(now);
    const gapsOpened: ChangedRequirement[] = [];
    const newlyCovered: ChangedRequirement[] = [];
    const gapsClosed: ClosedGap[] = [];
    for (const [key, requirement] of current) {
        const previous = old.get(key);
        const wasGap = previous === undefined || previous.coveredBy.length === 0;
        const wasCovered = previous !== undefined && previous.coveredBy.length > 0;
        if (requirement.coveredBy.length === 0 && (previous === undefined || wasCovered)) {
            gapsOpened.push(requirement);
        } else if (requirement.coveredBy.length > 0 && wasGap) {
            newlyCovered.push(requirement);
            if (previous !== undefined) {
                gapsClosed.push({ ...requirement, reason: 'covered' });
            }
        }
    }
    for (const [key, previous] of old) {
        if (previous.coveredBy.length === 0 && !current.has(key)) {
            gapsClosed.push({ ...previous, coveredBy: [], reason: 'no longer required' });
        }
    }
    if (gapsOpened.length + gapsClosed.length + newlyCovered.length === 0) {
        return undefined;
    }
    return { id: now.id, title: now.title, change: 'changed', before: coverageOf(then), after: coverageOf(now), gapsOpened, gapsClosed, newlyCovered };
}

function addedProgramme(now: ReportProgramme): ProgrammeChange {
    const gapsOpened = [...requirementsOf(now).values()].filter(requirement => requirement.coveredBy.length === 0);
    return { id: now.id, title: now.title, change: 'added', after: coverageOf(now), gapsOpened, gapsClosed: [], newlyCovered: [] };
}

function coverageOf(programme: ReportProgramme): Coverage {
    return { covered: programme.summary.covered, total: programme.summary.total, gaps: programme.summary.gaps };
}

/** A programme's requirements by (what requires it, item): the identity of a requirement, and of a gap. */
function requirementsOf(programme: ReportProgramme): Map<string, ChangedRequirement> {
    const requirements = new Map<string, ChangedRequirement>();
    for (const { group, requirement } of requirementRows(programme)) {
        const key = JSON.stringify([group.origin.kind, group.origin.id, requirement.id]);
        if (!requirements.has(key)) {
            requirements.set(key, {
                item: requirement.id,
                title: requirement.title,
                kind: requirement.kind,
                origin: { kind: group.origin.kind, id: group.origin.id },
                requiredBy: group.requiredBy,
                text: requirement.text,
                coveredBy: requirement.coveredBy
            });
        }
    }
    return requirements;
}

/** Programmes by identifier; a name declared twice is one programme, as the first declares it. */
function byId(programmes: ReportProgramme[]): Map<string, ReportProgramme> {
    const map = new Map<string, ReportProgramme>();
    programmes.forEach(programme => map.has(programme.id) || map.set(programme.id, programme));
    return map;
}
