import { expect, test } from 'vitest';
import { RestartPolicy } from '../../client/src/restart-policy.js';

const MINUTE = 60_000;

test('restarts up to four times within three minutes, then gives up', () => {
    const policy = new RestartPolicy();
    const decisions = [0, 1, 2, 3, 4].map(minute => policy.recordCrash(minute * 30_000));
    expect(decisions.map(decision => decision.restart)).toEqual([true, true, true, true, false]);
    expect(decisions.at(-1)?.crashes).toBe(5);
});

test('forgets crashes older than three minutes', () => {
    const policy = new RestartPolicy();
    for (let crash = 0; crash < 4; crash++) {
        expect(policy.recordCrash(crash * MINUTE).restart).toBe(true);
    }
    // The crashes at 0 and 1 minutes are more than three minutes old at 4 minutes.
    expect(policy.recordCrash(4 * MINUTE)).toEqual({ restart: true, crashes: 3 });
});

test('a reset starts the count again', () => {
    const policy = new RestartPolicy(1, MINUTE);
    expect(policy.recordCrash(0).restart).toBe(true);
    expect(policy.recordCrash(1).restart).toBe(false);
    policy.reset();
    expect(policy.recordCrash(2).restart).toBe(true);
});
