import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../language/src/protocol/constants.js';

type TraceSetting = 'off' | 'messages' | 'verbose';

/**
 * The trace output channel that the language client writes the LSP traffic to.
 *
 * vscode-languageclient 10 traces only while its trace channel's log level is Trace, and
 * then reads `trainspec.trace.server` for how much. This channel makes the setting alone
 * decide: its log level is Trace exactly when `trainspec.trace.server` is not `off`, and it
 * writes the trace into the TrainSpec output channel as ordinary (Info) lines, so they show
 * without changing that channel's log level.
 */
export class TraceChannel implements vscode.LogOutputChannel {
    private readonly levelEmitter = new vscode.EventEmitter<vscode.LogLevel>();
    private readonly configListener: vscode.Disposable;
    readonly onDidChangeLogLevel = this.levelEmitter.event;

    constructor(private readonly output: vscode.LogOutputChannel) {
        this.configListener = vscode.workspace.onDidChangeConfiguration(event => {
            if (event.affectsConfiguration('trainspec.trace.server')) {
                this.levelEmitter.fire(this.logLevel);
            }
        });
    }

    get name(): string {
        return this.output.name;
    }

    get logLevel(): vscode.LogLevel {
        const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<TraceSetting>('trace.server', 'off');
        return setting === 'messages' || setting === 'verbose' ? vscode.LogLevel.Trace : vscode.LogLevel.Off;
    }

    trace(message: string): void {
        if (this.logLevel === vscode.LogLevel.Trace) {
            this.output.appendLine(message);
        }
    }

    debug(message: string, ...args: unknown[]): void {
        this.output.debug(message, ...args);
    }

    info(message: string, ...args: unknown[]): void {
        this.output.info(message, ...args);
    }

    warn(message: string, ...args: unknown[]): void {
        this.output.warn(message, ...args);
    }

    error(error: string | Error, ...args: unknown[]): void {
        this.output.error(error, ...args);
    }

    append(value: string): void {
        this.output.append(value);
    }

    appendLine(value: string): void {
        this.output.appendLine(value);
    }

    replace(value: string): void {
        this.output.replace(value);
    }

    clear(): void {
        this.output.clear();
    }

    show(preserveFocus?: boolean): void;
    show(column?: vscode.ViewColumn, preserveFocus?: boolean): void;
    show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
        this.output.show(typeof columnOrPreserveFocus === 'boolean' ? columnOrPreserveFocus : preserveFocus);
    }

    hide(): void {
        this.output.hide();
    }

    /** Stops following the setting; the TrainSpec output channel itself stays open. */
    dispose(): void {
        this.configListener.dispose();
        this.levelEmitter.dispose();
    }
}
