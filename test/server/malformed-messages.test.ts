import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ErrorCodes, HoverRequest, MessageType, type Hover, type MarkupContent, type ServerCapabilities } from 'vscode-languageserver/node';
import { fileUri, LspClient } from '../support/lsp-client.js';
import { createTempFolder, type TempFolder } from '../support/temp-folder.js';

const PROGRAMME = 'programme Course "Course" {\n    prepares PO\n    module Risk "Risk" { covers RoSH.a }\n}\n';
const PO_TEXT = 'In addition to the skills acquired as a PSO, a PO will need to demonstrate an ability to:';

/** One method the server handles, with parameters it accepts (the malformed ones are derived from them). */
interface Method {
    method: string;
    notification?: boolean;
    /** Parameters the method accepts; undefined for a method never to be sent well-formed here (it would end or reset the session). */
    valid?: (uris: Uris) => Record<string, unknown>;
    /** False when the parameters' properties take any value, so that changing one does not make them invalid. */
    mutate?: boolean;
    /** Whether the method may come without parameters. */
    paramsOptional?: boolean;
    /** Whether the JSON-RPC layer reads the message before the server sees it (and drops it silently when malformed). */
    readByTransport?: boolean;
}

interface Uris {
    programme: string;
    scratch: string;
}

const at = ({ programme }: Uris) => ({ textDocument: { uri: programme }, position: { line: 1, character: 14 } });
const atModule = ({ programme }: Uris) => ({ textDocument: { uri: programme }, position: { line: 2, character: 12 } });
const inDocument = ({ programme }: Uris) => ({ textDocument: { uri: programme } });
const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 1 } };
const options = { tabSize: 4, insertSpaces: true };

/** The methods behind each capability the server can advertise in its answer to `initialize`. */
const BY_CAPABILITY: Record<string, (capability: unknown) => Method[]> = {
    textDocumentSync: () => [
        { method: 'textDocument/didOpen', notification: true, valid: ({ scratch }) => ({ textDocument: { uri: scratch, languageId: 'trainspec', version: 1, text: 'module Scratch "Scratch" {}\n' } }) },
        { method: 'textDocument/didChange', notification: true, valid: ({ scratch }) => ({ textDocument: { uri: scratch, version: 2 }, contentChanges: [{ text: 'module Scratch "Scratch" { }\n' }] }) },
        { method: 'textDocument/didClose', notification: true, valid: ({ scratch }) => ({ textDocument: { uri: scratch } }) }
    ],
    completionProvider: () => [{ method: 'textDocument/completion', valid: at }],
    hoverProvider: () => [{ method: 'textDocument/hover', valid: at }],
    referencesProvider: () => [{ method: 'textDocument/references', valid: uris => ({ ...at(uris), context: { includeDeclaration: true } }) }],
    documentSymbolProvider: () => [{ method: 'textDocument/documentSymbol', valid: inDocument }],
    definitionProvider: () => [{ method: 'textDocument/definition', valid: at }],
    typeDefinitionProvider: () => [{ method: 'textDocument/typeDefinition', valid: at }],
    implementationProvider: () => [{ method: 'textDocument/implementation', valid: at }],
    declarationProvider: () => [{ method: 'textDocument/declaration', valid: at }],
    documentHighlightProvider: () => [{ method: 'textDocument/documentHighlight', valid: at }],
    signatureHelpProvider: () => [{ method: 'textDocument/signatureHelp', valid: at }],
    codeActionProvider: () => [{
        method: 'textDocument/codeAction',
        valid: uris => ({ ...inDocument(uris), range, context: { diagnostics: [{ range, message: 'A problem' }] } })
    }],
    codeLensProvider: () => [{ method: 'textDocument/codeLens', valid: inDocument }],
    documentLinkProvider: () => [{ method: 'textDocument/documentLink', valid: inDocument }],
    documentFormattingProvider: () => [{ method: 'textDocument/formatting', valid: uris => ({ ...inDocument(uris), options }) }],
    documentRangeFormattingProvider: () => [{ method: 'textDocument/rangeFormatting', valid: uris => ({ ...inDocument(uris), range, options }) }],
    documentOnTypeFormattingProvider: () => [{ method: 'textDocument/onTypeFormatting', valid: uris => ({ ...at(uris), ch: '}', options }) }],
    foldingRangeProvider: () => [{ method: 'textDocument/foldingRange', valid: inDocument }],
    renameProvider: () => [
        { method: 'textDocument/rename', valid: uris => ({ ...atModule(uris), newName: 'Hazard' }) },
        { method: 'textDocument/prepareRename', valid: atModule }
    ],
    semanticTokensProvider: capability => {
        const { full, range: byRange } = capability as { full?: boolean | { delta?: boolean }; range?: boolean };
        return [
            ...(full ? [{ method: 'textDocument/semanticTokens/full', valid: inDocument }] : []),
            ...(typeof full === 'object' && full.delta ? [{ method: 'textDocument/semanticTokens/full/delta', valid: (uris: Uris) => ({ ...inDocument(uris), previousResultId: '1' }) }] : []),
            ...(byRange ? [{ method: 'textDocument/semanticTokens/range', valid: (uris: Uris) => ({ ...inDocument(uris), range }) }] : [])
        ];
    },
    inlayHintProvider: () => [{ method: 'textDocument/inlayHint', valid: uris => ({ ...inDocument(uris), range }) }],
    callHierarchyProvider: () => [{ method: 'textDocument/prepareCallHierarchy', valid: at }],
    typeHierarchyProvider: () => [{ method: 'textDocument/prepareTypeHierarchy', valid: at }],
    workspaceSymbolProvider: capability => [
        { method: 'workspace/symbol', valid: () => ({ query: 'Risk' }) },
        ...((capability as { resolveProvider?: boolean }).resolveProvider ? [{ method: 'workspaceSymbol/resolve', valid: ({ programme }: Uris) => ({ name: 'Risk', kind: 2, location: { uri: programme } }) }] : [])
    ],
    executeCommandProvider: () => [{ method: 'workspace/executeCommand', valid: () => ({ command: 'none' }) }],
    workspace: capability => [
        ...((capability as { textDocumentContent?: unknown }).textDocumentContent ? [{ method: 'workspace/textDocumentContent', valid: () => ({ uri: 'builtin:/roles.nos' }) }] : [])
    ]
};

