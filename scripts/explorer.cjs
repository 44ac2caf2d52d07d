#!/usr/bin/env node
/**
 * Builds the explorer (explorer/, docs/explorer.md) with Vite into explorer/dist when it is missing
 * or stale, so `npm start` and the tests serve a current build with no extra command.
 *
 *   node scripts/explorer.cjs ensure   build only when the sources changed since the last build
 *   node scripts/explorer.cjs build    build now
 *
 * "Stale" is decided by content, not dates (a checkout rewrites dates): a SHA-256 of every input
 * file is kept in explorer/dist/.source-hash and compared.
 */
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'explorer', 'dist');
const STAMP = path.join(OUT, '.source-hash');
/** Everything the build reads: the app, its config and build-time code, the schema and operations, the geography, the lock file, this script. */
const INPUTS = [
  'explorer/src',
  'explorer/index.html',
  'explorer/vite.config.ts',
  'explorer/build',
  'schema',
  'seeds/geo/communes-26-drome.geojson',
  'seeds/communes-drome-and-neighbours.csv',
  'package-lock.json',
  'scripts/explorer.cjs',
];

function filesOf(relative) {
  const absolute = path.join(ROOT, relative);
  if (!fs.existsSync(absolute)) return [];
  if (fs.statSync(absolute).isFile()) return [relative];
  return fs
    .readdirSync(absolute, { withFileTypes: true })
    .flatMap((entry) => filesOf(path.join(relative, entry.name)))
    .sort();
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesOf)) {
    hash.update(file.split(path.sep).join('/'));
    hash.update('\0');
    hash.update(fs.readFileSync(path.join(ROOT, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function isCurrent(hash) {
  return fs.existsSync(path.join(OUT, 'index.html')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === hash;
}

function build(hash) {
  console.log('Building the explorer (Vite) into explorer/dist…');
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', path.join(ROOT, 'explorer', 'vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      // A production build whoever asks: under jest (NODE_ENV=test) Vite would otherwise bundle
      // React's development build, twice the size, and `npm start` would then serve it as current.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) {
    console.error('The explorer build failed (see above); the API is unaffected, but / will answer 503.');
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(STAMP, `${hash}\n`);
}

/** Builds when needed; returns whether it built. Used by the jest tests too. */
function ensureExplorer() {
  const hash = sourceHash();
  if (isCurrent(hash)) return false;
  build(hash);
  return true;
}

if (require.main === module) {
  const command = process.argv[2] ?? 'ensure';
  if (command === 'build') build(sourceHash());
  else if (command === 'ensure') {
    if (!ensureExplorer()) console.log('The explorer build is current (explorer/dist).');
  } else {
    console.error('usage: node scripts/explorer.cjs ensure|build');
    process.exit(2);
  }
}

module.exports = { ensureExplorer, OUT };
