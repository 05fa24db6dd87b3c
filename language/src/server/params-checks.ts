/**
 * Small structural checks of JSON values, for the parameters a client sends: each says, in
 * plain words, what is wrong with a value (`params.position.line must be a whole number …,
 * not a string`), or nothing when the value is fine. They check the shape a handler relies
 * on, not everything the protocol allows: unknown properties pass.
 */

/** What is wrong with `value`, found at `path` (e.g. `params.textDocument`), or undefined when it is fine. */
export interface Check {
    (value: unknown, path: string): string | undefined;
    /** Whether an object property checked by this may be missing. */
    readonly optional?: boolean;
}

/** The largest integer of the protocol (`uinteger`, `integer`). */
const MAX_INTEGER = 2 ** 31 - 1;

/** A check that fails with `path must be {expected}, not {what value is}` unless `accepts(value)`. */
export function check(expected: string, accepts: (value: unknown) => boolean): Check {
    return (value, path) => accepts(value) ? undefined : `${path} must be ${expected}, not ${describe(value)}.`;
}

/** Anything at all, or nothing. */
export const anything: Check = Object.assign(() => undefined, { optional: true });
export const string = check('a string', value => typeof value === 'string');
export const boolean = check('true or false', value => typeof value === 'boolean');
export const uinteger = check(`a whole number from 0 to ${MAX_INTEGER}`, value => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_INTEGER);
export const integer = check(`a whole number from ${-MAX_INTEGER - 1} to ${MAX_INTEGER}`, value => Number.isInteger(value) && Math.abs(value as number) <= MAX_INTEGER + 1);
/** A URI has a scheme (`file:`, `untitled:`, `builtin:` …): a bare path or an empty string is not one. */
export const uri = check('a URI (a string such as file:///path/to/file.tspec)', value => typeof value === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(value));

/** One of the given values, e.g. the members of an enumeration. */
export function oneOf(...values: ReadonlyArray<string | number>): Check {
    return check(`one of ${values.map(value => JSON.stringify(value)).join(', ')}`, value => values.includes(value as string | number));
}

/** An object with (at least) these properties, each checked in turn. */
export function object(properties: Record<string, Check>): Check {
    return (value, path) => {
        if (!isRecord(value)) {
            return `${path} must be an object, not ${describe(value)}.`;
        }
        for (const [name, property] of Object.entries(properties)) {
            const at = `${path}.${name}`;
            const problem = value[name] === undefined ? (property.optional ? undefined : `${at} is missing.`) : property(value[name], at);
            if (problem) {
                return problem;
            }
        }
        return undefined;
    };
}

/** A list whose elements each pass `element`. */
export function arrayOf(element: Check): Check {
    return (value, path) => {
        if (!Array.isArray(value)) {
            return `${path} must be a list, not ${describe(value)}.`;
        }
        for (let index = 0; index < value.length; index++) {
            const problem = element(value[index], `${path}[${index}]`);
            if (problem) {
                return problem;
            }
        }
        return undefined;
    };
}

/** A list of exactly these elements, each checked in turn (the arguments of a command). */
export function tupleOf(...elements: Check[]): Check {
    return (value, path) => {
        if (!Array.isArray(value)) {
            return `${path} must be a list, not ${describe(value)}.`;
        }
        if (value.length !== elements.length) {
            return `${path} must hold ${elements.length} ${elements.length === 1 ? 'value' : 'values'}, not ${value.length}.`;
        }
        for (let index = 0; index < elements.length; index++) {
            const problem = elements[index](value[index], `${path}[${index}]`);
            if (problem) {
                return problem;
            }
        }
        return undefined;
    };
}

/** Passes what any of `checks` passes; otherwise says what the first of them expected. */
export function either(...checks: Check[]): Check {
    return (value, path) => {
        const problems = checks.map(alternative => alternative(value, path));
        return problems.includes(undefined) ? undefined : problems[0];
    };
}

/** The value may also be null. */
export function nullable(inner: Check): Check {
    return (value, path) => value === null ? undefined : inner(value, path);
}

/** The property may be missing (undefined); when present it must pass `inner`. */
export function optional(inner: Check): Check {
    return Object.assign((value: unknown, path: string) => inner(value, path), { optional: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a JSON value is, in words: `a string`, `null`, `a list` … */
export function describe(value: unknown): string {
    if (value === null) {
        return 'null';
    }
    if (Array.isArray(value)) {
        return 'a list';
    }
    switch (typeof value) {
        case 'undefined':
            return 'nothing';
        case 'number':
            return Number.isInteger(value) ? 'a number' : `the number ${value}`;
        case 'object':
            return 'an object';
        default:
            return `a ${typeof value}`;
    }
}