/** What every LSP server handles, whatever it advertises, and TrainSpec's own methods. */
const ALWAYS: Method[] = [
    { method: 'initialize' },
    { method: 'initialized', notification: true, paramsOptional: true },
    { method: '$/cancelRequest', notification: true, valid: () => ({ id: 'nothing-to-cancel' }), readByTransport: true },
    { method: '$/setTrace', notification: true, valid: () => ({ value: 'off' }) },
    { method: 'workspace/didChangeWatchedFiles', notification: true, valid: ({ scratch }) => ({ changes: [{ uri: scratch, type: 2 }] }) },
    { method: 'workspace/didChangeConfiguration', notification: true, valid: () => ({ settings: { trainspec: { coverage: { severity: 'warning' } } } }), mutate: false },
    { method: 'trainspec/coverageMatrix', valid: ({ programme }) => ({ uri: programme }) },
    // Every property is optional (without them, the tree is marked for no programme): only wrong types are malformed.
    { method: 'trainspec/standardsTree', valid: () => ({}) },
    { method: 'trainspec/addToCovers', valid: ({ programme }) => ({ textDocument: { uri: programme }, position: { line: 1, character: 4 }, item: 'RoSH.a' }) }
];

/** A value of another JSON type than `value`, which no check can take for it. */
function wrongType(value: unknown): unknown {
    switch (typeof value) {
        case 'string':
            // Not a number: a string property may also take one (a request id, a diagnostic's code).
            return true;
        case 'number':
            return 'not a number';
        case 'boolean':
            return 'yes';
        default:
            return Array.isArray(value) ? 'not a list' : null;
    }
}

/** The well-formed parameters with one property after another missing or of the wrong type (each, and each nested one). */
function malformed({ valid, mutate, paramsOptional }: Method, uris: Uris): Array<{ path: string; params: unknown }> {
    return [
        ...MALFORMED_ANYWHERE.filter(({ params }) => !(paramsOptional && params === undefined)),
        ...(valid && mutate !== false ? mutations(valid(uris)).slice(1) : [])
    ];
}

function mutations(params: unknown, path = 'params'): Array<{ path: string; params: unknown }> {
    const result = [{ path, params: wrongType(params) }];
    if (typeof params === 'object' && params !== null) {
        for (const [key, value] of Object.entries(params)) {
            const rebuild = (replacement: unknown) => Array.isArray(params)
                ? params.map((element: unknown, index) => String(index) === key ? replacement : element)
                : { ...params, [key]: replacement };
            result.push(...mutations(value, `${path}.${key}`).map(mutation => ({ path: mutation.path, params: rebuild(mutation.params) })));
            if (!Array.isArray(params)) {
                const { [key]: _missing, ...rest } = params as Record<string, unknown>;
                result.push({ path: `${path}.${key} (missing)`, params: rest });
            }
        }
    }
    return result;
}

