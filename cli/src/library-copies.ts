import { isCopyOfBuiltinCatalogue } from '../../language/src/library/standards-library.js';
import type { CollectedSources } from './source-files.js';

/**
 * The sources to load: all but exact copies of a built-in catalogue (such as the library's own
 * sources in TrainSpec's repository), which would redefine every built-in standard and list
 * each one twice. They are left out quietly, as the library itself is always loaded.
 */
export function withoutLibraryCopies(sources: CollectedSources): CollectedSources {
    return { ...sources, files: sources.files.filter(file => !isCopyOfBuiltinCatalogue(file.text)) };
}
