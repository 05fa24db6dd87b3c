import { relative, resolve } from 'node:path';
import { URI } from 'langium';
import { CONFIGURABLE_CODES, DiagnosticCode, type ConfiguredSeverity } from '../../language/src/validation/diagnostic-codes.js';
import { configFor, isIgnored, severityOf, type TrainSpecSettings } from '../../language/src/workspace/trainspec-settings.js';

/** What `trainspec check --print-config PATH` prints: the settings in force for one file, and where each comes from. */
export interface PrintedConfig {
    file: string;
    /** The configuration file in force, relative to the working folder, or null when there is none. */
    configFile: string | null;
    /** Whether the configuration file's `ignore` leaves the file out. */
    ignored: boolean;
    ignore: string[];
    severity: Record<string, ConfiguredSeverity | undefined>;
    /** For each code: the configuration file, `--coverage-severity`, or `default`. */
    setBy: Record<string, string>;
}

export function printConfig(settings: TrainSpecSettings, path: string, cwd: string): string {
    const uri = URI.file(resolve(cwd, path));
    const config = configFor(settings, uri);
    const configFile = config ? relative(cwd, URI.parse(config.file).fsPath) || URI.parse(config.file).fsPath : null;
    const printed: PrintedConfig = {
        file: path,
        configFile,
        ignored: isIgnored(settings, uri),
        ignore: config?.ignore ?? [],
        severity: Object.fromEntries(CONFIGURABLE_CODES.map(code => [code, severityOf(settings, uri, code)])),
        setBy: Object.fromEntries(CONFIGURABLE_CODES.map(code => [code,
            config?.severity[code] !== undefined ? configFile!
                : code === DiagnosticCode.UncoveredRequirement && settings.coverageSeverity !== 'warning' ? '--coverage-severity'
                : 'default']))
    };
    return JSON.stringify(printed, undefined, 2) + '\n';
}
