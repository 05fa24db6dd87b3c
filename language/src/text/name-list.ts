/**
 * Joins names as English prose, each name once: 'a', 'a and b', 'a, b and c' (or with 'or').
 * Every message that lists names goes through this, so a name repeated in a spec
 * (`prepares PO, PO`) is never repeated in what people read.
 */
export function nameList(names: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
    // Most lists are short and hold no name twice: they are joined as they are, without a set.
    const unique = names.length <= 4 && !names.some((name, i) => names.indexOf(name) !== i) ? names : [...new Set(names)];
    return unique.length <= 1 ? unique.join('') : `${unique.slice(0, -1).join(', ')} ${conjunction} ${unique[unique.length - 1]}`;
}
