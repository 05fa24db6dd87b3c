import { defineConfig, type Plugin } from 'vitest/config';

// The built-in library ships inside the bundles as text (esbuild's text loader);
// this gives the tests the same import.
function nosAsText(): Plugin {
    return {
        name: 'trainspec-nos-as-text',
        transform(code, id) {
            return id.endsWith('.nos') ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined;
        }
    };
}

export default defineConfig({
    plugins: [nosAsText()],
    test: {
        include: ['test/**/*.test.ts'],
        testTimeout: 30_000,
        hookTimeout: 60_000
    }
});
