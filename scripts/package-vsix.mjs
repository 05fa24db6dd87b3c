// Packages the built bundles into out/trainspec.vsix with vsce (`npm run package` builds first).
// The bundles already contain every dependency, so node_modules stays out (dependencies: false),
// and .vscodeignore lets in only the bundles, the client's assets, LICENSE and CHANGELOG.md.
import { createVSIX } from '@vscode/vsce';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagePath = join(root, 'out', 'trainspec.vsix');

for (const bundle of ['out/extension.cjs', 'out/server.cjs']) {
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
const packagedReadme = join(root, 'out', 'vsix', 'README.md');
mkdirSync(dirname(packagedReadme), { recursive: true });
writeFileSync(packagedReadme, readme.replace(/(!\[[^\]]*\]\()images\//g, '$1client/images/'));

await createVSIX({
    cwd: root,
    packagePath,
    dependencies: false,
    readmePath: relative(root, packagedReadme),
    changelogPath: 'CHANGELOG.md',
    // Relative image links stay relative: VS Code shows them from the installed extension.
    rewriteRelativeLinks: false,
    allowMissingRepository: true
});
console.log(`package-vsix: wrote ${relative(process.cwd(), packagePath)}`);
