import { ValidationRegistry, type ValidationCheck } from 'langium';

/**
 * Runs a check that returns nothing as a plain call. Langium wraps every check in two async
 * functions (for its error handling), so each check of each node costs promises and turns of
 * the event loop even when the check is synchronous, as all of TrainSpec's are; in a batch
 * check that was millions of them. A check that does return a promise, or throws, is handled
 * exactly as Langium handles it: an error becomes a diagnostic on the node, and a cancellation
 * goes on up.
 */
export class SynchronousValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        const context = 'An error occurred during validation';
        return (node, accept, cancelToken) => {
            let result: ReturnType<ValidationCheck>;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                // handleException reports it before its first await, so the diagnostic keeps its place.
                return this.handleException(() => {
                    throw error;
                }, context, accept, node);
            }
            return result instanceof Promise ? this.handleException(() => result, context, accept, node) : undefined;
        };
    }
}
