/**
 * `npm run bench:reports [-- --runs 3]`
 *
 * Times the territory reports as `npm run report` and /reports produce them, against the
 * configured Neo4j (which must hold the seed): for the EPCI CA Valence Romans Agglo and the
 * department of the Drôme, the data (buildTerritoryReport), the HTML with its charts and map, the
 * CSV and the PDF, each run after one warm-up (the first run plans the statements and launches
 * Chromium, which a running service does once). Issue 12's targets on the 2-core machine: an EPCI
 * report (HTML + PDF + CSV) under 3 s, the department's under 10 s.
 */
// First: the server's modules declare type-graphql classes, which need the metadata polyfill loaded.
import 'reflect-metadata';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { integerOption, parseCommandLine, readCommandLine, runCli } from '../scripts/cli';
import { buildTerritoryReport, renderReportCsv, renderReportHtml, ReportPrinter, ReportTerritoryKind } from '../src/reports';

const USAGE = 'usage: npm run bench:reports [-- --runs 3]';

const { runs } = readCommandLine('bench:reports', USAGE, (argv) => {
  const { values } = parseCommandLine(argv, { options: { runs: { type: 'string' } } });
  return { runs: integerOption('runs', values.runs, 3, 1, 50) };
});

const TERRITORIES = [
  { label: 'EPCI CA Valence Romans Agglo', kind: ReportTerritoryKind.EPCI, code: '200068781', targetMs: 3000 },
  { label: 'Département de la Drôme', kind: ReportTerritoryKind.DEPARTMENT, code: '26', targetMs: 10_000 },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

runCli('bench:reports', async (db, _logger, config) => {
  const printer = new ReportPrinter(config.reports.chromiumPath);
  const year = new Date().getUTCFullYear();
  process.stdout.write(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load ${os.loadavg()[0]!.toFixed(1)}; year ${year}; ${runs} run(s) after a warm-up\n`,
  );
  try {
    for (const territory of TERRITORIES) {
      const timings: Record<'data' | 'html' | 'csv' | 'pdf' | 'total', number[]> = { data: [], html: [], csv: [], pdf: [], total: [] };
      for (let run = 0; run <= runs; run += 1) {
        const t0 = performance.now();
        const report = await buildTerritoryReport(db, territory, year);
        const t1 = performance.now();
        const html = await renderReportHtml(report);
        const t2 = performance.now();
        renderReportCsv(report);
        const t3 = performance.now();
        await printer.pdf(html);
        const t4 = performance.now();
        if (run === 0) continue; // the warm-up: plans, Chromium's launch
        timings.data.push(t1 - t0);
        timings.html.push(t2 - t1);
        timings.csv.push(t3 - t2);
        timings.pdf.push(t4 - t3);
        timings.total.push(t4 - t0);
      }
      const total = median(timings.total);
      const parts = (['data', 'html', 'csv', 'pdf'] as const).map((k) => `${k} ${Math.round(median(timings[k]))} ms`).join(', ');
      const verdict = total <= territory.targetMs ? 'within' : 'OVER';
      process.stdout.write(
        `${territory.label}: ${Math.round(total)} ms (median; ${parts}) — ${verdict} the ${territory.targetMs / 1000} s target\n`,
      );
    }
  } finally {
    await printer.close();
  }
});
