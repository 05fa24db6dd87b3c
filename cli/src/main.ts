import { keepYoungGenerationsSmall } from './batch/young-generation.js';
import { runCli } from './cli.js';
import { exitCodeAfterOutput, quietWhenClosed } from './closed-output.js';
import { visibleText } from './reports/terminal-text.js';

declare const TRAINSPEC_VERSION: string;

// Before anything is read: see young-generation.ts.
keepYoungGenerationsSmall();
quietWhenClosed(process.stdout, 'the standard output');
quietWhenClosed(process.stderr, 'the standard error');

runCli(process.argv.slice(2), process.cwd(), typeof TRAINSPEC_VERSION === 'string' ? TRAINSPEC_VERSION : 'development')
    .then(code => {
        process.exitCode = exitCodeAfterOutput(code);
    })
    .catch((error: unknown) => {
        process.stderr.write(`trainspec: internal error: ${visibleText(error instanceof Error ? error.message : String(error))}\nPlease report this, with the command you ran.\n`);
        process.exitCode = 2;
    });
