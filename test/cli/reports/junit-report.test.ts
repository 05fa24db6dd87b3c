import { describe, expect, test } from 'vitest';
import type { CheckReport, Finding } from '../../../cli/src/reports/check-report.js';
import { formatJunit } from '../../../cli/src/reports/junit-report.js';
import { runCli } from '../../support/run-cli.js';
import { createTempFolder } from '../../support/temp-folder.js';
import { HAS_XMLLINT, schemaErrors } from '../../support/xmllint.js';
import { elementsNamed, parseXml, type XmlElement } from '../../support/xml.js';

const CONTEXT = { seconds: 1.23456, colour: false, hidden: 0 };

function finding(file: string, severity: Finding['severity'], message: string, code = 'some-code'): Finding {
    return { file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }, severity, code, message };
}

function report(files: string[], findings: Finding[]): CheckReport {
    const count = (severity: Finding['severity']) => findings.filter(entry => entry.severity === severity).length;
    return { files, findings, summary: { files: files.length, errors: count('error'), warnings: count('warning'), information: count('information') } };
}

/** Every C0 control, DEL, some C1 controls, U+FFFE, U+FFFF and a lone surrogate: none of which XML 1.0 can carry raw. */
const HOSTILE = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('') + '\u007f\u0085\u009b\ufffe\uffff\ud800 ]]> <b>&amp; "quoted" \'single\'';

/** The counts on an element, as numbers. */
function counts(element: XmlElement) {
    return { tests: Number(element.attributes.tests), failures: Number(element.attributes.failures), errors: Number(element.attributes.errors) };
}

/** What the test cases say, counted. */
function countedCases(root: XmlElement) {
    const cases = elementsNamed(root, 'testcase');
    return {
        tests: cases.length,
        failures: cases.filter(testCase => testCase.children.some(child => child.name === 'failure')).length,
        errors: cases.filter(testCase => testCase.children.some(child => child.name === 'error')).length
    };
}

describe('the JUnit report', () => {
    test('fails a file for its errors only; warnings and information are in a passing case\'s system-out', () => {
        const xml = formatJunit(report(['a.tspec', 'b.tspec', 'c.tspec'], [
            finding('a.tspec', 'warning', 'gap one'),
            finding('a.tspec', 'information', 'a note'),
            finding('b.tspec', 'error', 'broken', 'unresolved-reference'),
            finding('b.tspec', 'warning', 'gap two'),
            finding('b.tspec', 'error', 'broken again', 'syntax-error')
        ]), CONTEXT);
        const root = parseXml(xml);
        const [a, b, c] = elementsNamed(root, 'testcase');
        expect(a.children.map(child => child.name)).toEqual(['system-out']);
        expect(a.children[0].text).toBe('a.tspec:1:1 warning gap one [some-code]\na.tspec:1:1 information a note [some-code]');
        expect(b.children.map(child => child.name)).toEqual(['failure', 'system-out']);
        expect(b.children[0].attributes).toEqual({ type: 'unresolved-reference', message: '2 errors' });
        expect(b.children[0].text).toBe('b.tspec:1:1 error broken [unresolved-reference]\nb.tspec:1:1 error broken again [syntax-error]');
        expect(b.children[1].text).toBe('b.tspec:1:1 warning gap two [some-code]');
        expect(c.children).toEqual([]);
        expect(counts(root)).toEqual({ tests: 3, failures: 1, errors: 0 });
    });

    test('a file that could not be read is a test that could not run: an <error>, counted in errors', () => {
        const input = { file: 'gone.tspec', severity: 'error', code: 'missing-path', message: 'No such file or folder.' } as const;
        const root = parseXml(formatJunit(report(['a.tspec'], [input, finding('a.tspec', 'error', 'broken')]), CONTEXT));
        expect(counts(root)).toEqual({ tests: 2, failures: 1, errors: 1 });
        expect(elementsNamed(root, 'error')).toEqual([expect.objectContaining({ attributes: { type: 'missing-path', message: 'No such file or folder.' }, text: 'gone.tspec error No such file or folder. [missing-path]' })]);
    });

    test('counts agree with the test cases, on the suites and the root, and both carry the time in seconds', () => {
        const xml = formatJunit(report(['a.tspec', 'b.tspec'], [finding('b.tspec', 'error', 'x'), finding('a.tspec', 'warning', 'y')]), CONTEXT);
        const root = parseXml(xml);
        const [suite] = elementsNamed(root, 'testsuite');
        expect(counts(root)).toEqual(countedCases(root));
        expect(counts(suite)).toEqual(countedCases(root));
        expect([root.attributes.time, suite.attributes.time]).toEqual(['1.235', '1.235']);
    });

    test('any character from a spec or a file name ends up well-formed: controls visible, markup escaped', () => {
        const xml = formatJunit(report([`odd${HOSTILE}.tspec`], [finding(`odd${HOSTILE}.tspec`, 'error', HOSTILE, `code${HOSTILE}`), finding(`odd${HOSTILE}.tspec`, 'warning', HOSTILE)]), CONTEXT);
        // Nothing but tab, newline and printable characters in the document (XML 1.0's Char, less what it discourages).
        // eslint-disable-next-line no-control-regex -- matching control characters is the point.
        expect(xml).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u);
        const root = parseXml(xml);
        const [testCase] = elementsNamed(root, 'testcase');
        expect(testCase.attributes.name).toContain('\\u{1B}');
        expect(testCase.attributes.name).toContain('\\u{FFFE}');
        expect(testCase.attributes.name).toContain('\\u{D800}');
        expect(testCase.children[0].text).toContain(' ]]> <b>&amp; "quoted" \'single\'');
    });

    describe.skipIf(!HAS_XMLLINT)('valid against the Jenkins JUnit schema (xmllint --schema)', () => {
        test('a crafted report with every kind of case and hostile text', () => {
            const input = { file: `gone${HOSTILE}.tspec`, severity: 'error', code: 'missing-path', message: HOSTILE } as const;
            const xml = formatJunit(report(['a.tspec', 'b.tspec', `c${HOSTILE}.tspec`], [
                input,
                finding('a.tspec', 'warning', HOSTILE),
                finding('b.tspec', 'error', HOSTILE),
                finding(`c${HOSTILE}.tspec`, 'information', HOSTILE)
            ]), CONTEXT);
            expect(schemaErrors(xml)).toBe('');
        });

        test('an empty report, and a slow run\'s time', () => {
            expect(schemaErrors(formatJunit(report([], []), { ...CONTEXT, seconds: 12345.6789 }))).toBe('');
        });

        test('what `trainspec check --format junit` writes for the examples, a file of warnings only and a missing file', async () => {
            const folder = createTempFolder({ 'gaps.tspec': 'programme P "P" {\n    prepares PSO\n}\n' });
            try {
                const run = await runCli(['check', '--format', 'junit', 'examples/incomplete', 'examples/po-court-work', folder.file('gaps.tspec'), 'missing.tspec']);
                expect(run.code).toBe(2);
                expect(schemaErrors(run.stdout)).toBe('');
                const root = parseXml(run.stdout);
                expect(counts(root)).toEqual({ tests: 7, failures: 1, errors: 1 });
                expect(counts(root)).toEqual(countedCases(root));
                const gaps = elementsNamed(root, 'testcase').find(testCase => testCase.attributes.name.endsWith('gaps.tspec'));
                expect(gaps?.children.map(child => child.name)).toEqual(['system-out']);
                expect(Number(root.attributes.time)).toBeGreaterThan(0);
            } finally {
                folder.remove();
            }
        });
    });
});
