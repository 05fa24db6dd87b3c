import { isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

/**
 * Plain loops over a syntax tree, in exactly the order of Langium's `streamAst` and
 * `streamReferences` (depth first, a node before its children, properties in key order, `$`
 * properties left out), for the build phases that walk every node of every document.
 *
 * Langium's walks are lazy streams, and its phases await a cancellation check at every node.
 * Where nothing can cancel (a batch check builds with `CancellationToken.None`, and then
 * `interruptAndCheck` returns at once) those awaits and stream objects are pure overhead: they
 * were a fifth of a batch check's time and much of its garbage.
 */

/** Whether a build phase runs with no token that could cancel it, so a plain loop may do its walk. */
export function isUncancellable(cancelToken: CancellationToken | undefined): boolean {
    return cancelToken === undefined || cancelToken === CancellationToken.None;
}

/**
 * Calls `visit` on `root` (unless `includeRoot` is false) and every node below it, depth first.
 * When `visit` returns false, the node's children are skipped. An explicit stack rather than
 * recursion, so that no depth of nesting can overflow the call stack.
 */
export function forEachAstNode(root: AstNode, visit: (node: AstNode) => boolean | void, includeRoot = true): void {
    const stack: AstNode[] = [];
    if (includeRoot) {
        stack.push(root);
    } else {
        pushChildren(root, stack);
    }
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
        if (visit(node) !== false) {
            pushChildren(node, stack);
        }
    }
}

/** Calls `visit` with each reference a node holds directly, as `streamReferences` lists them. */
export function forEachReference(node: AstNode, visit: (reference: ReferenceInfo) => void): void {
    // `for in` lists a plain object's own keys in the order of Object.keys without making an array of them.
    for (const property in node) {
        if (isInternal(property)) {
            continue;
        }
        const value: unknown = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value) || isMultiReference(value)) {
            visit({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            value.forEach((element: unknown, index) => {
                if (isReference(element) || isMultiReference(element)) {
                    visit({ reference: element, container: node, property, index });
                }
            });
        }
    }
}

/** Pushes a node's children so that they pop in `streamContents` order: the last one first. */
function pushChildren(node: AstNode, stack: AstNode[]): void {
    const start = stack.length;
    for (const property in node) {
        if (isInternal(property)) {
            continue;
        }
        const value: unknown = (node as unknown as Record<string, unknown>)[property];
        if (isAstNode(value)) {
            stack.push(value);
        } else if (Array.isArray(value)) {
            for (const element of value) {
                if (isAstNode(element)) {
                    stack.push(element);
                }
            }
        }
    }
    // Children were pushed in order; reverse them in place so the first child is popped first.
    for (let low = start, high = stack.length - 1; low < high; low++, high--) {
        const swap = stack[low];
        stack[low] = stack[high];
        stack[high] = swap;
    }
}

/** `$type`, `$container`, `$cstNode` and the like: never children. */
function isInternal(property: string): boolean {
    return property.charCodeAt(0) === 0x24 /* $ */;
}
