import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import type { Database } from '../src/db';
import {
  buildTerritoryReport,
  CSV_HEADERS,
  renderReportCsv,
  renderReportHtml,
  ReportPrinter,
  ReportTerritoryKind,
  type TerritoryReport,
} from '../src/reports';
import { connectTestDb } from './helpers/db';
import { seededGraph } from './helpers/seeded';
import { createRunner } from './helpers/graphql';
import { TerritoryReportDocument } from '../src/generated/graphql';
import { readPdf } from './helpers/pdf';

/**
 * The report's renderings on the Drôme seed: the HTML opened in real headless Chromium (Debian's,
 * through the same printer the service uses; launched once for the file), the PDF read back with
 * pdf-parse, the CSV parsed as Excel would and checked against the GraphQL answer.
 */

// Building a report plans its statements the first time, which takes long on a shared 2-core machine.
jest.setTimeout(600_000);

const VALENCE_ROMANS_AGGLO = '200068781';
const YEAR = new Date().getUTCFullYear();

/**
 * Every number of the report: the documented operation (schema/operations/territory-report.graphql),
 * which selects every field; the CSV must hold each one.
 */
const TERRITORY_REPORT_FIGURES = TerritoryReportDocument;

/** Each number of a JSON answer with its path (`catering.kitchens[0].figures.qualityShare`), skipping withheld aggregates' figures. */
function numbersOf(value: unknown, at: string, out: Map<string, number>, withheld = false): Map<string, number> {
  if (typeof value === 'number') {
    if (!withheld) out.set(at, value);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => numbersOf(item, `${at}[${i}]`, out, withheld));
  } else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(object)) {
      // Counts of a withheld aggregate stay public; its euros, shares and volumes do not.
      const hidden = object.withheld === true && !['links', 'buyers', 'needs', 'producers', 'processors'].includes(key);
      numbersOf(child, at === '' ? key : `${at}.${key}`, out, withheld || hidden);
    }
  }
  return out;
}

/** A CSV value as written for Excel in French, back to the number it stands for (shares are in %). */
function csvNumber(text: string, unit: string): number {
  const n = Number(text.replace(',', '.'));
  return unit === '%' ? n / 100 : n;
}

