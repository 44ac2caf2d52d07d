import { withLuhnCheckDigit } from '../src/records';
import { ServiceUnavailableError } from '../src/errors';
import { Database, migrate } from '../src/db';
import { BACKFILLS, SCHEMA_STATEMENTS } from '../src/schema-statements';
import { buildMaillonSchema } from '../src/schema';
import { loadReferenceData } from '../tools/seed';
import { DEFAULT_LIMITS } from '../src/config';
import { startServer, type RunningServer } from '../src/server';
import { warmUp } from '../src/warmup';
import { silentLogger, testConfig } from './helpers/db';
import { TEST_EDITOR, createRunner, graphql } from './helpers/graphql';
import { testAuthenticate } from './helpers/server';
import { getStatus, postGraphQL, waitUntil } from './helpers/http';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const neo4jServer = require('../scripts/neo4j.cjs') as {
  start(spec: object): Promise<{ uri: string }>;
  stop(spec: { name: string }): Promise<void>;
};

/**
 * Neo4j stopped under a read load and started again (docs/reliability.md): requests fail within 2 s
 * with SERVICE_UNAVAILABLE and retryAfterSeconds (never INTERNAL_SERVER_ERROR), /ready answers 503,
 * /health stays 200, and once Neo4j answers again the service turns ready by itself and answers
 * without errors. It runs its own instance (the outage port, .neo4j/test-faults-outage), since it
 * stops and starts it. How fast it recovers (the 10 s) is a timing, measured by
 * `npm run test:resilience` and reported in docs/reliability.md, not asserted here: this machine's
 * speed drifts by a third and CI's more.
 */
const INSTANCE = {
  name: 'test-faults-outage',
  boltPort: Number(process.env.MAILLON_TEST_OUTAGE_BOLT_PORT || 7689),
  password: 'maillon-test-password',
  heap: '512m',
  pageCache: '128m',
  transactionTimeout: '30s',
};

const READ = '{ actors(first: 5) { totalCount edges { node { id name offers { id product { name } } } } } }';
const SERVICE_QUERY = graphql(`
  query ServiceDuringOutage {
    service {
      name
      database
    }
  }
`);
/**
 * A bound on recovery that only a broken recovery exceeds (it takes seconds; the target is
 * 10 s): the test checks that the service recovers by itself, not how fast.
 */
const RECOVERY_BOUND_MS = 60_000;
/** A read that runs for many seconds on any machine, and returns nothing. */
const LONG_STATEMENT = 'UNWIND range(1, 5000000000) AS x WITH x WHERE x = -1 RETURN count(x) AS n';
const CREATE_OFFER = 'mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }';

interface Answer {
  startedAt: number;
  ms: number;
  http: number;
  codes: string[];
  retryAfter: unknown[];
}

async function ask(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const startedAt = Date.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string; retryAfterSeconds?: unknown } }[] };
  return {
    startedAt,
    ms: Date.now() - startedAt,
    http: res.status,
    codes: (body.errors ?? []).map((e) => String(e.extensions?.code)),
    retryAfter: (body.errors ?? []).map((e) => e.extensions?.retryAfterSeconds),
  };
}

