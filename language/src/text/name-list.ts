/**
 * Joins names as English prose, each name once: 'a', 'a and b', 'a, b and c' (or with 'or').
 * Every message that lists names goes through this, so a name repeated in a spec
 * (`prepares PO, PO`) is never repeated in what people read.
 */
export function nameList(names: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
    const unique = [...new Set(names)];
    return unique.length <= 1 ? unique.join('') : `${unique.slice(0, -1).join(', ')} ${conjunction} ${unique[unique.length - 1]}`;
}
