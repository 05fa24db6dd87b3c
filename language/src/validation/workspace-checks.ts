import type { AstNode, DiagnosticInfo, ValidationAcceptor, ValidationCheck, ValidationChecks, ValidationRegistry } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { WORKSPACE_CATEGORY } from './diagnostic-codes.js';
import { diagnosticData } from './diagnostic-data.js';

/** Marks the diagnostics of workspace-dependent checks, so they can be told apart later. */
const MARK = 'workspaceDependent';

export function isWorkspaceDependent(diagnostic: Diagnostic): boolean {
    return diagnosticData(diagnostic, MARK) === true;
}

/**
 * Registers checks whose results depend on other documents under the workspace category,
 * marking each of their diagnostics (see RevalidatingDocumentBuilder).
 */
export function registerWorkspaceChecks<T>(registry: ValidationRegistry, checks: ValidationChecks<T>, thisObj: object): void {
    const marked: Record<string, ValidationCheck[]> = {};
    for (const [type, value] of Object.entries(checks as Record<string, ValidationCheck | ValidationCheck[] | undefined>)) {
        const list = Array.isArray(value) ? value : value ? [value] : [];
        marked[type] = list.map(check => markingCheck(check, thisObj));
    }
    registry.register(marked, undefined, WORKSPACE_CATEGORY);
}

function markingCheck(check: ValidationCheck, thisObj: object): ValidationCheck {
    return (node, accept, cancelToken) => {
        const markingAccept: ValidationAcceptor = <N extends AstNode>(severity: Parameters<ValidationAcceptor>[0], message: string, info: DiagnosticInfo<N>) =>
            accept(severity, message, { ...info, data: { ...(info.data as object | undefined), [MARK]: true } });
        return check.call(thisObj, node, markingAccept, cancelToken);
    };
}
