declare const TRAINSPEC_VERSION: string | undefined;

/** TrainSpec's version, from package.json when bundled (esbuild's `define`); 'development' when run from source. */
export const trainSpecVersion: string = typeof TRAINSPEC_VERSION === 'string' ? TRAINSPEC_VERSION : 'development';
