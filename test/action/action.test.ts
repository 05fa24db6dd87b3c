import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateAction, validateWorkflow, type ValidationState } from '@action-validator/core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { cliEnv, lines, REPO_ROOT } from '../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';
import { elementsNamed, parseXml } from '../support/xml.js';

// GitHub and GitLab do not run here. The action and the README's workflow are validated against
// the schemas GitHub's YAML follows (@action-validator/core: SchemaStore's github-action and
// github-workflow JSON schemas, compiled in), and the action's steps run as GitHub runs a
// composite action's `run:` steps: bash with `-eo pipefail`, the `env:` and `working-directory:`
// of each step with their `${{ inputs.… }}` filled in, GITHUB_ACTION_PATH, GITHUB_PATH and
// GITHUB_STEP_SUMMARY set, in a temporary repository of specs.

interface ActionStep {
    name?: string;
    shell?: string;
    run?: string;
    env?: Record<string, string>;
    'working-directory'?: string;
}

interface Action {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; steps: ActionStep[] };
}

const ACTION_TEXT = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8');
const ACTION = parse(ACTION_TEXT) as Action;
const WORKFLOW_TEXT = readFileSync(join(REPO_ROOT, 'docs', 'ci', 'github-workflow.yml'), 'utf8');
const GITLAB_TEXT = readFileSync(join(REPO_ROOT, 'docs', 'ci', 'gitlab-ci.yml'), 'utf8');
const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const INCOMPLETE = readFileSync(join(REPO_ROOT, 'examples', 'incomplete', 'programme.tspec'), 'utf8');
const CLEAN = readFileSync(join(REPO_ROOT, 'examples', 'pso-community-payback', 'programme.tspec'), 'utf8');

/** Where GitHub puts the action: this repository, named without a trailing slash. */
const ACTION_PATH = resolve(REPO_ROOT);

function errorsOf(state: ValidationState): string[] {
    return state.errors.map(error => JSON.stringify(error));
}

describe('action.yml and the example workflows', () => {
    test('action.yml is a valid composite action', () => {
        expect(errorsOf(validateAction(ACTION_TEXT))).toEqual([]);
        expect(ACTION.runs.using).toBe('composite');
    });

    test('the validator does catch mistakes: a run step without its shell, a workflow step with an unknown key', () => {
        expect(errorsOf(validateAction(ACTION_TEXT.replace('      shell: bash\n', '')))).not.toEqual([]);
        expect(errorsOf(validateWorkflow(WORKFLOW_TEXT.replace('continue-on-error: true', 'keep-going: true')))).not.toEqual([]);
    });

    test('the README\'s GitHub workflow is a valid workflow, and the README shows it and the GitLab job word for word', () => {
        expect(errorsOf(validateWorkflow(WORKFLOW_TEXT))).toEqual([]);
        expect(README).toContain('```yaml\n' + WORKFLOW_TEXT + '```');
        expect(README).toContain('```yaml\n' + GITLAB_TEXT + '```');
    });

    test('the GitLab job keeps its JUnit report as a test-report artefact, written by the check', () => {
        const job = (parse(GITLAB_TEXT) as Record<string, { script: string[]; artifacts: { when: string; reports: { junit: string } } }>).trainspec;
        expect(job.artifacts).toEqual({ when: 'always', reports: { junit: 'reports/trainspec.xml' } });
        expect(job.script.at(-1)).toContain('--format junit --output-file reports/trainspec.xml');
    });

    test('no run step pastes an input into its script: inputs reach it as variables only', () => {
        for (const step of ACTION.runs.steps) {
            expect(step.run ?? '', step.name).not.toContain('${{');
            expect(step.shell, step.name).toBe('bash');
        }
    });
});

interface StepsRun {
    code: number | null;
    stdout: string;
    stderr: string;
    path: string;
    summary: string;
}

/** `${{ inputs.NAME }}` and nothing else: what the action's env and working-directory use. */
function fill(value: string, inputs: Record<string, string>): string {
    const filled = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => {
        expect(ACTION.inputs, `input ${name}`).toHaveProperty(name);
        return inputs[name];
    });
    expect(filled, 'an expression the test cannot evaluate').not.toContain('${{');
    return filled;
}

/** Runs the action's steps, in order, stopping at the first that fails, as GitHub does. */
function runAction(repository: TempFolder, given: Record<string, string>): StepsRun {
    const inputs = Object.fromEntries(Object.entries(ACTION.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? '']));
    const githubPath = repository.file('.github-path');
    const summary = repository.file('.step-summary');
    const result = { code: 0 as number | null, stdout: '', stderr: '' };
    for (const step of ACTION.runs.steps) {
        const env = cliEnv({
            GITHUB_ACTIONS: 'true',
            GITHUB_ACTION_PATH: ACTION_PATH,
            GITHUB_WORKSPACE: repository.path,
            GITHUB_PATH: githubPath,
            GITHUB_STEP_SUMMARY: summary,
            ...Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, fill(value, inputs)]))
        });
        const cwd = join(repository.path, fill(step['working-directory'] ?? '.', inputs));
        const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], { cwd, env, encoding: 'utf8' });
        result.stdout += run.stdout;
        result.stderr += run.stderr;
        result.code = run.status;
        if (run.status !== 0) {
            break;
        }
    }
    const read = (file: string) => existsSync(file) ? readFileSync(file, 'utf8') : '';
    return { ...result, path: read(githubPath), summary: read(summary) };
}

