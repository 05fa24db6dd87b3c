import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The user a process runs as, for tests of what another user may not read. */
export interface RunAs {
    uid: number;
    gid: number;
}

export interface CliRun {
    /** The exit code, or null when a signal ended the process. */
    code: number | null;
    stdout: string;
    stderr: string;
}

/** Long enough for any CLI run under load; short enough that a run which hangs fails its test rather than the suite. */
const CLI_TIMEOUT_MS = 60_000;

/**
 * Runs bin/trainspec.js as a real process, the way a shell or a CI step does, and collects
 * what it prints. `node` defaults to the Node running the tests. A run that has not ended
 * after `timeoutMs` is killed (its code is then null), so a CLI that hangs fails its test.
 */
export function runBin(args: string[], options: { cwd?: string; runAs?: RunAs; node?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliRun> {
    const child = spawn(options.node ?? process.execPath, [join(REPO_ROOT, 'bin', 'trainspec.js'), ...args], {
        cwd: options.cwd ?? REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: options.timeoutMs ?? CLI_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        // `env` adds to (or overrides) the tests' environment, which never forces or refuses colour.
        env: { ...cliEnv(), ...options.env },
        ...options.runAs
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', chunk => stdout += chunk);
    child.stderr.setEncoding('utf8').on('data', chunk => stderr += chunk);
    return new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', code => resolve({ code, stdout, stderr }));
    });
}

/**
 * The tests' environment without what changes the CLI's output behind a test's back (colour
 * forced or refused, a GitHub job summary), plus `extra`.
 */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const env = { ...process.env };
    for (const name of ['FORCE_COLOR', 'NO_COLOR', 'NODE_DISABLE_COLORS', 'GITHUB_STEP_SUMMARY']) {
        delete env[name];
    }
    return { ...env, ...extra };
}

/** Runs `trainspec ...args` in `cwd` (the repository unless told otherwise). */
export function runCli(args: string[], cwd?: string, runAs?: RunAs, timeoutMs?: number): Promise<CliRun> {
    return runBin(args, { cwd, runAs, timeoutMs });
}

/** The lines of some output, without the last line's newline. */
export function lines(output: string): string[] {
    return output.replace(/\n$/, '').split('\n');
}

/** Fails if the output shows a stack trace: users get one clear line, never `    at …` frames. */
export function expectNoStackTrace(run: CliRun): void {
    expect(run.stdout).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('internal error');
}
