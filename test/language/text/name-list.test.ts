import { describe, expect, test } from 'vitest';
import { nameList } from '../../../language/src/text/name-list.js';

describe('nameList', () => {
    test('joins names as English prose', () => {
        expect(nameList([])).toBe('');
        expect(nameList(['PO'])).toBe('PO');
        expect(nameList(['PO', 'PSO'])).toBe('PO and PSO');
        expect(nameList(['a', 'b', 'c'], 'or')).toBe('a, b or c');
    });

    test('names each name once, in the order first given', () => {
        expect(nameList(['PO', 'PO', 'PO'])).toBe('PO');
        expect(nameList(['PO', 'PSO', 'PO', 'CaseManager', 'PSO'])).toBe('PO, PSO and CaseManager');
    });
});
