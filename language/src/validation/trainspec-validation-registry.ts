import { isOperationCancelled, ValidationRegistry, type AstNode, type ValidationAcceptor, type ValidationCategory, type ValidationCheck } from 'langium';

/**
 * Langium's registry, with checks that cost no promise unless they are asynchronous, and the
 * checks of each node type listed once.
 *
 * Langium wraps every check in an async function and lists a type's checks as a stream on
 * each call, so validating a file allocates several promises and a stream per syntax node:
 * a tenth of what an edit of a 50,000-line spec allocates. Every TrainSpec check is
 * synchronous; an asynchronous one (a check returning a promise) is still awaited, and an
 * error in either kind is reported as Langium reports it.
 */
export class TrainSpecValidationRegistry extends ValidationRegistry {
    /** The checks of each set of categories and node type, listed when first asked for; cleared when a check is added. */
    protected readonly listed = new Map<string, Map<string, ValidationCheck[]>>();

    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                return result instanceof Promise ? result.catch((error: unknown) => this.reportFailure(error, accept, node)) : undefined;
            } catch (error) {
                this.reportFailure(error, accept, node);
                return undefined;
            }
        };
    }

    protected override addEntry(type: string, entry: Parameters<ValidationRegistry['addEntry']>[1]): void {
        super.addEntry(type, entry);
        this.listed.clear();
    }

    /** The checks of a node type, in the categories given (all when none are), as an array made once. */
    checksOf(type: string, categories?: ValidationCategory[]): ValidationCheck[] {
        return this.checksByType(categories)(type);
    }

    /**
     * The checks of each node type in the categories given, as a function: a validation asks for the
     * checks of every syntax node, and the categories are the same for all of them.
     */
    checksByType(categories?: ValidationCategory[]): (type: string) => ValidationCheck[] {
        const key = categories?.join(' ') ?? '';
        let byType = this.listed.get(key);
        if (!byType) {
            this.listed.set(key, byType = new Map<string, ValidationCheck[]>());
        }
        const listed = byType;
        return type => {
            let checks = listed.get(type);
            if (!checks) {
                checks = this.getChecks(type, categories).toArray();
                listed.set(type, checks);
            }
            return checks;
        };
    }

    /** What Langium's `handleException` does with an error, without a promise. */
    protected reportFailure(error: unknown, accept: ValidationAcceptor, node: AstNode): void {
        if (isOperationCancelled(error)) {
            // A cancellation is no failure: it stops the validation, as in Langium.
            throw error as unknown;
        }
        const context = 'An error occurred during validation';
        console.error(`${context}:`, error);
        if (error instanceof Error && error.stack) {
            console.error(error.stack);
        }
        accept('error', `${context}: ${error instanceof Error ? error.message : String(error)}`, { node });
    }
}
