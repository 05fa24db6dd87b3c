import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { URI } from 'langium';
import type { CacheFolder } from '../../language/src/workspace/cache-folder.js';

/**
 * The cache folder on the local disk: `$XDG_CACHE_HOME/trainspec`, else the platform's user
 * cache folder (`~/.cache/trainspec`, `~/Library/Caches/trainspec`, `%LOCALAPPDATA%\trainspec\Cache`).
 * Where that cannot be created (no home folder, a read-only one), a folder of this user's own in
 * the system's temporary folder, which must be theirs alone: in a temporary folder shared by
 * every user, another could otherwise have put a folder or a link of theirs there first.
 */
export class NodeCacheFolder implements CacheFolder {
    private root: Promise<string> | undefined;

    constructor(private readonly env: NodeJS.ProcessEnv = process.env, private readonly platform: NodeJS.Platform = process.platform) {}

    async write(path: readonly string[], files: ReadonlyMap<string, string>, options: { readOnly?: boolean } = {}): Promise<Map<string, URI>> {
        const folder = join(await this.rootFolder(), ...path.map(safeSegment));
        await mkdir(folder, { recursive: true, mode: 0o700 });
        // The real path: editors report the files they open by it (a link in the way, /tmp on macOS, would make two URIs of one file).
        const real = await realpath(folder);
        const uris = new Map<string, URI>();
        for (const [name, text] of files) {
            const file = join(real, safeSegment(name));
            await writeAtomically(file, text, options.readOnly === true);
            uris.set(name, URI.file(file));
        }
        return uris;
    }

    private rootFolder(): Promise<string> {
        // Once per server; a failure is not remembered, so that a later call tries again.
        this.root ??= this.findRoot().catch(error => {
            this.root = undefined;
            throw error;
        });
        return this.root;
    }

    private async findRoot(): Promise<string> {
        const preferred = this.preferredRoot();
        if (preferred) {
            try {
                await mkdir(preferred, { recursive: true, mode: 0o700 });
                return preferred;
            } catch {
                // Read-only or missing home: the temporary folder below.
            }
        }
        return privateTemporaryFolder(this.env, this.platform);
    }

    private preferredRoot(): string | undefined {
        const xdg = this.env.XDG_CACHE_HOME;
        // The XDG specification: a relative path is invalid and is ignored.
        if (xdg && isAbsolute(xdg)) {
            return join(xdg, 'trainspec');
        }
        if (this.platform === 'win32' && this.env.LOCALAPPDATA && isAbsolute(this.env.LOCALAPPDATA)) {
            return join(this.env.LOCALAPPDATA, 'trainspec', 'Cache');
        }
        const home = this.env.HOME || safeHomedir();
        if (!home || !isAbsolute(home)) {
            return undefined;
        }
        return this.platform === 'darwin' ? join(home, 'Library', 'Caches', 'trainspec') : join(home, '.cache', 'trainspec');
    }
}

/** `trainspec-<user>` in the temporary folder, created private to this user, and refused if it is anyone else's or a link. */
async function privateTemporaryFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Promise<string> {
    const uid = process.getuid?.();
    const folder = join(env.TMPDIR && isAbsolute(env.TMPDIR) ? env.TMPDIR : tmpdir(), `trainspec-${uid ?? safeUserName()}`);
    await mkdir(folder, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') {
            throw error;
        }
    });
    const stats = await lstat(folder);
    if (!stats.isDirectory() || (uid !== undefined && stats.uid !== uid) || (platform !== 'win32' && (stats.mode & 0o077) !== 0)) {
        throw new Error(`${folder} is not a private folder of this user, so the language server does not write into it.`);
    }
    return folder;
}

/**
 * Writes `file` such that no reader ever sees part of it: into a temporary file beside it
 * (hidden, so no workspace scan picks it up), then renamed over it. Two servers writing the same
 * file at once each rename a complete file of their own. A read-only file already holding the
 * text is left alone.
 */
async function writeAtomically(file: string, text: string, readOnly: boolean): Promise<void> {
    if (readOnly && await readFile(file, 'utf8').then(existing => existing === text, () => false)) {
        return;
    }
    const folder = join(file, '..');
    const temporary = join(folder, `.${randomBytes(6).toString('hex')}.tmp`);
    try {
        // The mode applies to the new file only; the descriptor that writes it may still write.
        await writeFile(temporary, text, { flag: 'wx', mode: readOnly ? 0o444 : 0o644 });
        await replace(temporary, file);
    } catch (error) {
        await rm(temporary, { force: true });
        throw error;
    }
}

async function replace(from: string, to: string): Promise<void> {
    try {
        await rename(from, to);
    } catch (error) {
        // Windows refuses to rename over a read-only file: make it writable, then try once more.
        if ((error as NodeJS.ErrnoException).code !== 'EPERM' && (error as NodeJS.ErrnoException).code !== 'EACCES') {
            throw error;
        }
        await chmod(to, 0o644);
        await rename(from, to);
    }
}

/** A folder or file name as given, refused if it could step out of its folder. */
function safeSegment(segment: string): string {
    if (segment.length === 0 || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) {
        throw new Error(`"${segment}" is not a file or folder name.`);
    }
    return segment;
}

function safeHomedir(): string | undefined {
    try {
        return homedir();
    } catch {
        return undefined;
    }
}

function safeUserName(): string {
    return (process.env.USERNAME ?? process.env.USER ?? 'user').replace(/[^A-Za-z0-9_-]/g, '');
}
