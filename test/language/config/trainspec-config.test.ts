import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../language/src/config/trainspec-config.js';

const FILE = 'file:///work/trainspec.config.json';

function errorOf(text: string): string {
    const result = parseConfig(text, FILE);
    if (!('error' in result)) {
        throw new Error(`expected an error for ${text}`);
    }
    return result.error;
}

describe('parseConfig', () => {
    test('reads severities and ignore patterns; $schema is allowed; a BOM is ignored', () => {
        expect(parseConfig('\uFEFF{ "$schema": "./s.json", "severity": { "orphan-module": "off", "uncovered-requirement": "error" }, "ignore": ["drafts/**"] }', FILE))
            .toEqual({ config: { file: FILE, severity: { 'orphan-module': 'off', 'uncovered-requirement': 'error' }, ignore: ['drafts/**'] } });
        expect(parseConfig('{}', FILE)).toEqual({ config: { file: FILE, severity: {}, ignore: [] } });
    });

    test('a JSON syntax error gives its line and column', () => {
        expect(errorOf('{\n  "severity": {\n    "orphan-module": "off",\n  }\n}')).toMatch(/^Not valid JSON at line 4, column 3: .+\.$/);
        expect(errorOf('{\n  "ignore": [')).toMatch(/^Not valid JSON at line 2, column 14: /);
        expect(errorOf('  \n')).toBe('The file is empty; it must hold one JSON object, such as {}.');
    });

    test('unknown codes and settings are named, with a suggestion', () => {
        expect(errorOf('{ "severity": { "orphan-modul": "off" } }')).toBe('Unknown diagnostic code "orphan-modul" in "severity" (did you mean "orphan-module"?).');
        expect(errorOf('{ "severity": { "frobnicate": "off" } }')).toBe('Unknown diagnostic code "frobnicate" in "severity".');
        expect(errorOf('{ "severities": {} }')).toBe('Unknown setting "severities" (did you mean "severity"?). The settings are "severity" and "ignore".');
    });

    test('bad severities, and codes that cannot be changed, are refused', () => {
        expect(errorOf('{ "severity": { "orphan-module": "warn" } }')).toBe('The severity of "orphan-module" must be "off", "information", "warning" or "error", not "warn".');
        expect(errorOf('{ "severity": { "orphan-module": 2 } }')).toContain('not 2.');
        expect(errorOf('{ "severity": { "syntax-error": "off" } }')).toBe('The severity of "syntax-error" cannot be changed: it is always an error.');
        expect(errorOf('{ "severity": { "missing-path": "warning" } }')).toBe('The severity of "missing-path" cannot be changed: it is always an error.');
    });

    test('the shape is checked', () => {
        expect(errorOf('[]')).toContain('must hold one JSON object');
        expect(errorOf('{ "severity": [] }')).toContain('"severity" must be an object');
        expect(errorOf('{ "ignore": "drafts" }')).toContain('"ignore" must be a list of glob patterns');
        expect(errorOf('{ "ignore": [""] }')).toContain('"ignore" must be a list of glob patterns');
    });
});
