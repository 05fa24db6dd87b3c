import { describe, expect, test } from 'vitest';
import { useColour } from '../../cli/src/output-style.js';

const TERMINAL = { isTTY: true };
const PIPE = { isTTY: false };

describe('useColour', () => {
    test('on a terminal by default, never into a pipe or a file', () => {
        expect(useColour(undefined, TERMINAL, {})).toBe(true);
        expect(useColour(undefined, PIPE, {})).toBe(false);
        expect(useColour(undefined, {}, {})).toBe(false);
    });

    test('--color and --no-color win over everything', () => {
        expect(useColour(true, PIPE, { NO_COLOR: '1', FORCE_COLOR: '0' })).toBe(true);
        expect(useColour(false, TERMINAL, { FORCE_COLOR: '3' })).toBe(false);
    });

    test.each([
        [{ FORCE_COLOR: '' }, PIPE, true],
        [{ FORCE_COLOR: '1' }, PIPE, true],
        [{ FORCE_COLOR: '3' }, PIPE, true],
        [{ FORCE_COLOR: 'true' }, PIPE, true],
        [{ FORCE_COLOR: '0' }, TERMINAL, false],
        [{ FORCE_COLOR: 'false' }, TERMINAL, false],
        [{ FORCE_COLOR: '1', NO_COLOR: '1' }, PIPE, true],
        [{ NO_COLOR: '1' }, TERMINAL, false],
        [{ NO_COLOR: 'anything' }, TERMINAL, false],
        // no-color.org: an empty NO_COLOR does not count.
        [{ NO_COLOR: '' }, TERMINAL, true],
        [{ NODE_DISABLE_COLORS: '1' }, TERMINAL, false],
        [{ TERM: 'dumb' }, TERMINAL, false]
    ])('env %j on %j: %s', (env, stream, expected) => {
        expect(useColour(undefined, stream, env)).toBe(expected);
    });
});
