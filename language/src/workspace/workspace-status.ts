import { Disposable, Emitter, type Event } from 'langium';
import type { TrainSpecSharedServices } from '../trainspec-module.js';
import type { PendingRevalidation } from './pending-revalidation.js';

/**
 * Whether the workspace is quiescent: no build or update running or queued, and no work owed
 * (see PendingRevalidation). The language server tells the client each change (`trainspec/status`),
 * so an editor can show that checking is under way and a test can wait for the final diagnostics.
 */
export interface WorkspaceStatus {
    readonly quiescent: boolean;
    /** Fires with the new value each time `quiescent` changes. */
    readonly onDidChange: Event<boolean>;
    /** The workspace lock reports each write (a build or an update) as it is queued… */
    workStarted(): void;
    /** …and as it ends, however it ends. */
    workEnded(): void;
    /** Counts work that leads to a write but starts outside the lock (reading the client's settings at startup). */
    track<T>(work: Promise<T>): Promise<T>;
}

export class DefaultWorkspaceStatus implements WorkspaceStatus, Disposable {
    protected readonly pending: () => PendingRevalidation;
    protected readonly emitter = new Emitter<boolean>();
    protected works = 0;
    // Busy until the first build has ended: a workspace that has not been read has work to do.
    protected current = false;

    constructor(services: TrainSpecSharedServices) {
        this.pending = () => services.workspace.PendingRevalidation;
    }

    get quiescent(): boolean {
        return this.current;
    }

    get onDidChange(): Event<boolean> {
        return this.emitter.event;
    }

    workStarted(): void {
        this.works++;
        this.set(false);
    }

    workEnded(): void {
        this.works = Math.max(0, this.works - 1);
        if (this.works === 0 && this.pending().isEmpty) {
            this.set(true);
        }
    }

    track<T>(work: Promise<T>): Promise<T> {
        this.workStarted();
        return work.finally(() => this.workEnded());
    }

    dispose(): void {
        this.emitter.dispose();
    }

    protected set(quiescent: boolean): void {
        if (quiescent !== this.current) {
            this.current = quiescent;
            this.emitter.fire(quiescent);
        }
    }
}
