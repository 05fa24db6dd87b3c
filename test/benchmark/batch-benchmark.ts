/**
 * The batch check part of `npm run bench` (issue 6 §4): `trainspec check` cold, warm with
 * nothing changed and warm with one module file changed, on 10,000 specs in two shapes, as
 * ratios to a floor measured in the same run: reading every file and running TrainSpec's own
 * lexer over it on one thread (median of 3).
 *
 * Peak memory is that of the one `trainspec` process: its worker threads live in it, so the
 * process's peak resident set covers the main thread and every worker together.
 *
 * It fails on a wrong report: a clean workspace must report nothing, and every warm report must
 * equal the cold one byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem } from 'langium';
import { CACHE_FILE_NAME } from '../../cli/src/batch/check-cache.js';
import { groupFiles } from '../../cli/src/batch/file-groups.js';
import { scanNames } from '../../cli/src/batch/name-scan.js';
import { createTrainSpecServices } from '../../language/src/trainspec-module.js';
import { changeOneModuleFile, createBatchWorkspace, type BatchShape } from './batch-workspace.js';

export interface BatchBenchmarkOptions {
    /** The repository root: where bin/trainspec.js is. */
    root: string;
    /** Specs per workspace (about 10,000 for the figures). */
    specs: number;
    /** Runs of each measure; the median is reported. */
    runs: number;
    shapes: BatchShape[];
}

export interface BatchMeasure {
    shape: BatchShape;
    measure: 'floor' | 'cold' | 'warm, nothing changed' | 'warm, one module file changed';
    medianMs: number;
    runsMs: number[];
    ratio: number;
    peakRssMb?: number;
    target: string;
}

export interface BatchBenchmarkResult {
    shapes: Array<{ shape: BatchShape; files: number; megabytes: number; groups: number; largestGroup: number }>;
    measures: BatchMeasure[];
    rssSource: string;
}

const TARGETS: Record<BatchShape, Record<Exclude<BatchMeasure['measure'], 'floor'>, string>> = {
    'self-contained': { cold: '≤ 8× floor, ≤ 400 MB', 'warm, nothing changed': '≤ 1.5× floor', 'warm, one module file changed': '≤ 2× floor' },
    clusters: { cold: '≤ 10× floor, ≤ 600 MB', 'warm, nothing changed': '≤ 1.5× floor', 'warm, one module file changed': '≤ 2× floor' }
};

export function runBatchBenchmark(options: BatchBenchmarkOptions, problems: string[]): BatchBenchmarkResult {
    const result: BatchBenchmarkResult = { shapes: [], measures: [], rssSource: existsSync('/usr/bin/time') ? '/usr/bin/time %M' : 'process.resourceUsage().maxRSS at exit' };
    for (const shape of options.shapes) {
        process.stderr.write(`Batch check: ${options.specs} specs, ${shape}…\n`);
        const workspace = createBatchWorkspace(options.specs, shape);
        const folder = mkdtempSync(join(tmpdir(), `trainspec-batch-${shape}-`));
        try {
            for (const [path, text] of Object.entries(workspace.files)) {
                mkdirSync(dirname(join(folder, path)), { recursive: true });
                writeFileSync(join(folder, path), text);
            }
            const texts = Object.entries(workspace.files);
            const groups = groupFiles(texts.map(([path, text]) => scanNames(path, text)));
            result.shapes.push({
                shape,
                files: texts.length,
                megabytes: round(texts.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0) / 2 ** 20),
                groups: groups.length,
                largestGroup: Math.max(...groups.map(group => group.length))
            });
            result.measures.push(...measureShape(options, shape, folder, workspace.moduleFile, texts.length, problems));
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    }
    return result;
}

function measureShape(options: BatchBenchmarkOptions, shape: BatchShape, folder: string, moduleFile: string, files: number, problems: string[]): BatchMeasure[] {
    const floorRuns = Array.from({ length: 3 }, () => measureFloor(folder, sourcesIn(folder)));
    const floor = median(floorRuns);
    const cache = join(folder, CACHE_FILE_NAME);
    const measures: BatchMeasure[] = [{ shape, measure: 'floor', medianMs: floor, runsMs: floorRuns.map(round), ratio: 1, target: '' }];
    const cold = Array.from({ length: options.runs }, () => {
        rmSync(cache, { force: true });
        return runCheck(options.root, folder, []);
    });
    const reference = cold[0].stdout;
    verifyClean(reference, cold[0].status, files, `${shape}, cold`, problems);
    measures.push(measureOf(shape, 'cold', cold, floor));

    rmSync(cache, { force: true });
    const primed = runCheck(options.root, folder, ['--cache']);
    expectSame(primed.stdout, reference, `${shape}, first run with --cache`, problems);
    const warm = Array.from({ length: options.runs }, () => runCheck(options.root, folder, ['--cache']));
    warm.forEach(run => expectSame(run.stdout, reference, `${shape}, warm`, problems));
    measures.push(measureOf(shape, 'warm, nothing changed', warm, floor));

    // Change the file, then restore it: each run finds exactly one file changed since the run before.
    const path = join(folder, moduleFile);
    const original = readFileSync(path, 'utf8');
    const changed = Array.from({ length: options.runs }, (_, run) => {
        writeFileSync(path, run % 2 === 0 ? changeOneModuleFile(original) : original);
        return runCheck(options.root, folder, ['--cache']);
    });
    writeFileSync(path, original);
    changed.forEach(run => expectSame(run.stdout, reference, `${shape}, warm after changing ${moduleFile}`, problems));
    measures.push(measureOf(shape, 'warm, one module file changed', changed, floor));
    return measures;
}

