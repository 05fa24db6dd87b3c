import { OperationCancelled } from 'langium';
import { describe, expect, test } from 'vitest';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { logHandlerErrors } from '../../../language/src/server/handler-error-logging.js';

type Handler = (...args: unknown[]) => unknown;

/** A stand-in for vscode-languageserver's connection: handlers registered at the top and in nested features. */
function standInConnection() {
    const handlers = new Map<string, Handler>();
    const connection = {
        name: 'stand-in',
        onHover(handler: Handler) {
            handlers.set('hover', handler);
        },
        onRequest(method: string, handler: Handler) {
            handlers.set(method, handler);
        },
        sendDiagnostics(this: { name: string }) {
            return this.name;
        },
        languages: { semanticTokens: { on(handler: Handler) { handlers.set('semanticTokens', handler); } } }
    };
    return { connection, handlers };
}

describe('logHandlerErrors', () => {
    test('an error a handler throws or rejects with, at any depth, is logged and still reaches the JSON-RPC layer', async () => {
        const { connection, handlers } = standInConnection();
        const logged: Array<[string, unknown]> = [];
        const wrapped = logHandlerErrors(connection, (what, error) => logged.push([what, error]));
        const thrown = new TypeError("Cannot read properties of undefined (reading 'split')");
        wrapped.onHover(() => {
            throw thrown;
        });
        wrapped.languages.semanticTokens.on(async () => Promise.reject(thrown));
        wrapped.onRequest('trainspec/x', (value: unknown) => value);

        expect(() => handlers.get('hover')!()).toThrow(thrown);
        await expect(handlers.get('semanticTokens')!()).rejects.toBe(thrown);
        expect(handlers.get('trainspec/x')!(42)).toBe(42);
        expect(logged).toEqual([
            ['The connection.onHover handler', thrown],
            ['The connection.languages.semanticTokens.on handler', thrown]
        ]);
        // Other methods work as before, on the connection itself.
        expect(wrapped.sendDiagnostics()).toBe('stand-in');
    });

    test('deliberate answers (ResponseError) and cancellations are not failures', async () => {
        const { connection, handlers } = standInConnection();
        const logged: unknown[] = [];
        const wrapped = logHandlerErrors(connection, (_what, error) => logged.push(error));
        wrapped.onHover(() => {
            throw new ResponseError(ErrorCodes.InvalidParams, 'no');
        });
        // Langium's services reject with this symbol when a request is cancelled.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        wrapped.onRequest('cancelled', () => Promise.reject(OperationCancelled));
        expect(() => handlers.get('hover')!()).toThrow('no');
        await expect(handlers.get('cancelled')!()).rejects.toBe(OperationCancelled);
        expect(logged).toEqual([]);
    });
});
