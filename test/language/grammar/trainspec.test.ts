import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { Spec } from '../../../language/src/generated/ast.js';
import { createTrainSpecServices } from '../../../language/src/trainspec-module.js';

const parse = parseHelper<Spec>(createTrainSpecServices(EmptyFileSystem).spec);

describe('the programme spec grammar (.tspec)', () => {
    test('reads a programme whose clauses come in any order, with nested modules and comments', async () => {
        const document = await parse(`// A programme for probation services officers.
programme Officers "Probation services officers" {
    includes Shared, Induction
    /* The target roles. */
    prepares PSO, PO
    route PsoRoute
    pathway CourtWork
    module Risk "Risk of \\"serious\\" harm" {
        covers RoSH.a, AssessRiskOfHarm
        hours 12.5
        assessed by observation, "written assignment"
    }
}
module Shared "Shared" { hours -5 }`);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const [programme, shared] = document.parseResult.value.elements;
        expect(programme).toMatchObject({
            $type: 'Programme',
            name: 'Officers',
            title: 'Probation services officers',
            roles: [{ $refText: 'PSO' }, { $refText: 'PO' }],
            route: { $refText: 'PsoRoute' },
            pathway: { $refText: 'CourtWork' },
            includes: [{ $refText: 'Shared' }, { $refText: 'Induction' }],
            modules: [{
                name: 'Risk',
                title: 'Risk of "serious" harm',
                covers: [{ $refText: 'RoSH.a' }, { $refText: 'AssessRiskOfHarm' }],
                hours: 12.5,
                assessments: [{ method: 'observation' }, { method: 'written assignment' }]
            }]
        });
        expect(shared).toMatchObject({ $type: 'Module', name: 'Shared', hours: -5, covers: [] });
    });

    test('an empty file is an empty spec', async () => {
        const document = await parse('');
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.parseResult.value.elements).toEqual([]);
    });

    test('a programme without its quoted title is a syntax error at the brace', async () => {
        const document = await parse(`programme Officers {
    prepares PSO
}`);
        expect(document.parseResult.parserErrors.map(error => error.token.image)).toEqual(['{']);
    });

    test('a clause outside any programme or module is a syntax error', async () => {
        const document = await parse(`prepares PSO`);
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        expect(document.parseResult.parserErrors[0].token.image).toBe('prepares');
    });
});
