import { isOperationCancelled } from 'langium';
import { ResponseError } from 'vscode-languageserver-protocol';

/** Logs an error that escaped a handler; `what` says which (e.g. `The connection.onHover handler`). */
export type HandlerErrorLog = (what: string, error: unknown) => void;

/**
 * The connection as it is, except that every handler registered on it, at any depth
 * (`onHover`, `onRequest`, `languages.semanticTokens.on` …), logs an error it throws or
 * rejects with before the JSON-RPC layer turns it into an answer (-32603 for a request, which
 * the server would otherwise not log at all). A ResponseError is a deliberate answer and a
 * cancellation is not a failure: neither is logged. The connection keeps serving either way.
 *
 * Langium registers its handlers on the connection it is given (`services.lsp.Connection`), so
 * wrapping that one connection reaches every handler, without changing any of them.
 */
export function logHandlerErrors<T extends object>(connection: T, log: HandlerErrorLog): T {
    return loggingProxy(connection, 'connection', log, new WeakMap());
}

function loggingProxy<T extends object>(target: T, path: string, log: HandlerErrorLog, proxies: WeakMap<object, object>): T {
    const existing = proxies.get(target);
    if (existing) {
        return existing as T;
    }
    const proxy = new Proxy(target, {
        get(object, property) {
            const value: unknown = Reflect.get(object, property, object);
            if (typeof property !== 'string') {
                return value;
            }
            if (typeof value === 'function') {
                const method = value as (...args: unknown[]) => unknown;
                return property.startsWith('on')
                    ? (...args: unknown[]) => method.apply(object, args.map(arg => typeof arg === 'function' ? logging(arg as Handler, `The ${path}.${property} handler`, log) : arg))
                    : method.bind(object);
            }
            return typeof value === 'object' && value !== null ? loggingProxy(value, `${path}.${property}`, log, proxies) : value;
        }
    });
    proxies.set(target, proxy);
    return proxy;
}

type Handler = (...args: unknown[]) => unknown;

function logging(handler: Handler, what: string, log: HandlerErrorLog): Handler {
    const report = (error: unknown) => {
        if (!(error instanceof ResponseError) && !isOperationCancelled(error)) {
            log(what, error);
        }
    };
    return function (this: unknown, ...args: unknown[]) {
        let result: unknown;
        try {
            result = handler.apply(this, args);
        } catch (error) {
            report(error);
            throw error;
        }
        if (isThenable(result)) {
            return Promise.resolve(result).catch((error: unknown) => {
                report(error);
                throw error;
            });
        }
        return result;
    };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
    return typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';
}
