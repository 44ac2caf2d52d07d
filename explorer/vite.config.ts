import fs from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

/** The explorer's build: explorer/dist, served at `/` by the API (src/http/explorer.ts). */
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react(), dromeTerritories()],
  build: {
    outDir: path.join(__dirname, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // The commune outlines (seeds/geo) are a file of their own, fetched by the map.
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
