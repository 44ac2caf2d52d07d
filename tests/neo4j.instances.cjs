/**
 * The test Neo4j instances: one per Jest worker, so that two suites running at once never share a
 * graph (each clears and fills its own). Worker k (JEST_WORKER_ID, 1 when run in band) uses Bolt port
 * MAILLON_TEST_NEO4J_BOLT_PORT + 2(k-1) (7688, 7690, ...) and, for the suites that stop and start a
 * Neo4j of their own, MAILLON_TEST_OUTAGE_BOLT_PORT + 2(k-1) (7689, 7691, ...). Data in
 * .neo4j/test-<port>/ (.neo4j/test/ for 7688), wiped when the run starts it.
 */
'use strict';

const DEFAULT_BOLT_PORT = 7688;
const DEFAULT_OUTAGE_PORT = 7689;
const TEST_PASSWORD = 'maillon-test-password';

function workerIndex(env = process.env) {
  const id = Number(env.JEST_WORKER_ID || 1);
  return Number.isInteger(id) && id > 0 ? id : 1;
}

/** The instance of worker `k` (1-based). */
function instanceFor(k, env = process.env) {
  const basePort = Number(env.MAILLON_TEST_NEO4J_BOLT_PORT || DEFAULT_BOLT_PORT);
  const boltPort = basePort + 2 * (k - 1);
  return {
    name: boltPort === DEFAULT_BOLT_PORT ? 'test' : `test-${boltPort}`,
    boltPort,
    outagePort: Number(env.MAILLON_TEST_OUTAGE_BOLT_PORT || DEFAULT_OUTAGE_PORT) + 2 * (k - 1),
    password: env.MAILLON_TEST_NEO4J_PASSWORD || TEST_PASSWORD,
    heap: '1g',
    pageCache: '512m',
    transactionTimeout: '10m',
  };
}

/** Starts worker k's instance from empty data (a run's first start of it). */
async function startFresh(k, env = process.env) {
  const neo4jServer = require('../scripts/neo4j.cjs');
  const { outagePort: _outage, ...spec } = instanceFor(k, env);
  return neo4jServer.start({ ...spec, fresh: true });
}

module.exports = { instanceFor, workerIndex, startFresh, TEST_PASSWORD };
