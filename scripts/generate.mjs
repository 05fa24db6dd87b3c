// Writes the files made from the source (scripts/generated-files.ts): the configuration file's
// JSON Schema and the README's table of diagnostic codes. test/scripts/generated-files.test.ts
// fails when a checked-in copy is out of date.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out', 'generate', 'generated-files.mjs');
await esbuild.build({
    entryPoints: [join(root, 'scripts', 'generated-files.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    loader: { '.nos': 'text' },
    logLevel: 'warning'
});
const { GENERATED_FILES } = await import(pathToFileURL(bundle).href);
for (const file of GENERATED_FILES) {
    const path = join(root, file.path);
    let current = '';
    try {
        current = readFileSync(path, 'utf8');
    } catch {
        // A new file.
    }
    const next = file.generate(current);
    if (next !== current) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, next);
        console.log(`generate: wrote ${file.path}`);
    }
}
