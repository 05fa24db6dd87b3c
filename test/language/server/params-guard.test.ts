import { describe, expect, test, vi } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import { ErrorCodes, RequestType, ResponseError, type Message, type NotificationMessage, type RequestMessage } from 'vscode-languageserver-protocol';
import * as lspExt from '../../../language/src/protocol/lsp-ext.js';
import { LSP_PARAMS_CHECKS } from '../../../language/src/server/lsp-params-checks.js';
import { INVALID_PARAMS_METHOD, ParamsGuard } from '../../../language/src/server/params-guard.js';

/** A guard attached to a stand-in connection: what it logs, and the handler it registers for the requests it turns away. */
function attachedGuard() {
    const guard = new ParamsGuard();
    const errors: string[] = [];
    let answer: ((params: unknown) => unknown) | undefined;
    guard.attach({
        console: { error: (message: string) => errors.push(message) },
        onRequest: (method: string, handler: (params: unknown) => unknown) => {
            expect(method).toBe(INVALID_PARAMS_METHOD);
            answer = handler;
        }
    } as unknown as Connection);
    const dispatch = (message: Message) => {
        const next = vi.fn<(message: Message) => void>();
        guard.handleMessage(message, next);
        return next.mock.calls.map(([forwarded]) => forwarded);
    };
    return { guard, errors, dispatch, answer: (params: unknown) => answer!(params) };
}

const hover = (params: unknown): RequestMessage => ({ jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: params as object });

describe('ParamsGuard', () => {
    test('passes well-formed messages, responses and methods it does not know on unchanged', () => {
        const { dispatch, errors } = attachedGuard();
        const messages: Message[] = [
            hover({ textDocument: { uri: 'file:///a.tspec' }, position: { line: 1, character: 2 } }),
            { jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: 'file:///a.tspec' } } } as NotificationMessage,
            { jsonrpc: '2.0', id: 3, method: 'shutdown' } as RequestMessage,
            { jsonrpc: '2.0', method: 'initialized' } as NotificationMessage,
            { jsonrpc: '2.0', id: 4, method: 'vendor/unknown', params: [1, 2] } as RequestMessage,
            { jsonrpc: '2.0', id: 5, result: null } as Message
        ];
        for (const message of messages) {
            expect(dispatch(message)).toEqual([message]);
        }
        expect(errors).toEqual([]);
    });

    test('turns a malformed request into one answered with -32602 under the same id', () => {
        const { dispatch, answer } = attachedGuard();
        const [forwarded] = dispatch(hover({ textDocument: { uri: 'file:///a.tspec' }, position: { line: '1', character: 2 } })) as RequestMessage[];
        expect(forwarded).toMatchObject({ id: 7, method: INVALID_PARAMS_METHOD });
        const error = answer(forwarded.params) as ResponseError<void>;
        expect(error).toBeInstanceOf(ResponseError);
        expect(error.code).toBe(ErrorCodes.InvalidParams);
        expect(error.message).toBe('Invalid parameters for textDocument/hover: params.position.line must be a whole number from 0 to 2147483647, not a string.');
        expect(dispatch(hover(undefined))[0]).toMatchObject({ params: { problem: 'params is missing.' } });
    });

    test('logs and drops a malformed notification', () => {
        const { dispatch, errors } = attachedGuard();
        expect(dispatch({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.tspec', languageId: 'trainspec', version: 1, text: null } } } as NotificationMessage)).toEqual([]);
        expect(errors).toEqual(['Ignored textDocument/didOpen: its parameters are invalid: params.textDocument.text must be a string, not null.']);
    });

    test('a client cannot call the method the guard answers through', () => {
        const { dispatch } = attachedGuard();
        const [forwarded] = dispatch({ jsonrpc: '2.0', id: 1, method: INVALID_PARAMS_METHOD, params: { method: 'x', problem: 'y' } } as RequestMessage) as RequestMessage[];
        expect(forwarded.params).toEqual({ method: INVALID_PARAMS_METHOD, problem: 'this method is internal to the server.' });
    });

    test('checks the parameters of each of TrainSpec\'s own requests (lsp-ext.ts)', () => {
        // The workspace's files (trainspec/readFile and the like) are the client's to answer: the server never receives them.
        const requests = Object.values(lspExt).filter(value => value instanceof RequestType).filter(request => !lspExt.CLIENT_ANSWERED_METHODS.includes(request.method));
        expect(requests.length).toBeGreaterThan(0);
        for (const request of requests) {
            expect(LSP_PARAMS_CHECKS, request.method).toHaveProperty([request.method]);
        }
    });
});
