import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { decodeBase64 } from '../protocol/base64.js';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest } from '../protocol/lsp-ext.js';
import type { WorkspaceEntry } from '../protocol/workspace-files.js';

/**
 * Reads the workspace's files through the client (`trainspec/stat`, `trainspec/readDirectory`,
 * `trainspec/readFile`), for a language server that cannot read them itself: in the browser
 * (VS Code for the Web, github.dev), where only the editor can reach the files, and in a virtual
 * workspace (a repository opened remotely). Langium's own in-browser file system sees only open
 * documents, so a programme whose modules sit in files nobody opened would lose them.
 *
 * `file:` URIs go to `local` when there is one (Node's file system, on the desktop), so a desktop
 * server asks the client only for what is not on its disk. Langium's synchronous methods cannot
 * wait for a client; TrainSpec does not use them, and they throw for what `local` cannot serve.
 */
export class ClientFileSystemProvider implements FileSystemProvider {
    constructor(
        protected readonly connection: Connection,
        protected readonly local?: FileSystemProvider
    ) {}

    async stat(uri: URI): Promise<FileSystemNode> {
        if (this.isLocal(uri)) {
            return this.local!.stat(uri);
        }
        const entry = await this.connection.sendRequest(StatRequest, { uri: uri.toString() });
        if (!entry) {
            throw new Error(`${uri.toString()} does not exist.`);
        }
        return toNode(entry);
    }

    async exists(uri: URI): Promise<boolean> {
        if (this.isLocal(uri)) {
            return this.local!.exists(uri);
        }
        return (await this.connection.sendRequest(StatRequest, { uri: uri.toString() })) !== null;
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        if (this.isLocal(uri)) {
            return this.local!.readBinary(uri);
        }
        const { base64 } = await this.connection.sendRequest(ReadFileRequest, { uri: uri.toString() });
        return decodeBase64(base64);
    }

    async readFile(uri: URI): Promise<string> {
        return new TextDecoder().decode(await this.readBinary(uri));
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        if (this.isLocal(uri)) {
            return this.local!.readDirectory(uri);
        }
        const entries = await this.connection.sendRequest(ReadDirectoryRequest, { uri: uri.toString() });
        return entries.map(toNode);
    }

    statSync(uri: URI): FileSystemNode {
        return this.localSync(uri).statSync(uri);
    }

    existsSync(uri: URI): boolean {
        return this.localSync(uri).existsSync(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        return this.localSync(uri).readBinarySync(uri);
    }

    readFileSync(uri: URI): string {
        return this.localSync(uri).readFileSync(uri);
    }

    readDirectorySync(uri: URI): FileSystemNode[] {
        return this.localSync(uri).readDirectorySync(uri);
    }

    protected isLocal(uri: URI): boolean {
        return this.local !== undefined && uri.scheme === 'file';
    }

    protected localSync(uri: URI): FileSystemProvider {
        if (!this.isLocal(uri)) {
            throw new Error(`${uri.toString()} can only be read through the editor, which cannot answer at once.`);
        }
        return this.local!;
    }
}

function toNode(entry: WorkspaceEntry): FileSystemNode {
    return { uri: URI.parse(entry.uri), isFile: entry.type === 'file', isDirectory: entry.type === 'directory' };
}
