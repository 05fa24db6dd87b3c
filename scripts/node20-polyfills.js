// Prepended to every bundle (esbuild.mjs `banner`), so it runs before any module code.
// The bundles run on Node.js 20.12 and later. The only newer API in them is Object.groupBy
// (ES2024, Node 21+), which chevrotain calls when it checks a grammar for mistakes. The built
// parser skips that check (langium-config.json's production mode), so this is a safety net
// for a development-mode build, not a hot path. It follows the specification: a null-prototype
// object, keys converted to property keys, items in their order. Where Node already has
// Object.groupBy (22 and later), nothing changes. test/scripts/node20-polyfills.test.ts holds
// it against Node's own, and fails when a bundle starts using another API Node 20 lacks.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, callback) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const raw = callback(item, index++);
                const key = typeof raw === 'symbol' ? raw : String(raw);
                (groups[key] ??= []).push(item);
            }
            return groups;
        }
    });
}
