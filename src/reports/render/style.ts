/**
 * The report's stylesheet, inlined in the HTML. Screen and A4 print: each numbered section starts
 * a page, a chart, the map, a key-figure block or a table row is never cut across pages, table
 * headers repeat, and fonts are the system's (DejaVu / Liberation on Debian): nothing is fetched.
 */
export const REPORT_CSS = `
:root { --ink: #1d2428; --muted: #5b6770; --line: #d5dade; --accent: #2f6f4f; --soft: #eef4ec; --warn: #b3261e; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: var(--ink); line-height: 1.45; }
body { margin: 0; background: #fff; }
main { max-width: 190mm; margin: 0 auto; padding: 12mm 0; }
h1 { font-size: 22pt; line-height: 1.2; margin: 4mm 0 2mm; color: var(--accent); }
h1 .territory-name { color: var(--ink); }
h2 { font-size: 15pt; margin: 0 0 4mm; padding-bottom: 1.5mm; border-bottom: 2px solid var(--accent); break-after: avoid; }
h2 .num { display: inline-block; min-width: 8mm; color: var(--accent); }
h3 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
p { margin: 0 0 3mm; }
a { color: var(--accent); }
.overline { text-transform: uppercase; letter-spacing: .06em; font-size: 9pt; color: var(--muted); }
.subtitle { font-size: 12pt; color: var(--muted); }
.muted { color: var(--muted); }
.notice { border-left: 4px solid var(--warn); background: #fbeeed; padding: 3mm 4mm; break-inside: avoid; }
.definition { background: var(--soft); padding: 2.5mm 4mm; font-size: 9.5pt; break-inside: avoid; }
.empty { color: var(--muted); font-style: italic; }
.key-figures { display: flex; flex-wrap: wrap; gap: 3mm; margin: 0 0 5mm; break-inside: avoid; }
.key-figures div { flex: 1 1 38mm; border: 1px solid var(--line); border-radius: 2mm; padding: 2mm 3mm; }
.key-figures dt { font-size: 8.5pt; color: var(--muted); }
.key-figures dd { margin: 0; font-size: 14pt; font-weight: bold; }
.toc ol { columns: 2; padding-left: 6mm; }
figure { margin: 0 0 5mm; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figure.map-figure svg { width: 100%; max-height: 170mm; }
ul.map-legend { list-style: none; padding: 0; margin: 2mm 0 0; display: flex; flex-wrap: wrap; gap: 1mm 5mm; font-size: 8.5pt; }
ul.map-legend .dot { display: inline-block; width: 3mm; height: 3mm; border-radius: 50%; margin-right: 1.5mm; vertical-align: -0.3mm; }
td:first-child { min-width: 38mm; }
figcaption { font-size: 8.5pt; color: var(--muted); margin-top: 1mm; }
table { width: 100%; border-collapse: collapse; margin: 0 0 5mm; font-size: 9pt; }
caption { text-align: left; font-weight: bold; font-size: 10pt; padding: 0 0 1.5mm; caption-side: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border-bottom: 1px solid var(--line); padding: 1.2mm 1.5mm; vertical-align: top; text-align: left; }
th { background: var(--soft); font-weight: bold; }
/* Numbers never break (their spaces are no-break spaces), so cells may wrap and tables keep to the page. */
.num { text-align: right; font-variant-numeric: tabular-nums; }
th { hyphens: auto; }
ul.candidates { margin: 0; padding-left: 4mm; }
dl.definitions dt { font-weight: bold; margin-top: 2mm; }
dl.definitions dd { margin: 0 0 1mm 0; }
code { font-size: 9pt; }
footer { max-width: 190mm; margin: 0 auto; padding: 0 0 10mm; font-size: 8pt; color: var(--muted); border-top: 1px solid var(--line); }
.report-section { margin-top: 10mm; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  main { padding: 0; max-width: none; }
  footer { max-width: none; }
  .report-section { margin-top: 0; break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
}
`;
