import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

/** What must never reach a terminal or a CI log raw; a newline only ends a line of output. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

// A catalogue whose words carry BEL, a one-character CSI (U+009B) and a right-to-left override;
// a spec named with ESC and CR, whose programme has a gap that quotes those words; and a module file
// holding a stray ESC (a syntax error that quotes it, in a file the programme does not include).
const CATALOGUE = [
    'skill set Odd "Odd skills"',
    'unit Evil "Evil \u009b31m title" in Odd { text "Rings\u0007 and \u202eright-to-left" }',
    'role Prankster "Prank\u001b[2K" { requires Evil }',
    ''
].join('\n');
const SPEC_NAME = 'evil\u001b[31m\r.tspec';
const SPEC = 'programme P "P" { prepares Prankster }\n';
const STRAY = 'module M "M" {\n    covers \u001b[2K }\n';

const SHOWN_NAME = 'evil\\u{1B}[31m\\u{D}.tspec';
const SHOWN_TEXT = 'Rings\\u{7} and \\u{202E}right-to-left';

describe('text from specs, catalogues and file names never reaches the output raw', () => {
    let folder: TempFolder;

    beforeAll(() => {
        folder = createTempFolder({ 'odd.nos': CATALOGUE, [SPEC_NAME]: SPEC, 'stray.tspec': STRAY });
    });

    afterAll(() => folder?.remove());

    const run = (...args: string[]) => runCli(args, folder.path);

    test.each(['text', 'github', 'junit'])('--format %s shows every control visibly, one finding per line', async format => {
        const result = await run('check', '--format', format);
        expect(result.stdout).not.toMatch(UNSAFE);
        expect(result.stderr).not.toMatch(UNSAFE);
        expect(result.stdout).toContain(SHOWN_TEXT);
        expect(result.stdout).toContain('\\u{1B}');
        if (format !== 'github') {
            // GitHub's file property escapes ':' and ',' on top; the others show the name as is.
            expect(result.stdout).toContain(SHOWN_NAME);
        }
    });

    test('the text report: the gap quotes the catalogue\'s words, the syntax error the stray ESC', async () => {
        const lines = (await run('check')).stdout.split('\n');
        expect(lines).toContain(`${SHOWN_NAME}:1:28 warning No module covers the NOS unit "Evil \\u{9B}31m title", which Prank\\u{1B}[2K requires: "${SHOWN_TEXT}". [uncovered-requirement]`);
        expect(lines).toContain('stray.tspec:2:12 error The characters U+001B U+005B have no meaning in TrainSpec here: remove them, or put them inside a text in quotes. [syntax-error]');
    });

    test('--format json keeps the exact text, for machines', async () => {
        const report = JSON.parse((await run('check', '--format', 'json')).stdout) as { files: string[]; findings: Array<{ message: string }> };
        expect(report.files).toContain(SPEC_NAME);
        expect(report.findings.map(finding => finding.message)).toContain('No module covers the NOS unit "Evil \u009b31m title", which Prank\u001b[2K requires: "Rings\u0007 and \u202eright-to-left".');
    });

    test('trainspec standards shows titles and texts visibly', async () => {
        const result = await run('standards');
        expect(result.stdout).not.toMatch(UNSAFE);
        expect(result.stdout).toContain('Evil (NOS unit): Evil \\u{9B}31m title');
        expect(result.stdout).toContain('Prankster (role): Prank\\u{1B}[2K');
    });

    test('an input problem on stderr and a usage mistake quoting an argument show controls visibly', async () => {
        const missing = await run('check', 'gone\u001b[2K.tspec', '--format', 'json');
        expect(missing.stderr).toBe('trainspec: gone\\u{1B}[2K.tspec: No such file or folder.\n');
        const usage = await run('lint\u0007');
        expect(usage.stderr).toBe("trainspec: unknown command 'lint\\u{7}'. The commands are 'check', 'report', 'standards' and 'init'.\nRun 'trainspec --help' for usage.\n");
    });
});
