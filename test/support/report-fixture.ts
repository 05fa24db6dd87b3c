import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { programmesIn } from '../../language/src/coverage/coverage-analysis.js';
import type { CoverageReport } from '../../language/src/report/coverage-report.js';
import { REPO_ROOT } from './run-cli.js';
import { TestWorkspace } from './test-workspace.js';

/** The date every test report is made on. */
export const REPORT_DATE = new Date(Date.UTC(2026, 11, 1, 9, 30));

/** The coverage report of every programme in the files, as `trainspec report` builds it. */
export async function reportOf(files: Record<string, string>): Promise<CoverageReport> {
    const workspace = await TestWorkspace.create(files);
    const programmes = Object.keys(files).flatMap(path => programmesIn(workspace.document(path)));
    return workspace.services.spec.authoring.CoverageReportBuilder.build(programmes, {
        version: '9.9.9',
        generated: REPORT_DATE,
        fileOf: uri => uri.path.replace(/^\/workspace\//, '')
    });
}

/**
 * A programme of `count` modules (`Module1`, `Module2`, …) for the PO role, each covering one of
 * PO's requirements in turn, so that a matrix is as wide as a big programme's.
 */
export function wideProgramme(count: number, name = 'Wide'): string {
    const items = ['PoProtectPublic', 'PoInfluenceChange', 'PoDevelopProfessionally', 'PoPromoteEquality', 'PoEvidenceBasedPractice',
        'PsoAssessRisk', 'PsoPromoteEquality', 'PsoCommunicate', 'PsoSupportChange', 'PsoWorkWithOthers', 'KnowledgeOfPolicy'];
    const modules = Array.from({ length: count }, (_, index) =>
        `    module Module${index + 1} "Module number ${index + 1} with a title long enough to wrap" {\n        hours ${10 + index}\n        covers ${items[index % items.length]}\n    }`);
    return `programme ${name} "A programme of ${count} modules" {\n    prepares PO\n    pathway CourtWork\n${modules.join('\n')}\n}\n`;
}

/** Validates against schemas/report.schema.json; the errors, or an empty list. */
export function schemaErrors(value: unknown): string[] {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'report.schema.json'), 'utf8')) as object;
    // Formats (date-time) are checked by the tests themselves: ajv-formats is not needed for one field.
    const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    return validate(value) ? [] : (validate.errors ?? []).map(error => `${error.instancePath} ${error.message ?? ''}`);
}
