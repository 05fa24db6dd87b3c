/**
 * The printed report's stylesheet: readable on screen, and on A4 paper with each programme
 * starting a new page, table headings repeated on every page, no row split across two pages,
 * and colours kept in print (the summary bar and the highlighted gaps).
 */
export const REPORT_STYLE = `
:root { --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --covered: #1a7f37; --gap: #b35900; --gap-bg: #fff4e5; --head-bg: #f0f3f6; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; padding: 16px 24px 32px; max-width: 210mm; font: 10.5pt/1.4 "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); background: #fff; overflow-wrap: break-word; }
h1 { font-size: 20pt; margin: 0 0 4px; }
h2 { font-size: 16pt; margin: 24px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 12pt; margin: 16px 0 6px; }
h4 { font-size: 10.5pt; margin: 12px 0 4px; color: var(--muted); }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.92em; overflow-wrap: anywhere; }
.meta, .kind, .count, .legend, .gap-meta, .notice, .report-footer { color: var(--muted); }
.kind, .count { font-size: 0.88em; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 3px 6px; border: 1px solid var(--rule); text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
thead th { background: var(--head-bg); }
tr { break-inside: avoid; page-break-inside: avoid; }
/* A heading row stays with the first requirement under it. */
tr.required-by-row, tr.source-row { break-after: avoid; page-break-after: avoid; }
.number { text-align: right; white-space: nowrap; }
.contents { margin: 12px 0; }
.has-gaps { color: var(--gap); font-weight: 600; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; }
.facts div { display: contents; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.warning { color: var(--gap); font-weight: 600; }
.summary { margin: 10px 0 12px; }
.summary p { margin: 0 0 4px; }
.summary.complete strong { color: var(--covered); }
.summary.incomplete .gap-count { color: var(--gap); font-weight: 600; }
.bar { display: flex; height: 10px; max-width: 120mm; border: 1px solid var(--rule); border-radius: 2px; overflow: hidden; }
.bar-covered { background: var(--covered); }
.bar-gaps { background: var(--gap); }
.tallies { margin: 6px 0 0; padding-left: 18px; }
.modules { margin-bottom: 8px; }
.modules td:first-child, .modules th:first-child { width: 3em; }
.modules td:last-child, .modules th:last-child { width: 5em; }
table.matrix { table-layout: fixed; margin: 4px 0 12px; }
.matrix col.module-column { width: 10mm; }
.matrix .module-heading, .matrix .cell { text-align: center; padding: 3px 1px; }
.matrix .module-heading abbr { text-decoration: none; }
.required-by-row th { background: #e6ebf0; font-size: 1.02em; }
.source-row th { font-weight: normal; font-style: italic; color: var(--muted); }
.requirement-cell { font-weight: normal; }
.requirement-id { font-weight: 600; }
.requirement-title { margin-top: 1px; }
.words { display: block; margin-top: 2px; color: var(--muted); font-size: 0.94em; }
.mark { color: var(--covered); font-weight: 700; }
tr.gap > th, tr.gap > td { background: var(--gap-bg); }
tr.gap > th { box-shadow: inset 3px 0 0 var(--gap); }
.gap-badge { display: inline-block; padding: 0 5px; border-radius: 6px; font-size: 0.82em; font-weight: 600; color: #fff; background: var(--gap); }
.gaps { padding-left: 22px; }
.gap-item { margin-bottom: 8px; break-inside: avoid; page-break-inside: avoid; }
.gap-item blockquote { margin: 2px 0; padding: 2px 8px; border-left: 3px solid var(--gap); background: var(--gap-bg); }
.complete-note { color: var(--covered); }
.report-footer { margin-top: 24px; padding-top: 8px; border-top: 1px solid var(--rule); font-size: 0.9em; break-inside: avoid; page-break-inside: avoid; }
.report-footer ul { margin: 4px 0; padding-left: 18px; }
a { color: inherit; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
    body { padding: 0; max-width: none; }
    .programme { break-before: page; page-break-before: always; }
    .report-header + .programme { break-before: auto; page-break-before: auto; }
    a { text-decoration: none; }
}
`;
