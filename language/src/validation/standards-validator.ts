import { AstUtils, DocumentState, WorkspaceCache, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { sentenceSubject } from '../catalogue/item-descriptions.js';
import { isRole, type Role, type TrainSpecAstType } from '../generated/ast.js';
import type { TrainSpecServices } from '../trainspec-module.js';
import { DiagnosticCode } from './diagnostic-codes.js';
import { extendsRings } from './extends-rings.js';

/** Checks of catalogues whose outcome may depend on other catalogues, such as role inheritance. */
export class StandardsValidator {
    readonly checks: ValidationChecks<TrainSpecAstType> = {
        Role: this.checkNoExtendsCycle
    };

    /** The cycle to report on each role that gets one: one per ring, found once per linked workspace. */
    protected readonly cycles: WorkspaceCache<'cycles', Map<Role, Role[]>>;

    constructor(protected readonly services: TrainSpecServices) {
        this.cycles = new WorkspaceCache(services.shared, DocumentState.Linked);
    }

    checkNoExtendsCycle(role: Role, accept: ValidationAcceptor): void {
        const cycle = this.cycles.get('cycles', () => this.findCycles()).get(role);
        if (cycle) {
            // On the `extends` reference that leads into the cycle, not necessarily the first one.
            const index = Math.max(0, role.extends.findIndex(ref => ref.ref === cycle[1]));
            accept('error', `${sentenceSubject(role)} extends itself through ${cycle.map(each => this.services.shared.coverage.CoverageLabels.role(each)).join(' → ')}.`, {
                node: role,
                property: 'extends',
                index,
                code: DiagnosticCode.RoleExtendsCycle,
                data: { code: DiagnosticCode.RoleExtendsCycle, role: role.name, cycle: cycle.map(each => each.name) }
            });
        }
    }

    /** Each ring is reported once, on its role that comes first in the workspace (by file, then position). */
    protected findCycles(): Map<Role, Role[]> {
        const roles = this.services.shared.workspace.LangiumDocuments.all
            .flatMap(document => AstUtils.streamAllContents(document.parseResult.value).filter(isRole));
        const rings = extendsRings(roles, (a, b) => compareText(workspaceOrder(a), workspaceOrder(b)) || offset(a) - offset(b));
        return new Map(rings.map(cycle => [cycle[0], cycle]));
    }
}

function workspaceOrder(role: Role): string {
    return AstUtils.getDocument(role).uri.toString();
}

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function offset(role: Role): number {
    return role.$cstNode?.offset ?? 0;
}
