// Runs a bundle from out/ in this process. The bundles carry what they need from newer Node
// versions (scripts/node20-polyfills.js), so an installed copy runs on the Node that
// `package.json` `engines` names and downloads nothing. On an older Node it says so in one line
// instead of failing somewhere inside a dependency.
import { existsSync, readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function launch(bundle) {
    const minimum = minimumNodeVersion();
    if (minimum && compareVersions(process.versions.node, minimum) < 0) {
        fail(`TrainSpec needs Node.js ${minimum} or later, but this is Node.js ${process.versions.node}. Please install a newer Node.js from https://nodejs.org.`);
    }
    const script = join(root, 'out', bundle);
    if (!existsSync(script)) {
        fail(`TrainSpec is not built yet (${script} is missing). Run \`npm ci\` or \`npm run build\` in ${root}.`);
    }
    // Node 22.1+ keeps the bundle's compiled code on disk (in the temporary folder), as TypeScript's
    // tsc does: a quarter of the start-up time of every run, which a warm `check --cache` notices.
    nodeModule.enableCompileCache?.();
    nodeModule.createRequire(import.meta.url)(script);
}

/** The version in package.json's `engines.node` (">=20.12"), so the two cannot disagree. */
function minimumNodeVersion() {
    const { engines } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(engines?.node ?? '')?.[1];
}

function compareVersions(a, b) {
    const [x, y] = [a, b].map(version => version.split('.').map(Number));
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const difference = (x[i] ?? 0) - (y[i] ?? 0);
        if (difference !== 0) {
            return difference;
        }
    }
    return 0;
}

function fail(message) {
    console.error(`trainspec: ${message}`);
    process.exit(2);
}
