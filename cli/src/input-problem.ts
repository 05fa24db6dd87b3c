/** Something wrong with the command's input rather than with a spec: it makes the exit code 2. */
export interface InputProblem {
    /** The path as the user gave it or as it was found. */
    path: string;
    code: 'missing-path' | 'no-matching-files' | 'unsupported-file' | 'unreadable-file' | 'binary-file' | 'invalid-utf8';
    message: string;
}
