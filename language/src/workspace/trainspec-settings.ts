import picomatch from 'picomatch';
import { URI, UriUtils } from 'langium';
import type { TrainSpecConfig } from '../config/trainspec-config.js';
import { COVERAGE_SEVERITIES, type CoverageSeverity } from '../protocol/constants.js';
import { DiagnosticCode, diagnosticCodeInfo, type ConfiguredSeverity } from '../validation/diagnostic-codes.js';

export { COVERAGE_SEVERITIES, type CoverageSeverity };

/** A configuration file in force, over the documents under `scope` (a folder URI), or over all when there is none. */
export interface ScopedConfig extends TrainSpecConfig {
    scope?: string;
}

/**
 * The user's choices that change what TrainSpec reports: editor settings or CLI flags, and the
 * configuration files in force. Plain data, so that it can be passed to a worker thread and
 * hashed into a cache key; the functions below read it.
 */
export interface TrainSpecSettings {
    /** From `--coverage-severity` or the editor's `trainspec.coverage.severity`. */
    coverageSeverity: CoverageSeverity;
    /** One per run on the command line; in the editor, one per workspace folder that has one. */
    configs: ScopedConfig[];
}

export class DefaultTrainSpecSettings implements TrainSpecSettings {
    coverageSeverity: CoverageSeverity = 'warning';
    configs: ScopedConfig[] = [];
}

/** The configuration file that applies to a document, if any. */
export function configFor(settings: TrainSpecSettings, uri: URI): ScopedConfig | undefined {
    return settings.configs.find(config => config.scope === undefined || UriUtils.contains(URI.parse(config.scope), uri));
}

/**
 * How a code is reported in a document: as its configuration file says; for uncovered
 * requirements, else as the setting or flag says (the file wins where both speak); else by default.
 * Codes that cannot be configured keep their default.
 */
export function severityOf(settings: TrainSpecSettings, uri: URI, code: string): ConfiguredSeverity | undefined {
    const info = diagnosticCodeInfo(code);
    if (!info?.configurable) {
        return info?.severity;
    }
    const configured = configFor(settings, uri)?.severity[info.code as DiagnosticCode];
    return configured ?? (code === DiagnosticCode.UncoveredRequirement ? settings.coverageSeverity : info.severity);
}

/** Whether the configuration file of `uri` ignores it, or a folder it is in. */
export function isIgnored(settings: TrainSpecSettings, uri: URI): boolean {
    const config = configFor(settings, uri);
    if (!config || config.ignore.length === 0) {
        return false;
    }
    const folder = UriUtils.dirname(URI.parse(config.file));
    if (!UriUtils.contains(folder, uri)) {
        return false;
    }
    const matches = matcherOf(config);
    const segments = UriUtils.relative(folder, uri).split('/');
    // `drafts` ignores the folder and all it holds, as in a .gitignore.
    return segments.some((_, index) => matches(segments.slice(0, index + 1).join('/')));
}

// Compiled once per configuration; the configuration itself stays plain data.
const matchers = new WeakMap<TrainSpecConfig, (path: string) => boolean>();

function matcherOf(config: TrainSpecConfig): (path: string) => boolean {
    let matcher = matchers.get(config);
    if (!matcher) {
        matcher = picomatch(config.ignore.map(pattern => pattern.replace(/^\.\//, '').replace(/\/$/, '')), { dot: true });
        matchers.set(config, matcher);
    }
    return matcher;
}
