import type { AstNode, Reference, ValidationAcceptor, ValidationChecks } from 'langium';
import type { Area, Module, Programme, Role, Route, TrainSpecAstType } from '../generated/ast.js';
import { DiagnosticCode } from './diagnostic-codes.js';

/** A reference in a list, with where a diagnostic on it goes. */
interface ListedReference {
    reference: Reference;
    node: AstNode;
    property: string;
    index: number;
}

/**
 * A name listed twice (`prepares PO, PO`, `covers RoSH.a` on two lines) adds nothing and
 * would be counted twice; each repeat after the first is a warning on the repeat. Every list
 * of references in both languages is checked, across all the lines that add to it.
 */
export class RepeatedReferenceValidator {
    readonly checks: ValidationChecks<TrainSpecAstType> = {
        Programme: [
            (programme: Programme, accept) => reportRepeats(listed(programme, 'roles', programme.roles), 'programme', 'prepares', accept),
            (programme: Programme, accept) => reportRepeats(listed(programme, 'includes', programme.includes), 'programme', 'includes', accept)
        ],
        Module: (module: Module, accept) => reportRepeats(listed(module, 'covers', module.covers), 'module', 'covers', accept),
        Role: [
            (role: Role, accept) => reportRepeats(listed(role, 'extends', role.extends), 'role', 'extends', accept),
            (role: Role, accept) => reportRepeats(role.requirements.flatMap(requirement => listed(requirement, 'items', requirement.items)), 'role', 'requires', accept)
        ],
        Area: (area: Area, accept) => reportRepeats(listed(area, 'units', area.units), 'area', 'units', accept),
        Route: (route: Route, accept) => reportRepeats(listed(route, 'qualifications', route.qualifications), 'route', 'qualifications', accept)
    };
}

function listed(node: AstNode, property: string, references: Reference[]): ListedReference[] {
    return references.map((reference, index) => ({ reference, node, property, index }));
}

function reportRepeats(references: ListedReference[], owner: string, keyword: string, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const { reference, node, property, index } of references) {
        // By the name as written (without spaces, which a qualified name may hold), so that a
        // repeat is found whether or not the name resolves.
        const name = (reference.$refText ?? '').replace(/\s+/g, '');
        if (!name) {
            continue;
        }
        if (seen.has(name)) {
            accept('warning', `'${name}' is already listed under '${keyword}' in this ${owner}; remove the repeat.`,
                // The reference's own range where it has one: finding the node by property and index walks the
                // whole list each time, which makes thousands of repeats quadratic.
                { node, ...(reference.$refNode ? { range: reference.$refNode.range } : { property, index }), code: DiagnosticCode.RepeatedReference, data: { code: DiagnosticCode.RepeatedReference, name } });
        }
        seen.add(name);
    }
}
