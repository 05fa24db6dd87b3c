import { expect, test } from 'vitest';
import { createMessageConnection, type NotificationMessage } from 'vscode-languageserver-protocol/node';
import { WorkerMessageReader, WorkerMessageWriter } from '../../client/src/worker-transports.js';
import { FakeWorker } from './fake-worker.js';

const HELLO = 'test/hello';

/** A connection over a fake worker, as the language client builds one, and what it saw. */
function connect(worker: FakeWorker) {
    const connection = createMessageConnection(new WorkerMessageReader(worker), new WorkerMessageWriter(worker));
    const seen = { closed: 0, errors: [] as Array<number | undefined>, hellos: [] as string[] };
    connection.onClose(() => seen.closed++);
    connection.onError(([, , count]) => seen.errors.push(count));
    connection.onNotification(HELLO, (params: { to: string }) => {
        seen.hellos.push(params.to);
    });
    connection.listen();
    return { connection, seen };
}

test('messages go both ways over the worker', async () => {
    const worker = new FakeWorker('server.js');
    const { connection, seen } = connect(worker);
    await connection.sendNotification(HELLO, { to: 'server' });
    expect(worker.posted).toEqual([{ jsonrpc: '2.0', method: 'test/hello', params: { to: 'server' } }]);
    worker.fire('message', { data: { jsonrpc: '2.0', method: 'test/hello', params: { to: 'client' } } satisfies NotificationMessage });
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(seen.hellos).toEqual(['client']);
    connection.dispose();
});

test('a worker that fails once started closes the connection (so the restart policy applies) and is terminated', () => {
    const worker = new FakeWorker('server.js');
    const { connection, seen } = connect(worker);
    expect(worker.fire('error', { message: 'Uncaught TypeError: x is not a function' })).toBe(true);
    worker.fire('error', { message: 'and another' });
    expect(seen).toMatchObject({ closed: 1, errors: [] });
    expect(worker.terminated).toBe(true);
    connection.dispose();
});

test('a message that cannot be posted is a counted writing error, not a closed connection', async () => {
    const worker = new FakeWorker('server.js');
    const { connection, seen } = connect(worker);
    worker.terminate();
    await expect(connection.sendNotification(HELLO, { to: 'server' })).rejects.toThrow('terminated');
    expect(seen).toMatchObject({ closed: 0, errors: [1] });
    connection.dispose();
});
