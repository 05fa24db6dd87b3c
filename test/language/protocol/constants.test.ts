import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Commands, COVERAGE_SEVERITIES, LanguageIds, SETTINGS_SECTION } from '../../../language/src/protocol/constants.js';

// VS Code reads these names from package.json, the server and client from constants.ts: they must agree.
const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    contributes: {
        commands: Array<{ command: string }>;
        languages: Array<{ id: string }>;
        configuration: { properties: Record<string, { enum?: string[] }> };
    };
};

describe('the shared protocol constants', () => {
    test('every command is contributed by the manifest, and the manifest contributes no other', () => {
        expect(manifest.contributes.commands.map(command => command.command).sort()).toEqual(Object.values(Commands).sort());
    });

    test('the language ids are the manifest\'s', () => {
        expect(manifest.contributes.languages.map(language => language.id).sort()).toEqual(Object.values(LanguageIds).sort());
    });

    test('the coverage severities are the setting\'s enum, under the settings section', () => {
        expect(manifest.contributes.configuration.properties[`${SETTINGS_SECTION}.coverage.severity`].enum).toEqual([...COVERAGE_SEVERITIES]);
    });
});
