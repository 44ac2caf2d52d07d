/**
 * Jest setupFilesAfterEnv, first: points the suites of Jest worker k at worker k's own Neo4j and
 * outage port (tests/neo4j.instances.cjs). Worker 1's instance is started by the global setup; the
 * others by their worker's first suite, here, from empty data.
 */
import fs from 'node:fs';
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const instances = require('../neo4j.instances.cjs') as {
  workerIndex(): number;
  instanceFor(k: number): { name: string; boltPort: number; outagePort: number };
  startFresh(k: number): Promise<{ uri: string }>;
};

const k = instances.workerIndex();
if (k > 1 && process.env.MAILLON_TEST_NEO4J_MANAGED) {
  const instance = instances.instanceFor(k);
  process.env.MAILLON_TEST_NEO4J_URI = `bolt://127.0.0.1:${instance.boltPort}`;
  process.env.MAILLON_TEST_OUTAGE_BOLT_PORT = String(instance.outagePort);
  beforeAll(async () => {
    const started = path.join(process.env.MAILLON_TEST_STATE_DIR ?? '', `neo4j-worker-${k}.started`);
    if (fs.existsSync(started)) return;
    await instances.startFresh(k);
    fs.writeFileSync(started, instance.name);
  }, 600_000);
}
