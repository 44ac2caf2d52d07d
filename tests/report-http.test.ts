import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DEFAULT_LIMITS } from '../src/config';
import type { Database } from '../src/db';
import type { ReportRoutesOptions } from '../src/http';
import { buildTerritoryReport, findReportLinks, ReportPrinter } from '../src/reports';
import { buildMaillonSchema } from '../src/schema';
import { startServer, type RunningServer } from '../src/server';
import { buildOnce } from './helpers/build';
import { connectTestDb, silentLogger } from './helpers/db';
import { seededGraph } from './helpers/seeded';
import { leaksNothing } from './helpers/server';

/**
 * The reports over HTTP (/reports, …/report.pdf, …/report.csv) and on the command line
 * (`npm run report`), on the Drôme seed: content types, French error pages without internals,
 * 404 for an unknown territory, 503 for the PDF when Chromium is absent, the rate limit, and the
 * command's files and exit codes.
 */

// Building a report plans its statements the first time, which takes long on a shared 2-core machine.
jest.setTimeout(600_000);

const ROOT = path.join(__dirname, '..');
const VALENCE_ROMANS_AGGLO = '200068781';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function get(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body, text: body.toString('utf8') };
}

describe('the reports over HTTP and on the command line', () => {
  let db: Database;
  const servers: RunningServer[] = [];

  /** The real server with the reports wired as src/main.ts wires them, on a port of its own. */
  async function serve(options: { chromiumPath?: string; anonymousMax?: number } = {}): Promise<string> {
    const reports: Pick<ReportRoutesOptions, 'buildReport' | 'findLinks' | 'printer'> = {
      buildReport: (request) => buildTerritoryReport(db, request, request.year),
      findLinks: () => findReportLinks(db),
      printer: new ReportPrinter(options.chromiumPath ?? CHROMIUM),
    };
    const server = await startServer({
      schema: await buildMaillonSchema(),
      db,
      logger: silentLogger,
      port: 0,
      host: '127.0.0.1',
      limits: { ...DEFAULT_LIMITS, rateLimit: { ...DEFAULT_LIMITS.rateLimit, anonymousMax: options.anonymousMax ?? 0 } },
      reports,
    });
    servers.push(server);
    return `http://127.0.0.1:${server.port}`;
  }

  let base: string;

  beforeAll(async () => {
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '180000' });
    await seededGraph(db);
    base = await serve();
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await db.close();
  });

  it('lists the department and every EPCI of the Drôme on the index page', async () => {
    const res = await get(`${base}/reports`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const [{ epcis }] = (await db.read<{ epcis: string[] }>(
      `MATCH (e:Epci)-[:IN_DEPARTMENT]->(:Department {code: '26'}) RETURN collect(e.siren) AS epcis`,
    )) as [{ epcis: string[] }];
    expect(epcis.length).toBeGreaterThanOrEqual(15);
    const linked = [...res.text.matchAll(/href="\/reports\/epci\/(\d{9})"/g)].map((m) => m[1]);
    expect(new Set(linked)).toEqual(new Set(epcis));
    expect(res.text).toContain('href="/reports/department/26"');
    expect(res.text).toContain(`href="/reports/epci/${VALENCE_ROMANS_AGGLO}/report.pdf"`);
  });

  it('serves the HTML report with a policy that lets it load nothing', async () => {
    const res = await get(`${base}/reports/epci/${VALENCE_ROMANS_AGGLO}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.text).toContain('<html lang="fr">');
    expect(res.text).toContain('CA Valence Romans Agglo');
    expect(res.text).toMatch(/<svg[^>]+class="map"/);
  });

  it('serves the PDF and the CSV with their types and file names', async () => {
    const pdf = await get(`${base}/reports/epci/${VALENCE_ROMANS_AGGLO}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const year = new Date().getUTCFullYear();
    expect(pdf.headers.get('content-disposition')).toBe(`inline; filename="rapport-epci-${VALENCE_ROMANS_AGGLO}-${year}.pdf"`);

    const csv = await get(`${base}/reports/epci/${VALENCE_ROMANS_AGGLO}/report.csv?year=${year}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="rapport-epci-${VALENCE_ROMANS_AGGLO}-${year}.csv"`);
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv.text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r["Champ de l'API"] === 'year')?.Valeur).toBe(String(year));
  });

  it('answers an unknown territory with 404 and a French page that shows nothing of the server', async () => {
    const html = await get(`${base}/reports/epci/999999999`);
    expect(html.status).toBe(404);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.text).toContain('Territoire introuvable');
    expect(html.text).not.toMatch(/\bat [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+|Neo4j|Cypher|MATCH/);

    const csv = await get(`${base}/reports/commune/99999/report.csv`);
    expect(csv.status).toBe(404);
    expect(csv.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(csv.text).toMatch(/^Territoire introuvable : /);
    expect(leaksNothing(csv.text)).toBe(true);

    const pdf = await get(`${base}/reports/department/98/report.pdf`);
    expect(pdf.status).toBe(404);
  });

  it('refuses a malformed code or year (400), an unknown kind (404) and other methods (405), in French', async () => {
    const badCode = await get(`${base}/reports/epci/valence`);
    expect(badCode.status).toBe(400);
    expect(badCode.text).toContain('n’est pas un SIREN d’EPCI à 9 chiffres');
    const badYear = await get(`${base}/reports/epci/${VALENCE_ROMANS_AGGLO}?year=1850`);
    expect(badYear.status).toBe(400);
    expect(badYear.text).toContain('Année invalide');
    const kind = await get(`${base}/reports/region/84`);
    expect(kind.status).toBe(404);
    expect(kind.text).toContain('Page introuvable');
    const post = await get(`${base}/reports/epci/${VALENCE_ROMANS_AGGLO}`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers the PDF with 503 in French when Chromium is absent, while HTML and CSV still work', async () => {
    const without = await serve({ chromiumPath: '/nonexistent/chromium' });
    const pdf = await get(`${without}/reports/epci/${VALENCE_ROMANS_AGGLO}/report.pdf`);
    expect(pdf.status).toBe(503);
    expect(pdf.headers.get('retry-after')).toBe('3600');
    expect(pdf.text).toContain('Chromium est absent de ce serveur');
    expect(pdf.text).toContain('HTML et en CSV');
    expect((await get(`${without}/reports/epci/${VALENCE_ROMANS_AGGLO}`)).status).toBe(200);
    expect((await get(`${without}/reports/epci/${VALENCE_ROMANS_AGGLO}/report.csv`)).status).toBe(200);
  });

  it('rate-limits anonymous clients like the rest of the service, answering in French', async () => {
    const limited = await serve({ anonymousMax: 2 });
    expect((await get(`${limited}/reports`)).status).toBe(200);
    expect((await get(`${limited}/reports`)).status).toBe(200);
    const third = await get(`${limited}/reports`);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(third.text).toContain('Trop de demandes');
  });

  describe('npm run report', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-reports-'));
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['dist/scripts/report.js', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          NEO4J_URI: process.env.MAILLON_TEST_NEO4J_URI,
          NEO4J_PASSWORD: process.env.MAILLON_TEST_NEO4J_PASSWORD,
          NEO4J_QUERY_TIMEOUT_MS: '60000',
          LOG_LEVEL: 'silent',
        },
      });

    beforeAll(() => buildOnce(), 300_000);

    afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

    it('writes the HTML, PDF and CSV of an EPCI', () => {
      const year = String(new Date().getUTCFullYear());
      const result = run(['--epci', VALENCE_ROMANS_AGGLO, '--year', year, '--out', out]);
      expect(result.stderr).not.toContain('Error');
      expect(result.status).toBe(0);
      const files = fs.readdirSync(out).sort();
      const name = `rapport-epci-${VALENCE_ROMANS_AGGLO}-${year}`;
      expect(files).toEqual([`${name}.csv`, `${name}.html`, `${name}.pdf`]);
      expect(fs.readFileSync(path.join(out, files[2]!)).subarray(0, 5).toString()).toBe('%PDF-');
      expect(fs.readFileSync(path.join(out, files[1]!), 'utf8')).toContain('CA Valence Romans Agglo');
      expect(result.stdout).toContain(`CA Valence Romans Agglo (${year})`);
    });

    it('exits 1 with one line for an unknown territory, and 2 with the usage for a bad command line', () => {
      const unknown = run(['--epci', '999999999', '--out', out]);
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toBe('report: territoire introuvable : epci 999999999 n’est pas dans le graphe\n');
      const two = run(['--epci', VALENCE_ROMANS_AGGLO, '--commune', '26362']);
      expect(two.status).toBe(2);
      expect(two.stderr).toContain('give exactly one territory');
      expect(two.stderr).toContain('usage: npm run report');
    });
  });
});
