import { buildMaillonSchema } from '../src/schema';
import { Database } from '../src/db';
import { startServer, type RunningServer } from '../src/server';
import { silentLogger, testConfig } from './helpers/db';
import { getStatus, postGraphQL, waitUntil } from './helpers/http';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const neo4jServer = require('../scripts/neo4j.cjs') as {
  start(spec: object): Promise<{ uri: string }>;
  stop(spec: { name: string }): Promise<void>;
};

/**
 * This suite stops and restarts a Neo4j, so it runs its own instance (port 7689, .neo4j/test-outage)
 * rather than the suite-wide one that other test files use.
 */
const OUTAGE_INSTANCE = {
  name: 'test-outage',
  boltPort: Number(process.env.MAILLON_TEST_OUTAGE_BOLT_PORT || 7689),
  password: 'maillon-test-password',
  heap: '512m',
  pageCache: '128m',
  transactionTimeout: '30s',
};

const SERVICE_QUERY = '{ service { name database } }';

describe('when Neo4j goes away and comes back', () => {
  let db: Database;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    const { uri } = await neo4jServer.start({ ...OUTAGE_INSTANCE, fresh: true });
    const config = testConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: OUTAGE_INSTANCE.password });
    db = Database.connect(config.neo4j, silentLogger);
    server = await startServer({ schema: await buildMaillonSchema(), db, logger: silentLogger, port: 0, host: '127.0.0.1' });
    db.markWarm(); // /ready stays 503 until the warm-up (src/warmup.ts, tested in tests/outage.test.ts) marks the database warm
    base = `http://127.0.0.1:${server.port}`;
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await neo4jServer.stop({ name: OUTAGE_INSTANCE.name });
  }, 120_000);

  it('turns /ready to 503 within 5 s, fails GraphQL fast with SERVICE_UNAVAILABLE, stays up, and recovers by itself', async () => {
    expect(await getStatus(`${base}/ready`)).toBe(200);
    expect((await postGraphQL(`${base}/graphql`, SERVICE_QUERY)).errors).toBeUndefined();

    const stoppedAt = Date.now();
    await neo4jServer.stop({ name: OUTAGE_INSTANCE.name });
    const notReadyAfter = await waitUntil(async () => (await getStatus(`${base}/ready`)) === 503, 5_000);
    expect(notReadyAfter).not.toBeNull();
    expect(Date.now() - stoppedAt).toBeLessThan(15_000); // stop() itself waits for the JVM to exit

    const asked = Date.now();
    const down = await postGraphQL(`${base}/graphql`, SERVICE_QUERY);
    const answeredInMs = Date.now() - asked;
    expect(down.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.errors?.[0].message).toMatch(/unavailable/i);
    expect(answeredInMs).toBeLessThan(10_000); // the driver's defaults would wait 30-60 s

    expect(await getStatus(`${base}/health`)).toBe(200);

    await neo4jServer.start(OUTAGE_INSTANCE);
    expect(await waitUntil(async () => (await getStatus(`${base}/ready`)) === 200, 30_000)).not.toBeNull();
    const back = await postGraphQL<{ service: { name: string } }>(`${base}/graphql`, SERVICE_QUERY);
    expect(back.errors).toBeUndefined();
    expect(back.data?.service.name).toBe('Maillon');
  }, 300_000);
});
