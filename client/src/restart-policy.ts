/**
 * How often the language server may crash before the client stops restarting it:
 * up to `maxRestarts` restarts within any `windowMs`. Pure, so that it can be tested
 * without VS Code.
 */
export interface RestartDecision {
    /** Whether to start the server again. */
    restart: boolean;
    /** How many crashes there have been within the window, this one included. */
    crashes: number;
}

export class RestartPolicy {
    private crashTimes: number[] = [];

    constructor(readonly maxRestarts = 4, readonly windowMs = 3 * 60 * 1000) {}

    /** Records a crash at `now` (milliseconds) and decides whether to restart. */
    recordCrash(now: number): RestartDecision {
        this.crashTimes = this.crashTimes.filter(time => now - time < this.windowMs);
        this.crashTimes.push(now);
        return { restart: this.crashTimes.length <= this.maxRestarts, crashes: this.crashTimes.length };
    }

    /** Forgets earlier crashes, e.g. when someone restarts the server by hand. */
    reset(): void {
        this.crashTimes = [];
    }
}
