// Packages the built bundles into out/trainspec.vsix with vsce (`npm run package` builds first).
// The bundles already contain every dependency, so node_modules stays out (dependencies: false),
// and .vscodeignore lets in only the bundles, the client's assets, LICENSE and CHANGELOG.md.
//
// package.json's `files` list is npm's (what `npm pack` puts in the CLI's tarball), and vsce
// refuses a folder that has both `files` and .vscodeignore. So the extension is staged in
// out/vsix/ with a copy of package.json without `files`, and vsce packs that folder.
import { createVSIX } from '@vscode/vsce';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagePath = join(root, 'out', 'trainspec.vsix');
const staging = join(root, 'out', 'vsix');

for (const bundle of ['out/extension.cjs', 'out/server.cjs', 'out/browser/extension.cjs', 'out/browser/server.js']) {
    if (!existsSync(join(root, bundle))) {
        console.error(`package-vsix: ${bundle} is missing; run 'npm run build' first.`);
        process.exit(1);
    }
}

// The Marketplace README is client/README.md, whose images are relative to client/. In the VSIX
// the README sits at the extension's root, so its image paths become client/images/….
const readme = readFileSync(join(root, 'client', 'README.md'), 'utf8');
const images = [...readme.matchAll(/!\[[^\]]*\]\((images\/[^)\s]+)\)/g)].map(match => match[1]);
for (const image of images.filter(image => !existsSync(join(root, 'client', image)))) {
    console.warn(`package-vsix: warning: client/README.md shows client/${image}, which does not exist yet.`);
}
rmSync(staging, { recursive: true, force: true });
mkdirSync(join(staging, 'out', 'browser'), { recursive: true });
writeFileSync(join(staging, 'README.md'), readme.replace(/(!\[[^\]]*\]\()images\//g, '$1client/images/'));
const { files: _npmFiles, ...manifest } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
writeFileSync(join(staging, 'package.json'), JSON.stringify(manifest, undefined, 2) + '\n');
for (const name of ['.vscodeignore', 'LICENSE', 'CHANGELOG.md', 'client', 'schemas']) {
    cpSync(join(root, name), join(staging, name), { recursive: true });
}
for (const bundle of readdirSync(join(root, 'out')).filter(name => name.endsWith('.cjs'))) {
    cpSync(join(root, 'out', bundle), join(staging, 'out', bundle));
}
// The web extension (package.json `browser`) and its language server's worker.
for (const bundle of ['extension.cjs', 'server.js']) {
    cpSync(join(root, 'out', 'browser', bundle), join(staging, 'out', 'browser', bundle));
}

await createVSIX({
    cwd: staging,
    packagePath,
    dependencies: false,
    readmePath: 'README.md',
    changelogPath: 'CHANGELOG.md',
    // Relative image links stay relative: VS Code shows them from the installed extension.
    rewriteRelativeLinks: false,
    allowMissingRepository: true
});
console.log(`package-vsix: wrote ${relative(process.cwd(), packagePath)}`);