describe('the territory report rendered', () => {
  let db: Database;
  let printer: ReportPrinter;
  let epci: TerritoryReport;
  let epciHtml: string;
  // MAILLON_TEST_SHOTS_DIR keeps the screenshots for a look; by default they go to a temporary folder.
  const keepShots = process.env.MAILLON_TEST_SHOTS_DIR;
  const shots = keepShots ?? fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-report-shots-'));

  /** Opens HTML in the printer's Chromium; every request other than data: is recorded (and aborted). */
  async function open(html: string): Promise<{ page: Page; requests: string[] }> {
    const page = await printer.openPage();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('data:')) requests.push(request.url());
    });
    await page.setContent(html, { waitUntil: 'load' });
    return { page, requests };
  }

  beforeAll(async () => {
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '180000' });
    await seededGraph(db);
    printer = new ReportPrinter(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
    epci = await buildTerritoryReport(db, { kind: ReportTerritoryKind.EPCI, code: VALENCE_ROMANS_AGGLO }, YEAR);
    epciHtml = await renderReportHtml(epci);
  });

  afterAll(async () => {
    await printer?.close();
    if (!keepShots) fs.rmSync(shots, { recursive: true, force: true });
    await db.close();
  });

  it('opens in headless Chromium with its charts and map drawn, and asks nothing of the network', async () => {
    const { page, requests } = await open(epciHtml);
    try {
      const shot = path.join(shots, 'epci.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(fs.readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
      expect(fs.statSync(shot).size).toBeGreaterThan(50_000);

      expect(await page.title()).toContain('CA Valence Romans Agglo');
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      const charts = await page.locator('svg.chart').all();
      expect(charts.length).toBeGreaterThanOrEqual(4);
      for (const chart of charts) {
        const box = await chart.boundingBox();
        expect(box && box.width > 100 && box.height > 50).toBe(true);
      }
      const map = page.locator('svg.map');
      expect(await map.count()).toBe(1);
      const mapBox = await map.boundingBox();
      expect(mapBox && mapBox.width > 300 && mapBox.height > 200).toBe(true);
      // The EPCI's communes are drawn, and one point per actor with a place.
      expect(await page.locator('svg.map path.territory').count()).toBe(1);
      const located = epci.foodSystem.actors.filter((a) => a.latitude !== null && a.longitude !== null).length;
      expect(located).toBeGreaterThan(10);
      expect(await page.locator('svg.map circle[r="5"]').count()).toBe(located);
      // The seven sections, in French.
      for (const id of ['systeme', 'restauration', 'local', 'couverture', 'risques', 'pistes', 'methodes']) {
        expect(await page.locator(`section#${id} h2`).count()).toBe(1);
      }
      expect(await page.locator('section#restauration').innerText()).toContain('Produits durables et de qualité');
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('never lets a request leave the page, even one the HTML would make', async () => {
    const { page, requests } = await open(epciHtml.replace('</body>', '<img src="https://example.org/pixel.png"></body>'));
    await page.close();
    expect(requests).toEqual(['https://example.org/pixel.png']);
    expect(epciHtml).not.toMatch(/<script|<link |src="http|url\(http/i);
  });

  it("prints an A4 PDF whose text holds the territory's name", async () => {
    const pdf = await printer.pdf(epciHtml);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = readPdf(pdf);
    // A cover and seven sections, each starting a page.
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(text).toContain('CA Valence Romans Agglo');
    expect(text).toContain('Restauration collective');
  });

  it('writes a CSV for Excel in French that holds every number of the GraphQL answer', async () => {
    const runner = createRunner(db);
    const { run, stop } = await runner;
    const answer = await run(TERRITORY_REPORT_FIGURES, { territory: { epciSiren: VALENCE_ROMANS_AGGLO }, year: YEAR });
    await stop();
    expect(answer.errors).toBeUndefined();
    const report = answer.data!.territoryReport;

    const csv = renderReportCsv(epci);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true, delimiter: ';', columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_HEADERS]);
    const byField = new Map(rows.map((r) => [r["Champ de l'API"]!, r]));

    const numbers = numbersOf(report, '', new Map());
    // Coordinates and populations are directory facts, not indicators.
    for (const key of [...numbers.keys()]) if (/^territory\.|^foodSystem\.actors\[/.test(key)) numbers.delete(key);
    expect(numbers.size).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const [field, value] of numbers) {
      const row = byField.get(field);
      if (!row) {
        missing.push(field);
        continue;
      }
      // Written with 4 decimals of a percent, or 3 decimals: equal to within that rounding.
      const digits = row['Unité'] === '%' ? 5 : 2;
      expect({ field, value: csvNumber(row.Valeur!, row['Unité']!) }).toEqual({ field, value: expect.closeTo(value, digits) });
    }
    expect(missing).toEqual([]);
    // Each row names its section and indicator in French.
    expect(rows.find((r) => r["Champ de l'API"] === 'catering.total.qualityShare')).toMatchObject({
      Section: '2. Restauration collective',
      Indicateur: 'Part durable et de qualité',
      Unité: '%',
    });
  });

  it('says so when a territory has no data, and still renders every part', async () => {
    const [empty] = await db.read<{ insee: string }>(
      `MATCH (c:Commune)-[:IN_DEPARTMENT]->(:Department {code: '26'})
       WHERE NOT EXISTS { (:Actor)-[:LOCATED_IN]->(c) }
       RETURN c.insee AS insee ORDER BY c.insee LIMIT 1`,
    );
    const report = await buildTerritoryReport(db, { kind: ReportTerritoryKind.COMMUNE, code: empty!.insee }, YEAR);
    expect(report.hasData).toBe(false);
    const html = await renderReportHtml(report);
    expect(html).toContain('Aucune donnée pour ce territoire');
    const { page, requests } = await open(html);
    try {
      // The commune is still on the map, without points.
      expect(await page.locator('svg.map path.territory').count()).toBe(1);
      expect(await page.locator('svg.map circle[r="5"]').count()).toBe(0);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
    const rows = parse(renderReportCsv(report), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r["Champ de l'API"] === 'foodSystem.actorCount')?.Valeur).toBe('0');
  });

  it('draws a territory outside the Drôme as points on a plain frame, and says so', async () => {
    const [outside] = await db.read<{ insee: string; actors: number }>(
      `MATCH (a:Actor)-[:LOCATED_IN]->(c:Commune)-[:IN_DEPARTMENT]->(d:Department)
       WHERE d.code <> '26'
       RETURN c.insee AS insee, count(a) AS actors ORDER BY actors DESC, insee LIMIT 1`,
    );
    const report = await buildTerritoryReport(db, { kind: ReportTerritoryKind.COMMUNE, code: outside!.insee }, YEAR);
    const html = await renderReportHtml(report);
    expect(html).toContain('Hors de la Drôme : pas de contours de communes');
    const { page } = await open(html);
    try {
      expect(await page.locator('svg.map path.territory').count()).toBe(0);
      expect(await page.locator('svg.map circle[r="5"]').count()).toBe(outside!.actors);
    } finally {
      await page.close();
    }
  });

  it('maps the whole department with every commune outline', async () => {
    const report = await buildTerritoryReport(db, { kind: ReportTerritoryKind.DEPARTMENT, code: '26' }, YEAR);
    const html = await renderReportHtml(report);
    const { page, requests } = await open(html);
    try {
      await page.screenshot({ path: path.join(shots, 'department.png'), fullPage: true });
      const territory = page.locator('svg.map path.territory');
      // 367 outlines of 2018 (362 communes today): one sub-path each.
      expect(((await territory.getAttribute('d')) ?? '').split('M').length - 1).toBeGreaterThanOrEqual(367);
      const [{ actors }] = (await db.read<{ actors: number }>(
        `MATCH (a:Actor)-[:LOCATED_IN]->(:Commune)-[:IN_DEPARTMENT]->(:Department {code: '26'}) RETURN count(a) AS actors`,
      )) as [{ actors: number }];
      expect(report.foodSystem.actorCount).toBe(actors);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
