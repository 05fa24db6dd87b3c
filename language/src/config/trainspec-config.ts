import { didYouMean } from '../references/did-you-mean.js';
import {
    CONFIGURABLE_CODES, CONFIGURED_SEVERITIES, diagnosticCodeInfo, type ConfiguredSeverity, type DiagnosticCode
} from '../validation/diagnostic-codes.js';

/**
 * A `trainspec.config.json` as read: plain data, so that it can be passed to a worker thread
 * and hashed into a cache key.
 */
export interface TrainSpecConfig {
    /** The file's URI, as a string. */
    file: string;
    /** The severity of each code the file names. */
    severity: Partial<Record<DiagnosticCode, ConfiguredSeverity>>;
    /** Glob patterns, relative to the file's folder, of files that are not loaded at all. */
    ignore: string[];
}

export type ConfigParseResult = { config: TrainSpecConfig } | { error: string };

const SETTINGS = ['severity', 'ignore'] as const;

/** Reads the text of a configuration file, or says in one line what is wrong with it. */
export function parseConfig(text: string, file: string): ConfigParseResult {
    let json: unknown;
    try {
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
        return { error: jsonSyntaxError(text.replace(/^\uFEFF/, ''), error) };
    }
    try {
        return { config: { file, ...readSettings(json) } };
    } catch (error) {
        if (error instanceof ConfigProblem) {
            return { error: error.message };
        }
        throw error;
    }
}

class ConfigProblem extends Error {}

function readSettings(json: unknown): Omit<TrainSpecConfig, 'file'> {
    if (!isObject(json)) {
        throw new ConfigProblem(`The file must hold one JSON object, such as { "severity": { "orphan-module": "off" } }, not ${describe(json)}.`);
    }
    for (const key of Object.keys(json)) {
        if (key !== '$schema' && !(SETTINGS as readonly string[]).includes(key)) {
            throw new ConfigProblem(`Unknown setting ${quote(key)}${suggestion(key, SETTINGS)}. The settings are "severity" and "ignore".`);
        }
    }
    return { severity: readSeverities(json.severity), ignore: readIgnore(json.ignore) };
}

function readSeverities(value: unknown): TrainSpecConfig['severity'] {
    if (value === undefined) {
        return {};
    }
    if (!isObject(value)) {
        throw new ConfigProblem(`"severity" must be an object that maps diagnostic codes to severities, not ${describe(value)}.`);
    }
    const severities: TrainSpecConfig['severity'] = {};
    for (const [code, severity] of Object.entries(value)) {
        const info = diagnosticCodeInfo(code);
        if (!info) {
            throw new ConfigProblem(`Unknown diagnostic code ${quote(code)} in "severity"${suggestion(code, CONFIGURABLE_CODES)}.`);
        }
        if (!info.configurable) {
            throw new ConfigProblem(`The severity of ${quote(code)} cannot be changed: it is always an error.`);
        }
        if (!CONFIGURED_SEVERITIES.includes(severity as ConfiguredSeverity)) {
            throw new ConfigProblem(`The severity of ${quote(code)} must be "off", "information", "warning" or "error", not ${describe(severity)}.`);
        }
        severities[code as DiagnosticCode] = severity as ConfiguredSeverity;
    }
    return severities;
}

function readIgnore(value: unknown): string[] {
    if (value === undefined) {
        return [];
    }
    if (!Array.isArray(value) || value.some(pattern => typeof pattern !== 'string' || pattern.trim() === '')) {
        throw new ConfigProblem(`"ignore" must be a list of glob patterns such as ["drafts/**"], not ${describe(value)}.`);
    }
    return value as string[];
}

/** Where the JSON goes wrong, as a person counts lines and columns. */
function jsonSyntaxError(text: string, error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.length;
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    const reason = message
        .replace(/ in JSON at position \d+.*$/s, '')
        .replace(/, ".*" is not valid JSON$/s, '')
        .replace(/^\w/, letter => letter.toLowerCase());
    return text.trim() === ''
        ? 'The file is empty; it must hold one JSON object, such as {}.'
        : `Not valid JSON at line ${before.length}, column ${before[before.length - 1].length + 1}: ${reason}.`;
}

function suggestion(typed: string, candidates: readonly string[]): string {
    const [best] = didYouMean(typed, candidates, 1);
    return best ? ` (did you mean ${quote(best)}?)` : '';
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quote(text: string): string {
    return JSON.stringify(text);
}

function describe(value: unknown): string {
    if (value === null || typeof value !== 'object') {
        return typeof value === 'string' ? quote(value) : String(value);
    }
    return Array.isArray(value) ? 'a list' : 'an object';
}
