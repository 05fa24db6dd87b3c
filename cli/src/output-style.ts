/** Whether a run asked for colour: `--color` (true), `--no-color` (false), or neither. */
export type ColourChoice = boolean | undefined;

/**
 * Whether the text report on `stream` is coloured. The flags win; then the environment, as
 * Node reads it for `util.styleText`: FORCE_COLOR turns colour on ('0' and 'false' turn it off),
 * NO_COLOR (https://no-color.org, any value but the empty one), NODE_DISABLE_COLORS and
 * TERM=dumb turn it off; otherwise colour is for a terminal only, never for a file or a pipe.
 */
export function useColour(choice: ColourChoice, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
    if (choice !== undefined) {
        return choice;
    }
    if (env.FORCE_COLOR !== undefined) {
        return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
    }
    if ((env.NO_COLOR ?? '') !== '' || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') {
        return false;
    }
    return stream.isTTY === true;
}
