/**
 * `npm run bench:explorer [-- --runs 3]`
 *
 * Measures the Maillon Explorer (docs/explorer.md) against the configured Neo4j (which must hold
 * the seed), served in-process by the real server, in Debian's Chromium: issue 14's targets are the
 * map with its ~500 actors interactive in under 1.5 s on localhost, the headline answer drawn under
 * 300 ms after the click, and the first view's JavaScript under 400 KB gzipped (the map library
 * aside). Times are wall-clock on a shared machine: read them with the load printed first.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { integerOption, parseCommandLine, readCommandLine, runCli } from '../scripts/cli';
import { buildMaillonSchema } from '../src/schema';
import { startServer } from '../src/server';

const USAGE = 'usage: npm run bench:explorer [-- --runs 3]';
const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'explorer', 'dist');

const { runs } = readCommandLine('bench:explorer', USAGE, (argv) => {
  const { values } = parseCommandLine(argv, { options: { runs: { type: 'string' } } });
  return { runs: integerOption('runs', values.runs, 3, 1, 20) };
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The scripts index.html loads at once (entry and modulepreloads), gzipped, the Leaflet chunk apart. */
function firstViewJavaScript(): { appKb: number; leafletKb: number; files: string[] } {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let app = 0;
  let leaflet = 0;
  for (const file of files) {
    const size = gzipSync(fs.readFileSync(path.join(DIST, file))).length;
    if (path.basename(file).startsWith('leaflet-')) leaflet += size;
    else app += size;
  }
  return { appKb: app / 1024, leafletKb: leaflet / 1024, files };
}

/** Polls an expression in the page through the DevTools protocol (the page's policy forbids eval). */
async function until(page: Page, expression: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await page.waitForTimeout(20);
  }
}

/** What the page loaded and when, from its Resource and User Timing entries (ms since navigation start). */
interface Timeline {
  /** When the app marked its markers drawn, or its answer's paths drawn (ms since navigation start). */
  marks: Record<string, number>;
  /** How long the app took to draw its markers (explorer/src/components/MapView.tsx measures it). */
  drawMarkers: number;
  /** The app's GraphQL requests (explorer/src/lib/api.ts measures each), start and end. */
  graphql: Array<{ name: string; start: number; end: number }>;
  /** Every request the page made: path, start, end, bytes over the wire and decoded. */
  requests: Array<{ path: string; start: number; end: number; transferred: number; decoded: number }>;
  domContentLoaded: number;
}

const TIMELINE = `(() => {
  const round = (n) => Math.round(n);
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, round(m.startTime)])),
    graphql: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('graphql ')).map((m) => ({ name: m.name.slice(8), start: round(m.startTime), end: round(m.startTime + m.duration) })),
    requests: performance.getEntriesByType('resource').map((r) => ({ path: new URL(r.name).pathname, start: round(r.startTime), end: round(r.responseEnd), transferred: r.transferSize, decoded: r.decodedBodySize })),
    domContentLoaded: round(nav ? nav.domContentLoadedEventEnd : 0),
    drawMarkers: round(performance.getEntriesByName('maillon:draw-markers').reduce((sum, m) => sum + m.duration, 0)),
  };
})()`;

function describeTimeline(timeline: Timeline): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const lines = [`  DOMContentLoaded at ${timeline.domContentLoaded} ms`];
  for (const r of timeline.requests) lines.push(`  ${r.start}-${r.end} ms  ${r.path}  ${kb(r.decoded)} (${kb(r.transferred)} transferred)`);
  for (const g of timeline.graphql) lines.push(`  ${g.start}-${g.end} ms  graphql ${g.name}`);
  for (const [name, at] of Object.entries(timeline.marks)) lines.push(`  ${at} ms  mark ${name}`);
  lines.push(`  ${timeline.drawMarkers} ms spent drawing the markers (SVG)`);
  const total = timeline.requests.reduce((sum, r) => sum + r.decoded, 0);
  lines.push(`  ${timeline.requests.length + 1} requests (with the document), ${kb(total)} decoded`);
  return lines.join('\n');
}

