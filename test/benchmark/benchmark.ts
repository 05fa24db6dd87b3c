/**
 * Measures TrainSpec on synthetic workspaces (see synthetic-workspace.ts), for `npm run bench`:
 *
 * - the full `trainspec check` as a separate process: wall time and peak resident memory;
 * - the language server's incremental path, in this process: the first build of the workspace,
 *   then `DocumentBuilder.update` after each edit to a shared module file, with its diagnostics
 *   checked for correctness;
 * - how often coverage is computed, by counting calls to the coverage analysis.
 *
 * It reports numbers and asserts no timings, but it fails on wrong diagnostics.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DefaultCoverageAnalysis } from '../../language/src/coverage/coverage-analysis.js';
import { BUILTIN_SCHEME } from '../../language/src/library/standards-library.js';
import { DiagnosticCode } from '../../language/src/validation/diagnostic-codes.js';
import { dataString } from '../../language/src/validation/diagnostic-data.js';
import { DefaultDependencyGraph } from '../../language/src/workspace/dependency-graph.js';
import { RevalidatingDocumentBuilder } from '../../language/src/workspace/revalidating-document-builder.js';
import { TestWorkspace } from '../support/test-workspace.js';
import { printBatchTable, runBatchBenchmark, type BatchBenchmarkOptions } from './batch-benchmark.js';
import { breakCoreFile, createSyntheticWorkspace, gapAfterBreak, type SyntheticWorkspace } from './synthetic-workspace.js';

export interface BenchmarkOptions {
    /** The repository root: where bin/trainspec.js and test-output/ are. */
    root: string;
    /** Which parts to run: 'engine' (the check and incremental updates by size), 'batch' (see batch-benchmark.ts). */
    parts: string[];
    /** The batch part's workspace size, runs per measure and shapes. */
    batch: Omit<BatchBenchmarkOptions, 'root'>;
    sizes: number[];
    /** CLI runs per size; the median is reported. */
    checkRuns: number;
    /** Edits per size; each is one update that breaks a core file and one that restores it. */
    edits: number;
}

interface SizeResult {
    files: number;
    programmes: number;
    check: { medianMs: number; runsMs: number[]; peakRssMb: number | null; rssSource: string };
    inProcess: {
        initialBuildMs: number;
        heapUsedMb: number;
        updateMedianMs: number;
        updatesMs: number[];
        /** CPU time of this process per update (user + system): steadier than wall time on a shared machine. */
        updateCpuMedianMs: number;
        coverageComputationsInitialBuild: number;
        coverageComputationsPerUpdate: number[];
        programmeAnalysesPerUpdate: number[];
        coverageQueriesPerUpdate: number[];
        /** Of each update's time: computing coverage, and the sweep that re-runs workspace checks of the documents it reached. */
        coverageMedianMs: number;
        sweepMedianMs: number;
        sweepDocumentsPerUpdate: number[];
        /** Of each update's time: finding what it reaches from the dependency edges (the first update also builds them). */
        reachMedianMs: number;
    };
}

/** How often a watched method ran since the last reset, and how long it took in all. */
interface Probe {
    calls: number;
    ms: number;
}

const probes = {
    /** DefaultCoverageAnalysis.analyseWorkspace: a new workspace state's coverage, started afresh. */
    coverageComputations: { calls: 0, ms: 0 },
    /** DefaultCoverageAnalysis.analyse: coverage of one programme, analysed once per state when first asked for. */
    programmeAnalyses: { calls: 0, ms: 0 },
    /** DefaultCoverageAnalysis.ofProgramme and programmesOf: what the checks ask. */
    coverageQueries: { calls: 0, ms: 0 },
    /** RevalidatingDocumentBuilder.hasStaleWorkspaceDiagnostics: the sweep over the documents an update reached that its own build did not validate. */
    sweep: { calls: 0, ms: 0 },
    /** DefaultDependencyGraph.reachOf: what an edit can reach, from the dependency edges (before and after the change). */
    reach: { calls: 0, ms: 0 }
};

