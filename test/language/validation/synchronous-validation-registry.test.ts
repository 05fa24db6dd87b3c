import { EmptyFileSystem, OperationCancelled, type AstNode, type ValidationAcceptor, type ValidationCheck } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { describe, expect, test, vi } from 'vitest';
import { createTrainSpecServices } from '../../../language/src/trainspec-module.js';

/** The registered check, as the document validator calls it. */
function wrapped(check: ValidationCheck): ValidationCheck {
    const { spec } = createTrainSpecServices(EmptyFileSystem);
    const registry = spec.validation.ValidationRegistry;
    registry.register({ Outcome: check } as never, undefined, 'slow');
    return registry.getChecks('Outcome', ['slow']).toArray()[0];
}

const NODE = { $type: 'Outcome' } as AstNode;

function run(check: ValidationCheck): { result: unknown; messages: string[] } {
    const messages: string[] = [];
    const accept: ValidationAcceptor = (_severity, message) => void messages.push(message);
    return { result: wrapped(check)(NODE, accept, CancellationToken.None), messages };
}

describe('SynchronousValidationRegistry', () => {
    test('a synchronous check runs as a plain call: its diagnostics are there at once, and nothing is returned to await', () => {
        const { result, messages } = run((_node, accept) => accept('warning', 'seen', { node: NODE }));
        expect(result).toBeUndefined();
        expect(messages).toEqual(['seen']);
    });

    test('a check that throws, or whose promise fails, gives an error diagnostic on the node, as in Langium', async () => {
        const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        try {
            const thrown = run(() => {
                throw new Error('boom');
            });
            expect(thrown.messages).toEqual(['An error occurred during validation: boom']);
            await thrown.result;
            const rejected = run(() => Promise.reject(new Error('later')));
            await rejected.result;
            expect(rejected.messages).toEqual(['An error occurred during validation: later']);
        } finally {
            error.mockRestore();
        }
    });

    test('a cancellation goes on up', async () => {
        const cancelled = (): void => {
            // Langium's own signal of a cancelled operation is this symbol, not an Error.
            // eslint-disable-next-line @typescript-eslint/only-throw-error
            throw OperationCancelled;
        };
        await expect(run(cancelled).result).rejects.toBe(OperationCancelled);
    });
});
