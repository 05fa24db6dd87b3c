import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Commands } from '../../language/src/protocol/constants.js';

// What VS Code reads from package.json beyond the names that constants.ts shares with it.
const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
    main: string;
    browser: string;
    homepage: string;
    repository: { url: string };
    bugs: { url: string };
    capabilities: { untrustedWorkspaces: { supported: boolean | 'limited' }; virtualWorkspaces: { supported: boolean | 'limited'; description?: string } };
    contributes: {
        walkthroughs: Array<{ steps: Array<{ id: string; description: string; media: { markdown: string }; completionEvents: string[] }> }>;
    };
};
const vscodeIgnore = readFileSync(new URL('.vscodeignore', root), 'utf8').split('\n');

describe('the VS Code manifest', () => {
    test('says where the project lives, consistently', () => {
        const repository = manifest.repository.url.replace(/\.git$/, '');
        expect(manifest.homepage.startsWith(repository)).toBe(true);
        expect(manifest.bugs.url).toBe(`${repository}/issues`);
    });

    test('works in untrusted and virtual workspaces', () => {
        // The server only reads and parses specs and catalogues; it never runs anything from the workspace,
        // and it reads the files of a virtual workspace (github.dev) through the client.
        expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
        expect(manifest.capabilities.virtualWorkspaces.supported).toBe(true);
    });

    test('runs on the desktop and in the browser, with both entry points and the browser server in the VSIX', () => {
        expect(manifest.main).toBe('./out/extension.cjs');
        expect(manifest.browser).toBe('./out/browser/extension.cjs');
        expect(vscodeIgnore).toEqual(expect.arrayContaining(['!out/extension.cjs', '!out/server.cjs', '!out/browser/extension.cjs', '!out/browser/server.js']));
    });

    const steps = manifest.contributes.walkthroughs.flatMap(walkthrough => walkthrough.steps);

    test.each(steps.map(step => [step.id, step] as const))('walkthrough step %s has its markdown in the VSIX and completes', (_id, step) => {
        expect(existsSync(new URL(step.media.markdown, root))).toBe(true);
        expect(vscodeIgnore).toContain(`!${step.media.markdown.replace(/[^/]+\.md$/, '*.md')}`);
        expect(step.completionEvents.length).toBeGreaterThan(0);
    });

    test('the walkthrough\'s own command links are contributed commands', () => {
        const links = steps.flatMap(step => [...step.description.matchAll(/\(command:(trainspec\.[\w.]+)\)/g)].map(match => match[1]));
        expect(links.length).toBeGreaterThan(0);
        expect(links.filter(link => !Object.values(Commands).includes(link as never))).toEqual([]);
    });

    test('the example programme the walkthrough opens is in the VSIX', () => {
        expect(existsSync(new URL('client/walkthrough/example-programme.txt', root))).toBe(true);
        expect(vscodeIgnore).toContain('!client/walkthrough/*.txt');
    });
});