describe('Neo4j stopped under load and started again', () => {
  let db: Database;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    const { uri } = await neo4jServer.start({ ...INSTANCE, fresh: true });
    db = Database.connect(
      testConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: INSTANCE.password, NEO4J_QUERY_TIMEOUT_MS: '60000' }).neo4j,
      silentLogger,
    );
    await migrate(db, SCHEMA_STATEMENTS, silentLogger, BACKFILLS);
    await loadReferenceData(db);
    const runner = await createRunner(db, { viewer: TEST_EDITOR });
    const siret = (n: number) => withLuhnCheckDigit(`4323456${String(n).padStart(6, '0')}`);
    const created = await runner.run('mutation ($input: CreateActorInput!) { createActor(input: $input) { id } }', {
      input: { id: 'out-farm', name: 'Ferme', roles: ['FARM'], siret: siret(1), communeInsee: '26362' },
    });
    expect(created.errors).toBeUndefined();
    await runner.stop();
    const schema = await buildMaillonSchema();
    // The load comes from one address: the anonymous rate limit is not what this suite measures.
    const limits = { ...DEFAULT_LIMITS, rateLimit: { ...DEFAULT_LIMITS.rateLimit, anonymousMax: 0 } };
    server = await startServer({ schema, db, logger: silentLogger, port: 0, host: '127.0.0.1', limits, authenticate: testAuthenticate });
    base = `http://127.0.0.1:${server.port}`;
    expect(await getStatus(`${base}/ready`)).toBe(503); // cold: not warmed up yet
    const report = await warmUp(schema, db, silentLogger);
    expect(report.failed).toEqual([]);
  }, 400_000);

  /** The outages that began at or after `since` (epoch ms), with their causes. */
  const outagesSince = (since: number) => db.status().transitions.filter((t) => t.state === 'down' && t.at >= since);

  /**
   * Every outage ended by itself: as many recoveries as outages, and up. Not "exactly one outage per
   * stop": on a loaded machine a `/ready` ping or a new connection may take more than its 2 s while
   * Neo4j starts, which is an outage by the service's rules (docs/reliability.md) and only delays
   * readiness. CI once counted 2 outages and 2 recoveries for one stop, every other check of this
   * file passing; its output did not say why, which is what the transitions now keep.
   */
  function expectEveryOutageRecovered() {
    const { state, health, transitions } = db.status();
    // The transitions match anything: they are in the object so that a failure prints them.
    expect({ state, recoveries: health.recoveries, transitions }).toEqual({
      state: 'up',
      recoveries: health.outages,
      transitions: expect.any(Array),
    });
  }

  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await neo4jServer.stop({ name: INSTANCE.name });
  }, 120_000);

  it('fails requests within 2 s with SERVICE_UNAVAILABLE while down, stays up, and recovers by itself when Neo4j is back', async () => {
    const url = `${base}/graphql`;
    expect(await getStatus(`${base}/ready`)).toBe(200);
    expect((await ask(url, READ)).codes).toEqual([]);

    // Four clients reading in a loop for the whole test. After an error each waits 25 ms, as a
    // client that reads retryAfterSeconds would wait longer: without the pause the instant 503s
    // make a storm that takes the CPU Neo4j needs to start again (20 s quiet, 30 s and more under it).
    const answers: Answer[] = [];
    let loading = true;
    const clients = Array.from({ length: 4 }, async () => {
      while (loading) {
        const answer = await ask(url, READ);
        answers.push(answer);
        if (answer.codes.length > 0) await new Promise((r) => setTimeout(r, 25));
      }
    });
    let stopRequestedAt = 0;
    let stoppedAt = 0;
    let backAt = 0;
    let readyAfterMs: number | null = null;
    let answeredAfterMs: number | null = null;
    let startRequestedAt = 0;
    // Answers that started after `since` and have come back (conditions, not fixed sleeps: the
    // clients answer in milliseconds, the sleeps cost seconds on a quiet machine and were no
    // guarantee on a busy one).
    const answeredSince = (since: number, n: number) =>
      waitUntil(async () => answers.filter((a) => a.startedAt >= since).length >= n, 30_000, 20);
    try {
      expect(await answeredSince(0, 8)).not.toBeNull(); // under load
      stopRequestedAt = Date.now();
      await neo4jServer.stop({ name: INSTANCE.name });
      stoppedAt = Date.now();
      expect(await waitUntil(async () => (await getStatus(`${base}/ready`)) === 503, 2_000, 100)).not.toBeNull();
      expect(await answeredSince(stoppedAt, 8)).not.toBeNull(); // several refused while down
      const write = await ask(
        url,
        CREATE_OFFER,
        { input: { id: 'out-offer', actorId: 'out-farm', productId: 'ble-tendre' } },
        { 'x-test-role': 'editor' },
      );
      expect(write.codes).toEqual(['SERVICE_UNAVAILABLE']);
      expect(write.ms).toBeLessThan(2000);
      const service = await postGraphQL(url, SERVICE_QUERY);
      expect(service.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(service.errors?.[0].message).toMatch(/unavailable/i);
      expect(await getStatus(`${base}/health`)).toBe(200); // the process is alive; only /ready says "not now"

      startRequestedAt = Date.now();
      await neo4jServer.start(INSTANCE);
      backAt = Date.now();
      readyAfterMs = await waitUntil(async () => (await getStatus(`${base}/ready`)) === 200, RECOVERY_BOUND_MS, 100);
      answeredAfterMs = await waitUntil(async () => (await ask(url, READ)).codes.length === 0, RECOVERY_BOUND_MS, 100);
      // Several served once ready, and some of them 2 s after the start returned (checked below).
      expect(await answeredSince(Math.max(Date.now(), backAt + 2_000), 8)).not.toBeNull();
    } finally {
      loading = false;
      await Promise.all(clients);
    }

    // Neo4j gone: from its process's exit to the moment its start is requested (a starting Neo4j
    // accepts connections before its database is available, a different case).
    const whileDown = answers.filter((a) => a.startedAt >= stoppedAt && a.startedAt + a.ms < startRequestedAt);
    expect(whileDown.length).toBeGreaterThan(0);
    for (const answer of whileDown) {
      expect(answer.codes).toEqual(['SERVICE_UNAVAILABLE']);
      expect(answer.retryAfter).toEqual([expect.any(Number)]);
      expect(answer.ms).toBeLessThan(2000);
    }
    // Also the requests in flight when Neo4j stopped: unavailable, never INTERNAL_SERVER_ERROR.
    const seen = new Set(answers.flatMap((a) => a.codes));
    expect([...seen].filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    // Once Neo4j answers and the monitor has seen it (a probe every 500 ms, 1 s at most each), no
    // errors: requests wait for the statements to be planned again instead of timing out together.
    const afterBack = answers.filter((a) => a.startedAt >= backAt + 2_000);
    expect(afterBack.length).toBeGreaterThan(0);
    expect(afterBack.flatMap((a) => a.codes)).toEqual([]);
    expect(db.status().health.heldWhileWarming).toBeGreaterThan(0);
    // Once ready again, no errors.
    const afterReady = answers.filter((a) => a.startedAt >= backAt + (readyAfterMs ?? 0) + (answeredAfterMs ?? 0));
    expect(afterReady.length).toBeGreaterThan(0);
    expect(afterReady.flatMap((a) => a.codes)).toEqual([]);
    // It recovered by itself: ready again, and answering (null would mean "not within the bound").
    expect({ readyAfterMs, answeredAfterMs }).toEqual({ readyAfterMs: expect.any(Number), answeredAfterMs: expect.any(Number) });
    expectEveryOutageRecovered();
    // The stop was an outage at once (a connection Neo4j closed, or a statement it failed) ...
    expect(outagesSince(stopRequestedAt)[0]?.at).toBeLessThan(stoppedAt + 2_000);
    // ... and none began once the service was ready again.
    expect(outagesSince(backAt + (readyAfterMs ?? 0))).toEqual([]);
    const back = await postGraphQL(url, SERVICE_QUERY);
    expect(back.errors).toBeUndefined();
    expect(back.data?.service.name).toBe('Maillon');
  }, 300_000);

  it('notices a restart that no request saw, and plans the known statements again before serving', async () => {
    const url = `${base}/graphql`;
    expect(await waitUntil(async () => (await getStatus(`${base}/ready`)) === 200, RECOVERY_BOUND_MS, 100)).not.toBeNull();
    expect((await ask(url, READ)).codes).toEqual([]);
    const before = { ...db.status().health };
    // The pool is idle: no request runs while Neo4j stops and starts again.
    const stopRequestedAt = Date.now();
    await neo4jServer.stop({ name: INSTANCE.name });
    expect(db.state).toBe('down');
    expect(db.status().health.connectionsLost).toBe(before.connectionsLost + 1);
    // Seen through a connection Neo4j closed: nothing else could have told.
    expect(outagesSince(stopRequestedAt).map((outage) => outage.cause)[0]).toBe('connection-closed');
    await neo4jServer.start({ ...INSTANCE });
    expect(await waitUntil(async () => (await getStatus(`${base}/ready`)) === 200, RECOVERY_BOUND_MS, 100)).not.toBeNull();
    const readyAt = Date.now();
    expectEveryOutageRecovered();
    expect(db.status().health.outages).toBeGreaterThan(before.outages);
    expect((await ask(url, READ)).codes).toEqual([]);
    expect(outagesSince(readyAt)).toEqual([]);
  }, 300_000);

  it('ends a statement running inside Neo4j soon after a graceful stop begins, as unavailable', async () => {
    // Seconds of work (the instance's transaction timeout, 30 s, would end it otherwise): Neo4j's
    // default 10 s wait for running transactions is what the managed configuration shortens.
    const running = db.read(LONG_STATEMENT).then(
      () => null,
      (error: unknown) => error,
    );
    // Running inside Neo4j (seen in its transaction list), not still on its way.
    const runningInNeo4j = async () =>
      (
        await db.read<{ n: number }>('SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $text RETURN count(*) AS n', {
          text: LONG_STATEMENT,
        })
      )[0].n > 0;
    expect(await waitUntil(runningInNeo4j, 30_000, 50)).not.toBeNull();
    const stopBegan = Date.now();
    const stopped = neo4jServer.stop({ name: INSTANCE.name });
    const error = await running;
    const endedAfterMs = Date.now() - stopBegan;
    await stopped;
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    // 1 s of grace (db.shutdown_transaction_end_timeout), then the shutdown's own steps: 2-7 s here,
    // loaded or not. With Neo4j's default grace the statement cannot end before 10 s have passed.
    expect(endedAfterMs).toBeLessThan(10_000);
  }, 120_000);
});
