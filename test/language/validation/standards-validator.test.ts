import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { TestWorkspace } from '../../support/test-workspace.js';

describe('role extends cycles', () => {
    test('two roles in two catalogues that extend each other are an error on each extends', async () => {
        const workspace = await TestWorkspace.create({
            'mentor.nos': `role Mentor "Mentor" extends Coach {
    requires RoSH
}`,
            'coach.nos': `role Coach "Coach" extends Mentor {
    requires Diversity
}`
        });
        expect(workspace.diagnostics('mentor.nos')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                code: DiagnosticCode.RoleExtendsCycle,
                message: `Mentor extends itself through Mentor → Coach → Mentor.`,
                range: workspace.rangeOf('mentor.nos', 'Coach')
            })
        ]);
        expect(workspace.diagnostics('coach.nos')).toEqual([
            expect.objectContaining({
                severity: DiagnosticSeverity.Error,
                code: DiagnosticCode.RoleExtendsCycle,
                message: `Coach extends itself through Coach → Mentor → Coach.`,
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
                message: `Loop extends itself through Loop → Loop.`,
                range: workspace.rangeOf('roles.nos', 'Loop', 2)
            })
        ]);
    });

    test('a role in a cycle is reported even when it also extends another cycle that is found first', async () => {
        const workspace = await TestWorkspace.create({
            'others.nos': `role Mentor "Mentor" extends Coach { }
role Coach "Coach" extends Mentor { }`,
            'lead.nos': `role Lead "Lead" extends Mentor, Deputy { }
role Deputy "Deputy" extends Lead { }`
        });
        expect(workspace.diagnostics('lead.nos')).toEqual([
            expect.objectContaining({ message: `Lead extends itself through Lead → Deputy → Lead.`, range: workspace.rangeOf('lead.nos', 'Deputy') }),
            expect.objectContaining({ message: `Deputy extends itself through Deputy → Lead → Deputy.`, range: workspace.rangeOf('lead.nos', 'Lead', 2) })
        ]);
    });

    test('a role that extends a cycle without being part of it has no error of its own', async () => {
        const workspace = await TestWorkspace.create({
            'cycle.nos': `role Mentor "Mentor" extends Coach { }
role Coach "Coach" extends Mentor { }`,
            'trainee.nos': `role Trainee "Trainee" extends Mentor { }`
        });
        expect(workspace.messages('cycle.nos', DiagnosticCode.RoleExtendsCycle)).toHaveLength(2);
        expect(workspace.diagnostics('trainee.nos')).toEqual([]);
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
