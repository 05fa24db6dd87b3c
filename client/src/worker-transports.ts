import {
    AbstractMessageReader, AbstractMessageWriter, Emitter,
    type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter
} from 'vscode-languageserver-protocol';
import type { ServerWorker } from './server-worker.js';

/**
 * Reads the language server's messages from its web worker. A worker that fails once it has
 * started (an error that escaped the server) is terminated and its connection closed, as a Node
 * server's process that crashed closes its pipe: the client's error handler then restarts the
 * server within the restart policy (error-handler.ts), rather than treating a reading error as
 * a reason to shut the client down.
 */
export class WorkerMessageReader extends AbstractMessageReader implements MessageReader {
    private readonly messages = new Emitter<Message>();
    private closed = false;

    constructor(worker: ServerWorker) {
        super();
        worker.addEventListener('message', event => {
            this.messages.fire(event.data as Message);
        });
        worker.addEventListener('error', event => {
            event.preventDefault?.();
            if (!this.closed) {
                this.closed = true;
                worker.terminate();
                this.fireClose();
            }
        });
    }

    listen(callback: DataCallback): Disposable {
        return this.messages.event(callback);
    }

    override dispose(): void {
        super.dispose();
        this.messages.dispose();
    }
}

/** Writes the client's messages to the language server's web worker. */
export class WorkerMessageWriter extends AbstractMessageWriter implements MessageWriter {
    private errorCount = 0;

    constructor(private readonly worker: ServerWorker) {
        super();
    }

    write(message: Message): Promise<void> {
        try {
            this.worker.postMessage(message);
            return Promise.resolve();
        } catch (error) {
            this.fireError(error, message, ++this.errorCount);
            return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
    }

    end(): void {
        // A worker has no stream to end; the server closes its worker itself on `exit`.
    }
}
