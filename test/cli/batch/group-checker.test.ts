import { describe, expect, test } from 'vitest';
import { DefaultGroupChecker, type TaskFile } from '../../../cli/src/batch/group-checker.js';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';

function file(name: string, text: string, group: number): TaskFile {
    return { path: `/workspace/${name}`, displayPath: name, text, group };
}

describe('DefaultGroupChecker', () => {
    test('a task of many groups is built in parts, each group whole, and each file\'s findings are its own', async () => {
        // 30 one-file programmes, then a group of 4 files (a programme and three module files) that straddles the first 20 files.
        const files: TaskFile[] = Array.from({ length: 18 }, (_, index) =>
            file(`p${index}.tspec`, `programme P${index} "P${index}" {\n    prepares PSO\n}\n`, index));
        files.push(
            file('shared.tspec', 'programme Shared "Shared" {\n    prepares PSO\n    includes A, B, C\n}\n', 18),
            file('a.tspec', 'module A "A" {\n    covers RoSH.a\n}\n', 18),
            file('b.tspec', 'module B "B" {\n    covers RoSH.a\n}\n', 18),
            file('c.tspec', 'module C "C" {\n    covers Unknown\n}\n', 18)
        );
        files.push(...Array.from({ length: 12 }, (_, index) => file(`q${index}.tspec`, `programme Q${index} "Q${index}" {\n    prepares PSO\n}\n`, 19 + index)));
        const results = await new DefaultGroupChecker({}).check({ files });
        expect(results).toHaveLength(files.length);
        // The group's files saw each other: only the really unknown name is unresolved, and nothing crossed into another group.
        expect(results.flatMap(result => result.unresolved)).toEqual(['Unknown']);
        expect(results.flatMap(result => result.crossings)).toEqual([]);
        expect(results[19].declarations).toEqual([['A', 'Module']]);
        expect(results[21].findings.map(finding => finding.code)).toContain(DiagnosticCode.UnresolvedReference);
        // Every one-file programme reports its own gaps, the same as the first one.
        const gaps = (index: number) => results[index].findings.map(finding => finding.message);
        expect(gaps(0).length).toBeGreaterThan(0);
        expect(gaps(17)).toEqual(gaps(0).map(message => message.replace(/P0\b/g, 'P17')));
        expect(gaps(30)).toEqual(gaps(0).map(message => message.replace(/P0\b/g, 'Q8')));
    });
});
