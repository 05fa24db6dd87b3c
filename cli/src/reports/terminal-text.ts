/**
 * The one escaping function for everything people read (terminal, CI log, reports): it lives
 * with the language (language/src/text/visible-text.ts) so that the reports the editor exports
 * escape exactly as the CLI does.
 */
export { visibleText } from '../../../language/src/text/visible-text.js';
