import { failureReason } from './files/regular-file.js';

/** Whether writing to stdout or stderr failed for a reason other than a reader that went away. */
let failed = false;

/**
 * What happens when the reader of stdout or stderr goes away early, as in
 * `trainspec standards | head -1`: Node ignores SIGPIPE, so the next write fails with EPIPE, an
 * 'error' event that nobody listens to and that would end the process with a stack trace. Here the
 * rest of the output is dropped quietly and the command ends with the exit code it would have had
 * anyway (as ripgrep does; `cat` and `grep` die of SIGPIPE instead, which `set -o pipefail` reads
 * as a failure of the pipeline). Any other failure to write is said in one line on stderr, exit 2.
 */
export function quietWhenClosed(stream: NodeJS.WriteStream, name: string): void {
    stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
            return;
        }
        failed = true;
        process.exitCode = 2;
        if (stream !== process.stderr) {
            process.stderr.write(`trainspec: cannot write to ${name}: ${failureReason(error)}.\n`);
        }
    });
}

/** The exit code, given the command's own: 2 once writing its output has failed. */
export function exitCodeAfterOutput(code: number): number {
    return failed ? 2 : code;
}
