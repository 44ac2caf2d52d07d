import fs from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { simplifyOutlines, type OutlineCollection } from './build/outlines';

const ROOT = path.resolve(__dirname, '..');

/**
 * `virtual:drome-territories`: the Drôme's EPCIs (SIREN and name) from the repo's commune table
 * (seeds/communes-drome-and-neighbours.csv), built into the bundle so the needs and reports views
 * list them without a request. The CSV has no quoted fields (names hold no comma).
 */
function dromeTerritories(): Plugin {
  const id = 'virtual:drome-territories';
  return {
    name: 'maillon-drome-territories',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loaded) {
      if (loaded !== `\0${id}`) return null;
      const csv = path.join(ROOT, 'seeds', 'communes-drome-and-neighbours.csv');
      this.addWatchFile(csv);
      const [header, ...rows] = fs.readFileSync(csv, 'utf8').trim().split('\n');
      const columns = header.split(',');
      const at = (name: string) => columns.indexOf(name);
      const epcis = new Map<string, string>();
      for (const row of rows) {
        const cells = row.split(',');
        if (cells[at('department')] === '26' && cells[at('epci_siren')]) epcis.set(cells[at('epci_siren')], cells[at('epci_name')]);
      }
      const list = [...epcis].map(([siren, name]) => ({ siren, name })).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
      return `export const EPCIS = ${JSON.stringify(list)};`;
    },
  };
}

/**
 * `virtual:commune-outlines`: the URL of the map's commune outlines, made at build time from
 * seeds/geo/communes-26-drome.geojson, simplified with shared borders kept shared and rounded to
 * 4 decimals (explorer/build/outlines.ts; the file's `provenance` member says so). A hashed asset
 * of its own, fetched by the map after the first paint and cached for good. Under `vite` (dev),
 * the same file is served from memory.
 */
function communeOutlines(): Plugin {
  const id = 'virtual:commune-outlines';
  const devPath = '/@maillon/communes-26-drome.geojson';
  const source = path.join(ROOT, 'seeds', 'geo', 'communes-26-drome.geojson');
  let serving = false;
  const outlines = () =>
    JSON.stringify(
      simplifyOutlines(JSON.parse(fs.readFileSync(source, 'utf8')) as OutlineCollection, {
        tolerance: 0.0008,
        decimals: 4,
        source:
          'Communes of the Drôme (26), IGN Admin Express COG 2018 via france-geojson, Licence Ouverte (seeds/geo/communes-26-drome.geojson)',
      }),
    );
  return {
    name: 'maillon-commune-outlines',
    configResolved: (config) => {
      serving = config.command === 'serve';
    },
    configureServer(server) {
      server.middlewares.use(devPath, (_req, res) => {
        res.setHeader('content-type', 'application/geo+json');
        res.end(outlines());
      });
    },
    resolveId: (requested) => (requested === id ? `\0${id}` : null),
    load(loaded) {
      if (loaded !== `\0${id}`) return null;
      this.addWatchFile(source);
      if (serving) return `export default ${JSON.stringify(devPath)};`;
      const reference = this.emitFile({ type: 'asset', name: 'communes-26-drome.geojson', source: outlines() });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}

/** The explorer's build: explorer/dist, served at `/` by the API (src/http/explorer.ts). */
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react(), dromeTerritories(), communeOutlines()],
  build: {
    outDir: path.join(__dirname, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    assetsInlineLimit: 4096,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
    rollupOptions: {
      // Leaflet in a chunk of its own: `npm run bench:explorer` reports the first view's JavaScript with the map library aside.
      output: { manualChunks: (id) => (id.includes('/node_modules/leaflet/') ? 'leaflet' : undefined) },
    },
  },
  server: { fs: { allow: [ROOT] }, proxy: { '/graphql': 'http://127.0.0.1:4000', '/reports': 'http://127.0.0.1:4000' } },
});