interface CheckRun {
    ms: number;
    rssKb: number;
    status: number | null;
    stdout: string;
}

function runCheck(root: string, folder: string, extra: string[]): CheckRun {
    const timeFile = join(tmpdir(), `trainspec-batch-time-${process.pid}`);
    const nodeArgs = [join(root, 'bin', 'trainspec.js'), 'check', '.', '--format', 'json', ...extra];
    const hook = `process.on('exit', () => process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(timeFile)}, String(process.resourceUsage().maxRSS)))`;
    const [command, args] = existsSync('/usr/bin/time')
        ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, ...nodeArgs]]
        : [process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, ...nodeArgs]];
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = performance.now() - start;
    const rssKb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
    rmSync(timeFile, { force: true });
    return { ms, rssKb, status: result.status, stdout: result.stdout };
}

/** Reads every file and runs TrainSpec's lexer over it, on this one thread. */
function measureFloor(folder: string, paths: string[]): number {
    const { spec, standards } = createTrainSpecServices(EmptyFileSystem);
    const start = performance.now();
    let tokens = 0;
    for (const path of paths) {
        const lexer = extname(path) === '.nos' ? standards.parser.Lexer : spec.parser.Lexer;
        tokens += lexer.tokenize(readFileSync(join(folder, path), 'utf8')).tokens.length;
    }
    const ms = performance.now() - start;
    if (tokens === 0) {
        throw new Error('The floor read no tokens');
    }
    return ms;
}

/** The spec and catalogue files under a folder, relative to it. */
function sourcesIn(folder: string): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(path => /\.(tspec|nos)$/.test(path));
}

function measureOf(shape: BatchShape, measure: Exclude<BatchMeasure['measure'], 'floor'>, runs: CheckRun[], floor: number): BatchMeasure {
    const medianMs = median(runs.map(run => run.ms));
    return {
        shape, measure, medianMs, runsMs: runs.map(run => round(run.ms)), ratio: round(medianMs / floor),
        peakRssMb: round(Math.max(...runs.map(run => run.rssKb)) / 1024), target: TARGETS[shape][measure]
    };
}

function verifyClean(stdout: string, status: number | null, files: number, when: string, problems: string[]): void {
    try {
        const report = JSON.parse(stdout) as { files: string[]; findings: Array<{ message: string }> };
        if (status !== 0 || report.files.length !== files || report.findings.length > 0) {
            problems.push(`${when}: exit ${status}, ${report.files.length} files, ${report.findings.length} findings (expected exit 0, ${files} files, none); first: ${report.findings[0]?.message ?? '-'}`);
        }
    } catch {
        problems.push(`${when}: exit ${status}, no JSON report`);
    }
}

function expectSame(actual: string, expected: string, when: string, problems: string[]): void {
    if (actual !== expected) {
        problems.push(`${when}: the report differs from the cold check's`);
    }
}

export function printBatchTable(result: BatchBenchmarkResult): void {
    process.stdout.write('\nBatch check (issue 6 §4): medians; × floor is the ratio to reading and lexing every file on one thread in this run.\n');
    for (const shape of result.shapes) {
        process.stdout.write(`${shape.shape}: ${shape.files.toLocaleString('en-GB')} files, ${shape.megabytes} MB, ${shape.groups.toLocaleString('en-GB')} groups, largest group ${shape.largestGroup} files.\n`);
    }
    const header = ['measure', 'shape', 'ms', '× floor', 'peak RSS MB', 'target'];
    const rows = result.measures.map(each => [each.measure, each.shape, String(round(each.medianMs)), each.measure === 'floor' ? '1' : String(each.ratio),
        each.peakRssMb === undefined ? '' : String(each.peakRssMb), each.target]);
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => row[column].length)));
    const line = (cells: string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
    process.stdout.write(`\n${line(header)}\n|${widths.map(width => '-'.repeat(width + 2)).join('|')}|\n${rows.map(line).join('\n')}\n`);
    process.stdout.write(`Peak RSS: ${result.rssSource} of the trainspec process, whose worker threads share it (all threads together).\n`);
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}
