import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './run-cli.js';
import { createTempFolder, type TempFolder } from './temp-folder.js';

/** How long an editor session may take before it is stopped (within vitest's 30 s). */
const SESSION_TIMEOUT_MS = 25_000;

/** Whether `command` runs (`command --version` succeeds), e.g. an editor that scripts/test-deps.sh installs. */
export function isInstalled(command: string): boolean {
    return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The message of a test that skips because an editor is missing. */
export function missingEditor(command: string, packages: string): string {
    const message = `${command} is not installed, so this test skips: run \`bash scripts/test-deps.sh\` (npm test does) or install Debian's ${packages}.`;
    console.warn(message);
    return message;
}

/**
 * A private home for an editor: HOME and the XDG folders point into a fresh temporary folder,
 * so no user configuration is read and nothing is left behind; the language server's cache
 * folder ($XDG_CACHE_HOME/trainspec) is in there too.
 */
export interface EditorHome {
    folder: TempFolder;
    env: NodeJS.ProcessEnv;
    cache: string;
}

export function createEditorHome(): EditorHome {
    const folder = createTempFolder();
    const xdg = { XDG_CONFIG_HOME: 'config', XDG_DATA_HOME: 'data', XDG_STATE_HOME: 'state', XDG_CACHE_HOME: 'cache' };
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: folder.path, TERM: 'dumb' };
    for (const [name, sub] of Object.entries(xdg)) {
        env[name] = folder.file(sub);
        mkdirSync(folder.file(sub), { recursive: true });
    }
    return { folder, env, cache: folder.file('cache') };
}

/** The language server as an editor starts it: this repository's build, under the Node running the tests. */
export const SERVER_COMMAND = [process.execPath, join(REPO_ROOT, 'bin', 'trainspec-language-server.js'), '--stdio'] as const;

/** What an editor session left: the results its script wrote (parsed JSON) and its output, for failure messages. */
export interface EditorSession<T> {
    results: T;
    output: string;
}

/**
 * Runs an editor to the end of its script, which writes its findings as JSON to `resultsFile`;
 * stops it if it runs past the timeout. Fails, with the editor's output, if no results were written.
 */
export function runEditor<T>(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, resultsFile: string): Promise<EditorSession<T>> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.setEncoding('utf8').on('data', chunk => output += chunk);
        child.stderr.setEncoding('utf8').on('data', chunk => output += chunk);
        const timer = setTimeout(() => child.kill('SIGKILL'), SESSION_TIMEOUT_MS);
        child.on('error', reject);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (!existsSync(resultsFile)) {
                reject(new Error(`${command} ended (${signal ?? `code ${code}`}) without writing its results. Its output:\n${output}`));
                return;
            }
            resolve({ results: JSON.parse(readFileSync(resultsFile, 'utf8')) as T, output });
        });
    });
}

/** What an editor's script leaves in its results: the step it failed at, if it did. */
export interface ScriptResults {
    error?: string;
}

/** An editor session on the specs every editor test uses, with the workspace and the home it ran in (remove both after). */
export interface SpecSession<T> {
    workspace: TempFolder;
    home: EditorHome;
    results: T;
}

/**
 * Runs an editor's test script (through `args`) in a private home on a workspace of two specs: the
 * incomplete example (a misspelt name, gaps) and a badly laid out module to format. The script reads
 * the server's command, the workspace and where to write its results from TRAINSPEC_TEST_* variables.
 */
export async function runEditorOnSpecs<T extends ScriptResults>(editor: string, command: string, args: string[]): Promise<SpecSession<T>> {
    const workspace = createTempFolder({
        'programme.tspec': readFileSync(join(REPO_ROOT, 'examples', 'incomplete', 'programme.tspec'), 'utf8'),
        'messy.tspec': 'module Messy "Messy" {\nhours 3\n      covers   RoSH.a ,PsoAssessRisk\n}\n'
    });
    const home = createEditorHome();
    const resultsFile = home.folder.file('results.json');
    const env = {
        ...home.env,
        TRAINSPEC_TEST_NODE: SERVER_COMMAND[0],
        TRAINSPEC_TEST_SERVER: SERVER_COMMAND[1],
        TRAINSPEC_TEST_WORKSPACE: workspace.path,
        TRAINSPEC_TEST_RESULTS: resultsFile
    };
    const session = await runEditor<T>(command, args, env, workspace.path, resultsFile);
    if (session.results.error) {
        throw new Error(`${editor}'s session failed at ${session.results.error}. Its output:\n${session.output}`);
    }
    return { workspace, home, results: session.results };
}
