import type { InputProblemCode } from '../../language/src/validation/diagnostic-codes.js';
import { visibleText } from './reports/terminal-text.js';

/** Something wrong with the command's input rather than with a spec: it makes the exit code 2. */
export interface InputProblem {
    /** The path as the user gave it or as it was found. */
    path: string;
    /** One of the input-problem codes of the one list of codes (`DIAGNOSTIC_CODES`). */
    code: InputProblemCode;
    message: string;
}

/** The line on stderr that tells a CI log about an input problem while stdout carries a machine format. */
export function formatInputProblem(problem: InputProblem): string {
    return `trainspec: ${visibleText(`${problem.path}: ${problem.message}`)}\n`;
}
