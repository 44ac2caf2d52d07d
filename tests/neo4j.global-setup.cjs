/**
 * Starts the test suite's own throwaway Neo4j (port 7688 unless MAILLON_TEST_NEO4J_BOLT_PORT says
 * otherwise, data in .neo4j/test/, wiped first) so `npm test` never touches the data `npm start`
 * serves, and runs whether or not the development instance is up. With two Jest workers, the second
 * worker's instance (tests/neo4j.instances.cjs) is started by that worker's first suite
 * (tests/helpers/worker-neo4j.setup.ts): a run of one file starts one Neo4j. With
 * MAILLON_TEST_NEO4J_URI set, the tests use that server instead, in one worker (its data is wiped by
 * the suites: never point it at real data).
 *
 * It also makes the run's state folder (MAILLON_TEST_STATE_DIR): what the suites share within one
 * run (the built dist/, whether the graph still holds the untouched seed), removed by the teardown.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const chromium = require('../scripts/chromium.cjs');
const { instanceFor, startFresh, TEST_PASSWORD } = require('./neo4j.instances.cjs');

module.exports = async function globalSetup() {
  // The report tests print PDFs with Debian's chromium: installed here on a fresh machine (as root),
  // or named with the command to run; the other suites do not need it.
  chromium.ensure();
  process.env.MAILLON_TEST_NEO4J_PASSWORD ??= TEST_PASSWORD;
  process.env.MAILLON_TEST_STATE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-test-run-'));
  if (process.env.MAILLON_TEST_NEO4J_URI) return;
  const { uri } = await startFresh(1);
  process.env.MAILLON_TEST_NEO4J_URI = uri;
  process.env.MAILLON_TEST_NEO4J_MANAGED = instanceFor(1).name;
};
