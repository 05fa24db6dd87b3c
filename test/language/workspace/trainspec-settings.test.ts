import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { configFor, isIgnored, severityOf, type TrainSpecSettings } from '../../../language/src/workspace/trainspec-settings.js';

const config = { file: 'file:///repo/trainspec.config.json', severity: { 'orphan-module': 'off' as const, 'uncovered-requirement': 'error' as const }, ignore: ['drafts', '**/*.old.tspec', 'archive/**'] };
const uri = (path: string) => URI.file(path);

describe('the effective settings', () => {
    test('the file\'s severity wins over the flag or setting; codes it does not name keep their default', () => {
        const settings: TrainSpecSettings = { coverageSeverity: 'off', configs: [config] };
        expect(severityOf(settings, uri('/repo/a.tspec'), 'uncovered-requirement')).toBe('error');
        expect(severityOf(settings, uri('/repo/a.tspec'), 'orphan-module')).toBe('off');
        expect(severityOf(settings, uri('/repo/a.tspec'), 'missing-pathway')).toBe('warning');
        expect(severityOf({ coverageSeverity: 'information', configs: [] }, uri('/repo/a.tspec'), 'uncovered-requirement')).toBe('information');
        // Codes that cannot be changed, and codes from elsewhere.
        expect(severityOf(settings, uri('/repo/a.tspec'), 'syntax-error')).toBe('error');
        expect(severityOf(settings, uri('/repo/a.tspec'), 'linking-error')).toBeUndefined();
    });

    test('a scoped configuration applies under its folder only', () => {
        const settings: TrainSpecSettings = { coverageSeverity: 'warning', configs: [{ ...config, scope: URI.file('/repo').toString() }] };
        expect(configFor(settings, uri('/repo/sub/a.tspec'))).toBeDefined();
        expect(configFor(settings, uri('/other/a.tspec'))).toBeUndefined();
        expect(severityOf(settings, uri('/other/a.tspec'), 'orphan-module')).toBe('warning');
    });

    test('ignore patterns are relative to the file\'s folder, and a folder ignores all it holds', () => {
        const settings: TrainSpecSettings = { coverageSeverity: 'warning', configs: [config] };
        expect(isIgnored(settings, uri('/repo/drafts'))).toBe(true);
        expect(isIgnored(settings, uri('/repo/drafts/deep/a.tspec'))).toBe(true);
        expect(isIgnored(settings, uri('/repo/archive/a.nos'))).toBe(true);
        expect(isIgnored(settings, uri('/repo/x/y.old.tspec'))).toBe(true);
        expect(isIgnored(settings, uri('/repo/sub/drafts/a.tspec'))).toBe(false);
        expect(isIgnored(settings, uri('/repo/a.tspec'))).toBe(false);
        expect(isIgnored(settings, uri('/elsewhere/drafts/a.tspec'))).toBe(false);
        expect(isIgnored({ coverageSeverity: 'warning', configs: [] }, uri('/repo/drafts/a.tspec'))).toBe(false);
    });

    test('the settings are plain data: they survive structured cloning and JSON', () => {
        const settings: TrainSpecSettings = { coverageSeverity: 'warning', configs: [config] };
        expect(structuredClone(settings)).toEqual(settings);
        expect(JSON.parse(JSON.stringify(settings))).toEqual(settings);
    });
});