/** Wraps a method of a prototype (protected ones included), so that `probe` counts and times its calls. */
function watch(prototype: object, name: string, probe: Probe): void {
    const methods = prototype as Record<string, (...args: unknown[]) => unknown>;
    const original = methods[name];
    methods[name] = function (this: unknown, ...args: unknown[]) {
        probe.calls++;
        const start = performance.now();
        const result = original.apply(this, args);
        if (result instanceof Promise) {
            return result.finally(() => probe.ms += performance.now() - start);
        }
        probe.ms += performance.now() - start;
        return result;
    };
}

function watchServices(): void {
    watch(DefaultCoverageAnalysis.prototype, 'analyseWorkspace', probes.coverageComputations);
    watch(DefaultCoverageAnalysis.prototype, 'analyse', probes.programmeAnalyses);
    watch(DefaultCoverageAnalysis.prototype, 'ofProgramme', probes.coverageQueries);
    watch(DefaultCoverageAnalysis.prototype, 'programmesOf', probes.coverageQueries);
    watch(RevalidatingDocumentBuilder.prototype, 'hasStaleWorkspaceDiagnostics', probes.sweep);
    watch(DefaultDependencyGraph.prototype, 'reachOf', probes.reach);
}

type ProbeReadings = { [K in keyof typeof probes]: Probe };

/** The readings since the last reset; starts the probes again from zero. */
function resetProbes(): ProbeReadings {
    const readings = Object.fromEntries(Object.entries(probes).map(([name, probe]) => [name, { ...probe }])) as ProbeReadings;
    Object.values(probes).forEach(probe => {
        probe.calls = 0;
        probe.ms = 0;
    });
    return readings;
}

export async function runBenchmark(options: BenchmarkOptions): Promise<number> {
    watchServices();
    const results: SizeResult[] = [];
    const problems: string[] = [];
    const batch = options.parts.includes('batch') ? runBatchBenchmark({ root: options.root, ...options.batch }, problems) : undefined;
    for (const size of options.parts.includes('engine') ? options.sizes : []) {
        process.stderr.write(`Benchmarking ${size} files…\n`);
        const workspace = createSyntheticWorkspace(size);
        const folder = mkdtempSync(join(tmpdir(), `trainspec-bench-${size}-`));
        try {
            writeWorkspace(folder, workspace.files);
            const check = measureCheck(options, folder, size, problems);
            const inProcess = await measureUpdates(options, workspace, problems);
            results.push({ files: size, programmes: workspace.programmes.length, check, inProcess });
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    }
    if (results.length > 0) {
        printTable(results);
    }
    if (batch) {
        printBatchTable(batch);
    }
    const output = join(options.root, 'test-output', 'benchmark.json');
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, JSON.stringify({ node: process.version, date: new Date().toISOString(), results, batch, problems }, null, 2) + '\n');
    process.stdout.write(`\nWritten to ${output}\n`);
    if (problems.length > 0) {
        process.stderr.write(`\n${problems.length} correctness problem(s):\n${problems.slice(0, 20).map(problem => `  ${problem}`).join('\n')}\n`);
        return 1;
    }
    return 0;
}

function writeWorkspace(folder: string, files: Record<string, string>): void {
    for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(folder, path)), { recursive: true });
        writeFileSync(join(folder, path), text);
    }
}

/**
 * Runs `node bin/trainspec.js check <folder> --format json` as its own process. GNU time, when
 * present, reports the process's peak resident set size; otherwise a preloaded hook reports the
 * CLI's own `maxRSS` at exit (the same process: bin/trainspec.js runs the bundle in-process on Node 22+).
 */
