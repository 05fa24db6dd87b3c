import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Role, TrainSpecAstType } from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import { DiagnosticCode } from './diagnostic-codes.js';

/** Checks of catalogues whose outcome may depend on other catalogues, such as role inheritance. */
export class StandardsValidator {
    readonly checks: ValidationChecks<TrainSpecAstType> = {
        Role: this.checkNoExtendsCycle
    };

    constructor(protected readonly services: TrainSpecServices) {}

    checkNoExtendsCycle(role: Role, accept: ValidationAcceptor): void {
        const cycle = this.services.shared.coverage.RequirementResolver.resolve(role).cycle;
        if (cycle && cycle[0] === role && cycle[cycle.length - 1] === role) {
            // On the `extends` reference that leads into the cycle, not necessarily the first one.
            const index = Math.max(0, role.extends.findIndex(ref => ref.ref === cycle[1]));
            const labels = this.services.shared.coverage.CoverageLabels;
            accept('error', `${labels.role(role)} extends itself through ${cycle.map(each => labels.role(each)).join(' → ')}.`, {
                node: role,
                property: 'extends',
                index,
                code: DiagnosticCode.RoleExtendsCycle,
                data: { code: DiagnosticCode.RoleExtendsCycle, role: role.name, cycle: cycle.map(each => each.name) }
            });
        }
    }
}
