import type { CoverageMatrix } from '../../../language/src/protocol/coverage-matrix.js';

/**
 * Pure helpers around the server's coverage matrices (no VS Code API), so that they can be
 * tested on their own.
 */

export interface TextPosition {
    line: number;
    character: number;
}

/**
 * Which of a document's programmes to show: the one named, if a name is given; otherwise the
 * last one that starts at or before `position` (the cursor); otherwise the first.
 */
export function chooseMatrix(matrices: CoverageMatrix[], programmeName?: string, position?: TextPosition): CoverageMatrix | undefined {
    if (programmeName !== undefined) {
        return matrices.find(matrix => matrix.programme.name === programmeName);
    }
    if (position) {
        const before = matrices.filter(matrix => !isAfter(matrix.programme.location.range.start, position));
        const last = before.at(-1);
        if (last) {
            return last;
        }
    }
    return matrices[0];
}

function isAfter(a: TextPosition, b: TextPosition): boolean {
    return a.line > b.line || (a.line === b.line && a.character > b.character);
}

/** The documents whose changes can change `matrix`: the programme's and its modules'. */
export function matrixDocumentUris(matrix: CoverageMatrix): string[] {
    const uris = [matrix.programme.location.uri, ...matrix.modules.map(module => module.location.uri)];
    return [...new Set(uris)];
}

/** What the coverage view asks the extension to do. */
export type CoverageViewMessage =
    | { type: 'ready' }
    | { type: 'export' }
    | { type: 'reveal'; target: RevealTarget; name: string };

export type RevealTarget = 'programme' | 'module' | 'requirement';

const REVEAL_TARGETS: readonly string[] = ['programme', 'module', 'requirement'];

/** Checks a message from the webview; anything else is undefined. */
export function parseViewMessage(value: unknown): CoverageViewMessage | undefined {
    if (typeof value !== 'object' || value === null) {
        return undefined;
    }
    const message = value as Record<string, unknown>;
    if (message.type === 'ready' || message.type === 'export') {
        return { type: message.type };
    }
    if (message.type === 'reveal' && typeof message.target === 'string' && REVEAL_TARGETS.includes(message.target) && typeof message.name === 'string') {
        return { type: 'reveal', target: message.target as RevealTarget, name: message.name };
    }
    return undefined;
}

/** Where a programme, module or requirement of `matrix` is written, if the matrix knows. */
export function findLocation(matrix: CoverageMatrix, target: RevealTarget, name: string): CoverageMatrix['programme']['location'] | undefined {
    switch (target) {
        case 'programme':
            return matrix.programme.name === name ? matrix.programme.location : undefined;
        case 'module':
            return matrix.modules.find(module => module.name === name)?.location;
        case 'requirement':
            for (const group of matrix.groups) {
                const requirement = group.requirements.find(candidate => candidate.id === name);
                if (requirement?.location) {
                    return requirement.location;
                }
            }
            return undefined;
    }
}
