import fs from 'node:fs';
import path from 'node:path';
import { serverAudits } from 'graphql-http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CLOSE_POPUP_LABEL, OUTLINES_ATTRIBUTION, markerLabel } from '../explorer/src/lib/map-keyboard';
import { createApiKey, createAuthenticator } from '../src/auth';
import { DEFAULT_LIMITS } from '../src/config';
import type { Database } from '../src/db';
import { buildMaillonSchema } from '../src/schema';
import { startServer, type RunningServer } from '../src/server';
import { seedDatabase } from '../tools/seed';
import { clearGraph, connectTestDb, silentLogger, testConfig } from './helpers/db';
import { createRunner, graphql } from './helpers/graphql';

/**
 * The Maillon Explorer end to end (docs/explorer.md): the real server with the built explorer, the
 * Drôme seed in the test Neo4j, and Debian's Chromium driven by playwright-core (never a
 * downloaded browser). Every page runs offline: a request to anything but the server is refused
 * and fails the test, as does a console error, an uncaught exception or an HTTP error (unless the
 * test expects that very refusal). Screenshots of each view go to test-results/explorer/.
 *
 * Cost: one server, one browser and one seed for the file; each view is loaded once and checked
 * there for what it does, for axe-core (WCAG 2.0/2.1 A and AA, best practices) and at a phone's
 * width (the same page narrowed to 390 px), since loading a view is what costs (its queries).
 */

jest.setTimeout(600_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureExplorer, OUT } = require('../scripts/explorer.cjs') as { ensureExplorer: () => boolean; OUT: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AXE_SOURCE: string = (require('axe-core') as { source: string }).source;

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '..', 'test-results', 'explorer');
// The needs of one EPCI: the department's take long to compute on a loaded 2-core machine.
const NEEDS_VIEW = '/besoins?territoire=epci:200068781';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const ActorsOnMap = graphql(`
  query ExplorerTestActorsOnMap($filter: ActorFilter) {
    actorsGeoJson(filter: $filter)
  }
`);

const KitchenByName = graphql(`
  query ExplorerTestKitchen {
    search(text: "Cuisine centrale de Valence Romans Agglo", kinds: [ACTOR], first: 1) {
      id
      name
    }
  }
`);

const OrganicFlour = graphql(`
  query ExplorerTestOrganicFlour($buyerId: String!) {
    suppliers(input: { productName: "farine", organic: true, buyerId: $buyerId, maxIntermediaries: 1 }, first: 20) {
      matches {
        nodes {
          supplier {
            id
            roles
          }
          path {
            actor {
              id
            }
          }
        }
      }
    }
  }
`);

const BreadUpstream = graphql(`
  query ExplorerTestBreadUpstream($actorId: String!) {
    upstream(actorId: $actorId, productId: "pain", maxDepth: 6) {
      farms {
        name
      }
      edges {
        supplierId
      }
    }
  }
`);

const ActorName = graphql(`
  query ExplorerTestActorName($id: String!) {
    actor(id: $id) {
      name
      description
    }
  }
`);

/** What went wrong on a page: requests leaving the server, failed requests, HTTP errors, console errors. */
interface PageProblems {
  external: string[];
  failed: string[];
  console: string[];
}

