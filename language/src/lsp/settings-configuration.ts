import { Disposable, URI, type ConfigurationProvider, type DocumentBuilder, type WorkspaceLock } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import { COVERAGE_SEVERITIES, SETTINGS_SECTION, type CoverageSeverity } from '../protocol/constants.js';
import { DiagnosticCode } from '../validation/diagnostic-codes.js';
import type { PendingRevalidation } from '../workspace/pending-revalidation.js';
import type { TrainSpecSettings } from '../workspace/trainspec-settings.js';
import type { WorkspaceStatus } from '../workspace/workspace-status.js';

/** The part of the `trainspec` settings section that the language server reads. */
export interface TrainSpecSettingsSection {
    coverage?: { severity?: unknown };
}

/**
 * Keeps TrainSpecSettings in step with the editor's `trainspec` settings: read once the
 * client has answered `workspace/configuration` at startup, and again on each
 * `workspace/didChangeConfiguration`. A change that alters what is reported revalidates
 * the workspace, so the new diagnostics are published.
 */
export interface SettingsConfiguration {
    /** Starts following the settings; disposing stops it. */
    listen(): Disposable;
    /** Applies a `trainspec` settings section; resolves once any revalidation it needs is done. */
    apply(section: TrainSpecSettingsSection | undefined): Promise<void>;
}

export class DefaultSettingsConfiguration implements SettingsConfiguration {
    protected readonly configurationProvider: ConfigurationProvider;
    protected readonly documentBuilder: DocumentBuilder;
    protected readonly workspaceLock: WorkspaceLock;
    protected readonly settings: TrainSpecSettings;
    protected readonly connection: Connection | undefined;
    protected readonly pending: PendingRevalidation;
    protected readonly status: WorkspaceStatus;

    constructor(services: TrainSpecSharedServices) {
        this.connection = services.lsp.Connection;
        this.configurationProvider = services.workspace.ConfigurationProvider;
        this.documentBuilder = services.workspace.DocumentBuilder;
        this.workspaceLock = services.workspace.WorkspaceLock;
        this.settings = services.settings.TrainSpecSettings;
        this.pending = services.workspace.PendingRevalidation;
        this.status = services.workspace.WorkspaceStatus;
    }

    listen(): Disposable {
        const subscription = this.configurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section === SETTINGS_SECTION) {
                this.apply(update.configuration as TrainSpecSettingsSection | undefined).catch(logError);
            }
        });
        // The settings the client gave at startup (`workspace/configuration`) arrive without an update event.
        // Counted as work, so the server is not quiescent before they are applied.
        this.status.track(this.configurationProvider.ready
            .then(async () => {
                const coverage: unknown = await this.configurationProvider.getConfiguration(SETTINGS_SECTION, 'coverage');
                await this.apply({ coverage: coverage as TrainSpecSettingsSection['coverage'] });
            }))
            .catch(logError);
        return Disposable.create(() => subscription.dispose());
    }

    async apply(section: TrainSpecSettingsSection | undefined): Promise<void> {
        const severity = coverageSeverity(section?.coverage?.severity);
        if (severity === undefined || severity === this.settings.coverageSeverity) {
            return;
        }
        this.settings.coverageSeverity = severity;
        this.reportOverrides(severity);
        // Nothing changed on disk, but every coverage diagnostic may now be reported differently:
        // every document is owed a re-check, which the RevalidatingDocumentBuilder does (and
        // publishes what changed) even if an edit cancels this update.
        this.pending.addAll();
        await this.workspaceLock.write(token => this.documentBuilder.update([], [], token));
    }

    /** Where a configuration file sets the severity too, it wins; the output says so, so that nobody wonders why the setting does nothing. */
    protected reportOverrides(severity: CoverageSeverity): void {
        for (const config of this.settings.configs) {
            const fromFile = config.severity[DiagnosticCode.UncoveredRequirement];
            if (fromFile !== undefined && fromFile !== severity) {
                const message = `The setting ${SETTINGS_SECTION}.coverage.severity is now "${severity}", but ${URI.parse(config.file).fsPath} sets ${DiagnosticCode.UncoveredRequirement} to "${fromFile}", which takes precedence.`;
                if (this.connection) {
                    this.connection.console.info(message);
                } else {
                    console.info(message);
                }
            }
        }
    }
}

function coverageSeverity(value: unknown): CoverageSeverity | undefined {
    return COVERAGE_SEVERITIES.find(severity => severity === value);
}

function logError(error: unknown): void {
    console.error('Error applying the TrainSpec settings:', error);
}
