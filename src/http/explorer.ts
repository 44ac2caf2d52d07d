import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Response, type Router } from 'express';

/**
 * The Maillon Explorer (explorer/, docs/explorer.md): the single-page application built by Vite,
 * served by the API's own Express app at `/` so it needs no other server and no CDN.
 */
export interface ExplorerRoutesOptions {
  /** The Vite build (explorer/dist): index.html and assets/. */
  dir: string;
  /** A raster tile URL template (`https://tile.example.org/{z}/{x}/{y}.png`); without it the map draws the communes only. */
  tileUrl?: string;
  /** The attribution the tile provider requires, shown on the map. */
  tileAttribution?: string;
}

/**
 * The views of the explorer: a GET on one of these paths answers index.html and the application
 * reads the rest of its state from the URL (deep links). Any other path stays the API's 404.
 */
const APP_PATHS = ['/', '/carte', '/fournir', '/acteurs/:id', '/besoins', '/rapports', '/requetes', '/connexion'];

/**
 * Scripts, styles, fonts, images and requests from this origin only (nothing from a CDN at run
 * time); styles may be inline because Leaflet, Cytoscape and GraphiQL position their elements with
 * style attributes. Tiles, when configured, are the only images from elsewhere.
 */
export function explorerContentSecurityPolicy(tileUrl?: string): string {
  const tileOrigin = tileUrl ? originOf(tileUrl) : null;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tileOrigin ? ` ${tileOrigin}` : ''}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function originOf(url: string): string | null {
  try {
    // A template's braces are not valid in a host: replace them to parse the origin.
    return new URL(url.replace(/\{[a-z]\}/g, 'a')).origin;
  } catch {
    return null;
  }
}

function sendNotBuilt(res: Response): void {
  res
    .status(503)
    .setHeader('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Explorateur non construit</title>' +
        '<h1>L’explorateur n’est pas construit</h1><p>Lancer <code>npm start</code> (qui le construit) ou <code>npm run explorer:build</code>.</p></html>',
    );
}

/**
 * `GET /graphql` opened in a browser (it asks for HTML first, and sends no `query`) is redirected
 * to the explorer's bundled GraphiQL (/requetes): Apollo's landing page would load its Sandbox
 * from a CDN, which the policy forbids and which is blank offline. API clients are unaffected: a
 * POST, a GET with a `query`, or a GET preferring JSON (or accepting any type alike, or sending
 * no Accept at all) goes on to the GraphQL handler.
 */
export function graphqlIdeRedirect(): RequestHandler {
  return (req, res, next) => {
    const wantsPage =
      req.query.query === undefined && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
    res.vary('Accept');
    if (!wantsPage) {
      next();
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.redirect(302, '/requetes');
  };
}

/**
 * GET / and the views' paths (index.html, never cached: it names the current assets), /assets/*
 * (file names carry a content hash: cached for a year, immutable), /explorer/config.json (the
 * run-time settings: the tile layer). Every answer carries the explorer's Content-Security-Policy.
 */
export function explorerRoutes(options: ExplorerRoutesOptions): Router {
  const router = express.Router({ strict: false });
  const csp = explorerContentSecurityPolicy(options.tileUrl);
  const indexFile = path.join(options.dir, 'index.html');
  const tileUrl = options.tileUrl && originOf(options.tileUrl) ? options.tileUrl : null;
  router.use((_req, res, next) => {
    res.setHeader('content-security-policy', csp);
    next();
  });
  router.use(
    '/assets',
    express.static(path.join(options.dir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
    }),
  );
  router.get('/explorer/config.json', (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.json({ tileUrl, tileAttribution: tileUrl ? (options.tileAttribution ?? null) : null });
  });
  router.get(APP_PATHS, (_req, res) => {
    if (!fs.existsSync(indexFile)) {
      sendNotBuilt(res);
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
