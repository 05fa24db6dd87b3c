import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { CodeLensRequest, type CodeLens } from 'vscode-languageserver/node';
import { fileUri, LspClient } from '../support/lsp-client.js';
import { REPO_ROOT } from '../support/run-cli.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

const INCOMPLETE = join(REPO_ROOT, 'examples', 'incomplete');

describe('workspace/codeLens/refresh', () => {
    let folder: TempFolder | undefined;
    let client: LspClient | undefined;

    afterEach(async () => {
        await client?.dispose();
        folder?.remove();
    });

    async function start(refreshesCodeLenses: boolean): Promise<{ programme: string; text: string }> {
        folder = createTempFolder({}, INCOMPLETE);
        client = await LspClient.start(folder.path, undefined, undefined, { refreshesCodeLenses, initializationOptions: { coverageView: true } });
        const programme = fileUri(folder.file('programme.tspec'));
        const text = readFileSync(folder.file('programme.tspec'), 'utf8');
        await client.openDocument(programme, text);
        await client.waitForQuiescence();
        return { programme, text };
    }

    const titles = (lenses: CodeLens[] | null): string[] => (lenses ?? []).map(lens => lens.command?.title ?? '');

    test('once an edit has been checked, the editor is asked for code lenses again, and they follow the edit', async () => {
        const { programme, text } = await start(true);
        const before = client!.codeLensRefreshes;
        // A slip that holds coverage up: the lenses must stop showing the counts from before it.
        await client!.changeDocument(programme, text.replace('hours 30', 'hours thirty'));
        await client!.waitForQuiescence();
        await client!.waitFor('a code lens refresh', () => client!.codeLensRefreshes > before || undefined);
        const lenses = await client!.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: programme } });
        expect(titles(lenses)).toEqual([expect.stringMatching(/^Coverage is checked once the syntax error on line \d+ is fixed$/)]);
    });

    test('an editor that did not declare refreshSupport is never asked', async () => {
        const { programme, text } = await start(false);
        await client!.changeDocument(programme, text.replace('hours 30', 'hours thirty'));
        await client!.waitForQuiescence();
        expect(client!.codeLensRefreshes).toBe(0);
    });
});
