import type { FileProblemCode } from './files/regular-file.js';

/** Something wrong with the command's input rather than with a spec: it makes the exit code 2. */
export interface InputProblem {
    /** The path as the user gave it or as it was found. */
    path: string;
    code: FileProblemCode | 'no-matching-files' | 'unsupported-file' | 'binary-file' | 'invalid-utf8';
    message: string;
}