function measureCheck(options: BenchmarkOptions, folder: string, size: number, problems: string[]): SizeResult['check'] {
    const gnuTime = existsSync('/usr/bin/time');
    const runsMs: number[] = [];
    const rssKb: number[] = [];
    const timeFile = join(folder, '.time');
    for (let run = 0; run < options.checkRuns; run++) {
        const nodeArgs = [join(options.root, 'bin', 'trainspec.js'), 'check', folder, '--format', 'json'];
        const hook = `process.on('exit', () => process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(timeFile)}, String(process.resourceUsage().maxRSS)))`;
        const [command, args] = gnuTime
            ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, ...nodeArgs]]
            : [process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, ...nodeArgs]];
        const start = performance.now();
        const result = spawnSync(command, args, { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 30 });
        runsMs.push(performance.now() - start);
        rssKb.push(Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()));
        if (run === 0) {
            verifyCheckReport(result.status, result.stdout, result.stderr, size, problems);
        }
    }
    return {
        medianMs: median(runsMs),
        runsMs: runsMs.map(round),
        peakRssMb: rssKb.every(Number.isFinite) ? round(Math.max(...rssKb) / 1024) : null,
        rssSource: gnuTime ? '/usr/bin/time %M' : 'process.resourceUsage().maxRSS at exit'
    };
}

function verifyCheckReport(status: number | null, stdout: string, stderr: string, size: number, problems: string[]): void {
    try {
        const report = JSON.parse(stdout) as { files: string[]; findings: Array<{ message: string }>; summary: { errors: number; warnings: number } };
        if (status !== 0 || report.files.length !== size || report.findings.length !== 0) {
            problems.push(`check of ${size} files: exit ${status}, ${report.files.length} files, ${report.findings.length} findings `
                + `(expected exit 0, ${size} files, none); first: ${report.findings[0]?.message ?? '-'}`);
        }
    } catch {
        problems.push(`check of ${size} files: exit ${status}, no JSON report: ${stderr.slice(0, 500)}`);
    }
}

/**
 * Loads the workspace the way the language server does (TestWorkspace: the built-in library,
 * WorkspaceManager.initializeWorkspace, an in-memory file system), then edits core module files.
 * Each edit that drops a cover must give exactly its includers one new gap; each restore must clear it.
 */
async function measureUpdates(options: BenchmarkOptions, synthetic: SyntheticWorkspace, problems: string[]): Promise<SizeResult['inProcess']> {
    collectGarbage();
    resetProbes();
    let start = performance.now();
    const workspace = await TestWorkspace.create(synthetic.files);
    const initialBuildMs = performance.now() - start;
    const initial = resetProbes();
    collectGarbage();
    const heapUsedMb = process.memoryUsage().heapUsed / 2 ** 20;
    verifyDiagnostics(workspace, synthetic, undefined, 'after the first build', problems);

    const updatesMs: number[] = [];
    const updatesCpuMs: number[] = [];
    const perUpdate: ProbeReadings[] = [];
    const edits = Math.min(options.edits, synthetic.coreFiles.length);
    for (let edit = 0; edit < edits; edit++) {
        // Spread the edits over the workspace, so no edit benefits from the one before.
        const coreFile = synthetic.coreFiles[Math.floor(edit * synthetic.coreFiles.length / edits)];
        const original = synthetic.files[coreFile];
        for (const [text, broken] of [[breakCoreFile(original), coreFile], [original, undefined]] as const) {
            start = performance.now();
            const cpu = process.cpuUsage();
            await workspace.write(coreFile, text);
            updatesMs.push(performance.now() - start);
            const { user, system } = process.cpuUsage(cpu);
            updatesCpuMs.push((user + system) / 1000);
            perUpdate.push(resetProbes());
            verifyDiagnostics(workspace, synthetic, broken, `after ${broken ? 'breaking' : 'restoring'} ${coreFile}`, problems);
            resetProbes();
        }
    }
    return {
        initialBuildMs: round(initialBuildMs),
        heapUsedMb: round(heapUsedMb),
        updateMedianMs: median(updatesMs),
        updatesMs: updatesMs.map(round),
        updateCpuMedianMs: median(updatesCpuMs),
        coverageComputationsInitialBuild: initial.coverageComputations.calls,
        coverageComputationsPerUpdate: perUpdate.map(each => each.coverageComputations.calls),
        programmeAnalysesPerUpdate: perUpdate.map(each => each.programmeAnalyses.calls),
        coverageQueriesPerUpdate: perUpdate.map(each => each.coverageQueries.calls),
        coverageMedianMs: median(perUpdate.map(each => each.coverageComputations.ms + each.programmeAnalyses.ms)),
        sweepMedianMs: median(perUpdate.map(each => each.sweep.ms)),
        sweepDocumentsPerUpdate: perUpdate.map(each => each.sweep.calls),
        reachMedianMs: median(perUpdate.map(each => each.reach.ms))
    };
}

