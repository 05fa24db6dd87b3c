import { posix } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MAX_FILE_BYTES } from '../../cli/src/files/regular-file.js';
import { collectSources } from '../../cli/src/source-files.js';
import { FakeSourceFileSystem, type FakeEntry } from '../support/fake-source-file-system.js';

const SPEC = 'programme P "P" { prepares PSO }\n';

/** Collects sources from a fake file system rooted at /w, the working folder. */
function collect(entries: Record<string, FakeEntry>, args: string[] = []) {
    const fileSystem = new FakeSourceFileSystem(Object.fromEntries(Object.entries(entries).map(([path, entry]) => [posix.resolve('/w', path), entry])));
    const { files, problems } = collectSources(args, '/w', undefined, fileSystem);
    return {
        files: files.map(file => file.displayPath),
        problems: problems.map(problem => `${problem.path}: ${problem.message} [${problem.code}]`),
        fileSystem
    };
}

describe('collectSources: what cannot be read is one problem, and the rest is still read', () => {
    test('a file that permission keeps out, and one that fails with an I/O error', () => {
        const { files, problems } = collect({
            'ok.tspec': { text: SPEC },
            'secret.tspec': { text: SPEC, failRead: 'EACCES' },
            'broken.tspec': { text: SPEC, failRead: 'EIO' }
        });
        expect(files).toEqual(['ok.tspec']);
        expect(problems).toEqual([
            'broken.tspec: Cannot be read: an input/output error (the disk or device failed). [unreadable-file]',
            'secret.tspec: Cannot be read: permission denied. [unreadable-file]'
        ]);
    });

    test('a folder that cannot be listed is one problem, and the rest of the tree is walked', () => {
        const { files, problems } = collect({
            'gap.tspec': { text: SPEC },
            'locked': { folder: true, failList: 'EACCES' },
            'locked/inside.tspec': { text: SPEC }
        });
        expect(files).toEqual(['gap.tspec']);
        expect(problems).toEqual(['locked: Cannot be read: permission denied. [unreadable-file]']);
    });

    test('a file inside a folder that cannot be entered cannot be read, rather than missing', () => {
        const { problems } = collect({ 'locked/inside.tspec': { fail: 'EACCES' } }, ['locked/inside.tspec']);
        expect(problems).toEqual(['locked/inside.tspec: Cannot be read: permission denied. [unreadable-file]']);
    });

    test('an unknown failure keeps Node\'s words, without the path it repeats', () => {
        const { problems } = collect({ 'odd.tspec': { fail: 'EXDEV' } }, ['odd.tspec']);
        expect(problems).toEqual(['odd.tspec: Cannot be read: EXDEV: cross-device link not permitted. [unreadable-file]']);
    });
});

describe('collectSources: only regular files are read, wherever links lead', () => {
    test('a named pipe, a device and a socket, named or found in a folder, are one line each and never read', () => {
        const entries: Record<string, FakeEntry> = {
            'ok.tspec': { text: SPEC },
            'pipe.tspec': { special: 'named-pipe' },
            'zero.tspec': { link: '/dev/zero' },
            'socket.nos': { special: 'socket' },
            '/dev/zero': { special: 'device' }
        };
        const expected = [
            'pipe.tspec: Not a regular file but a named pipe (FIFO), which TrainSpec does not read. [not-a-file]',
            'socket.nos: Not a regular file but a socket, which TrainSpec does not read. [not-a-file]',
            'zero.tspec: Not a regular file but a device, which TrainSpec does not read. [not-a-file]'
        ];
        const walked = collect(entries);
        expect(walked.files).toEqual(['ok.tspec']);
        expect(walked.problems).toEqual(expected);
        const named = collect(entries, ['zero.tspec', 'pipe.tspec', 'socket.nos', 'ok.tspec']);
        expect(named.problems).toEqual(expected);
        expect(named.fileSystem.bytesRead).toBe(SPEC.length);
    });

    test('links to files and folders are followed in a walk, and what they lead to is read once', () => {
        const { files, problems } = collect({
            'specs/a.tspec': { text: SPEC },
            'specs/also-a.tspec': { link: 'a.tspec' },
            'shared': { link: 'specs' },
            'elsewhere.tspec': { link: '../outside/b.tspec' },
            '../outside/b.tspec': { text: SPEC }
        });
        // shared/ is the same folder as specs/, and also-a.tspec the same file as a.tspec: the first path in order wins.
        expect(files).toEqual(['elsewhere.tspec', 'shared/a.tspec']);
        expect(problems).toEqual([]);
    });

    test('a link to a folder above it is not walked again, so the walk ends', () => {
        const { files, problems } = collect({
            'a.tspec': { text: SPEC },
            'deeper/up': { link: '..' },
            'deeper/self': { link: '.' },
            'deeper/b.tspec': { text: SPEC }
        });
        expect(files).toEqual(['a.tspec', 'deeper/b.tspec']);
        expect(problems).toEqual([]);
    });

    test('a link in a loop, or to nothing, is one line when it is named like a spec, and passed over otherwise', () => {
        const { files, problems } = collect({
            'a.tspec': { text: SPEC },
            'loop.tspec': { link: 'loop.tspec' },
            'ring-a.nos': { link: 'ring-b.nos' },
            'ring-b.nos': { link: 'ring-a.nos' },
            'gone.tspec': { link: 'deleted.tspec' },
            'gone-folder': { link: 'deleted' },
            'loop-folder': { link: 'loop-folder' }
        });
        expect(files).toEqual(['a.tspec']);
        expect(problems).toEqual([
            'gone.tspec: A symbolic link to something that does not exist. [missing-path]',
            'loop.tspec: A symbolic link that leads round in a loop, so there is nothing to read. [symlink-loop]',
            'ring-a.nos: A symbolic link that leads round in a loop, so there is nothing to read. [symlink-loop]',
            'ring-b.nos: A symbolic link that leads round in a loop, so there is nothing to read. [symlink-loop]'
        ]);
        expect(collect({ 'loop.tspec': { link: 'loop.tspec' } }, ['loop.tspec']).problems)
            .toEqual(['loop.tspec: A symbolic link that leads round in a loop, so there is nothing to read. [symlink-loop]']);
    });

    test('a file larger than the limit is refused after reading one byte more than the limit, not read whole', () => {
        const huge = new Uint8Array(MAX_FILE_BYTES * 2).fill(0x20);
        const { files, problems, fileSystem } = collect({ 'huge.tspec': { text: huge }, 'limit.tspec': { text: huge.subarray(0, MAX_FILE_BYTES) } });
        expect(files).toEqual(['limit.tspec']);
        expect(problems).toEqual(['huge.tspec: Larger than 16 MB, the most TrainSpec reads from one file. [file-too-large]']);
        expect(fileSystem.bytesRead).toBe(2 * MAX_FILE_BYTES + 1);
    });

    test('node_modules and hidden folders are not walked, unless named', () => {
        const tree = { 'a.tspec': { text: SPEC }, 'node_modules/x.tspec': { text: SPEC }, '.git/y.nos': { text: SPEC }, '.tools/z.tspec': { text: SPEC } };
        expect(collect(tree).files).toEqual(['a.tspec']);
        expect(collect(tree, ['.tools']).files).toEqual(['.tools/z.tspec']);
    });
});
