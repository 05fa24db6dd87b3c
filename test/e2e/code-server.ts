// Starts and stops code-server (VS Code's own server and web workbench) and headless chromium
// for the end-to-end tests, following ../shared/vscode-e2e.md:
//   - every run gets its own HOME, TMPDIR, XDG_RUNTIME_DIR, user-data dir and extensions dir;
//   - code-server runs in its own process group and is stopped with kill(-pgid);
//   - readiness is polled (/healthz), never waited for with fixed sleeps.
// scripts/e2e/install.sh installs code-server into .tools/code-server and chromium from Debian.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { waitFor } from './wait-for.js';

export const CODE_SERVER_VERSION = '4.139.1';

/** The repository root: the nearest folder above this file whose package.json is TrainSpec's. */
export const repoRoot: string = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(start: string): string {
    for (let dir = start; ; dir = dirname(dir)) {
        const manifest = join(dir, 'package.json');
        if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'trainspec') {
            return dir;
        }
        if (dirname(dir) === dir) {
            throw new Error(`No TrainSpec package.json above ${start}`);
        }
    }
}

/** Where test output (logs, screenshots) goes: test-output/e2e/ in the repository. */
export const outputDir: string = join(repoRoot, 'test-output', 'e2e');

export function codeServerEntry(): string {
    const entry = process.env.TRAINSPEC_CODE_SERVER_ENTRY
        ?? join(repoRoot, '.tools', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    if (!existsSync(entry)) {
        throw new Error(`code-server is not installed (${entry} is missing). Run: bash scripts/e2e/install.sh`);
    }
    return entry;
}

export function chromiumPath(): string {
    const path = process.env.TRAINSPEC_CHROMIUM ?? '/usr/bin/chromium';
    if (!existsSync(path)) {
        throw new Error(`chromium is not installed (${path} is missing). Run: bash scripts/e2e/install.sh`);
    }
    return path;
}

export function log(message: string): void {
    const seconds = (performance.now() / 1000).toFixed(1).padStart(6);
    process.stdout.write(`[e2e ${seconds}s] ${message}\n`);
}

/**
 * Runs a test script's `main` and exits with its code, logging how long it took; an error that
 * escapes `main` is logged with its stack and exits 1.
 */
export function runScript(name: string, main: () => Promise<number>): void {
    const started = Date.now();
    main().then(code => {
        log(`${name} finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${code}`);
        process.exit(code);
    }, (error: unknown) => {
        log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        process.exit(1);
    });
}

/** Settings that keep the workbench quiet and deterministic: no chat, tips, telemetry, updates or trust prompts. */
export const quietSettings: Record<string, unknown> = {
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'github.gitAuthentication': false,
    'npm.autoDetect': 'off',
    'typescript.tsserver.enabled': false,
    'files.autoSave': 'off',
    'editor.minimap.enabled': false,
    'editor.hover.delay': 300,
    'window.restoreWindows': 'none',
    'workbench.editor.restoreViewState': false,
    'terminal.integrated.enablePersistentSessions': false
};

/** One test run's private folders. Everything lives under `root`, which `dispose()` removes. */
export class RunFolders {
    readonly root: string;
    readonly home: string;
    readonly tmp: string;
    readonly runtime: string;
    readonly userData: string;
    readonly extensions: string;
    readonly workspaces: string;

    constructor(readonly name: string, settings: Record<string, unknown> = {}) {
        // Short paths: code-server and VS Code create Unix sockets in these folders (108-byte limit).
        this.root = mkdtempSync(join(tmpdir(), `tspec-${name}-`));
        this.home = mkdir(this.root, 'home');
        this.tmp = mkdir(this.root, 'tmp');
        this.runtime = mkdir(this.root, 'run');
        this.userData = mkdir(this.root, 'user-data');
        this.extensions = mkdir(this.root, 'extensions');
        this.workspaces = mkdir(this.root, 'ws');
        mkdirSync(join(this.userData, 'User'), { recursive: true, mode: 0o700 });
        writeFileSync(join(this.userData, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, undefined, 4));
    }

    /** The environment of every process of this run. */
    env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
        const env: NodeJS.ProcessEnv = { ...process.env, HOME: this.home, TMPDIR: this.tmp, XDG_RUNTIME_DIR: this.runtime, ...extra };
        // Nothing of the caller's VS Code or code-server session may leak into this one.
        for (const name of Object.keys(env)) {
            if (/^(VSCODE_|ELECTRON_RUN_AS_NODE$|CODE_SERVER_|PASSWORD$|HASHED_PASSWORD$)/.test(name)) {
                delete env[name];
            }
        }
        return env;
    }

    /** Copies an example folder into this run's workspaces, so that edits never touch the repository. */
    copyExample(example: string): string {
        const target = join(this.workspaces, example);
        cpSync(join(repoRoot, 'examples', example), target, { recursive: true });
        return target;
    }

    dispose(): void {
        if (process.env.TRAINSPEC_E2E_KEEP) {
            log(`keeping ${this.root} (TRAINSPEC_E2E_KEEP is set)`);
            return;
        }
        rmSync(this.root, { recursive: true, force: true, maxRetries: 3 });
    }
}

