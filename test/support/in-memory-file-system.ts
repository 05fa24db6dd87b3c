import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';

/** A workspace held in memory, so tests can edit and delete files as an editor would. */
export class InMemoryFileSystem implements FileSystemProvider {
    readonly files = new Map<string, Uint8Array>();

    /** Text is stored as UTF-8; bytes as they are, so tests can make binary or non-UTF-8 files. */
    write(uri: URI, content: string | Uint8Array): void {
        this.files.set(uri.toString(), typeof content === 'string' ? new TextEncoder().encode(content) : content);
    }

    delete(uri: URI): void {
        this.files.delete(uri.toString());
    }

    stat(uri: URI): Promise<FileSystemNode> {
        return settled(() => this.statSync(uri));
    }

    statSync(uri: URI): FileSystemNode {
        const isFile = this.files.has(uri.toString());
        const isDirectory = !isFile && this.children(uri).length > 0;
        if (!isFile && !isDirectory) {
            throw new Error(`ENOENT: ${uri.toString()}`);
        }
        return { uri, isFile, isDirectory };
    }

    exists(uri: URI): Promise<boolean> {
        return settled(() => this.existsSync(uri));
    }

    existsSync(uri: URI): boolean {
        return this.files.has(uri.toString()) || this.children(uri).length > 0;
    }

    readBinary(uri: URI): Promise<Uint8Array> {
        return settled(() => this.readBinarySync(uri));
    }

    readBinarySync(uri: URI): Uint8Array {
        const bytes = this.files.get(uri.toString());
        if (bytes === undefined) {
            throw new Error(`ENOENT: ${uri.toString()}`);
        }
        return bytes;
    }

    readFile(uri: URI): Promise<string> {
        return settled(() => this.readFileSync(uri));
    }

    readFileSync(uri: URI): string {
        return new TextDecoder().decode(this.readBinarySync(uri));
    }

    readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return settled(() => this.readDirectorySync(uri));
    }

    readDirectorySync(uri: URI): FileSystemNode[] {
        return this.children(uri).map(child => this.statSync(child));
    }

    private children(folder: URI): URI[] {
        const prefix = folder.toString().replace(/\/?$/, '/');
        const names = new Set<string>();
        for (const key of this.files.keys()) {
            if (key.startsWith(prefix)) {
                names.add(key.slice(prefix.length).split('/')[0]);
            }
        }
        return [...names].map(name => URI.parse(prefix + name));
    }
}

/** Answers as a file system on disk does: asynchronously, and with a failure as a rejection rather than a throw. */
function settled<T>(read: () => T): Promise<T> {
    return new Promise(resolve => resolve(read()));
}
