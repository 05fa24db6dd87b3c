import { isCopyOfBuiltinCatalogue } from '../../language/src/library/standards-library.js';
import type { InputProblem } from './input-problem.js';

/**
 * The sources to load: all but exact copies of a built-in catalogue (such as the library's own
 * sources in TrainSpec's repository), which would redefine every built-in standard and list
 * each one twice. They are left out quietly, as the library itself is always loaded.
 */
export function withoutLibraryCopies<F extends { text: string } | { known: string }>(sources: { files: F[]; problems: InputProblem[] }): { files: F[]; problems: InputProblem[] } {
    // A file known but not read (check --cache) was read before, and was not a copy then.
    return { ...sources, files: sources.files.filter(file => !('text' in file) || !isCopyOfBuiltinCatalogue(file.text)) };
}
