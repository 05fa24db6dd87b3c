// TrainSpec needs Node 22 or later. On an older Node (these machines ship 20) the bins hand
// over to the private copy that `npm ci` provisioned in .tools/, so `npx trainspec` just works.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function launch(bundle) {
    const script = join(root, 'out', bundle);
    if (!existsSync(script)) {
        fail(`TrainSpec is not built yet (${script} is missing). Run \`npm ci\` or \`npm run build\` in ${root}.`);
    }
    if (Number(process.versions.node.split('.')[0]) >= 22) {
        createRequire(import.meta.url)(script);
        return;
    }
    const node = privateNode();
    if (!node) {
        fail(`TrainSpec needs Node.js 22 or later, and this is ${process.version}. Run \`npm ci\` in ${root} to fetch a private copy, or install Node.js 22+.`);
    }
    const result = spawnSync(node, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(result.status ?? 1);
}

function privateNode() {
    const modules = join(root, '.tools', 'node', 'node_modules');
    if (!existsSync(modules)) {
        return undefined;
    }
    return readdirSync(modules)
        .filter(name => name.startsWith('node-'))
        .map(name => join(modules, name, 'bin', 'node'))
        .find(existsSync);
}

function fail(message) {
    console.error(`trainspec: ${message}`);
    process.exit(2);
}