describe('the action\'s steps, run as GitHub runs them', () => {
    let repository: TempFolder;
    beforeEach(() => {
        repository = createTempFolder({
            'specs/programme.tspec': INCOMPLETE,
            'specs/clean/programme.tspec': CLEAN,
            'other folder/a b.tspec': 'programme P "P" {\n    prepares PSO\n}\n'
        });
    });
    afterEach(() => repository.remove());

    test('with the defaults: annotations, a job summary, trainspec on PATH, and the step fails on errors', () => {
        const run = runAction(repository, {});
        expect(run.code).toBe(1);
        const output = lines(run.stdout);
        expect(output[0]).toMatch(/^TrainSpec \d+\.\d+\.\d+ on Node\.js v\d+/);
        expect(output[1]).toBe('trainspec check . --format github');
        // examples/incomplete's error and 3 gaps, and 10 warnings for the programme with no modules: more than GitHub shows.
        expect(output[2]).toBe("::notice title=TrainSpec::GitHub shows at most 10 errors, 10 warnings and 10 notices per step as annotations, so only this step's log shows the last 3 warnings.");
        expect(output.filter(line => line.startsWith('::error '))).toHaveLength(1);
        expect(output.filter(line => line.startsWith('::warning '))).toHaveLength(13);
        expect(run.path).toBe(`${join(ACTION_PATH, 'bin')}\n`);
        expect(run.summary).toContain('## TrainSpec check\n');
    });

    test('paths one per line (spaces inside a name kept, globs passed to TrainSpec), JUnit to a file', () => {
        const run = runAction(repository, { paths: 'specs/clean\n  other folder/a b.tspec  \n\n"specs/*.tspec"'.replace(/"/g, ''), format: 'junit', 'output-file': 'reports/trainspec.xml' });
        expect(run.code).toBe(1);
        expect(lines(run.stdout)[1]).toBe('trainspec check specs/clean other folder/a b.tspec specs/*.tspec --format junit --output-file reports/trainspec.xml');
        const root = parseXml(readFileSync(repository.file('reports/trainspec.xml'), 'utf8'));
        expect(elementsNamed(root, 'testcase').map(testCase => testCase.attributes.name)).toEqual(['other folder/a b.tspec', 'specs/clean/programme.tspec', 'specs/programme.tspec']);
        expect(run.summary).toBe('');
    });

    test('SARIF to a file, as the README\'s workflow uploads it to code scanning', () => {
        const run = runAction(repository, { paths: 'specs', format: 'sarif', 'output-file': 'trainspec.sarif' });
        expect(run.code).toBe(1);
        const sarif = JSON.parse(readFileSync(repository.file('trainspec.sarif'), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
        expect(sarif.version).toBe('2.1.0');
        // examples/incomplete's four findings; specs/clean has none.
        expect(sarif.runs[0].results).toHaveLength(4);
    });

    test('working-directory: paths and the report file are relative to it; a clean folder passes', () => {
        const run = runAction(repository, { 'working-directory': 'specs', paths: 'clean', format: 'json', 'output-file': 'out.json' });
        expect(run.code).toBe(0);
        expect((JSON.parse(readFileSync(repository.file('specs/out.json'), 'utf8')) as { files: string[] }).files).toEqual(['clean/programme.tspec']);
    });

    test('baseline and fail-on become --baseline and --fail-on', () => {
        const run = runAction(repository, { paths: 'specs/clean', baseline: 'base coverage.json', 'fail-on': 'new-gaps' });
        expect(lines(run.stdout)[1]).toBe('trainspec check specs/clean --format github --baseline base coverage.json --fail-on new-gaps');
        const help = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'trainspec.js'), '--help'], { encoding: 'utf8' }).stdout;
        if (help.includes('--baseline')) {
            // With `trainspec report`'s baseline in this build: a missing baseline file is an input problem.
            expect(run.code).toBe(2);
            expect(run.stderr).toContain('base coverage.json');
        } else {
            // Before it: the CLI names the option it does not know yet, so the wiring is what this shows.
            expect(run.stderr).toContain("unknown option '--baseline'");
        }
    });

    test('an input cannot run as code', () => {
        const run = runAction(repository, { paths: '$(touch pwned)\n"; touch pwned; echo "', format: 'text' });
        expect(run.code).toBe(2);
        expect(existsSync(repository.file('pwned'))).toBe(false);
        expect(existsSync(repository.file('specs/pwned'))).toBe(false);
        expect(run.stdout).toContain('$(touch pwned) error ');
        expect(run.stdout).toContain('"; touch pwned; echo " error No such file or folder. [missing-path]');
    });
});
