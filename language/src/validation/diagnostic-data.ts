import type { Diagnostic } from 'vscode-languageserver';

/**
 * Reads one entry of the `data` TrainSpec attaches to its diagnostics (`item`, `suggestions`, ...; see the
 * validators). LSP types `data` as `any`, and a client may send back anything, so it is read as `unknown`
 * and narrowed by whoever uses it.
 */
export function diagnosticData(diagnostic: Diagnostic, key: string): unknown {
    const data: unknown = diagnostic.data;
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
}

/** The entry of a diagnostic's data that should be a string, if it is one. */
export function dataString(diagnostic: Diagnostic, key: string): string | undefined {
    const value = diagnosticData(diagnostic, key);
    return typeof value === 'string' ? value : undefined;
}

/** The strings of an entry of a diagnostic's data that should be a list of them; undefined if it is no list. */
export function dataStrings(diagnostic: Diagnostic, key: string): string[] | undefined {
    const value = diagnosticData(diagnostic, key);
    return Array.isArray(value) ? value.filter((each): each is string => typeof each === 'string') : undefined;
}