describe('the Maillon Explorer in Chromium', () => {
  let db: Database;
  let server: RunningServer;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let problems: PageProblems;
  /** Failures a test provokes on purpose (a refused credential's 401), left out of `problems`. */
  let expected: RegExp[];
  let run: Awaited<ReturnType<typeof createRunner>>['run'];
  let kitchenId: string;
  let editorKey: string;

  beforeAll(async () => {
    // Built here when absent or stale (a fresh clone runs `npm test` without `npm start` first);
    // a current build (same SHA-256 of its inputs) is kept, so this costs nothing most runs.
    ensureExplorer();
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '180000' });
    await clearGraph(db);
    await seedDatabase(db, silentLogger);
    ({ run } = await createRunner(db));
    const authenticator = createAuthenticator(testConfig({ AUTH_API_KEY_CACHE_TTL_S: '0' }), db, silentLogger);
    editorKey = (
      await createApiKey(
        db,
        { role: 'editor', name: 'Explorer test editor' },
        { accountId: 'cli:test', name: 'test', role: 'admin', via: 'cli' },
      )
    ).key;
    server = await startServer({
      schema: await buildMaillonSchema(),
      db,
      logger: silentLogger,
      port: 0,
      host: '127.0.0.1',
      limits: { ...DEFAULT_LIMITS, rateLimit: { ...DEFAULT_LIMITS.rateLimit, anonymousMax: 0, authenticatedMax: 0 } },
      authenticate: (req) => authenticator.authenticate(req.headers),
      explorer: { dir: OUT },
    });
    base = `http://127.0.0.1:${server.port}`;
    const kitchen = (await run(KitchenByName)).data!.search[0];
    expect(kitchen.name).toBe('Cuisine centrale de Valence Romans Agglo');
    kitchenId = kitchen.id;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await clearGraph(db);
    await db.close();
  });

  beforeEach(async () => {
    problems = { external: [], failed: [], console: [] };
    expected = [];
    context = await browser.newContext({ viewport: DESKTOP, locale: 'fr-FR' });
    // Offline: only the server answers; anything else is recorded and refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${base}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      problems.external.push(url);
      return route.abort('blockedbyclient');
    });
  });

  afterEach(async () => {
    await context.close();
    const unexpected = (list: string[]) => list.filter((problem) => !expected.some((pattern) => pattern.test(problem)));
    expect({ external: problems.external, failed: unexpected(problems.failed), console: unexpected(problems.console) }).toEqual({
      external: [],
      failed: [],
      console: [],
    });
  });

  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.console.push(message.text());
    });
    page.on('pageerror', (error) => problems.console.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => {
      // A request the app cancels itself (a newer query replaced it) is not a failure.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.failed.push(`${request.url()}: ${request.failure()?.errorText}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.failed.push(`${response.url()}: HTTP ${response.status()}`);
    });
    await page.goto(`${base}${url}`);
    return page;
  }

  /**
   * Waits until a JavaScript expression is true in the page, evaluating it through the DevTools
   * protocol (Playwright's waitForFunction uses eval, which the explorer's policy forbids).
   */
  async function waitFor(page: Page, expression: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await page.evaluate<boolean>(expression))) {
      if (Date.now() > deadline) throw new Error(`still false after ${timeoutMs} ms: ${expression}`);
      await page.waitForTimeout(25);
    }
  }

  /** Waits until the view has loaded what it asked for (no "Chargement…" or "Recherche…" left) and has painted. */
  async function settled(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await waitFor(page, `!/Chargement|Recherche…|Vérification/.test(document.querySelector('main').innerText)`, 180_000);
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  }

  /** JPEG, not PNG: the screenshots are artefacts to look at, and PNG encoding of a full page is slow. */
  const shoot = (page: Page, name: string) =>
    page.screenshot({
      path: path.join(SHOTS, `${name}.jpg`),
      type: 'jpeg',
      quality: 60,
      fullPage: true,
      animations: 'disabled',
      caret: 'hide',
    });

  /** No violation reported by axe-core (WCAG 2.0/2.1 A and AA, best practices) on the page as it is. */
  async function expectAccessible(page: Page, view: string): Promise<void> {
    // Evaluated through the DevTools protocol, so the page's policy (no inline script) does not apply.
    if (!(await page.evaluate<boolean>('typeof axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate<Array<{ id: string; targets: string[] }>>(`
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }).then((result) =>
        result.violations.map((v) => ({ id: v.id, targets: v.nodes.slice(0, 3).map((n) => String(n.target)) })))`);
    expect({ view, violations }).toEqual({ view, violations: [] });
  }

  /** At a phone's width (390 px) nothing scrolls sideways; the page goes back to the desktop size after. */
  async function expectFitsPhone(page: Page, view: string, screenshot?: string): Promise<void> {
    await page.setViewportSize(PHONE);
    // Leaflet and Cytoscape fit their canvases to the new width after a debounce (Cytoscape: 100 ms).
    await waitFor(page, 'document.documentElement.scrollWidth === window.innerWidth', 5_000).catch(() => undefined);
    const [scrollWidth, width] = await page.evaluate<number[]>('[document.documentElement.scrollWidth, window.innerWidth]');
    expect({ view, scrollWidth }).toEqual({ view, scrollWidth: width });
    if (screenshot) await shoot(page, screenshot);
    await page.setViewportSize(DESKTOP);
  }

  /** The focused element, as "TAG:accessible name" (its aria-label, its label's text or its text). */
  const FOCUSED = `(() => {
    const e = document.activeElement;
    const name = e.getAttribute('aria-label') || (e.labels && e.labels[0] ? e.labels[0].innerText : e.innerText) || '';
    return e.tagName + ':' + name.split('\\n')[0].trim();
  })()`;

  it('serves the app at / and on every view path, index.html uncached, hashed assets immutable, under a same-origin policy', async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    const html = await index.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const res = await fetch(`${base}${asset}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      await res.arrayBuffer();
    }
    for (const view of ['/', '/fournir', NEEDS_VIEW, '/rapports', '/connexion', '/requetes', `/acteurs/${kitchenId}`, '/carte?role=MILL']) {
      const res = await fetch(`${base}${view}`);
      expect([view, res.status, await res.text()]).toEqual([view, 200, html]);
    }
    // The API's own routes are unchanged: an unknown path is still its JSON 404.
    const unknown = await fetch(`${base}/nope`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('NOT_FOUND');
    const config = await fetch(`${base}/explorer/config.json`);
    expect(await config.json()).toEqual({ tileUrl: null, tileAttribution: null });
  });

  it('sends a browser opening /graphql to the bundled GraphiQL, and API clients to the API, the GraphQL-over-HTTP audit passing', async () => {
    // A browser's navigation asks for HTML first and sends no query: the IDE, on this server.
    const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
    const page = await fetch(`${base}/graphql`, { headers: { accept: browserAccept }, redirect: 'manual' });
    expect([page.status, page.headers.get('location'), page.headers.get('vary')]).toEqual([302, '/requetes', 'Accept']);
    // API clients: GET with a query, whatever it accepts; GET preferring JSON or accepting anything; POST.
    const query = encodeURIComponent('{ labels { id } }');
    const preflight = { 'apollo-require-preflight': 'true' };
    for (const accept of ['application/json', 'application/graphql-response+json', browserAccept]) {
      const res = await fetch(`${base}/graphql?query=${query}`, { headers: { accept, ...preflight }, redirect: 'manual' });
      expect([accept, res.status]).toEqual([accept, 200]);
      expect(((await res.json()) as { data: { labels: unknown[] } }).data.labels.length).toBeGreaterThan(0);
    }
    for (const accept of ['application/json', '*/*']) {
      const res = await fetch(`${base}/graphql`, { headers: { accept, ...preflight }, redirect: 'manual' });
      expect([accept, res.status, res.headers.get('content-type')]).toEqual([accept, 400, 'application/json; charset=utf-8']);
    }
    const posted = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: browserAccept },
      body: JSON.stringify({ query: '{ labels { id } }' }),
    });
    expect(posted.status).toBe(200);
    // Every MUST of graphql-http's audit holds with the explorer mounted (tests/graphql-http-audit.test.ts has the rest).
    const musts = serverAudits({ url: `${base}/graphql` }).filter((audit) => audit.name.startsWith('MUST'));
    expect(musts.length).toBeGreaterThan(10);
    for (const audit of musts) {
      const result = await audit.fn();
      expect({ audit: audit.name, status: result.status }).toEqual({ audit: audit.name, status: 'ok' });
    }
  });

  it('adds a configured tile origin to the policy and the run-time settings, and says in French when the explorer is not built', async () => {
    const other = await startServer({
      schema: await buildMaillonSchema(),
      db,
      logger: silentLogger,
      port: 0,
      host: '127.0.0.1',
      explorer: {
        dir: path.join(__dirname, 'no-such-build'),
        tileUrl: 'https://tile.example.org/{z}/{x}/{y}.png',
        tileAttribution: '© Example',
      },
    });
    try {
      const otherBase = `http://127.0.0.1:${other.port}`;
      const config = await fetch(`${otherBase}/explorer/config.json`);
      expect(config.headers.get('content-security-policy')).toContain("img-src 'self' data: blob: https://tile.example.org;");
      expect(await config.json()).toEqual({ tileUrl: 'https://tile.example.org/{z}/{x}/{y}.png', tileAttribution: '© Example' });
      const missing = await fetch(`${otherBase}/`);
      expect(missing.status).toBe(503);
      expect(await missing.text()).toContain('L’explorateur n’est pas construit');
    } finally {
      await other.stop();
    }
  });

  it("shows the seed's Drôme actors on the map, reachable by keyboard and in French, accessible, on a phone too, and filters them by role from the URL", async () => {
    const features = (await run(ActorsOnMap, { filter: { departmentCode: '26' } })).data!.actorsGeoJson.features.map(
      (feature) => feature.properties as { id: string; name: string; roles: string[] },
    );
    const all = features.length;
    const mills = (await run(ActorsOnMap, { filter: { departmentCode: '26', roles: ['MILL'] } })).data!.actorsGeoJson.features.length;
    expect(all).toBeGreaterThan(400);
    expect(mills).toBeGreaterThan(2);
    expect(mills).toBeLessThan(all);
    const [first, second] = features;

    const page = await open('/');
    await waitFor(page, `document.querySelectorAll('path.actor-marker').length === ${all}`);
    // The links are drawn on a canvas (thousands of lines); the summary counts them.
    await waitFor(page, `/[1-9]\\d* liens d’approvisionnement/.test(document.querySelector('[data-testid=map-summary]').innerText)`);
    await settled(page);

    // The keyboard from the top of the page: skip link, navigation, filters, the map, one marker, the zoom.
    const reached: string[] = [];
    for (let i = 0; i < 16; i += 1) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate<string>(FOCUSED));
    }
    expect(reached).toEqual([
      'A:Aller au contenu',
      'A:Maillon Explorer',
      'A:Carte',
      'A:Qui peut fournir… ?',
      'A:Besoins non couverts',
      'A:Rapports',
      'A:Requêtes',
      'A:Connexion',
      'SELECT:Rôle',
      'SELECT:Produit (et ses variétés)',
      'SELECT:Label',
      'SELECT:Membres du Club',
      'INPUT:Liens d’approvisionnement',
      'DIV:Carte des acteurs',
      `path:${markerLabel(first)}`,
      'A:Zoom avant',
    ]);
    // The markers are one tab stop: the arrows move between them, Home goes back to the first.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate<string>(FOCUSED)).toBe(`path:${markerLabel(second)}`);
    expect(await page.locator('path.actor-marker[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Home');
    expect(await page.evaluate<string>(FOCUSED)).toBe(`path:${markerLabel(first)}`);
    // Enter opens the marker's card with the focus on its link; Escape closes it and gives the focus back.
    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup');
    await popup.waitFor();
    await expect(popup.innerText()).resolves.toContain(first.name);
    expect(await page.evaluate<string>(FOCUSED)).toBe('A:Voir la fiche');
    // Leaflet's control text is in French: the close button, the zoom; the basemap credited.
    const names = await page.evaluate<string[]>(
      `[...document.querySelectorAll('.leaflet-control-container [aria-label], .leaflet-control-container [title], .leaflet-popup [aria-label], .leaflet-popup [title]')].flatMap((e) => [e.getAttribute('aria-label'), e.getAttribute('title')]).filter(Boolean)`,
    );
    expect([...new Set(names)].sort()).toEqual([CLOSE_POPUP_LABEL, 'Zoom arrière', 'Zoom avant'].sort());
    await expect(page.locator('.leaflet-control-attribution').innerText()).resolves.toBe(OUTLINES_ATTRIBUTION);
    await expectAccessible(page, '/ (a card open)');
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached' });
    expect(await page.evaluate<string>(FOCUSED)).toBe(`path:${markerLabel(first)}`);
    await shoot(page, 'carte');
    await expectFitsPhone(page, '/', 'carte-390');

    // The skip link leads to the content.
    await page.locator('a.skip').focus();
    await page.keyboard.press('Enter');
    expect(page.url()).toBe(`${base}/#contenu`);

    // Enter on the card's link opens the actor's card.
    await page.locator('path.actor-marker[tabindex="0"]').focus();
    await page.keyboard.press('Enter');
    await popup.waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/acteurs/${encodeURIComponent(first.id)}`);
    await page.locator('main h1', { hasText: first.name }).waitFor();

    await page.goto(`${base}/carte?role=MILL&liens=0`);
    await waitFor(page, `document.querySelectorAll('path.actor-marker').length === ${mills}`);
    expect(await page.locator('[data-testid=map-summary]').innerText()).toBe(`${mills} acteurs affichés`);
    expect(await page.locator('select').first().inputValue()).toBe('MILL');
    // A click on a marker opens its popup, whose link goes to the actor's card. The click is sent to
    // the marker itself: a mouse click at its centre's coordinates (as a forced click does) reached
    // whatever was painted there at that moment, and once in CI no popup opened.
    await page.locator('path.actor-marker').first().dispatchEvent('click');
    await page.locator('.leaflet-popup').getByRole('link', { name: 'Voir la fiche' }).click();
    await page.waitForURL(/\/acteurs\//);
    await page.locator('main h1').filter({ hasNotText: 'Fiche acteur' }).waitFor();
  });

  it('answers the headline form (farine, bio, the Valence Romans Agglo kitchen) with the matches of the suppliers query, mills first, paths drawn', async () => {
    const expectedMatches = (await run(OrganicFlour, { buyerId: kitchenId })).data!.suppliers.matches.nodes;
    expect(expectedMatches.length).toBeGreaterThan(2);
    expect(expectedMatches[0].supplier.roles).toContain('MILL');

    const page = await open('/fournir');
    await settled(page);
    await expectAccessible(page, '/fournir');
    await expectFitsPhone(page, '/fournir');
    await page.getByRole('combobox', { name: /^Produit/ }).fill('farine');
    await page.getByLabel(/^Bio/).check();
    const buyer = page.getByRole('combobox', { name: /^Acheteur/ });
    await buyer.fill('Cuisine centrale de Valence');
    const suggestion = `[...document.querySelectorAll('datalist option')].map((o) => o.value).find((v) => v.startsWith('Cuisine centrale de Valence Romans Agglo'))`;
    await waitFor(page, `${suggestion} !== undefined`);
    const choice = await page.evaluate<string>(suggestion);
    await buyer.fill(choice);
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.locator('[data-testid=matches] > li').first().waitFor({ timeout: 60_000 });

    const shown = await page
      .locator('[data-testid=matches] > li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-supplier')));
    expect(shown).toEqual(expectedMatches.map((m) => m.supplier.id));
    await expect(page.locator('[data-testid=matches] > li').first().innerText()).resolves.toContain('moulin');
    // The definition applied is stated; every match's path is a line on the map, the first highlighted.
    await expect(page.locator('[data-testid=definition]').innerText()).resolves.toMatch(
      /« local » signifie : à moins de 100 km de l’acheteur/,
    );
    await waitFor(page, `document.querySelectorAll('path.match-path').length === ${expectedMatches.length}`);
    expect(await page.locator('path.match-path[stroke="#b3261e"]').count()).toBe(1);
    // The state is in the URL: reloading it gives the same answer.
    expect(page.url()).toContain(`acheteur=${kitchenId}`);
    await page.reload();
    await page.locator('[data-testid=matches] > li').first().waitFor({ timeout: 60_000 });
    expect(
      await page.locator('[data-testid=matches] > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-supplier'))),
    ).toEqual(shown);
    await settled(page);
    await shoot(page, 'fournir');
    await expectAccessible(page, '/fournir (the answer)');
    await expectFitsPhone(page, '/fournir (the answer)');
  });

  it('says clearly when the product is unknown', async () => {
    const page = await open('/fournir?produit=zzzyx&commune=Valence');
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    await expect(alert.innerText()).resolves.toMatch(/^Produit inconnu : aucun produit du graphe ne correspond à « zzzyx »/);
  });

  it("loads an actor's card from a deep link, with its bread chain traced back to the farms", async () => {
    const upstream = (await run(BreadUpstream, { actorId: kitchenId })).data!.upstream;
    expect(upstream.farms.length).toBeGreaterThan(0);
    const page = await open(`/acteurs/${kitchenId}?chaine=amont&produit=pain`);
    await page.locator('main h1', { hasText: 'Cuisine centrale de Valence Romans Agglo' }).waitFor({ timeout: 60_000 });
    const chain = page.locator('[data-testid=chain]');
    await chain.waitFor({ timeout: 60_000 });
    expect(await chain.locator('tbody tr').count()).toBe(upstream.edges.length);
    const text = await chain.innerText();
    for (const farm of upstream.farms) expect(text).toContain(farm.name);
    await page.locator('.chain canvas').first().waitFor();
    await settled(page);
    await shoot(page, 'acteur');
    await expectAccessible(page, '/acteurs (bread chain)');
    await expectFitsPhone(page, '/acteurs (bread chain)');
  });

  it('checks a credential at sign-in and says plainly when it is refused; a signed-in editor corrects a card, an anonymous visitor gets no form', async () => {
    const page = await open(`/acteurs/${kitchenId}`);
    await page.locator('main h1', { hasText: 'Cuisine centrale' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Corriger la fiche' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Connexion', exact: true }).click();
    await settled(page);
    await expectAccessible(page, '/connexion');
    await expectFitsPhone(page, '/connexion');

    // A wrong key is refused by the API at once (its 401 is expected), and not kept.
    expected = [/\/graphql: HTTP 401$/, /status of 401/];
    await page.getByLabel('Identifiant').fill('mk_not_a_key_of_this_service');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toMatch(/^Identifiant refusé : l’API ne reconnaît pas cette clé d’API/);
    expect(await page.evaluate<string | null>(`sessionStorage.getItem('maillon.credential')`)).toBeNull();
    expect(await page.getByRole('link', { name: 'Connexion', exact: true }).count()).toBe(1);
    expect(problems.failed.filter((p) => p.endsWith('HTTP 401'))).toHaveLength(1);
    await expectAccessible(page, '/connexion (refused)');

    await page.getByLabel('Identifiant').fill(editorKey);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Connecté·e avec une clé d’API').waitFor();
    await page.goto(`${base}/acteurs/${kitchenId}`);
    const form = page.getByRole('form', { name: 'Corriger la fiche' });
    await form.waitFor();
    await form.getByLabel('Description').fill('Cuisine centrale (fiche corrigée dans l’explorateur).');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Fiche corrigée').waitFor();
    expect((await run(ActorName, { id: kitchenId })).data!.actor.description).toBe('Cuisine centrale (fiche corrigée dans l’explorateur).');
  });

  it('lists unmet needs, sorts them and exports them as CSV', async () => {
    const page = await open(NEEDS_VIEW);
    const rows = page.locator('[data-testid=needs] tbody tr');
    await rows.first().waitFor({ timeout: 180_000 });
    await settled(page);
    await expectAccessible(page, NEEDS_VIEW);
    await expectFitsPhone(page, NEEDS_VIEW);
    await page.getByRole('button', { name: /Reste à trouver/ }).click();
    await page.waitForURL(/tri=manque/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter en CSV' }).click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFFAcheteur;Commune;Produit')).toBe(true);
    expect(csv.trim().split('\r\n').length).toBe((await rows.count()) + 1);
    await shoot(page, 'besoins');
  });

  it('lists the reports, accessible and on a phone', async () => {
    const page = await open('/rapports');
    await settled(page);
    await expectAccessible(page, '/rapports');
    await expectFitsPhone(page, '/rapports');
  });

  it('opens the bundled GraphiQL from /graphql in a browser, offline, with the documented operations open in tabs, ready to run', async () => {
    const operations = fs.readdirSync(path.join(__dirname, '..', 'schema', 'operations')).filter((f) => f.endsWith('.graphql'));
    const page = await open('/graphql');
    expect(page.url()).toBe(`${base}/requetes`);
    await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    await waitFor(page, `document.querySelectorAll('.graphiql-tab').length === ${operations.length}`);
    // The first tab (actor-trading.graphql) runs against this server with its example variables.
    await page.locator('.graphiql-query-editor .CodeMirror-code', { hasText: 'query ActorTrading' }).waitFor();
    await page.getByRole('button', { name: /Execute query/ }).click();
    await page.locator('.result-window', { hasText: 'Cuisine centrale de Valence Romans Agglo' }).waitFor({ timeout: 60_000 });
    await shoot(page, 'requetes');
  });
});
