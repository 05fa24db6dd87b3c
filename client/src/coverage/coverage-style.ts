/**
 * The coverage view's stylesheet. It uses only the theme's --vscode-* variables and the body's
 * theme classes, so the view follows light, dark and high-contrast themes.
 */
export const COVERAGE_STYLE = `
body {
    margin: 0;
    padding: 0 20px 24px;
    font-family: var(--vscode-font-family);
    font-size: var(--vscode-font-size);
    font-weight: var(--vscode-font-weight);
    color: var(--vscode-foreground);
    background-color: var(--vscode-editor-background);
}
code { font-family: var(--vscode-editor-font-family); }
.export-button {
    float: right; margin: 16px 0 0 12px; padding: 4px 10px; border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; cursor: pointer;
    font: inherit; color: var(--vscode-button-secondaryForeground); background-color: var(--vscode-button-secondaryBackground);
}
.export-button:hover { background-color: var(--vscode-button-secondaryHoverBackground); }
.export-button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
h1 { font-size: 1.5em; font-weight: 600; margin: 16px 0 4px; }
.meta, .notice, .covered-by, .kind, .count, .filter { color: var(--vscode-descriptionForeground); }
.meta { margin: 0 0 8px; }
.summary { margin: 8px 0 4px; font-size: 1.1em; }
.summary.complete strong { color: var(--vscode-testing-iconPassed); }
.summary.incomplete strong { color: var(--vscode-editorWarning-foreground); }
progress { width: 100%; max-width: 420px; accent-color: var(--vscode-progressBar-background); }
.filter { display: flex; align-items: center; gap: 6px; margin: 8px 0 12px; }
.filter input { margin: 0; accent-color: var(--vscode-focusBorder); }
.link {
    padding: 0; border: none; background: none; cursor: pointer;
    font: inherit; text-align: inherit; color: var(--vscode-textLink-foreground);
}
.link:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
.link:focus-visible, .filter input:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.heading-link { color: var(--vscode-foreground); font-weight: inherit; }
.requirement-id { font-family: var(--vscode-editor-font-family); font-weight: 600; }
.kind, .count, .covered-by { font-size: 0.9em; }
table.matrix { border-collapse: separate; border-spacing: 0; margin-top: 4px; }
.matrix th, .matrix td { padding: 4px 8px; border-bottom: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border)); }
.matrix thead th { position: sticky; top: 0; z-index: 1; vertical-align: bottom; background-color: var(--vscode-editor-background); }
.requirement-heading { text-align: left; }
.module-heading { font-weight: normal; }
.module-heading { vertical-align: bottom; }
.module-link {
    display: block; margin: 0 auto;
    writing-mode: vertical-rl; transform: rotate(180deg);
    /* A long title wraps onto a further line (a further column, on its side), never cut off. */
    max-height: 16em; white-space: normal; overflow-wrap: anywhere; line-height: 1.25;
}
.module-name { display: block; font-weight: 600; }
.module-title { display: block; color: var(--vscode-descriptionForeground); font-size: 0.9em; }
.module-link:hover .module-title { color: inherit; }
.module-hours { display: block; margin-top: 4px; font-size: 0.85em; white-space: nowrap; text-align: center; color: var(--vscode-descriptionForeground); }
.no-gaps-notice { display: none; }
body.gaps-only .no-gaps-notice { display: block; }
body.gaps-only table.matrix.no-gaps, body.gaps-only tbody.all-covered, body.gaps-only tr.source-row.all-covered { display: none; }
.required-by-row th {
    padding-top: 16px; text-align: left; font-size: 1.1em;
    color: var(--vscode-sideBarSectionHeader-foreground, var(--vscode-foreground));
    background-color: var(--vscode-sideBarSectionHeader-background);
}
.source-row th { text-align: left; font-weight: normal; font-style: italic; color: var(--vscode-descriptionForeground); }
.requirement-cell { min-width: 18em; max-width: 36em; text-align: left; font-weight: normal; }
.cell { min-width: 1.8em; text-align: center; }
.tick { color: var(--vscode-testing-iconPassed); font-size: 1.1em; }
tr.requirement:hover > th, tr.requirement:hover > td { background-color: var(--vscode-list-hoverBackground); }
tr.gap > th, tr.gap > td { background-color: var(--vscode-inputValidation-warningBackground); }
tr.gap > th { box-shadow: inset 3px 0 0 var(--vscode-editorWarning-foreground); }
.badge {
    display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 0.85em;
    color: var(--vscode-badge-foreground); background-color: var(--vscode-badge-background);
}
.gap-badge { color: var(--vscode-editor-background); background-color: var(--vscode-editorWarning-foreground); }
body.gaps-only tr.requirement.covered { display: none; }
body.vscode-high-contrast tr.gap > th, body.vscode-high-contrast-light tr.gap > th { outline: 1px dashed var(--vscode-contrastBorder); outline-offset: -1px; }
`;
