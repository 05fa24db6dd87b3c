import { afterEach, describe, expect, test, vi } from 'vitest';
import { NameIndex } from '../../../language/src/references/did-you-mean.js';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { TestWorkspace } from '../../support/test-workspace.js';

/** A module covering `names`. */
function covering(names: string[], hours = 10): string {
    return `module Typos "Typos" {\n    hours ${hours}\n    covers ${names.join(', ')}\n}\n`;
}

const TYPOS = ['RoSH.z', 'PsoAsessRisk', 'Comunication.a', 'Enagge.b', 'Diversty.c'];

describe('did you mean, from one workspace state to the next', () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });

    test('an edit that leaves the names in scope as they were searches for no unknown name again', async () => {
        const workspace = await TestWorkspace.create({ 'typos.tspec': covering(TYPOS) });
        const first = workspace.messages('typos.tspec', DiagnosticCode.UnresolvedReference);
        expect(first).toHaveLength(TYPOS.length);
        expect(first.every(message => message.includes('Did you mean'))).toBe(true);
        // The work counted is the searches of the names in scope; an answer remembered costs none.
        const search = vi.spyOn(NameIndex.prototype as unknown as { search: () => string[] }, 'search');
        await workspace.write('typos.tspec', covering(TYPOS, 11));
        expect(search).not.toHaveBeenCalled();
        expect(workspace.messages('typos.tspec', DiagnosticCode.UnresolvedReference)).toEqual(first);
        await workspace.write('typos.tspec', covering([...TYPOS, 'Engage.x'], 11));
        expect(search).toHaveBeenCalledTimes(1);
    });

    test('a name declared since is suggested: new names in scope make a new index', async () => {
        const workspace = await TestWorkspace.create({ 'typos.tspec': covering(['Briefng']) });
        expect(workspace.messages('typos.tspec', DiagnosticCode.UnresolvedReference)).toEqual([`Unknown standard 'Briefng'.`]);
        await workspace.write('team.nos', 'unit Briefing "Brief the team" in RiskSkills');
        await workspace.write('typos.tspec', covering(['Briefng'], 11));
        expect(workspace.messages('typos.tspec', DiagnosticCode.UnresolvedReference)).toEqual([`Unknown standard 'Briefng'. Did you mean 'Briefing'?`]);
    });
});
