import { expect } from 'vitest';

/*
 * vitest types its asymmetric matchers `any`, so that one fits wherever a value is expected. Nested in an
 * expected object that `any` is an unsafe assignment to the lint rules, so matchers used as property values
 * come from here, typed `unknown`: they match exactly as vitest's do.
 */

/** Matches an object that has at least these properties (vitest's `expect.objectContaining`). */
export function objectContaining(expected: Record<string, unknown>): unknown {
    return expect.objectContaining(expected);
}

/** Matches a string that contains `expected` (vitest's `expect.stringContaining`). */
export function stringContaining(expected: string): unknown {
    return expect.stringContaining(expected);
}
