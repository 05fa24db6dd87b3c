import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { NodeCacheFolder } from '../../server/src/node-cache-folder.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

const folders: TempFolder[] = [];

function temp(): TempFolder {
    const folder = createTempFolder();
    folders.push(folder);
    return folder;
}

afterEach(() => {
    folders.splice(0).forEach(folder => folder.remove());
});

const files = new Map([['roles.nos', 'role PSO "Probation Services Officer" {}\n'], ['pqf-leaflet.nos', 'framework PQF "PQF" {}\n']]);
const uid = process.getuid?.();

describe('the cache folder on disk', () => {
    test('is $XDG_CACHE_HOME/trainspec, with the files in the folder asked for, as file: URIs', async () => {
        const xdg = temp();
        const uris = await new NodeCacheFolder({ XDG_CACHE_HOME: xdg.path }, 'linux').write(['library', '1.0-abc'], files, { readOnly: true });
        expect([...uris.keys()]).toEqual(['roles.nos', 'pqf-leaflet.nos']);
        const roles = fileURLToPath(uris.get('roles.nos')!.toString());
        expect(roles).toBe(join(xdg.path, 'trainspec', 'library', '1.0-abc', 'roles.nos'));
        expect(readFileSync(roles, 'utf8')).toBe(files.get('roles.nos'));
        expect(statSync(roles).mode & 0o222).toBe(0);
    });

    test('is ~/.cache/trainspec without XDG_CACHE_HOME (or with a relative one), ~/Library/Caches on macOS', async () => {
        const home = temp();
        const linux = await new NodeCacheFolder({ HOME: home.path, XDG_CACHE_HOME: 'relative/cache' }, 'linux').write(['reports'], new Map([['a.md', '# A']]));
        expect(fileURLToPath(linux.get('a.md')!.toString())).toBe(join(home.path, '.cache', 'trainspec', 'reports', 'a.md'));
        const mac = await new NodeCacheFolder({ HOME: home.path }, 'darwin').write(['reports'], new Map([['a.md', '# A']]));
        expect(fileURLToPath(mac.get('a.md')!.toString())).toBe(join(home.path, 'Library', 'Caches', 'trainspec', 'reports', 'a.md'));
    });

    test('falls back to a private folder of this user in the temporary folder when the cache folder cannot be made', async () => {
        const blocked = temp();
        writeFileSync(blocked.file('a-file'), '');
        const tmp = temp();
        const uris = await new NodeCacheFolder({ XDG_CACHE_HOME: blocked.file('a-file'), TMPDIR: tmp.path }, 'linux').write(['reports'], new Map([['a.md', '# A']]));
        const folder = join(tmp.path, `trainspec-${uid}`);
        expect(fileURLToPath(uris.get('a.md')!.toString())).toBe(join(folder, 'reports', 'a.md'));
        expect(statSync(folder).mode & 0o777).toBe(0o700);
    });

    test.skipIf(uid === undefined)('refuses a temporary folder that others can write to, or a link put in its place', async () => {
        const blocked = temp();
        writeFileSync(blocked.file('a-file'), '');
        const shared = temp();
        mkdirSync(join(shared.path, `trainspec-${uid}`), { mode: 0o777 });
        chmodSync(join(shared.path, `trainspec-${uid}`), 0o777);
        await expect(new NodeCacheFolder({ XDG_CACHE_HOME: blocked.file('a-file'), TMPDIR: shared.path }, 'linux').write(['reports'], new Map([['a.md', '# A']])))
            .rejects.toThrow(/is not a private folder of this user/);
        const linked = temp();
        const elsewhere = temp();
        symlinkSync(elsewhere.path, join(linked.path, `trainspec-${uid}`));
        await expect(new NodeCacheFolder({ XDG_CACHE_HOME: blocked.file('a-file'), TMPDIR: linked.path }, 'linux').write(['reports'], new Map([['a.md', '# A']])))
            .rejects.toThrow(/is not a private folder of this user/);
        expect(readdirSync(elsewhere.path)).toEqual([]);
    });

    test('many writers at once each leave a whole file, and no temporary file behind', async () => {
        const xdg = temp();
        const texts = Array.from({ length: 12 }, (_, i) => `${'x'.repeat(100_000)} writer ${i}\n`);
        await Promise.all(texts.map(text => new NodeCacheFolder({ XDG_CACHE_HOME: xdg.path }, 'linux').write(['reports'], new Map([['same.md', text]]))));
        const folder = join(xdg.path, 'trainspec', 'reports');
        expect(texts).toContain(readFileSync(join(folder, 'same.md'), 'utf8'));
        expect(readdirSync(folder)).toEqual(['same.md']);
    });

    test('a read-only file already there with the same text is left alone; one with other text is replaced', async () => {
        const xdg = temp();
        const cache = new NodeCacheFolder({ XDG_CACHE_HOME: xdg.path }, 'linux');
        const path = fileURLToPath((await cache.write(['library'], files, { readOnly: true })).get('roles.nos')!.toString());
        const before = statSync(path);
        await cache.write(['library'], files, { readOnly: true });
        expect(statSync(path).ino).toBe(before.ino);
        chmodSync(path, 0o644);
        writeFileSync(path, 'changed');
        await cache.write(['library'], files, { readOnly: true });
        expect(readFileSync(path, 'utf8')).toBe(files.get('roles.nos'));
        expect(statSync(path).mode & 0o222).toBe(0);
    });

    test('names that could step out of their folder are refused', async () => {
        const xdg = temp();
        const cache = new NodeCacheFolder({ XDG_CACHE_HOME: xdg.path }, 'linux');
        for (const [path, name] of [[['..'], 'a.md'], [['reports'], '../a.md'], [['a/b'], 'a.md'], [['reports'], '']] as const) {
            await expect(cache.write(path, new Map([[name, 'x']]))).rejects.toThrow(/is not a file or folder name/);
        }
        expect(existsSync(join(xdg.path, 'a.md'))).toBe(false);
    });
});
