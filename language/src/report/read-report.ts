import { REPORT_KIND, REPORT_VERSION, type CoverageReport } from './coverage-report.js';

/**
 * Reads a coverage report back (`trainspec report --format json`), as `check --baseline` does:
 * the report, or one plain sentence that says what is wrong with the text. It checks what the
 * comparison relies on; schemas/report.schema.json describes the whole shape.
 */
export function readCoverageReport(text: string): { report: CoverageReport } | { problem: string } {
    let value: unknown;
    try {
        value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
        return { problem: `is not valid JSON (${(error as Error).message.split('\n')[0]}).` };
    }
    if (!isRecord(value) || value.kind !== REPORT_KIND) {
        return { problem: "is not a TrainSpec coverage report; make one with 'trainspec report --format json'." };
    }
    if (value.version !== REPORT_VERSION) {
        return { problem: `is a coverage report of version ${JSON.stringify(value.version)}, but this TrainSpec reads version ${REPORT_VERSION}; make the baseline with the same TrainSpec version.` };
    }
    const problem = shapeProblem(value);
    return problem ? { problem: `is not a complete coverage report: ${problem}` } : { report: value as unknown as CoverageReport };
}

function shapeProblem(report: Record<string, unknown>): string | undefined {
    if (typeof report.generated !== 'string' || !isRecord(report.generator) || typeof report.generator.version !== 'string') {
        return "'generated' or 'generator' is missing.";
    }
    if (!Array.isArray(report.programmes)) {
        return "'programmes' is not a list.";
    }
    for (const [index, programme] of report.programmes.entries()) {
        const at = `programmes[${index}]`;
        if (!isRecord(programme) || typeof programme.id !== 'string' || typeof programme.title !== 'string' || !Array.isArray(programme.groups) || !isCounts(programme.summary)) {
            return `${at} lacks its id, title, summary or groups.`;
        }
        for (const [groupIndex, group] of programme.groups.entries()) {
            const groupAt = `${at}.groups[${groupIndex}]`;
            if (!isRecord(group) || typeof group.requiredBy !== 'string' || !isRecord(group.origin) || !['role', 'pathway'].includes(group.origin.kind as string)
                || typeof group.origin.id !== 'string' || !Array.isArray(group.requirements)) {
                return `${groupAt} lacks what requires it (requiredBy, origin) or its requirements.`;
            }
            for (const [requirementIndex, requirement] of group.requirements.entries()) {
                if (!isRecord(requirement) || typeof requirement.id !== 'string' || typeof requirement.title !== 'string' || typeof requirement.kind !== 'string'
                    || typeof requirement.text !== 'string' || !Array.isArray(requirement.coveredBy) || !requirement.coveredBy.every(name => typeof name === 'string')) {
                    return `${groupAt}.requirements[${requirementIndex}] lacks its id, kind, title, text or coveredBy.`;
                }
            }
        }
    }
    return undefined;
}

function isCounts(value: unknown): boolean {
    return isRecord(value) && ['covered', 'total', 'gaps'].every(key => typeof value[key] === 'number');
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
