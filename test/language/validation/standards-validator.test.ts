import { AstUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { isRole } from '../../../language/src/generated/ast.js';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { extendsRings, type RingWork } from '../../../language/src/validation/extends-rings.js';
import { TestWorkspace } from '../../support/test-workspace.js';

describe('role extends cycles', () => {
    test('two roles in two catalogues that extend each other are one error, on the role of the first catalogue', async () => {
        const workspace = await TestWorkspace.create({
            'mentor.nos': `role Mentor "Mentor" extends Coach {
    requires RoSH
}`,
            'coach.nos': `role Coach "Coach" extends Mentor {
    requires Diversity
}`
        });
        expect(workspace.diagnostics('mentor.nos')).toEqual([]);
        expect(workspace.diagnostics('coach.nos')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                code: DiagnosticCode.RoleExtendsCycle,
                message: `Role 'Coach' extends itself through Coach → Mentor → Coach.`,
                range: workspace.rangeOf('coach.nos', 'Mentor')
            })
        ]);
    });

    test('a role that extends itself is an error on the extends reference that closes the cycle', async () => {
        const workspace = await TestWorkspace.create({ 'roles.nos': `role Loop "Loop" extends PSO, Loop { }` });
        expect(workspace.diagnostics('roles.nos')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                code: DiagnosticCode.RoleExtendsCycle,
                message: `Role 'Loop' extends itself through Loop → Loop.`,
                range: workspace.rangeOf('roles.nos', 'Loop', 2)
            })
        ]);
    });

    test('each ring is reported once, also when one of its roles extends another ring', async () => {
        const workspace = await TestWorkspace.create({
            'others.nos': `role Mentor "Mentor" extends Coach { }
role Coach "Coach" extends Mentor { }`,
            'lead.nos': `role Lead "Lead" extends Mentor, Deputy { }
role Deputy "Deputy" extends Lead { }`
        });
        expect(workspace.diagnostics('lead.nos')).toEqual([
            expect.objectContaining({ message: `Role 'Lead' extends itself through Lead → Deputy → Lead.`, range: workspace.rangeOf('lead.nos', 'Deputy') })
        ]);
        expect(workspace.messages('others.nos')).toEqual([`Role 'Mentor' extends itself through Mentor → Coach → Mentor.`]);
    });

    test('a role that extends a cycle without being part of it has no error of its own', async () => {
        const workspace = await TestWorkspace.create({
            'cycle.nos': `role Mentor "Mentor" extends Coach { }
role Coach "Coach" extends Mentor { }`,
            'trainee.nos': `role Trainee "Trainee" extends Mentor { }`
        });
        expect(workspace.messages('cycle.nos', DiagnosticCode.RoleExtendsCycle)).toHaveLength(1);
        expect(workspace.diagnostics('trainee.nos')).toEqual([]);
    });

    test('a ring of 1,600 roles is one error, naming the whole ring; found in steps linear in the roles', async () => {
        const size = 1600;
        const ring = Array.from({ length: size }, (_, i) => `role R${i} "Role ${i}" extends R${(i + 1) % size} { requires RoSH.a }`).join('\n');
        const workspace = await TestWorkspace.create({ 'ring.nos': ring });
        const messages = workspace.messages('ring.nos', DiagnosticCode.RoleExtendsCycle);
        expect(messages).toHaveLength(1);
        expect(messages[0]).toBe(`Role 'Role 0' extends itself through ${[...Array.from({ length: size }, (_, i) => `Role ${i}`), 'Role 0'].join(' → ')}.`);
        const roles = AstUtils.streamAllContents(workspace.document('ring.nos').parseResult.value).filter(isRole).toArray();
        const work: RingWork = { steps: 0 };
        expect(extendsRings(roles, () => 0, work)).toHaveLength(1);
        expect(work.steps).toBeGreaterThanOrEqual(size);
        expect(work.steps).toBeLessThanOrEqual(4 * size);
    });

    test('a chain of roles across catalogues without a cycle has no error', async () => {
        const workspace = await TestWorkspace.create({
            'senior.nos': `role SeniorPO "Senior probation officer" extends PO, HighRiskCaseManager { requires HighRoSH }`,
            'lead.nos': `role LeadPO "Lead probation officer" extends SeniorPO { }`
        });
        expect(workspace.diagnostics('senior.nos')).toEqual([]);
        expect(workspace.diagnostics('lead.nos')).toEqual([]);
    });
});
