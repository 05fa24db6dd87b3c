import { describe, expect, test } from 'vitest';
import { anything, arrayOf, boolean, describe as describeValue, either, nullable, object, oneOf, optional, string, tupleOf, uinteger, uri } from '../../../language/src/server/params-checks.js';

describe('params checks', () => {
    const position = object({ line: uinteger, character: uinteger });
    const params = object({ textDocument: object({ uri }), position, context: optional(object({ only: arrayOf(string) })) });

    test('well-formed values pass, with properties a check does not know', () => {
        expect(params({ textDocument: { uri: 'file:///a.tspec' }, position: { line: 0, character: 2 }, extra: [1] }, 'params')).toBeUndefined();
        expect(params({ textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 2147483647, character: 0 }, context: { only: ['quickfix'] } }, 'params')).toBeUndefined();
    });

    test('each problem names where it is, what was expected and what came instead', () => {
        expect(params(null, 'params')).toBe('params must be an object, not null.');
        expect(params([], 'params')).toBe('params must be an object, not a list.');
        expect(params({ position: { line: 0, character: 0 } }, 'params')).toBe('params.textDocument is missing.');
        expect(params({ textDocument: { uri: '/no/scheme.tspec' }, position: { line: 0, character: 0 } }, 'params'))
            .toBe('params.textDocument.uri must be a URI (a string such as file:///path/to/file.tspec), not a string.');
        expect(params({ textDocument: { uri: 'file:///a' }, position: { line: -1, character: 0 } }, 'params'))
            .toBe('params.position.line must be a whole number from 0 to 2147483647, not a number.');
        expect(params({ textDocument: { uri: 'file:///a' }, position: { line: 1.5, character: 0 } }, 'params'))
            .toBe('params.position.line must be a whole number from 0 to 2147483647, not the number 1.5.');
        expect(params({ textDocument: { uri: 'file:///a' }, position: { line: 0, character: 0 }, context: { only: ['a', 7] } }, 'params'))
            .toBe('params.context.only[1] must be a string, not a number.');
    });

    test('alternatives, null, enumerations, anything', () => {
        const code = either(uinteger, string);
        expect(code(3, 'code')).toBeUndefined();
        expect(code('x', 'code')).toBeUndefined();
        expect(code(true, 'code')).toBe('code must be a whole number from 0 to 2147483647, not a boolean.');
        expect(nullable(string)(null, 'p')).toBeUndefined();
        expect(oneOf(1, 2)(3, 'kind')).toBe('kind must be one of 1, 2, not a number.');
        expect(boolean('yes', 'flag')).toBe('flag must be true or false, not a string.');
        expect(object({ data: anything })({}, 'p')).toBeUndefined();
        expect(describeValue(undefined)).toBe('nothing');
    });

    test('a list of exactly the given values, such as a command\'s arguments', () => {
        const args = tupleOf(uri, string);
        expect(args(['file:///a.tspec', 'P'], 'arguments')).toBeUndefined();
        expect(args('file:///a.tspec', 'arguments')).toBe('arguments must be a list, not a string.');
        expect(args(['file:///a.tspec'], 'arguments')).toBe('arguments must hold 2 values, not 1.');
        expect(args(['file:///a.tspec', 'P', 'Q'], 'arguments')).toBe('arguments must hold 2 values, not 3.');
        expect(args(['file:///a.tspec', 7], 'arguments')).toBe('arguments[1] must be a string, not a number.');
        expect(tupleOf(string)(['x', 'y'], 'arguments')).toBe('arguments must hold 1 value, not 2.');
    });
});
