// A tiny test runner for the extension host: no dependencies, mocha-like output.
// Each test runs in order with its own time limit; a failure never stops the later tests.
// The report goes to the console and, when TRAINSPEC_E2E_REPORT names a file, to that file too
// (under code-server the extension host's console is not the runner's terminal).
import { appendFileSync } from 'node:fs';

export interface TestCase {
    name: string;
    timeoutMs: number;
    body: () => Promise<void>;
}

const tests: TestCase[] = [];

/** Registers a test. Tests run in the order they are registered. */
export function test(name: string, body: () => Promise<void>, timeoutMs = 30_000): void {
    tests.push({ name, body, timeoutMs });
}

export function report(line: string): void {
    console.log(line);
    const file = process.env.TRAINSPEC_E2E_REPORT;
    if (file) {
        try {
            appendFileSync(file, `${line}\n`);
        } catch {
            // The console still has it.
        }
    }
}

/** Runs every registered test; throws when one failed, so the host exits with code 1. */
export async function runTests(): Promise<void> {
    let passed = 0;
    const failures: string[] = [];
    for (const testCase of tests) {
        const started = Date.now();
        try {
            await withTimeout(testCase.body(), testCase.timeoutMs, testCase.name);
            passed++;
            report(`  ✔ ${testCase.name} (${Date.now() - started} ms)`);
        } catch (error) {
            failures.push(testCase.name);
            const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
            report(`  ✘ ${testCase.name} (${Date.now() - started} ms)`);
            report(detail.split('\n').map(line => `      ${line}`).join('\n'));
        }
    }
    report(`${passed} passed, ${failures.length} failed`);
    if (failures.length > 0) {
        throw new Error(`${failures.length} of ${tests.length} tests failed: ${failures.join('; ')}`);
    }
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, name: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`'${name}' timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
        return await Promise.race([promise, timeout]);
    } finally {
        clearTimeout(timer);
    }
}

export function assert(condition: unknown, message: string): asserts condition {
    if (!condition) {
        throw new Error(message);
    }
}