/** Every user document is clean, except that the includers of a broken core file have their one gap. */
function verifyDiagnostics(workspace: TestWorkspace, synthetic: SyntheticWorkspace, brokenCoreFile: string | undefined, when: string, problems: string[]): void {
    const expected = new Map<string, string>();
    for (const programme of synthetic.programmes.filter(each => each.coreFile === brokenCoreFile)) {
        expected.set(workspace.uri(programme.path).toString(), gapAfterBreak(programme.role));
    }
    let documents = 0;
    for (const document of workspace.services.shared.workspace.LangiumDocuments.all) {
        if (document.uri.scheme === BUILTIN_SCHEME) {
            continue;
        }
        documents++;
        const diagnostics = document.diagnostics ?? [];
        const gap = expected.get(document.uri.toString());
        const ok = gap === undefined
            ? diagnostics.length === 0
            : diagnostics.length === 1 && diagnostics[0].code === DiagnosticCode.UncoveredRequirement && dataString(diagnostics[0], 'item') === gap;
        if (!ok) {
            problems.push(`${when}: ${document.uri.path} has ${JSON.stringify(diagnostics.map(each => each.message))}, expected ${gap ? `only the gap ${gap}` : 'none'}`);
        }
    }
    if (documents !== Object.keys(synthetic.files).length) {
        problems.push(`${when}: ${documents} documents in the workspace, expected ${Object.keys(synthetic.files).length}`);
    }
}

function printTable(results: SizeResult[]): void {
    const header = ['files', 'programmes', 'check ms', 'check peak RSS MB', 'first build ms', 'heap MB',
        'update ms', 'update min–max', 'of which coverage', 'of which sweep', 'coverage computations per update', 'programme analyses per update'];
    const rows = results.map(result => [
        result.files,
        result.programmes,
        round(result.check.medianMs),
        result.check.peakRssMb ?? 'n/a',
        result.inProcess.initialBuildMs,
        result.inProcess.heapUsedMb,
        result.inProcess.updateMedianMs,
        `${Math.min(...result.inProcess.updatesMs)}–${Math.max(...result.inProcess.updatesMs)}`,
        result.inProcess.coverageMedianMs,
        result.inProcess.sweepMedianMs,
        range(result.inProcess.coverageComputationsPerUpdate),
        range(result.inProcess.programmeAnalysesPerUpdate)
    ].map(String));
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => row[column].length)));
    const line = (cells: string[]): string => cells.map((cell, column) => column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])).join(' | ');
    process.stdout.write('\nTimes in ms; update figures are medians over every update (one breaking and one restoring each edited file).\n');
    process.stdout.write(`\n${line(header)}\n${widths.map(width => '-'.repeat(width)).join('-|-')}\n${rows.map(line).join('\n')}\n`);
    for (const result of results) {
        process.stdout.write(`${result.files} files: an update took ${result.inProcess.updateCpuMedianMs} CPU-ms (median); coverage computed ${result.inProcess.coverageComputationsInitialBuild}× in the first build; `
            + `per update ${range(result.inProcess.coverageQueriesPerUpdate)} coverage queries were answered from ${range(result.inProcess.coverageComputationsPerUpdate)} computation(s), `
            + `the sweep re-ran the workspace checks of ${range(result.inProcess.sweepDocumentsPerUpdate)} documents, `
            + `and finding what each update reaches took ${result.inProcess.reachMedianMs} ms (median).\n`);
    }
}

function range(values: number[]): string {
    const low = Math.min(...values);
    const high = Math.max(...values);
    return low === high ? String(low) : `${low}–${high}`;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return round(sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}

function collectGarbage(): void {
    (globalThis as { gc?: () => void }).gc?.();
}
