import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NodeSourceFileSystem } from '../../../cli/src/files/file-system.js';
import { MAX_FILE_BYTES, readFileBytes } from '../../../cli/src/files/regular-file.js';
import { createTempFolder, type TempFolder } from '../../support/temp-folder.js';

// In process, on the real disk: only what cannot block. Named pipes are tested through the CLI
// process (check-input.test.ts), where a hang is a killed child, not a stuck test runner.
describe('NodeSourceFileSystem and readFileBytes on the real disk', () => {
    const fileSystem = new NodeSourceFileSystem();
    let folder: TempFolder;
    let server: Server;

    beforeAll(async () => {
        folder = createTempFolder({ 'spec.tspec': 'programme P "P" { }\n', 'sub/inner.nos': '' });
        symlinkSync('spec.tspec', folder.file('link.tspec'));
        symlinkSync('/dev/null', folder.file('null.tspec'));
        symlinkSync('sub', folder.file('sub-link'));
        // Sparse: 1 byte over the limit on disk costs no space, and must not be read whole.
        writeFileSync(folder.file('huge.tspec'), '');
        truncateSync(folder.file('huge.tspec'), MAX_FILE_BYTES + 1);
        server = createServer();
        await new Promise<void>(resolve => server.listen(folder.file('socket.tspec'), resolve));
    });

    afterAll(async () => {
        await new Promise(resolve => server?.close(resolve));
        folder?.remove();
    });

    test('a link and its target are one file; a folder and a link to it are one folder', () => {
        expect(fileSystem.stat(folder.file('link.tspec'))).toEqual(fileSystem.stat(folder.file('spec.tspec')));
        expect(fileSystem.stat(folder.file('sub-link'))).toMatchObject({ kind: 'folder', identity: fileSystem.stat(folder.file('sub')).identity });
        expect(fileSystem.stat(folder.file('spec.tspec')).identity).not.toBe(fileSystem.stat(folder.file('sub/inner.nos')).identity);
    });

    test('a folder lists its entries as they are, links as links', () => {
        const entries = fileSystem.readFolder(folder.path).sort((a, b) => a.name.localeCompare(b.name));
        expect(entries).toEqual([
            { name: 'huge.tspec', kind: 'file' },
            { name: 'link.tspec', kind: 'symbolic-link' },
            { name: 'null.tspec', kind: 'symbolic-link' },
            { name: 'socket.tspec', kind: 'socket' },
            { name: 'spec.tspec', kind: 'file' },
            { name: 'sub', kind: 'folder' },
            { name: 'sub-link', kind: 'symbolic-link' }
        ]);
    });

    test('a regular file is read through a link; a device and a socket are not read', () => {
        const read = readFileBytes(fileSystem, folder.file('link.tspec'));
        expect('bytes' in read && new TextDecoder().decode(read.bytes)).toBe('programme P "P" { }\n');
        expect(readFileBytes(fileSystem, folder.file('null.tspec'))).toEqual({ problem: { code: 'not-a-file', message: 'Not a regular file but a device, which TrainSpec does not read.' } });
        expect(readFileBytes(fileSystem, folder.file('socket.tspec'))).toEqual({ problem: { code: 'not-a-file', message: 'Not a regular file but a socket, which TrainSpec does not read.' } });
    });

    test('a file over the limit is refused, whatever its size on disk says', () => {
        expect(readFileBytes(fileSystem, folder.file('huge.tspec'))).toEqual({ problem: { code: 'file-too-large', message: 'Larger than 16 MB, the most TrainSpec reads from one file.' } });
        // The limit is what counts, not the size on disk: a smaller limit refuses a small file.
        expect(readFileBytes(fileSystem, folder.file('spec.tspec'), 5)).toEqual({ problem: { code: 'file-too-large', message: 'Larger than 5 bytes, the most TrainSpec reads from one file.' } });
    });

    test.skipIf(process.platform !== 'linux')('a file whose size on disk is 0 but which has content (/proc) is read to its end', () => {
        const read = readFileBytes(fileSystem, '/proc/self/status');
        expect('bytes' in read && new TextDecoder().decode(read.bytes)).toMatch(/^Name:/);
    });

    test('a missing path and a link in a loop are problems, not exceptions', () => {
        symlinkSync('loop.tspec', folder.file('loop.tspec'));
        expect(readFileBytes(fileSystem, folder.file('loop.tspec'))).toEqual({ problem: { code: 'symlink-loop', message: 'A symbolic link that leads round in a loop, so there is nothing to read.' } });
        expect(readFileBytes(fileSystem, folder.file('missing.tspec'))).toEqual({ problem: { code: 'missing-path', message: 'No such file or folder.' } });
    });
});
