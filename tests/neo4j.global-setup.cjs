/**
 * Starts the test suite's own throwaway Neo4j (port 7688 unless MAILLON_TEST_NEO4J_BOLT_PORT says
 * otherwise, data in .neo4j/test/, wiped first) so `npm test` never touches the data `npm start`
 * serves, and runs whether or not the development instance is up. With MAILLON_TEST_NEO4J_URI set,
 * the tests use that server instead (its data is wiped by the suites: never point it at real data).
 */
const neo4jServer = require('../scripts/neo4j.cjs');
const chromium = require('../scripts/chromium.cjs');

const TEST_PASSWORD = 'maillon-test-password';

module.exports = async function globalSetup() {
  // The report tests print PDFs with Debian's chromium: installed here on a fresh machine (as root),
  // or named with the command to run; the other suites do not need it.
  chromium.ensure();
  process.env.MAILLON_TEST_NEO4J_PASSWORD ??= TEST_PASSWORD;
  if (process.env.MAILLON_TEST_NEO4J_URI) return;
  const port = Number(process.env.MAILLON_TEST_NEO4J_BOLT_PORT || 7688);
  const { uri } = await neo4jServer.start({
    name: port === 7688 ? 'test' : `test-${port}`,
    boltPort: port,
    password: process.env.MAILLON_TEST_NEO4J_PASSWORD,
    heap: '1g',
    pageCache: '512m',
    transactionTimeout: '10m',
    fresh: true,
  });
  process.env.MAILLON_TEST_NEO4J_URI = uri;
  process.env.MAILLON_TEST_NEO4J_MANAGED = port === 7688 ? 'test' : `test-${port}`;
};
