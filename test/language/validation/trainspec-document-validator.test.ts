import { describe, expect, test } from 'vitest';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../../language/src/validation/trainspec-document-validator.js';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { TestWorkspace } from '../../support/test-workspace.js';

describe('TrainSpecDocumentValidator', () => {
    test('unknown names count towards the cap of diagnostics per file like every other problem', async () => {
        const unknown = Array.from({ length: MAX_DIAGNOSTICS_PER_FILE + 200 }, (_, index) => `Zq${index}`);
        const workspace = await TestWorkspace.create({
            'flood.tspec': `programme Flood "Flood" {\n    prepares PSO\n    module Many "Many" {\n        covers ${unknown.join(', ')}\n    }\n}\n`
        });
        const diagnostics = workspace.document('flood.tspec').diagnostics ?? [];
        expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
        expect(diagnostics.slice(0, MAX_DIAGNOSTICS_PER_FILE).every(diagnostic => diagnostic.code === DiagnosticCode.UnresolvedReference)).toBe(true);
        const last = diagnostics[MAX_DIAGNOSTICS_PER_FILE];
        expect(last.code).toBe(DiagnosticCode.TooManyProblems);
        // 200 more unknown names, and the coverage gaps of the programme.
        const message = typeof last.message === 'string' ? last.message : last.message.value;
        expect(message).toMatch(/^(\d+) more problems in this file are not shown\.$/);
        expect(Number(/^\d+/.exec(message)?.[0])).toBeGreaterThan(200);
    });
});
