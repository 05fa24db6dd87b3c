import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../support/run-cli.js';

const POLYFILLS = readFileSync(join(REPO_ROOT, 'scripts', 'node20-polyfills.js'), 'utf8');

/**
 * Runs `expression` in a fresh realm whose Object.groupBy is removed (as on Node 20) and then
 * polyfilled, and returns what it gives, as JSON-able entries with whether the prototype is null.
 */
function withPolyfill(expression: string): unknown {
    return runInNewContext(`delete Object.groupBy; ${POLYFILLS}; const groups = ${expression}; ({ entries: Object.entries(groups), nullPrototype: Object.getPrototypeOf(groups) === null, symbols: Object.getOwnPropertySymbols(groups).map(symbol => [symbol.description, groups[symbol]]) })`);
}

/** The same expression with Node's own Object.groupBy. */
function native(expression: string): unknown {
    return runInNewContext(`const groups = ${expression}; ({ entries: Object.entries(groups), nullPrototype: Object.getPrototypeOf(groups) === null, symbols: Object.getOwnPropertySymbols(groups).map(symbol => [symbol.description, groups[symbol]]) })`);
}

describe('the Node 20 polyfill for Object.groupBy', () => {
    test.each([
        ['numbers by parity', 'Object.groupBy([1, 2, 3, 4, 5], n => n % 2 === 0 ? "even" : "odd")'],
        ['the index as second argument', 'Object.groupBy(["a", "b", "c"], (item, index) => index < 2 ? "first" : "rest")'],
        ['keys converted to property keys, integer-like keys first', 'Object.groupBy([3, 1, 2, 10], n => n > 2 ? n : "small")'],
        ['any iterable, in its order', 'Object.groupBy(new Set(["x", "yy", "z", "ww"]), word => word.length)'],
        ['a generator', 'Object.groupBy((function* () { yield 1; yield 2; yield 3; })(), n => n < 3)'],
        ['symbol keys', 'Object.groupBy([1, 2], n => n === 1 ? Symbol.for("one") : "two")'],
        ['nothing', 'Object.groupBy([], () => "never")'],
        ['keys that are Object.prototype names', 'Object.groupBy(["a"], () => "toString")']
    ])('behaves as Node\'s own: %s', (_name, expression) => {
        expect(withPolyfill(expression)).toEqual(native(expression));
    });

    test('leaves a Node that has Object.groupBy alone', () => {
        expect(runInNewContext(`const own = Object.groupBy; ${POLYFILLS}; Object.groupBy === own`)).toBe(true);
    });

    test('is not enumerable on Object, like the built-in', () => {
        expect(runInNewContext(`delete Object.groupBy; ${POLYFILLS}; Object.keys(Object).includes('groupBy')`)).toBe(false);
    });
});

/**
 * JavaScript and Node APIs that Node 20.12 lacks, as they appear in a minified bundle (property
 * names survive minification). A match means a dependency started using one: polyfill it in
 * scripts/node20-polyfills.js (and allow it here), or raise `engines.node`.
 */
const NEWER_APIS: Array<[string, RegExp]> = [
    ['Map.groupBy (Node 21)', /\bMap\.groupBy\b/],
    ['Promise.withResolvers (Node 22)', /\bPromise\.withResolvers\b/],
    ['Promise.try (Node 23)', /\bPromise\.try\b/],
    ['Array.fromAsync (Node 22)', /\bArray\.fromAsync\b/],
    ['Set methods (Node 22)', /\.(union|intersection|difference|symmetricDifference|isSubsetOf|isSupersetOf|isDisjointFrom)\(/],
    ['Iterator helpers (Node 22)', /\bIterator\.from\b/],
    ['RegExp.escape (Node 24)', /\bRegExp\.escape\b/],
    ['Error.isError (Node 24)', /\bError\.isError\b/],
    ['Float16Array (Node 24)', /\bFloat16Array\b/],
    ['URL.parse (Node 22)', /\bURL\.parse\(/],
    ['fs.glob and fs.globSync (Node 22)', /\.globSync\(|promises\.glob\(/],
    ['process.getBuiltinModule (Node 22)', /\bgetBuiltinModule\b/],
    ['util.getCallSites (Node 22)', /\bgetCallSites\b/],
    ['node:sqlite (Node 22)', /node:sqlite/]
];

describe('the bundles', () => {
    const bundles = readdirSync(join(REPO_ROOT, 'out')).filter(name => name.endsWith('.cjs'));

    test.each(bundles)('%s starts with the polyfill, before any module code', bundle => {
        expect(readFileSync(join(REPO_ROOT, 'out', bundle), 'utf8').startsWith(POLYFILLS.trim())).toBe(true);
    });

    test.each(bundles)('%s uses no API newer than Node 20.12 but the polyfilled Object.groupBy', bundle => {
        const code = readFileSync(join(REPO_ROOT, 'out', bundle), 'utf8');
        expect(NEWER_APIS.filter(([, pattern]) => pattern.test(code)).map(([name]) => name)).toEqual([]);
    });
});
