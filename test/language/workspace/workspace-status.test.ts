import { describe, expect, test } from 'vitest';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const FILES = {
    'programme.tspec': `programme Court "Court team" {
    prepares CourtWorkSpecialist
    includes Hearings
}`,
    'modules.tspec': `module Hearings "Hearings" { covers ExchangeInformationAtHearings }`
};

describe('the workspace status', () => {
    async function watched() {
        const workspace = await TestWorkspace.create(FILES);
        const status = workspace.services.shared.workspace.WorkspaceStatus;
        // TestWorkspace builds outside the lock; the status is busy until a write has ended.
        await workspace.queueWrite('modules.tspec', FILES['modules.tspec']);
        expect(status.quiescent).toBe(true);
        const changes: boolean[] = [];
        status.onDidChange(quiescent => changes.push(quiescent));
        return { workspace, status, changes };
    }

    test('is busy from an edit queued on the workspace lock until its update ends, then quiescent', async () => {
        const { workspace, status, changes } = await watched();
        const update = workspace.queueWrite('modules.tspec', `${FILES['modules.tspec']}\n`);
        expect(status.quiescent).toBe(false);
        await update;
        expect(status.quiescent).toBe(true);
        expect(changes).toEqual([false, true]);
    });

    test('stays busy through a burst of edits that cancel each other, and is quiescent once, after the last', async () => {
        const { workspace, changes } = await watched();
        await Promise.all(Array.from({ length: 5 }, (_, edit) => workspace.queueWrite('modules.tspec', `${FILES['modules.tspec']}\n// ${edit}`)));
        expect(changes).toEqual([false, true]);
    });

    test('an update cancelled with nothing queued after it: the work it owed is done by an update the lock queues, then quiescent', async () => {
        const { workspace, status, changes } = await watched();
        const { WorkspaceLock } = workspace.services.shared.workspace;
        const removed = workspace.queueWrite('programme.tspec', `programme Court "Court team" { prepares CourtWorkSpecialist }`);
        WorkspaceLock.cancelWrite();
        await removed;
        await new Promise<void>(resolve => {
            const listener = status.onDidChange(quiescent => {
                if (quiescent) {
                    listener.dispose();
                    resolve();
                }
            });
        });
        expect(changes.at(-1)).toBe(true);
        expect(workspace.messages('modules.tspec', DiagnosticCode.OrphanModule)).toHaveLength(1);
    });
});
