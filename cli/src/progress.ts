/**
 * One status line on a terminal for runs long enough to notice ("Checking 2,400 files:
 * linking…"); silent when the output goes to a file or CI log, where it would only add noise.
 */
export interface Progress {
    report(message: string): void;
    done(): void;
}

export function createProgress(stream: NodeJS.WriteStream, enabled: boolean): Progress {
    if (!enabled || !stream.isTTY) {
        return { report: () => undefined, done: () => undefined };
    }
    let shown = false;
    return {
        report(message) {
            stream.write(`\r\x1b[2K${message}`);
            shown = true;
        },
        done() {
            if (shown) {
                stream.write('\r\x1b[2K');
            }
        }
    };
}
