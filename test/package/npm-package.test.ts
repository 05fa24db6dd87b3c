import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { TextDocument } from 'langium';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HoverRequest, MarkupContent } from 'vscode-languageserver/node';
import { fileUri, LspClient } from '../support/lsp-client.js';
import { nodeVersion, olderNode } from '../support/older-node.js';
import { REPO_ROOT } from '../support/run-cli.js';
import { rangeOf } from '../support/text-ranges.js';

// Another repository adopts TrainSpec by installing the tarball `npm pack` makes (README,
// "Install"). This packs the built bundles in out/ (as the other CLI tests, it needs a build),
// installs the tarball into a fresh project the way a user would, and runs the installed bins
// there, under the tests' Node and under Node 20, the oldest supported, when the machine has it.

interface PackResult {
    filename: string;
    files: Array<{ path: string }>;
}

interface Manifest {
    dependencies?: Record<string, string>;
    scripts?: Record<string, string>;
    engines?: { node?: string };
}

const SPEC = readFileSync(join(REPO_ROOT, 'examples', 'incomplete', 'programme.tspec'), 'utf8');
const SPEC_PATH = 'specs/programme.tspec';

let folder: string;
let project: string;
let packed: PackResult;

/** Runs a command and fails the test with its output if it does not exit 0. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
    if (result.status !== 0) {
        throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`);
    }
    return result;
}

/** npm with its own cache in the test's folder, so the install cannot use anything but the tarball. */
function npmEnv(): NodeJS.ProcessEnv {
    return { ...process.env, npm_config_cache: join(folder, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'trainspec-package-'));
    // `prepare` would rebuild out/ under the other tests' feet; the tarball takes the bundles as built.
    const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], REPO_ROOT, npmEnv());
    [packed] = JSON.parse(pack.stdout) as PackResult[];
    project = join(folder, 'project');
    mkdirSync(join(project, 'specs'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'programme-specs', version: '1.0.0', private: true }, undefined, 2));
    writeFileSync(join(project, SPEC_PATH), SPEC);
    // Offline, with scripts off: the package must need nothing from the registry and no build step.
    run('npm', ['install', '--save-dev', '--offline', '--ignore-scripts', join(folder, packed.filename)], project, npmEnv());
});

afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
});

describe('the npm package', () => {
    test('holds exactly the bins, the bundles, the configuration and coverage report schemas, the licence, readme and changelog, and package.json', () => {
        const bundles = readdirSync(join(REPO_ROOT, 'out')).filter(name => name.endsWith('.cjs')).map(name => `out/${name}`);
        expect(packed.files.map(file => file.path).sort()).toEqual([
            'CHANGELOG.md', 'LICENSE', 'README.md', 'bin/launch.js', 'bin/trainspec-language-server.js', 'bin/trainspec.js', 'package.json', 'schemas/report.schema.json', 'schemas/trainspec.config.schema.json', ...bundles
        ].sort());
        expect(bundles).toEqual(expect.arrayContaining(['out/cli.cjs', 'out/server.cjs']));
    });

    test('installs nothing else and runs no install script, so --ignore-scripts changes nothing', () => {
        const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'trainspec', 'package.json'), 'utf8')) as Manifest;
        expect(manifest.dependencies ?? {}).toEqual({});
        for (const script of ['preinstall', 'install', 'postinstall']) {
            expect(manifest.scripts?.[script], script).toBeUndefined();
        }
        expect(readdirSync(join(project, 'node_modules')).filter(name => !name.startsWith('.'))).toEqual(['trainspec']);
        expect(manifest.engines?.node).toBe('>=20.12');
    });
});

const older = olderNode();
const NODES = [
    { label: "the tests' Node", node: process.execPath },
    ...(older ? [{ label: 'Node 20', node: older }] : [])
];

describe.each(NODES)('the installed bins under $label', ({ node }) => {
    /** The environment of a shell whose `node` is this one, as in a CI job that set up that Node. */
    const env = (): NodeJS.ProcessEnv => ({ ...npmEnv(), PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` });

    test('the shell runs this Node', () => {
        expect(nodeVersion('node', env())).toBe(nodeVersion(node));
    });

    test('npx trainspec check reports the spec\'s findings and exits 1', () => {
        const result = spawnSync('npx', ['--no', 'trainspec', 'check', 'specs'], { cwd: project, env: env(), encoding: 'utf8' });
        expect(result.stderr).toBe('');
        expect(result.stdout.split('\n')).toEqual([
            `${SPEC_PATH}:5:14 warning No module covers the PQF outcome "develop own knowledge and skills", which Probation Services Officer requires. [uncovered-requirement]`,
            `${SPEC_PATH}:5:14 warning No module covers the PQF outcome "Understanding of the causes of crime and management of offending behaviour.", which Probation Services Officer requires. [uncovered-requirement]`,
            `${SPEC_PATH}:6:13 warning No module covers the NOS unit "Deliver accredited programmes", which the Programmes pathway requires. [uncovered-requirement]`,
            `${SPEC_PATH}:18:31 error Unknown standard 'AssesRiskOfHarm'. Did you mean 'AssessRiskOfHarm'? [unresolved-reference]`,
            '4 problems (1 error, 3 warnings) in 1 file.',
            ''
        ]);
        expect(result.status).toBe(1);
    });

    test('trainspec-language-server --stdio publishes the diagnostics and answers hover with the standard\'s words', async () => {
        const server = join(project, 'node_modules', '.bin', 'trainspec-language-server');
        const client = await LspClient.start(project, undefined, { command: server, args: ['--stdio'], env: env() });
        try {
            const uri = fileUri(join(project, SPEC_PATH));
            await client.openDocument(uri, SPEC);
            const diagnostics = await client.waitForDiagnostics(uri, found => found.some(diagnostic => diagnostic.code === 'unresolved-reference'));
            expect(diagnostics.map(diagnostic => diagnostic.code).sort()).toEqual(['unresolved-reference', 'uncovered-requirement', 'uncovered-requirement', 'uncovered-requirement'].sort());
            const position = rangeOf(TextDocument.create(uri, 'trainspec', 1, SPEC), 'DevelopSentencingProposals').start;
            const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
            expect(MarkupContent.is(hover?.contents) && hover.contents.value).toContain('> Develop proposals and prepare reports to inform sentencing');
            expect(await client.shutdown()).toBe(0);
        } finally {
            await client.dispose();
        }
    });
});