/** Parameters no method of the protocol takes: none, null, a number, text, a list. */
const MALFORMED_ANYWHERE: Array<{ path: string; params: unknown }> = [
    { path: 'no params', params: undefined },
    { path: 'params: null', params: null },
    { path: 'params: 42', params: 42 },
    { path: 'params: "text"', params: 'text' },
    { path: 'params: []', params: [] }
];

/**
 * A table of malformed messages for every method the server advertises (and those every
 * server handles), sent over a real stdio connection: the server must never exit, must answer
 * each malformed request with -32602, log and drop each malformed notification, and still answer
 * each well-formed one correctly afterwards.
 */
describe('malformed messages for every method the language server handles', () => {
    let folder: TempFolder;
    let client: LspClient;
    let uris: Uris;
    let methods: Method[];

    beforeAll(async () => {
        folder = createTempFolder({ 'programme.tspec': PROGRAMME });
        uris = { programme: fileUri(folder.file('programme.tspec')), scratch: fileUri(folder.file('scratch.tspec')) };
        client = await LspClient.start(folder.path);
        await client.waitForDiagnostics(uris.programme);
        methods = [...ALWAYS, ...advertised(client.capabilities)];
    });

    afterAll(async () => {
        await client?.dispose();
        folder?.remove();
    });

    function advertised(capabilities: ServerCapabilities): Method[] {
        return Object.entries(capabilities).filter(([, capability]) => capability).flatMap(([name, capability]) => {
            const methodsOf = BY_CAPABILITY[name];
            // A capability this table does not know is a method nobody has tried to break: add it above.
            expect(methodsOf, `the methods behind the capability ${name}`).toBeDefined();
            return methodsOf(capability);
        });
    }

    async function expectServing(): Promise<void> {
        const hover: Hover | null = await client.connection.sendRequest(HoverRequest.type, at(uris));
        expect((hover?.contents as MarkupContent | undefined)?.value).toContain(PO_TEXT);
        expect(client.running).toBe(true);
    }

    test('the table covers the language features the server advertises', () => {
        expect(methods.map(method => method.method)).toEqual(expect.arrayContaining([
            'textDocument/hover', 'textDocument/completion', 'textDocument/rename', 'textDocument/codeAction', 'textDocument/formatting',
            'textDocument/semanticTokens/full', 'workspace/symbol', 'workspace/textDocumentContent', 'textDocument/didOpen'
        ]));
    });

    test('each malformed request is answered with -32602 and a message saying what is wrong', async () => {
        let sent = 0;
        for (const request of methods.filter(method => !method.notification)) {
            const method = request.method;
            for (const { path, params } of malformed(request, uris)) {
                const answer = await client.sendRawRequest(method, params);
                expect(answer, `${method} with ${path}`).toEqual({
                    error: { code: ErrorCodes.InvalidParams, message: expect.stringMatching(new RegExp(`^Invalid parameters for ${method.replace(/\$/g, '\\$')}: params\\S* (must be|is missing)`)) as string }
                });
                sent++;
            }
        }
        expect(sent).toBeGreaterThan(200);
        await expectServing();
    });

    test('each malformed notification is logged and dropped', async () => {
        for (const notification of methods.filter(method => method.notification)) {
            const method = notification.method;
            for (const { path, params } of malformed(notification, uris)) {
                const logged = client.logs.length;
                await client.sendRawNotification(method, params);
                // Messages are handled in order: once the hover is answered, the notification has been.
                await expectServing();
                if (notification.readByTransport) {
                    continue;
                }
                expect(client.logs.slice(logged), `${method} with ${path}`).toContainEqual({
                    type: MessageType.Error, message: expect.stringMatching(new RegExp(`^Ignored ${method.replace(/\$/g, '\\$')}: its parameters are invalid: params`)) as string
                });
            }
        }
        // Nothing malformed reached the workspace: the scratch document was never opened.
        expect(client.diagnostics.has(uris.scratch)).toBe(false);
    });

    test('after all that, each well-formed message is still handled, and each request answered without error', async () => {
        for (const { method, notification, valid } of methods.filter(method => method.valid)) {
            const params = valid!(uris);
            if (notification) {
                await client.sendRawNotification(method, params);
            } else {
                const answer = await client.sendRawRequest(method, params);
                expect(answer, method).toHaveProperty('result');
            }
        }
        await expectServing();
        expect(client.logs.filter(log => log.type === MessageType.Error && !log.message.startsWith('Ignored '))).toEqual([]);
        expect(await client.shutdown()).toBe(0);
    });
});
