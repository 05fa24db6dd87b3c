import * as fc from 'fast-check';
import { test, vi } from 'vitest';
import { exerciseEveryProvider } from '../../support/every-provider.js';
import { cursorOffsets, halfTypedDocuments } from '../../support/half-typed-specs.js';
import { TestWorkspace } from '../../support/test-workspace.js';

test('explore', async () => {
    const workspace = await TestWorkspace.create({
        'shared.tspec': 'module Shared "Shared module" {\n    hours 6\n    covers RoSH.c, CommunicateEffectively\n}\n',
        'provider.nos': 'role Local "A local role" extends PSO {\n    requires RoSH.d\n}\n'
    });
    const spies = (['error', 'warn'] as const).map(level => vi.spyOn(console, level).mockImplementation(() => undefined));
    const seen = new Map<string, { count: number; example: string; detail: string }>();
    const samples = fc.sample(halfTypedDocuments(), { seed: Number(process.env.SEED ?? 1), numRuns: Number(process.env.RUNS ?? 200) });
    for (const inputs of samples) {
        spies.forEach(s => s.mockClear());
        const problems: Array<[string, string]> = [];
        for (const input of inputs) await workspace.write(`typing.${input.language}`, input.text);
        for (const input of inputs) {
            const path = `typing.${input.language}`;
            const document = workspace.document(path);
            const services = input.language === 'tspec' ? workspace.services.spec : workspace.services.standards;
            const failures = await exerciseEveryProvider(services, document, cursorOffsets(input.text));
            problems.push(...failures.map(f => [`${f.provider}: ${f.error.split('\n')[0].replace(/…[^…]*…/, '')}`, f.error.split('\n').slice(0, 5).join('\n')] as [string, string]));
        }
        for (const path of [...inputs.map(i => `typing.${i.language}`), 'shared.tspec', 'provider.nos']) {
            workspace.messages(path).filter(m => /\bundefined\b|''|\(\)|\bnull\b|NaN/.test(m)).forEach(m => problems.push([`message: ${m.replace(/'[^']*'/g, "'…'").slice(0, 60)}`, m]));
        }
        spies.forEach(s => s.mock.calls.forEach(c => problems.push([`logged: ${String(c[0]).split('\n')[0]}`, String(c[0]).split('\n').slice(0, 4).join('\n')])));
        for (const [key, detail] of problems) {
            const entry = seen.get(key);
            if (entry) entry.count++; else seen.set(key, { count: 1, example: JSON.stringify(inputs.map(i => i.text)), detail });
        }
        for (const input of inputs) await workspace.delete(`typing.${input.language}`);
    }
    spies.forEach(s => s.mockRestore());
    for (const [key, { count, example, detail }] of seen) {
        console.log(`\n### ${count}× ${key}\n  e.g. ${example.slice(0, 1500)}\n${detail}`);
    }
}, 900_000);
