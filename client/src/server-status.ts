import * as vscode from 'vscode';
import { RESTART_SERVER_COMMAND, SHOW_OUTPUT_COMMAND } from './command-ids.js';
import { TRAINSPEC_LANGUAGES } from './document-selector.js';

/** The language server's health, as the status items show it. */
export type ServerHealth =
    | { kind: 'starting' }
    | { kind: 'running' }
    /** It crashed and is being started again; `crashes` counts the recent crashes. */
    | { kind: 'restarting'; crashes: number }
    /** It is down and stays down until someone restarts it. */
    | { kind: 'failed'; reason: string };

/**
 * Shows the server's health: a language status item beside the language mode of TrainSpec
 * editors (always), and a status bar item that appears only while the server is unhealthy,
 * in the theme's warning or error colours. Clicking either shows the TrainSpec output.
 */
export class ServerStatus implements vscode.Disposable {
    private readonly languageItem = vscode.languages.createLanguageStatusItem('trainspec.server', TRAINSPEC_LANGUAGES);
    private readonly barItem = vscode.window.createStatusBarItem('trainspec.serverHealth', vscode.StatusBarAlignment.Left, 0);
    private health: ServerHealth = { kind: 'starting' };
    private checking = false;

    constructor() {
        this.languageItem.name = 'TrainSpec language server';
        this.languageItem.command = { title: 'Show Output', command: SHOW_OUTPUT_COMMAND };
        this.barItem.name = 'TrainSpec language server';
        this.barItem.command = SHOW_OUTPUT_COMMAND;
        this.update({ kind: 'starting' });
    }

    update(health: ServerHealth): void {
        // A server that has just started is checking the workspace until it says it is quiescent.
        this.checking = health.kind === 'running' && (this.health.kind !== 'running' || this.checking);
        this.health = health;
        const { text, detail, severity } = describe(health, this.checking);
        this.languageItem.text = text;
        this.languageItem.detail = detail;
        this.languageItem.severity = severity;
        this.languageItem.busy = health.kind === 'starting' || health.kind === 'restarting' || this.checking;

        if (health.kind === 'running' || health.kind === 'starting') {
            this.barItem.hide();
            return;
        }
        const colour = health.kind === 'failed' ? 'error' : 'warning';
        this.barItem.text = `${health.kind === 'failed' ? '$(error)' : '$(sync~spin)'} TrainSpec`;
        this.barItem.backgroundColor = new vscode.ThemeColor(`statusBarItem.${colour}Background`);
        this.barItem.color = new vscode.ThemeColor(`statusBarItem.${colour}Foreground`);
        this.barItem.tooltip = actionsTooltip(detail);
        this.barItem.show();
    }

    /** Whether the running server is checking (`trainspec/status`: busy) rather than quiescent. */
    setChecking(checking: boolean): void {
        if (checking !== this.checking && this.health.kind === 'running') {
            this.checking = checking;
            this.update(this.health);
        }
    }

    dispose(): void {
        this.languageItem.dispose();
        this.barItem.dispose();
    }
}

function describe(health: ServerHealth, checking: boolean): { text: string; detail: string; severity: vscode.LanguageStatusSeverity } {
    const { Information, Warning, Error } = vscode.LanguageStatusSeverity;
    switch (health.kind) {
        case 'starting':
            return { text: 'TrainSpec', detail: 'Language server starting', severity: Information };
        case 'running':
            return checking
                ? { text: 'TrainSpec', detail: 'Checking…', severity: Information }
                : { text: '$(check) TrainSpec', detail: 'Language server running', severity: Information };
        case 'restarting':
            return { text: '$(warning) TrainSpec', detail: `Language server stopped unexpectedly (${health.crashes}×); restarting`, severity: Warning };
        case 'failed':
            return { text: '$(error) TrainSpec', detail: `Language server stopped: ${health.reason}`, severity: Error };
    }
}

function actionsTooltip(detail: string): vscode.MarkdownString {
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(detail);
    tooltip.appendMarkdown(`\n\n[Show Output](command:${SHOW_OUTPUT_COMMAND}) · [Restart](command:${RESTART_SERVER_COMMAND})`);
    tooltip.isTrusted = { enabledCommands: [SHOW_OUTPUT_COMMAND, RESTART_SERVER_COMMAND] };
    return tooltip;
}