runCli('bench:explorer', async (db, logger, config) => {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('explorer/dist is missing: run `npm run explorer:build` first');
  const server = await startServer({
    schema: await buildMaillonSchema(),
    db,
    logger,
    port: 0,
    host: '127.0.0.1',
    limits: { ...config.limits, rateLimit: { ...config.limits.rateLimit, anonymousMax: 0 } },
    explorer: { dir: DIST },
  });
  const base = `http://127.0.0.1:${server.port}`;
  const browser = await chromium.launch({ executablePath: config.reports.chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    process.stdout.write(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load ${os.loadavg()[0]!.toFixed(1)}; ${runs} run(s) after a warm-up\n`,
    );
    const js = firstViewJavaScript();
    process.stdout.write(
      `first view JavaScript (gzip): ${js.appKb.toFixed(0)} KB without the map library (target < 400 KB), Leaflet ${js.leafletKb.toFixed(0)} KB; ${js.files.length} files\n`,
    );

    const count = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ actorsGeoJson(filter: { departmentCode: "26" }) }' }),
    }).then(async (res) => ((await res.json()) as { data: { actorsGeoJson: { features: unknown[] } } }).data.actorsGeoJson.features.length);
    const kitchen = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ search(text: "Cuisine centrale de Valence Romans Agglo", kinds: [ACTOR], first: 1) { id name } }' }),
    }).then(async (res) => ((await res.json()) as { data: { search: Array<{ id: string; name: string }> } }).data.search[0]!);

    const mapMs: number[] = [];
    const answerMs: number[] = [];
    const mapWallMs: number[] = [];
    const answerWallMs: number[] = [];
    let firstView: Timeline | null = null;
    let answerView: Timeline | null = null;
    for (let run = 0; run <= runs; run += 1) {
      // A fresh context each run: nothing cached but what the server caches.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`${base}/`);
      await until(page, `document.querySelectorAll('path.actor-marker').length === ${count}`);
      const mapWall = Date.now() - started;
      const map = await page.evaluate<Timeline>(TIMELINE);

      await page.goto(`${base}/fournir`);
      await page.getByRole('combobox', { name: /^Produit/ }).fill('farine');
      await page.getByLabel(/^Bio/).check();
      const buyer = page.getByRole('combobox', { name: /^Acheteur/ });
      await buyer.fill(kitchen.name);
      const choice = `[...document.querySelectorAll('datalist option')].map((o) => o.value).find((v) => v.startsWith(${JSON.stringify(kitchen.name)}))`;
      await until(page, `${choice} !== undefined`);
      await buyer.fill(await page.evaluate<string>(choice));
      const clicked = Date.now();
      await page.getByRole('button', { name: 'Chercher' }).click();
      await until(
        page,
        `document.querySelectorAll('[data-testid=matches] > li').length > 0 && document.querySelectorAll('path.match-path').length > 0`,
      );
      const answerWall = Date.now() - clicked;
      const answer = await page.evaluate<Timeline>(TIMELINE);
      await context.close();
      const markersAt = map.marks['maillon:markers-drawn'] ?? NaN;
      const answerAt = (answer.marks['maillon:paths-drawn'] ?? NaN) - (answer.marks['maillon:search-submitted'] ?? NaN);
      if (run === 0) {
        process.stdout.write(`warm-up: map ${markersAt} ms (wall ${mapWall} ms), answer ${answerAt} ms (wall ${answerWall} ms)\n`);
        continue;
      }
      mapMs.push(markersAt);
      answerMs.push(answerAt);
      mapWallMs.push(mapWall);
      answerWallMs.push(answerWall);
      firstView = map;
      answerView = answer;
    }
    if (firstView) process.stdout.write(`first view, last run:\n${describeTimeline(firstView)}\n`);
    if (answerView)
      process.stdout.write(
        `answer, last run (submit at ${answerView.marks['maillon:search-submitted']} ms):\n${describeTimeline(answerView)}\n`,
      );
    // In-page marks: navigation start to the markers drawn; the submit to the answer's paths drawn. Wall: as seen from Node, polling.
    process.stdout.write(
      `map with ${count} actors drawn: median ${median(mapMs)} ms (runs ${mapMs.join(', ')}; wall ${mapWallMs.join(', ')}; target < 1500 ms)\n`,
    );
    process.stdout.write(
      `headline answer drawn after the click: median ${median(answerMs)} ms (runs ${answerMs.join(', ')}; wall ${answerWallMs.join(', ')}; target < 300 ms)\n`,
    );
    process.stdout.write(`load after the runs: ${os.loadavg()[0]!.toFixed(1)}\n`);
  } finally {
    await browser.close();
    await server.stop();
  }
});
