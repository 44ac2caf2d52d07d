#!/usr/bin/env node
/**
 * The Chromium that prints the territory reports to PDF (src/reports/render). The project never
 * downloads a browser (playwright-core is told not to): it uses the distribution's `chromium`.
 *
 *   node scripts/chromium.cjs ensure [--strict]  installs Debian's chromium when it is missing and we may
 *                                        (root, apt-get present), else says exactly what to install
 *   node scripts/chromium.cjs path       prints the executable used (CHROMIUM_PATH or /usr/bin/chromium)
 *
 * `ensure` never fails the command that calls it (npm start, the test setup, .ci/run): without
 * Chromium the HTML and CSV reports still work and the PDF route answers 503 saying why.
 * Its exit code is 0 either way; `ensure --strict` exits 3 while Chromium is still missing.
 */
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** The executable the reports use: CHROMIUM_PATH when set, else Debian's. */
function chromiumPath(env = process.env) {
  return env.CHROMIUM_PATH && env.CHROMIUM_PATH.trim() !== '' ? env.CHROMIUM_PATH : DEFAULT_CHROMIUM_PATH;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

const INSTALL_HINT =
  'Chromium is needed to print the reports to PDF: install it with `sudo apt-get install -y chromium` ' +
  '(Debian/Ubuntu), or point CHROMIUM_PATH at a Chromium or Chrome executable. HTML and CSV reports work without it.';

/**
 * Makes sure the report printer's Chromium is present. Returns true when it is. Installs Debian's
 * package only when the default path is used (a CHROMIUM_PATH of the operator's is theirs to
 * provide), we run as root and apt-get exists; otherwise prints the one command to run.
 */
function ensure({ env = process.env, log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const file = chromiumPath(env);
  if (isExecutable(file)) return true;
  const mayInstall = file === DEFAULT_CHROMIUM_PATH && typeof process.getuid === 'function' && process.getuid() === 0 && hasAptGet();
  if (!mayInstall) {
    log(`chromium: ${file} not found. ${INSTALL_HINT}`);
    return false;
  }
  log("chromium: installing Debian's chromium package for the PDF reports (apt-get, about a minute)…");
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'], env: aptEnv };
  const update = spawnSync('apt-get', ['-qq', 'update'], quiet);
  const install =
    update.status === 0 ? spawnSync('apt-get', ['-qq', '-y', 'install', '--no-install-recommends', 'chromium'], quiet) : update;
  if (install.status === 0 && isExecutable(file)) {
    log('chromium: installed.');
    return true;
  }
  log(`chromium: the installation failed (apt-get exit ${install.status}). ${INSTALL_HINT}`);
  return false;
}

module.exports = { DEFAULT_CHROMIUM_PATH, chromiumPath, ensure, INSTALL_HINT };

if (require.main === module) {
  const command = process.argv[2];
  if (command === 'ensure') process.exitCode = ensure() || !process.argv.includes('--strict') ? 0 : 3;
  else if (command === 'path') process.stdout.write(`${chromiumPath()}\n`);
  else {
    process.stderr.write('usage: node scripts/chromium.cjs ensure [--strict] | path\n');
    process.exitCode = 2;
  }
}