function mkdir(parent: string, name: string): string {
    const dir = join(parent, name);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
}

/** Installs a .vsix into the run's extensions folder with code-server's own CLI. */
export function installExtension(folders: RunFolders, vsix: string): string {
    const result = spawnSync(process.execPath, [
        codeServerEntry(), '--user-data-dir', folders.userData, '--extensions-dir', folders.extensions, '--install-extension', resolve(vsix)
    ], { env: folders.env(), encoding: 'utf8', timeout: 120_000 });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    if (result.status !== 0 || !/successfully installed/i.test(output)) {
        throw new Error(`Installing ${vsix} failed (exit ${result.status}${result.error ? `, ${result.error.message}` : ''}):\n${output}`);
    }
    return output;
}

export async function freePort(): Promise<number> {
    return new Promise((resolvePort, reject) => {
        const server = createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            const port = typeof address === 'object' && address ? address.port : 0;
            server.close(() => resolvePort(port));
        });
    });
}

export interface CodeServer {
    readonly port: number;
    readonly origin: string;
    readonly logFile: string;
    /** A workbench URL that opens `folder`, optionally with a development payload. */
    workbenchUrl(folder: string, payload?: [string, string][]): string;
    /** `vscode-remote://` URI of a path on this machine, as the workbench's payload wants it. */
    remoteUri(path: string): string;
    stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
function killRunning(): void {
    for (const child of running) {
        try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
    }
}
// Last resort, when a run dies or is interrupted without stopping its server: never leave a process group behind.
process.on('exit', killRunning);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
        killRunning();
        process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]);
    });
}

export async function startCodeServer(folders: RunFolders, options: { env?: Record<string, string>; logName?: string } = {}): Promise<CodeServer> {
    const entry = codeServerEntry();
    mkdirSync(outputDir, { recursive: true });
    const logFile = join(outputDir, options.logName ?? `${folders.name}-code-server.log`);
    for (let attempt = 1; ; attempt++) {
        const port = await freePort();
        const fd = openSync(logFile, attempt === 1 ? 'w' : 'a');
        const child = spawn(process.execPath, [
            entry,
            '--bind-addr', `127.0.0.1:${port}`,
            '--auth', 'none',
            '--disable-telemetry',
            '--disable-update-check',
            '--disable-workspace-trust',
            '--reconnection-grace-time', '5',
            '--user-data-dir', folders.userData,
            '--extensions-dir', folders.extensions,
            '--vscode-option', 'enable-smoke-test-driver'
        ], { detached: true, stdio: ['ignore', fd, fd], env: folders.env(options.env) });
        closeSync(fd);
        running.add(child);
        let exited: string | undefined;
        child.on('exit', (code, signal) => { exited = `code-server exited (${signal ?? code})`; running.delete(child); });
        const origin = `http://127.0.0.1:${port}`;
        const server: CodeServer = {
            port,
            origin,
            logFile,
            remoteUri: path => `vscode-remote://127.0.0.1:${port}${pathToFileURL(path).pathname}`,
            workbenchUrl(folder, payload) {
                const query = new URLSearchParams({ folder });
                if (payload) {
                    query.set('payload', JSON.stringify(payload));
                }
                return `${origin}/?${query.toString()}`;
            },
            stop: () => stopProcessGroup(child)
        };
        try {
            await waitFor('code-server /healthz', async () => {
                if (exited) {
                    throw new Error(exited);
                }
                const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
                return response.ok ? true : undefined;
            }, { timeoutMs: 60_000 });
            log(`code-server ${CODE_SERVER_VERSION} listening on ${origin} (pid ${child.pid}, log ${logFile})`);
            return server;
        } catch (error) {
            await server.stop();
            if (attempt >= 3 || !exited) {
                throw new Error(`code-server did not start: ${(error as Error).message}\n--- ${logFile} ---\n${tail(logFile)}`, { cause: error });
            }
            log(`code-server did not start on port ${port} (${exited}); retrying`);
        }
    }
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
    const pgid = child.pid;
    if (pgid === undefined) {
        return;
    }
    const alive = (): boolean => {
        try {
            process.kill(-pgid, 0);
            return true;
        } catch {
            return false;
        }
    };
    if (!alive()) {
        running.delete(child);
        return;
    }
    process.kill(-pgid, 'SIGTERM');
    try {
        await waitFor('code-server to stop', () => (alive() ? undefined : true), { timeoutMs: 10_000, intervalMs: 50 });
    } catch {
        try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone meanwhile */ }
        await waitFor('code-server to die', () => (alive() ? undefined : true), { timeoutMs: 5_000, intervalMs: 50 });
    }
    running.delete(child);
}

export function tail(file: string, lines = 40): string {
    try {
        return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
        return '(no log)';
    }
}

export async function launchChromium(folders: RunFolders): Promise<Browser> {
    return chromium.launch({
        executablePath: chromiumPath(),
        headless: true,
        env: folders.env(),
        args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-dev-shm-usage'
        ]
    });
}
