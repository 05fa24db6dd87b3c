import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { CoverageMatrixParams, CoverageMatrixResult } from './coverage-matrix.js';
import type { AddToCoversParams, AddToCoversResult, StandardsTreeParams, StandardsTreeResult } from './standards-tree.js';
import type { CoverageReportParams, CoverageReportResult } from './coverage-report.js';
import type { ReadFileResult, StatResult, WorkspaceEntry, WorkspaceFileParams } from './workspace-files.js';

/**
 * TrainSpec's extensions to the Language Server Protocol, typed once and imported by both the
 * language server and the VS Code client (as rust-analyzer's `lsp_ext.ts` does), so that a
 * method name or a parameter shape cannot drift between the two.
 */

/** `trainspec/coverageMatrix`: the coverage matrices of the programmes in one document. */
export const CoverageMatrixRequest = new RequestType<CoverageMatrixParams, CoverageMatrixResult, void>('trainspec/coverageMatrix');

/** `trainspec/standardsTree`: the library and workspace catalogues as a tree, marked with the coverage of the programme at the cursor. */
export const StandardsTreeRequest = new RequestType<StandardsTreeParams, StandardsTreeResult, void>('trainspec/standardsTree');

/** `trainspec/addToCovers`: the edit that adds a standard to the `covers` of the module at the cursor. */
export const AddToCoversRequest = new RequestType<AddToCoversParams, AddToCoversResult, void>('trainspec/addToCovers');

/** `trainspec/coverageReport`: the coverage report (HTML, Markdown, CSV or JSON) of a document's programmes, or of the workspace's. */
export const CoverageReportRequest = new RequestType<CoverageReportParams, CoverageReportResult, void>('trainspec/coverageReport');

/** The parameters of `trainspec/status`. */
export interface ServerStatusParams {
    /**
     * True when the server has nothing left to do: no build or update running or queued and no
     * document owed a re-check, so the diagnostics it has published are final for what it has
     * been sent. False as soon as an edit, a file change or a setting change gives it work.
     */
    quiescent: boolean;
}

/**
 * `trainspec/status` (server → client): sent each time the server becomes busy or quiescent,
 * as rust-analyzer's `experimental/serverStatus` is. Until the first one, a client assumes busy.
 */
export const ServerStatusNotification = new NotificationType<ServerStatusParams>('trainspec/status');

/** `trainspec/stat` (server → client): whether a workspace URI is a file, a folder or nothing. */
export const StatRequest = new RequestType<WorkspaceFileParams, StatResult, void>('trainspec/stat');

/** `trainspec/readDirectory` (server → client): the files and folders in a folder of the workspace. */
export const ReadDirectoryRequest = new RequestType<WorkspaceFileParams, WorkspaceEntry[], void>('trainspec/readDirectory');

/** `trainspec/readFile` (server → client): a workspace file's bytes; an error response when it cannot be read. */
export const ReadFileRequest = new RequestType<WorkspaceFileParams, ReadFileResult, void>('trainspec/readFile');

/** The methods of the requests above that go the other way: the server sends them and the client answers. */
export const CLIENT_ANSWERED_METHODS: readonly string[] = [StatRequest.method, ReadDirectoryRequest.method, ReadFileRequest.method];
