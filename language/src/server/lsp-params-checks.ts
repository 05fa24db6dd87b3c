import {
    CallHierarchyIncomingCallsRequest, CallHierarchyOutgoingCallsRequest, CallHierarchyPrepareRequest, CodeActionRequest, CodeLensRequest, CompletionRequest,
    DeclarationRequest, DefinitionRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification,
    DidChangeWorkspaceFoldersNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, DidSaveTextDocumentNotification,
    DocumentFormattingRequest, DocumentHighlightRequest, DocumentLinkRequest, DocumentOnTypeFormattingRequest, DocumentRangeFormattingRequest,
    DocumentSymbolRequest, ExecuteCommandRequest, ExitNotification, FoldingRangeRequest, HoverRequest, ImplementationRequest, InitializedNotification,
    InitializeRequest, InlayHintRequest, PrepareRenameRequest, ReferencesRequest, RenameRequest, SemanticTokensDeltaRequest, SemanticTokensRangeRequest,
    SemanticTokensRequest, SetTraceNotification, ShutdownRequest, SignatureHelpRequest, TextDocumentContentRequest, TypeDefinitionRequest,
    TypeHierarchyPrepareRequest, TypeHierarchySubtypesRequest, TypeHierarchySupertypesRequest, WillSaveTextDocumentNotification,
    WillSaveTextDocumentWaitUntilRequest, WorkDoneProgressCancelNotification, WorkspaceSymbolRequest, WorkspaceSymbolResolveRequest
} from 'vscode-languageserver-protocol';
import { ServerCommands } from '../protocol/constants.js';
import { AddToCoversRequest, CoverageMatrixRequest, CoverageReportRequest, StandardsTreeRequest } from '../protocol/lsp-ext.js';
import { REPORT_FORMATS } from '../report/coverage-report.js';
import {
    anything, arrayOf, boolean, either, integer, nullable, object, oneOf, optional, string, tupleOf, uinteger, uri, type Check
} from './params-checks.js';

/*
 * The parameters of every method the TrainSpec language server handles, as far as its
 * handlers (Langium's, vscode-languageserver's and TrainSpec's own) rely on them. The
 * ParamsGuard holds each incoming message to these before any handler sees it.
 */

const position = object({ line: uinteger, character: uinteger });
const range = object({ start: position, end: position });
const textDocument = object({ uri });
const inDocument = { textDocument };
const atPosition = { textDocument, position };
const progressToken = either(integer, string);
const markupContent = object({ kind: string, value: string });

const formattingOptions = object({ tabSize: uinteger, insertSpaces: boolean });
const diagnostic = object({
    range,
    message: either(string, markupContent),
    severity: optional(oneOf(1, 2, 3, 4)),
    code: optional(either(integer, string)),
    source: optional(string)
});
const hierarchyItem = object({ name: string, kind: uinteger, uri, range, selectionRange: range });
const workspaceFolder = object({ uri, name: string });

/** The arguments of each of the server's own commands (ServerCommands); another command's are not the server's business. */
const COMMAND_ARGUMENTS: Readonly<Record<string, Check>> = {
    [ServerCommands.openCoverageReport]: tupleOf(uri, string)
};

const executeCommand: Check = (value, path) => {
    const problem = object({ command: string, arguments: optional(arrayOf(anything)) })(value, path);
    if (problem) {
        return problem;
    }
    const { command, arguments: args } = value as { command: string; arguments?: unknown[] };
    return Object.hasOwn(COMMAND_ARGUMENTS, command) ? COMMAND_ARGUMENTS[command](args ?? [], `${path}.arguments`) : undefined;
};

