import { URI, type FileSystemProvider, type WorkspaceFolder } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, SETTINGS_SECTION } from '../protocol/constants.js';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import { DiagnosticCode } from '../validation/diagnostic-codes.js';
import type { ScopedConfig, TrainSpecSettings } from '../workspace/trainspec-settings.js';
import { configFileCandidates } from './config-discovery.js';
import { parseConfig } from './trainspec-config.js';

/**
 * Reads the editor's configuration files into TrainSpecSettings: for each workspace folder, the
 * nearest `trainspec.config.json` in it or above it, which then applies to the folder's files.
 * A file that cannot be used is reported in the output and left out, so the editor goes on
 * checking with the defaults.
 */
export interface ConfigLoader {
    /** (Re)reads the configuration files of the workspace folders. */
    load(folders: WorkspaceFolder[]): Promise<void>;
    /** Whether `uri` is a configuration file, whose change calls for a reload. */
    isConfigFile(uri: URI): boolean;
}

export class DefaultConfigLoader implements ConfigLoader {
    protected readonly fileSystem: FileSystemProvider;
    protected readonly settings: TrainSpecSettings;
    protected readonly connection: Connection | undefined;

    constructor(services: TrainSpecSharedServices) {
        this.fileSystem = services.workspace.FileSystemProvider;
        this.settings = services.settings.TrainSpecSettings;
        this.connection = services.lsp.Connection;
    }

    async load(folders: WorkspaceFolder[]): Promise<void> {
        const configs: ScopedConfig[] = [];
        for (const folder of folders) {
            const scope = URI.parse(folder.uri);
            const file = await this.findConfigFile(scope);
            const config = file && await this.read(file);
            if (config) {
                configs.push({ ...config, scope: scope.toString() });
            }
        }
        this.settings.configs = configs;
        configs.filter(config => config.severity[DiagnosticCode.UncoveredRequirement] !== undefined).forEach(config => this.log(
            `${URI.parse(config.file).fsPath} sets ${DiagnosticCode.UncoveredRequirement} to "${config.severity[DiagnosticCode.UncoveredRequirement]}"; ` +
            `in ${URI.parse(config.scope!).fsPath} it takes precedence over the setting ${SETTINGS_SECTION}.coverage.severity.`));
    }

    isConfigFile(uri: URI): boolean {
        return uri.path.endsWith(`/${CONFIG_FILE_NAME}`);
    }

    protected async read(file: URI): Promise<ScopedConfig | undefined> {
        let text: string;
        try {
            text = await this.fileSystem.readFile(file);
        } catch (error) {
            this.report(file, `Cannot be read: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
        const parsed = parseConfig(text, file.toString());
        if ('error' in parsed) {
            this.report(file, parsed.error);
            return undefined;
        }
        this.log(`Using ${file.fsPath}.`);
        return parsed.config;
    }

    /** As findConfigFile finds it, but asynchronously: in the browser only the client can look. */
    protected async findConfigFile(folder: URI): Promise<URI | undefined> {
        for (const candidate of configFileCandidates(folder)) {
            if (await this.isFile(candidate)) {
                return candidate;
            }
        }
        return undefined;
    }

    protected async isFile(uri: URI): Promise<boolean> {
        try {
            return (await this.fileSystem.stat(uri)).isFile;
        } catch {
            return false;
        }
    }

    protected report(file: URI, problem: string): void {
        const message = `${file.fsPath}: ${problem} TrainSpec checks with its default settings until the file is corrected.`;
        if (this.connection) {
            this.connection.console.error(message);
            void this.connection.window.showErrorMessage(`TrainSpec: ${message}`);
        } else {
            console.error(message);
        }
    }

    protected log(message: string): void {
        if (this.connection) {
            this.connection.console.info(message);
        } else {
            console.info(message);
        }
    }
}
