import { DocumentState } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const FILES = {
    'officers.tspec': `programme Officers "Officers" {
    prepares PSO
    pathway CourtWork

    module Core "Core" {
        hours 10
        covers PsoAssessRisk, PsoPromoteEquality, PsoCommunicate, PsoSupportChange, PsoWorkWithOthers, PsoSpecialistPathway, KnowledgeOfPolicy, UnderstandingOfOffending
        covers ExchangeInformationAtHearings, DevelopSentencingProposals
    }
}

module Spare "Spare" {
    hours 1
    covers RoSH.a
}
`
};

/** The severities of the file's diagnostics, by code. */
function severities(workspace: TestWorkspace): Array<[string, DiagnosticSeverity | undefined]> {
    return workspace.diagnostics('officers.tspec').map(diagnostic => [diagnostic.code as string, diagnostic.severity]);
}

const GAP = DiagnosticCode.UncoveredRequirement;
const ORPHAN = DiagnosticCode.OrphanModule;

describe('the trainspec.coverage.severity setting', () => {
    test('applying it changes the severity of coverage gaps, and only theirs, and revalidates the documents', async () => {
        const workspace = await TestWorkspace.create(FILES);
        const { SettingsConfiguration } = workspace.services.shared.settings;
        expect(severities(workspace)).toEqual([[GAP, DiagnosticSeverity.Warning], [ORPHAN, DiagnosticSeverity.Warning]]);
        const validated: string[] = [];
        workspace.services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => { validated.push(document.uri.path); });

        await SettingsConfiguration.apply({ coverage: { severity: 'error' } });
        expect(workspace.services.shared.settings.TrainSpecSettings.coverageSeverity).toBe('error');
        expect(severities(workspace)).toEqual([[GAP, DiagnosticSeverity.Error], [ORPHAN, DiagnosticSeverity.Warning]]);
        // Revalidated documents are what the language server publishes.
        expect(validated).toEqual(['/workspace/officers.tspec']);

        await SettingsConfiguration.apply({ coverage: { severity: 'information' } });
        expect(severities(workspace)).toEqual([[GAP, DiagnosticSeverity.Information], [ORPHAN, DiagnosticSeverity.Warning]]);

        await SettingsConfiguration.apply({ coverage: { severity: 'off' } });
        expect(severities(workspace)).toEqual([[ORPHAN, DiagnosticSeverity.Warning]]);

        await SettingsConfiguration.apply({ coverage: { severity: 'warning' } });
        expect(severities(workspace)).toEqual([[GAP, DiagnosticSeverity.Warning], [ORPHAN, DiagnosticSeverity.Warning]]);
    });

    test('where trainspec.config.json sets the severity of gaps, the file wins, and the output says so', async () => {
        const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
        try {
            const workspace = await TestWorkspace.create({ ...FILES, 'trainspec.config.json': '{ "severity": { "uncovered-requirement": "error" } }' });
            expect(info).toHaveBeenCalledWith(expect.stringMatching(/trainspec\.config\.json sets uncovered-requirement to "error"; .* takes precedence over the setting trainspec\.coverage\.severity\./));
            await workspace.services.shared.settings.SettingsConfiguration.apply({ coverage: { severity: 'off' } });
            expect(severities(workspace)).toEqual([[GAP, DiagnosticSeverity.Error], [ORPHAN, DiagnosticSeverity.Warning]]);
            expect(info).toHaveBeenCalledWith(expect.stringMatching(/^The setting trainspec\.coverage\.severity is now "off", but .*trainspec\.config\.json sets uncovered-requirement to "error", which takes precedence\.$/));
        } finally {
            info.mockRestore();
        }
    });

    test('a value that is not a severity, or no value, changes nothing', async () => {
        const workspace = await TestWorkspace.create(FILES);
        const { SettingsConfiguration } = workspace.services.shared.settings;
        await SettingsConfiguration.apply({ coverage: { severity: 'error' } });
        for (const section of [{ coverage: { severity: 'loud' } }, { coverage: {} }, {}, undefined]) {
            await SettingsConfiguration.apply(section);
            expect(workspace.services.shared.settings.TrainSpecSettings.coverageSeverity).toBe('error');
        }
        expect(severities(workspace)).toEqual([[GAP, DiagnosticSeverity.Error], [ORPHAN, DiagnosticSeverity.Warning]]);
    });

    test('followed through the configuration provider: a change of the trainspec section (didChangeConfiguration) applies', async () => {
        const workspace = await TestWorkspace.create(FILES);
        const { ConfigurationProvider } = workspace.services.shared.workspace;
        const listening = workspace.services.shared.settings.SettingsConfiguration.listen();
        ConfigurationProvider.updateConfiguration({ settings: { 'trainspec-standards': { coverage: { severity: 'off' } } } });
        ConfigurationProvider.updateConfiguration({ settings: { trainspec: { coverage: { severity: 'error' } } } });
        await vi.waitFor(() => expect(severities(workspace)).toEqual([[GAP, DiagnosticSeverity.Error], [ORPHAN, DiagnosticSeverity.Warning]]));

        listening.dispose();
        ConfigurationProvider.updateConfiguration({ settings: { trainspec: { coverage: { severity: 'off' } } } });
        await workspace.write('officers.tspec', FILES['officers.tspec']);
        expect(severities(workspace)).toEqual([[GAP, DiagnosticSeverity.Error], [ORPHAN, DiagnosticSeverity.Warning]]);
    });

    test('the settings the client gave at startup (workspace/configuration) apply once configuration is ready', async () => {
        const workspace = await TestWorkspace.create(FILES);
        const { ConfigurationProvider } = workspace.services.shared.workspace;
        // Stored as the startup pull stores them: before anyone listens.
        ConfigurationProvider.updateConfiguration({ settings: { trainspec: { coverage: { severity: 'information' } } } });
        workspace.services.shared.settings.SettingsConfiguration.listen();
        await vi.waitFor(() => expect(severities(workspace)).toEqual([[GAP, DiagnosticSeverity.Information], [ORPHAN, DiagnosticSeverity.Warning]]));
    });
});
