import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './run-cli.js';

/** The Jenkins JUnit schema, vendored with its source and licence. */
export const JENKINS_JUNIT_XSD = join(REPO_ROOT, 'test', 'schemas', 'jenkins-junit-10.xsd');

/** Whether xmllint (Debian's libxml2-utils, which scripts/test-deps.sh installs) is on PATH. */
export const HAS_XMLLINT = spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;

if (!HAS_XMLLINT) {
    console.warn('xmllint is missing, so the JUnit schema tests skip: run `bash scripts/test-deps.sh` (npm test does) or install libxml2-utils.');
}

/** Validates `xml` against the schema with `xmllint --schema`; returns xmllint's complaints, or '' when valid. */
export function schemaErrors(xml: string, schema = JENKINS_JUNIT_XSD): string {
    const run = spawnSync('xmllint', ['--noout', '--schema', schema, '-'], { input: xml, encoding: 'utf8' });
    return run.status === 0 ? '' : `${run.stderr}${run.stdout}`.trim() || `xmllint exited ${run.status}`;
}
