/** Work that updates owe: documents whose workspace-dependent checks must run again. */
export interface OwedWork {
    /** The files that changed or were deleted; what they reach after the change is still to be found. */
    readonly sources: Set<string>;
    /** The files a change was found to reach. */
    readonly reach: Set<string>;
    /** Every document (a setting that changes what is reported has changed). */
    all: boolean;
}

/**
 * What updates owe, kept outside any one update: a later edit cancels a running update (the
 * workspace lock does), and the documents only that update would have re-checked must not be
 * forgotten. The work stays owed until a sweep that covers it completes.
 */
export interface PendingRevalidation {
    /** Whether nothing is owed (a sweep that has taken the work may still be running). */
    readonly isEmpty: boolean;
    /** Owes a re-check of what a change to `sources` reaches; `reach` is what it reaches before the change. */
    add(sources: Iterable<string>, reach: Iterable<string>): void;
    /** Owes a re-check of every document. */
    addAll(): void;
    /** Takes everything owed, for a sweep to do; the sweep gives it back with `restore` unless it completes. */
    take(): OwedWork;
    /** Owes again what a sweep took and could not finish. */
    restore(work: OwedWork): void;
}

export class DefaultPendingRevalidation implements PendingRevalidation {
    protected owed: OwedWork = nothingOwed();

    get isEmpty(): boolean {
        return !this.owed.all && this.owed.sources.size === 0 && this.owed.reach.size === 0;
    }

    add(sources: Iterable<string>, reach: Iterable<string>): void {
        for (const uri of sources) {
            this.owed.sources.add(uri);
        }
        for (const uri of reach) {
            this.owed.reach.add(uri);
        }
    }

    addAll(): void {
        this.owed.all = true;
    }

    take(): OwedWork {
        const work = this.owed;
        this.owed = nothingOwed();
        return work;
    }

    restore(work: OwedWork): void {
        this.add(work.sources, work.reach);
        this.owed.all ||= work.all;
    }
}

function nothingOwed(): OwedWork {
    return { sources: new Set(), reach: new Set(), all: false };
}
