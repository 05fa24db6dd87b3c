import { describe, expect, test } from 'vitest';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { TestWorkspace } from '../../support/test-workspace.js';

// A name declared in two files is an error on each, but references to it still resolve: always
// to the same declaration, however the files were loaded or edited, so a fresh check and an
// editor session agree.

const PROGRAMME = `programme Court "Court team" {
    prepares CourtWorkSpecialist
    includes Hearings
}`;
const hearings = (covers: string) => `module Hearings "Hearings" { covers ${covers} }`;
/** Each declaration of Hearings covers one of the two units Court Work requires, so the programme's gap says which one it includes. */
const A = hearings('ExchangeInformationAtHearings');
const B = hearings('DevelopSentencingProposals');
const GAP_WITH_A = `No module covers the NOS unit "Develop proposals and prepare reports to inform sentencing", which Specialist: Court Work requires.`;
const ORPHAN = `Module 'Hearings' belongs to no programme. Add it to one with a line such as 'includes Hearings'.`;

describe('a name declared in two files', () => {
    test('references resolve to the declaration in the file that comes first by name, whatever order the files were loaded in', async () => {
        for (const files of [{ 'programme.tspec': PROGRAMME, 'a.tspec': A, 'b.tspec': B }, { 'b.tspec': B, 'a.tspec': A, 'programme.tspec': PROGRAMME }]) {
            const workspace = await TestWorkspace.create(files);
            expect(workspace.messages('programme.tspec'), Object.keys(files).join(', ')).toEqual([GAP_WITH_A]);
            expect(workspace.messages('a.tspec', DiagnosticCode.OrphanModule)).toEqual([]);
            expect(workspace.messages('b.tspec', DiagnosticCode.OrphanModule)).toEqual([ORPHAN]);
        }
    });

    test('an edit to the file that takes precedence leaves references resolving into it', async () => {
        const workspace = await TestWorkspace.create({ 'programme.tspec': PROGRAMME, 'a.tspec': A, 'b.tspec': B });
        // Rebuilt, a.tspec is indexed after b.tspec; the order of the index must not decide.
        await workspace.write('a.tspec', `${A}\n// edited\n`);
        expect(workspace.messages('programme.tspec')).toEqual([GAP_WITH_A]);
        expect(workspace.messages('b.tspec', DiagnosticCode.OrphanModule)).toEqual([ORPHAN]);
    });

    test('the built-in library takes precedence over a workspace file that redefines one of its names', async () => {
        const workspace = await TestWorkspace.create({
            'a.nos': `unit CommunityConcerns "A unit of the workspace's own" { }`,
            'programme.tspec': `programme Safety "Safety" { prepares CommunitySafetySpecialist module Concerns "Concerns" { covers CommunityConcerns } }`
        });
        expect(workspace.messages('a.nos', DiagnosticCode.BuiltinRedefined)).toHaveLength(1);
        expect(workspace.messages('programme.tspec')).toEqual([]);
    });
});