/** Parameters by method, for the requests and notifications clients send to the server. */
export const LSP_PARAMS_CHECKS: Readonly<Record<string, Check>> = {
    // Lifecycle
    [InitializeRequest.method]: object({
        processId: optional(nullable(integer)),
        rootUri: optional(nullable(uri)),
        capabilities: object({}),
        workspaceFolders: optional(nullable(arrayOf(workspaceFolder)))
    }),
    [InitializedNotification.method]: optional(object({})),
    // These take no parameters, and their handlers read none.
    [ShutdownRequest.method]: anything,
    [ExitNotification.method]: anything,
    '$/cancelRequest': object({ id: either(integer, string) }),
    [SetTraceNotification.type.method]: object({ value: oneOf('off', 'messages', 'verbose') }),
    [WorkDoneProgressCancelNotification.method]: object({ token: progressToken }),

    // Document synchronisation
    [DidOpenTextDocumentNotification.method]: object({ textDocument: object({ uri, languageId: string, version: integer, text: string }) }),
    [DidChangeTextDocumentNotification.method]: object({
        textDocument: object({ uri, version: integer }),
        contentChanges: arrayOf(object({ range: optional(range), rangeLength: optional(uinteger), text: string }))
    }),
    [DidCloseTextDocumentNotification.method]: object(inDocument),
    [DidSaveTextDocumentNotification.method]: object({ textDocument, text: optional(string) }),
    [WillSaveTextDocumentNotification.method]: object({ textDocument, reason: oneOf(1, 2, 3) }),
    [WillSaveTextDocumentWaitUntilRequest.method]: object({ textDocument, reason: oneOf(1, 2, 3) }),

    // Workspace
    [DidChangeWatchedFilesNotification.method]: object({ changes: arrayOf(object({ uri, type: oneOf(1, 2, 3) })) }),
    // `settings` is anything: VS Code's client sends null to say "ask me" (workspace/configuration).
    [DidChangeConfigurationNotification.method]: object({}),
    [DidChangeWorkspaceFoldersNotification.method]: object({ event: object({ added: arrayOf(workspaceFolder), removed: arrayOf(workspaceFolder) }) }),
    [WorkspaceSymbolRequest.method]: object({ query: string }),
    [WorkspaceSymbolResolveRequest.method]: object({ name: string, kind: uinteger, location: object({ uri, range: optional(range) }) }),
    [ExecuteCommandRequest.method]: executeCommand,
    [TextDocumentContentRequest.method]: object({ uri }),

    // Language features
    [CompletionRequest.method]: object({
        ...atPosition,
        context: optional(object({ triggerKind: oneOf(1, 2, 3), triggerCharacter: optional(string) }))
    }),
    [HoverRequest.method]: object(atPosition),
    [SignatureHelpRequest.method]: object(atPosition),
    [DefinitionRequest.method]: object(atPosition),
    [DeclarationRequest.method]: object(atPosition),
    [TypeDefinitionRequest.method]: object(atPosition),
    [ImplementationRequest.method]: object(atPosition),
    [DocumentHighlightRequest.method]: object(atPosition),
    [ReferencesRequest.method]: object({ ...atPosition, context: object({ includeDeclaration: boolean }) }),
    [PrepareRenameRequest.method]: object(atPosition),
    [RenameRequest.method]: object({ ...atPosition, newName: string }),
    [DocumentSymbolRequest.method]: object(inDocument),
    [FoldingRangeRequest.method]: object(inDocument),
    [DocumentLinkRequest.method]: object(inDocument),
    [CodeLensRequest.method]: object(inDocument),
    [SemanticTokensRequest.method]: object(inDocument),
    [SemanticTokensDeltaRequest.method]: object({ textDocument, previousResultId: string }),
    [SemanticTokensRangeRequest.method]: object({ textDocument, range }),
    [InlayHintRequest.method]: object({ textDocument, range }),
    [CodeActionRequest.method]: object({
        textDocument,
        range,
        context: object({ diagnostics: arrayOf(diagnostic), only: optional(arrayOf(string)), triggerKind: optional(oneOf(1, 2)) })
    }),
    [DocumentFormattingRequest.method]: object({ textDocument, options: formattingOptions }),
    [DocumentRangeFormattingRequest.method]: object({ textDocument, range, options: formattingOptions }),
    [DocumentOnTypeFormattingRequest.method]: object({ ...atPosition, ch: string, options: formattingOptions }),
    [CallHierarchyPrepareRequest.method]: object(atPosition),
    [CallHierarchyIncomingCallsRequest.method]: object({ item: hierarchyItem }),
    [CallHierarchyOutgoingCallsRequest.method]: object({ item: hierarchyItem }),
    [TypeHierarchyPrepareRequest.method]: object(atPosition),
    [TypeHierarchySupertypesRequest.method]: object({ item: hierarchyItem }),
    [TypeHierarchySubtypesRequest.method]: object({ item: hierarchyItem }),

    // TrainSpec's own (lsp-ext.ts)
    [CoverageMatrixRequest.method]: object({ uri }),
    [StandardsTreeRequest.method]: object({ uri: optional(uri), position: optional(position), programme: optional(string) }),
    [AddToCoversRequest.method]: object({ textDocument, position, item: string }),
    [CoverageReportRequest.method]: object({ format: oneOf(...REPORT_FORMATS), uri: optional(uri), programme: optional(string) })
};
