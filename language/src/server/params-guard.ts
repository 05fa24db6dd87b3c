import { ErrorCodes, Message, ResponseError, type ConnectionOptions, type MessageStrategy, type RequestMessage } from 'vscode-languageserver-protocol';
import type { Connection } from 'vscode-languageserver';
import { LSP_PARAMS_CHECKS } from './lsp-params-checks.js';
import type { Check } from './params-checks.js';

/**
 * The method to which the guard turns a request whose parameters are invalid: its handler
 * answers it with the -32602 error, under the request's own id.
 */
export const INVALID_PARAMS_METHOD = '$/trainspec/invalidParams';

interface InvalidParams {
    method: string;
    problem: string;
}

/**
 * Holds every incoming message to the parameters its method takes (LSP_PARAMS_CHECKS), in one
 * place, before any handler runs: a request with invalid parameters is answered with -32602
 * (invalid params) and a message that says what is wrong; a notification with invalid parameters
 * is logged and dropped. Without it, `null` as a document's text reaches the document builder
 * and a number as a new name reaches the rename provider, and the client gets a JavaScript error
 * or the server exits.
 *
 * It is a jsonrpc message strategy, so it sees each message before dispatch, whatever the
 * transport (stdio, IPC, socket, a browser worker's messages):
 *
 *     const guard = new ParamsGuard();
 *     const connection = createConnection(ProposedFeatures.all, guard.connectionOptions);
 *     guard.attach(connection);
 */
export class ParamsGuard implements MessageStrategy {
    protected connection: Connection | undefined;

    constructor(protected readonly checks: Readonly<Record<string, Check>> = LSP_PARAMS_CHECKS) {}

    /** The options to create the connection with, so that its messages pass through this guard. */
    get connectionOptions(): ConnectionOptions {
        return { messageStrategy: this };
    }

    /** Starts answering the requests this guard turns away, and logging what it drops, on `connection`. */
    attach(connection: Connection): void {
        this.connection = connection;
        connection.onRequest(INVALID_PARAMS_METHOD, (params: InvalidParams) =>
            new ResponseError(ErrorCodes.InvalidParams, `Invalid parameters for ${params.method}: ${params.problem}`));
    }

    handleMessage(message: Message, next: (message: Message) => void): void {
        if (!Message.isRequest(message) && !Message.isNotification(message)) {
            next(message);
            return;
        }
        const problem = this.problemWith(message.method, message.params);
        if (problem === undefined) {
            next(message);
        } else if (Message.isRequest(message)) {
            const params: InvalidParams = { method: message.method, problem };
            const rejection: RequestMessage = { jsonrpc: message.jsonrpc, id: message.id, method: INVALID_PARAMS_METHOD, params };
            next(rejection);
        } else {
            this.connection?.console.error(`Ignored ${message.method}: its parameters are invalid: ${problem}`);
        }
    }

    /** What is wrong with the parameters of a call of `method`, or undefined if they are fine (or the method is not checked). */
    problemWith(method: string, params: unknown): string | undefined {
        if (method === INVALID_PARAMS_METHOD) {
            // Only the guard itself may send this; from a client, it is an unknown method.
            return 'this method is internal to the server.';
        }
        const check = this.checks[method];
        if (!check || (params === undefined && check.optional)) {
            return undefined;
        }
        return params === undefined ? 'params is missing.' : check(params, 'params');
    }
}
