import { describe, expect, test } from 'vitest';
import { chooseMatrix, findLocation, matrixDocumentUris, parseViewMessage } from '../../client/src/coverage/coverage-model.js';
import { at, courtWorkMatrix } from './coverage-fixture.js';

function twoProgrammes() {
    const first = courtWorkMatrix();
    const second = courtWorkMatrix();
    second.programme = { name: 'Second', title: 'Second programme', location: at('file:///ws/programme.tspec', 40, 10) };
    return [first, second];
}

describe('chooseMatrix', () => {
    test('takes the programme named, or none', () => {
        expect(chooseMatrix(twoProgrammes(), 'Second')?.programme.name).toBe('Second');
        expect(chooseMatrix(twoProgrammes(), 'Missing')).toBeUndefined();
    });

    test('without a name, takes the programme at the cursor', () => {
        expect(chooseMatrix(twoProgrammes(), undefined, { line: 50, character: 0 })?.programme.name).toBe('Second');
        expect(chooseMatrix(twoProgrammes(), undefined, { line: 20, character: 0 })?.programme.name).toBe('CourtWorkPo');
        expect(chooseMatrix(twoProgrammes(), undefined, { line: 40, character: 10 })?.programme.name).toBe('Second');
    });

    test('falls back to the first programme, and to none in a document without programmes', () => {
        expect(chooseMatrix(twoProgrammes(), undefined, { line: 0, character: 0 })?.programme.name).toBe('CourtWorkPo');
        expect(chooseMatrix(twoProgrammes())?.programme.name).toBe('CourtWorkPo');
        expect(chooseMatrix([])).toBeUndefined();
    });
});

describe('findLocation', () => {
    const matrix = courtWorkMatrix();

    test('finds programmes, modules and requirements by name', () => {
        expect(findLocation(matrix, 'programme', 'CourtWorkPo')).toEqual(matrix.programme.location);
        expect(findLocation(matrix, 'module', 'Reports')).toEqual(at('file:///ws/modules/reports.tspec', 1, 7));
        expect(findLocation(matrix, 'requirement', 'RoSH.b')?.uri).toBe('builtin:/s10-guidelines.nos');
    });

    test('knows nothing of names outside the matrix, or of requirements without a location', () => {
        expect(findLocation(matrix, 'programme', 'Other')).toBeUndefined();
        expect(findLocation(matrix, 'module', 'Other')).toBeUndefined();
        expect(findLocation(matrix, 'requirement', 'PsoDevelopSelf')).toBeUndefined();
    });
});

test('matrixDocumentUris lists the programme\'s and its modules\' documents once each', () => {
    expect(matrixDocumentUris(courtWorkMatrix())).toEqual(['file:///ws/programme.tspec', 'file:///ws/modules/reports.tspec']);
});

describe('parseViewMessage', () => {
    test('accepts the messages the view sends', () => {
        expect(parseViewMessage({ type: 'ready' })).toEqual({ type: 'ready' });
        expect(parseViewMessage({ type: 'export', format: 'pdf' })).toEqual({ type: 'export' });
        expect(parseViewMessage({ type: 'reveal', target: 'module', name: 'Risk' })).toEqual({ type: 'reveal', target: 'module', name: 'Risk' });
    });

    test.each([
        [undefined], [null], ['ready'], [{}], [{ type: 'open', uri: 'file:///etc/passwd' }],
        [{ type: 'reveal', target: 'file', name: 'x' }], [{ type: 'reveal', target: 'module' }], [{ type: 'reveal', target: 'module', name: 3 }]
    ])('rejects %j', value => {
        expect(parseViewMessage(value)).toBeUndefined();
    });
});
