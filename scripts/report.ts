/**
 * `npm run report -- --epci 200068781 | --commune 26362 | --department 26 [--year 2026] [--out reports/]`:
 * writes a territory's report as HTML, PDF and CSV (docs/reports.md). A step that takes over a
 * second says so on stderr; an unknown territory is one line on stderr and exit code 1; without
 * Chromium the HTML and CSV are written, the PDF is not, and the exit code is 1.
 */
// First: the server's modules declare type-graphql classes, which need the metadata polyfill loaded.
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { ErrorCode } from '../src/errors';
import {
  buildTerritoryReport,
  ChromiumUnavailableError,
  renderReportCsv,
  renderReportHtml,
  reportFileBase,
  ReportPrinter,
  ReportTerritoryKind,
  TERRITORY_KINDS,
  toReportRequest,
  type ReportRequest,
} from '../src/reports';
import { AppError } from '../src/errors';
import { parseCommandLine, readCommandLine, runCli, UsageError } from './cli';

const USAGE =
  'usage: npm run report -- --epci <SIREN> | --commune <INSEE> | --department <code> [--year <YYYY>] [--out <folder>]\n' +
  '  e.g. npm run report -- --epci 200068781   (CA Valence Romans Agglo; files in reports/)';

const OPTIONS: Record<'epci' | 'commune' | 'department', ReportTerritoryKind> = {
  epci: ReportTerritoryKind.EPCI,
  commune: ReportTerritoryKind.COMMUNE,
  department: ReportTerritoryKind.DEPARTMENT,
};

const { request, outDir } = readCommandLine('report', USAGE, (argv) => {
  const { values } = parseCommandLine(argv, {
    options: {
      epci: { type: 'string' },
      commune: { type: 'string' },
      department: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string', default: 'reports' },
    },
  });
  const given = (Object.keys(OPTIONS) as (keyof typeof OPTIONS)[]).filter((o) => values[o] !== undefined);
  if (given.length !== 1) {
    throw new UsageError(
      `give exactly one territory: --epci, --commune or --department; got ${given.length === 0 ? 'none' : given.map((g) => `--${g}`).join(' and ')}`,
    );
  }
  const option = given[0]!;
  try {
    return { request: toReportRequest(OPTIONS[option], values[option]!, values.year), outDir: values.out };
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  }
});

/** Runs `work`; if it is still running after a second, says what it is doing (stderr). */
async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const notice = setTimeout(() => process.stderr.write(`report: ${label}…\n`), 1000);
  try {
    return await work();
  } finally {
    clearTimeout(notice);
    const seconds = (Date.now() - started) / 1000;
    if (seconds >= 1) process.stderr.write(`report: ${label} : ${seconds.toFixed(1).replace('.', ',')} s\n`);
  }
}

function territoryText(r: ReportRequest): string {
  return `${TERRITORY_KINDS[r.kind].segment} ${r.code}, ${r.year}`;
}

runCli('report', async (db, _logger, config) => {
  const report = await step(`données du rapport (${territoryText(request)})`, () => buildTerritoryReport(db, request, request.year)).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.extensions.code === ErrorCode.NOT_FOUND) return null;
      throw error;
    },
  );
  if (!report) {
    process.stderr.write(`report: territoire introuvable : ${territoryText(request).replace(/, \d+$/, '')} n’est pas dans le graphe\n`);
    return 1;
  }
  fs.mkdirSync(outDir, { recursive: true });
  const base = path.join(outDir, reportFileBase(request));
  const html = await step('HTML, graphiques et carte', () => renderReportHtml(report));
  fs.writeFileSync(`${base}.html`, html);
  fs.writeFileSync(`${base}.csv`, renderReportCsv(report));
  const written = [`${base}.html`, `${base}.csv`];
  const printer = new ReportPrinter(config.reports.chromiumPath);
  let code = 0;
  try {
    const pdf = await step('PDF (Chromium)', () => printer.pdf(html));
    fs.writeFileSync(`${base}.pdf`, pdf);
    written.splice(1, 0, `${base}.pdf`);
  } catch (error) {
    if (!(error instanceof ChromiumUnavailableError)) throw error;
    process.stderr.write(`report: ${error.message}\n`);
    code = 1;
  } finally {
    await printer.close();
  }
  process.stdout.write(`report: ${report.territory.name} (${report.year}) : ${written.join(', ')}\n`);
  return code;
});
