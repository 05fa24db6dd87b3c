import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONFIG_FILE_NAME } from '../../language/src/protocol/constants.js';
import { DIAGNOSTIC_CODES } from '../../language/src/validation/diagnostic-codes.js';
import { GENERATED_FILES } from '../../scripts/generated-files.js';
import { REPO_ROOT } from '../support/run-cli.js';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

describe('files made from the one list of diagnostic codes', () => {
    test.each(GENERATED_FILES.map(file => [file.path, file] as const))('%s is up to date (run npm run generate)', (path, file) => {
        const current = read(path);
        expect(file.generate(current), `${path} is out of date: run 'npm run generate'.`).toBe(current);
    });

    test('every code is in the README table and, if it can be changed, in the config schema', () => {
        const readme = read('README.md');
        const schema = JSON.parse(read('schemas/trainspec.config.schema.json')) as { properties: { severity: { properties: Record<string, { enum: string[] }> } } };
        for (const info of DIAGNOSTIC_CODES) {
            expect(readme).toContain(`\`${info.code}\``);
            expect(Object.keys(schema.properties.severity.properties).includes(info.code)).toBe(info.configurable);
        }
        expect(schema.properties.severity.properties['syntax-error']).toBeUndefined();
        expect(schema.properties.severity.properties['orphan-module'].enum).toEqual(['off', 'information', 'warning', 'error']);
    });

    test('VS Code validates trainspec.config.json with the schema, and the packages ship it', () => {
        const manifest = JSON.parse(read('package.json')) as { contributes: { jsonValidation: Array<{ fileMatch: string; url: string }> }; files: string[] };
        expect(manifest.contributes.jsonValidation).toEqual([{ fileMatch: CONFIG_FILE_NAME, url: './schemas/trainspec.config.schema.json' }]);
        expect(manifest.files).toContain('schemas/*.json');
        expect(read('.vscodeignore')).toContain('!schemas/*.json');
    });

    test('every code has a title, a description and help text, and only spec codes other than unreadable files can be changed', () => {
        for (const info of DIAGNOSTIC_CODES) {
            expect(info.title.length).toBeGreaterThan(0);
            expect(info.description).toMatch(/\.$/);
            expect(info.help).toMatch(/\.\)?$/);
        }
        expect(DIAGNOSTIC_CODES.filter(info => !info.configurable).map(info => info.code)).toEqual([
            'syntax-error', 'unparsable-file', 'missing-path', 'no-matching-files', 'unsupported-file', 'unreadable-file', 'not-a-file',
            'symlink-loop', 'file-too-large', 'binary-file', 'invalid-utf8'
        ]);
        expect(new Set(DIAGNOSTIC_CODES.map(info => info.code)).size).toBe(DIAGNOSTIC_CODES.length);
    });
});
