import { withLuhnCheckDigit } from '../src/records';
import { Database, DEFAULT_ADMISSION, Neo4jError, RETRY_AFTER_SECONDS, UNAVAILABLE_CODES } from '../src/db';
import { listSignature, PlanGate, StatementBook, toShape } from '../src/db/plans';
import { HealthMonitor } from '../src/db/health';
import { replanningWaitsFor, toAppError } from '../src/db/neo4j';
import { ErrorCode, ServiceUnavailableError } from '../src/errors';
import { buildMaillonSchema } from '../src/schema';
import { loadReferenceData } from '../tools/seed';
import { warmUp } from '../src/warmup';
import { clearGraph, connectTestDb, silentLogger, testConfig } from './helpers/db';
import { TEST_EDITOR, createRunner } from './helpers/graphql';

/** A driver error as the driver builds one (its `newError` factory: code N/A when none, GQL status 50N42). */
function newDriverError(message: string, code = 'N/A'): Neo4jError {
  return new Neo4jError(message, code, '50N42', `error: general processing exception - unexpected error. ${message}`);
}

/**
 * The database layer under faults and load (docs/reliability.md): the error mapping, the plan gate
 * and warm-up, the admission queues, and safe retries of creates. The outage itself (Neo4j stopped
 * and started) is in tests/outage.test.ts, on an instance of its own.
 */

const siret = (n: number) => withLuhnCheckDigit(`4223456${String(n).padStart(6, '0')}`);
const VALENCE = '26362';

const CREATE_ACTOR = /* GraphQL */ `
  mutation ($input: CreateActorInput!) {
    createActor(input: $input) {
      id
      name
    }
  }
`;
const CREATE_OFFER = /* GraphQL */ `
  mutation ($input: CreateOfferInput!) {
    createOffer(input: $input) {
      id
      months
      actor {
        id
      }
      product {
        id
      }
    }
  }
`;
const CREATE_LINK = /* GraphQL */ `
  mutation ($input: CreateSupplyLinkInput!) {
    createSupplyLink(input: $input) {
      id
    }
  }
`;

describe('driver errors that mean "unavailable"', () => {
  it.each([...UNAVAILABLE_CODES])('map %s to SERVICE_UNAVAILABLE with retryAfterSeconds', (code) => {
    const mapped = toAppError(newDriverError('driver text that must not leak', code), 1000);
    expect(mapped).toBeInstanceOf(ServiceUnavailableError);
    expect((mapped as ServiceUnavailableError).extensions).toEqual({
      code: ErrorCode.SERVICE_UNAVAILABLE,
      retryAfterSeconds: expect.any(Number),
    });
    expect((mapped as Error).message).not.toMatch(/driver text/);
  });

  it.each([
    'Failed to connect to server. Please ensure that your database is listening on the correct host and port. Caused by: connect ECONNREFUSED 127.0.0.1:7687',
    'Connection was closed by server',
    'read ECONNRESET',
    'Could not perform discovery. No routing servers available.',
  ])('map a driver error without a Neo4j code, "%s", to SERVICE_UNAVAILABLE', (message) => {
    expect(toAppError(newDriverError(message), 1000)).toBeInstanceOf(ServiceUnavailableError);
  });

  it('say "busy", never "unavailable", when no connection was free in time from a healthy pool', () => {
    const mapped = toAppError(
      newDriverError('Connection acquisition timed out in 3000 ms. Pool status: Active conn count = 50'),
      1000,
    ) as Error;
    expect(mapped).toBeInstanceOf(ServiceUnavailableError);
    expect(mapped.message).toMatch(/busy/);
    expect(mapped.message).not.toMatch(/database is unavailable/);
  });

  it('leave a Cypher error alone (it is masked as INTERNAL_SERVER_ERROR later)', () => {
    const error = newDriverError('Invalid input', 'Neo.ClientError.Statement.SyntaxError');
    expect(toAppError(error, 1000)).toBe(error);
  });
});

describe('the statement book', () => {
  it('keeps one variant per list shape, since Neo4j keys a one-element list apart from longer ones', () => {
    const book = new StatementBook();
    const cypher = 'MATCH (a:Actor) WHERE a.id IN $ids RETURN a';
    book.note(cypher, { ids: ['a', 'b', 'c'] }, 'READ');
    book.note(cypher, { ids: ['d', 'e'] }, 'READ');
    book.note(cypher, { ids: ['f'] }, 'READ');
    book.note(cypher, { ids: [] }, 'READ');
    book.note('RETURN $x AS x', { x: 1 }, 'READ');
    expect(book.size).toBe(4);
    expect(book.hottest()).toEqual([
      { cypher, params: { ids: ['a', 'b'] }, mode: 'READ', runs: 2 }, // two runs, cut to two elements
      { cypher, params: { ids: ['f'] }, mode: 'READ', runs: 1 },
      { cypher, params: { ids: [] }, mode: 'READ', runs: 1 },
      { cypher: 'RETURN $x AS x', params: { x: 1 }, mode: 'READ', runs: 1 },
    ]);
  });

  it('after a reconnection, waits for the statements that served requests, not for the warm-up-only ones', () => {
    const runs = (...counts: number[]) => counts.map((n) => ({ runs: n }));
    // Three served requests, the warm-up ran the other five once: wait for three.
    expect(replanningWaitsFor(runs(540, 120, 2, 1, 1, 1, 1, 1), 20)).toBe(3);
    // More served statements than the cap: the cap.
    expect(replanningWaitsFor(runs(9, 8, 7, 6, 5), 3)).toBe(3);
    // No request yet (only the warm-up ran): the warm-up's, up to the cap.
    expect(replanningWaitsFor(runs(1, 1, 1, 1), 20)).toBe(4);
    expect(replanningWaitsFor(runs(1, 1, 1, 1), 2)).toBe(2);
    expect(replanningWaitsFor([], 20)).toBe(0);
  });

  it('reads list shapes inside maps and lists of maps', () => {
    expect(listSignature({ x: 1, rows: [{ ids: ['a'] }, { ids: ['b', 'c'] }] })).toBe('{rows[2{ids[1]}]}');
    expect(listSignature({ x: 1, y: 'z' })).toBe('');
    expect(toShape({ rows: [{ ids: ['a', 'b', 'c'] }, { ids: [] }, { ids: ['d'] }] })).toEqual({
      rows: [{ ids: ['a', 'b'] }, { ids: [] }],
    });
  });
});

describe('the health monitor after Neo4j answers again', () => {
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(condition()).toBe(true);
  };
  /**
   * A warm monitor that has just seen Neo4j go down and answer again: its probe answers at once, and
   * its re-planning ends when the test says so.
   */
  async function warmingMonitor() {
    let endRewarm!: () => void;
    const rewarm = new Promise<void>((resolve) => (endRewarm = resolve));
    const monitor = new HealthMonitor({ probe: async () => true, rewarm: () => rewarm, probeIntervalMs: 5, logger: silentLogger });
    monitor.markWarm();
    await expect(monitor.settled(60_000)).resolves.toBeUndefined(); // up: at once
    monitor.reportUnavailable('request');
    await until(() => monitor.state === 'warming');
    return { monitor, endRewarm };
  }

  it('holds requests while the known statements are planned again, and lets them go once it is up', async () => {
    const { monitor, endRewarm } = await warmingMonitor();
    let released = false;
    const held = monitor.settled(60_000).then(() => (released = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(released).toBe(false);
    endRewarm();
    await held;
    expect(monitor.state).toBe('up');
    monitor.stop();
  });

  it('bounds the hold: a request goes on after its bound even when re-planning is not over', async () => {
    const { monitor, endRewarm } = await warmingMonitor();
    const started = Date.now();
    await monitor.settled(80);
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
    expect(monitor.state).toBe('warming');
    endRewarm();
    monitor.stop();
  });

  it('releases the held requests when Neo4j goes down again meanwhile (they are then refused at once)', async () => {
    const { monitor, endRewarm } = await warmingMonitor();
    const held = monitor.settled(60_000);
    monitor.reportUnavailable('readiness');
    await held;
    expect(monitor.isDown).toBe(true);
    monitor.stop();
    endRewarm();
  });

  it('keeps each change of state, with when and the cause of each outage, for an operator to tell outages apart', async () => {
    const before = Date.now();
    const { monitor, endRewarm } = await warmingMonitor();
    endRewarm();
    await until(() => monitor.state === 'up');
    monitor.connectionLost();
    expect(monitor.transitions.map(({ state, cause }) => (cause ? `${state}:${cause}` : state))).toEqual([
      'up',
      'down:request',
      'warming',
      'up',
      'down:connection-closed',
    ]);
    const times = monitor.transitions.map((transition) => transition.at);
    expect(times[0]).toBeGreaterThanOrEqual(before);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(monitor.counters).toMatchObject({ outages: 2, recoveries: 1, connectionsLost: 1 });
    monitor.stop();
  });

  it('keeps the last 30 changes of state only', async () => {
    const monitor = new HealthMonitor({ probe: async () => true, rewarm: async () => undefined, probeIntervalMs: 1, logger: silentLogger });
    monitor.markWarm();
    for (let outage = 0; outage < 12; outage += 1) {
      monitor.reportUnavailable('request');
      await until(() => monitor.state === 'up');
    }
    // 1 + 12 × 3 changes, the first 7 dropped: the oldest kept is the third outage's down.
    expect(monitor.counters).toMatchObject({ outages: 12, recoveries: 12 });
    expect(monitor.transitions).toHaveLength(30);
    expect(monitor.transitions.slice(0, 2).map((t) => t.state)).toEqual(['down', 'warming']);
    expect(monitor.transitions.at(-1)?.state).toBe('up');
    monitor.stop();
  });
});

describe('the Bolt sockets', () => {
  /**
   * Nagle off, and the chunks of one statement in one socket write (src/db/tcp-nodelay.ts): the
   * driver cuts a message into 1,400-byte chunks and writes each at once; with Nagle off each was a
   * system call and a packet of its own (17 per headline question). Counted on the sockets' Writable
   * methods: `_write` takes one write, `_writev` the writes a cork gathered.
   */
  it('have Nagle off, and send a statement of several chunks in one write', async () => {
    const net = await import('node:net');
    const boltPort = Number(new URL(testConfig().neo4j.uri).port);
    const noDelay = jest.spyOn(net.Socket.prototype, 'setNoDelay');
    const writes: number[] = [];
    const proto = net.Socket.prototype as unknown as Record<
      '_write' | '_writev',
      (this: import('node:net').Socket, ...args: unknown[]) => void
    >;
    const countWrites = (method: '_write' | '_writev') => {
      const original = proto[method];
      return jest.spyOn(proto, method).mockImplementation(function (this: import('node:net').Socket, ...args: unknown[]) {
        if (this.remotePort === boltPort) writes.push(method === '_writev' ? (args[0] as unknown[]).length : 1);
        return original.apply(this, args);
      });
    };
    const db = Database.connect(testConfig().neo4j, silentLogger);
    try {
      await db.read('RETURN 1 AS ok'); // connected, authenticated
      expect(noDelay.mock.calls.some(([on]) => on === true)).toBe(true);
      const spies = [countWrites('_write'), countWrites('_writev')];
      try {
        const text = 'x'.repeat(5_000); // four chunks of the driver's at least
        const rows = await db.read<{ length: number }>('RETURN size($text) AS length', { text });
        expect(rows).toEqual([{ length: 5_000 }]);
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      // One write for RUN and PULL together (an auto-commit read), gathering the chunks.
      expect(writes).toHaveLength(1);
      expect(writes[0]).toBeGreaterThanOrEqual(4);
    } finally {
      noDelay.mockRestore();
      await db.close();
    }
  });
});

describe('the database layer on a healthy Neo4j', () => {
  let db: Database;

  beforeAll(async () => {
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '60000' });
    await clearGraph(db);
    await loadReferenceData(db);
  }, 120_000);

  beforeEach(async () => {
    await db.write('MATCH (n) WHERE n:Actor OR n:Offer OR n:Need OR n:SupplyLink DETACH DELETE n');
  });

  afterAll(async () => {
    await clearGraph(db);
    await db.close();
  });

  async function smallSupplyGraph(run: Awaited<ReturnType<typeof createRunner>>['run']) {
    const actors = [
      { id: 'flt-farm', name: 'Ferme des Fautes', roles: ['FARM'], siret: siret(1), communeInsee: VALENCE },
      { id: 'flt-mill', name: 'Moulin des Fautes', roles: ['MILL'], siret: siret(2), communeInsee: VALENCE },
    ];
    for (const input of actors) expect((await run(CREATE_ACTOR, { input })).errors).toBeUndefined();
    expect((await run(CREATE_OFFER, { input: { id: 'flt-offer', actorId: 'flt-farm', productId: 'ble-tendre' } })).errors).toBeUndefined();
    const link = { id: 'flt-link', supplierId: 'flt-farm', buyerId: 'flt-mill', productId: 'ble-tendre', volume: 10, unit: 'TONNE' };
    expect((await run(CREATE_LINK, { input: link })).errors).toBeUndefined();
  }

  describe('warm-up and plan gate', () => {
    it('runs every warm-up question without a failing statement, learns their statements, and marks the database warm', async () => {
      const runner = await createRunner(db, { viewer: TEST_EDITOR });
      await smallSupplyGraph(runner.run);
      await runner.stop();
      const fresh = Database.connect(testConfig({ NEO4J_QUERY_TIMEOUT_MS: '60000' }).neo4j, silentLogger);
      try {
        expect(fresh.state).toBe('cold');
        const report = await warmUp(await buildMaillonSchema(), fresh, silentLogger);
        expect(report.failed).toEqual([]);
        expect(fresh.state).toBe('up');
        // The hot statements: suppliers, actors page and its loaders, search, chains, neighbourhood...
        expect(fresh.status().knownStatements).toBeGreaterThanOrEqual(15);
        // ...and every one of them plans again with EXPLAIN, as after a reconnection.
        const replanned = await fresh.replanKnownStatements(60_000);
        expect(replanned).toMatchObject({ planned: fresh.status().knownStatements, failed: 0, pending: 0 });
      } finally {
        await fresh.close();
      }
    }, 180_000);

    it('lets only the first of concurrent runs of a statement not yet planned through; the others wait for it', async () => {
      const fresh = Database.connect(testConfig().neo4j, silentLogger);
      try {
        // A first run that takes a while (a sum over two million rows), so that the others arrive during it.
        const statement = `UNWIND range(1, $n) AS i RETURN sum(i) AS total // gate ${Date.now()}`;
        const answers = await Promise.all(Array.from({ length: 8 }, () => fresh.read<{ total: number }>(statement, { n: 2_000_000 })));
        expect(answers.map((rows) => rows[0].total)).toEqual(Array(8).fill(2_000_001_000_000));
        expect(fresh.status().gate).toEqual({ firstRuns: 1, waited: 7, peakConcurrentFirstRuns: 1, refusedAfterWaiting: 0 });
        await fresh.read(statement, { n: 3 });
        expect(fresh.status().gate).toMatchObject({ firstRuns: 1, waited: 7 });
      } finally {
        await fresh.close();
      }
    });

    it('plans the hottest statements again after a reconnection even when the budget is spent, before /ready may turn 200', async () => {
      const fresh = Database.connect(testConfig().neo4j, silentLogger);
      try {
        const tag = Date.now();
        for (let i = 0; i < 3; i += 1) await fresh.read(`RETURN $x + ${i} AS y // replan ${tag}`, { x: 1 });
        // No budget at all: before, this returned at once with every statement pending.
        const replanned = await fresh.replanKnownStatements(0);
        expect(replanned).toMatchObject({ planned: 3, failed: 0, pending: 0 });
        // The log names the statements it waited on longest.
        expect(replanned.slowest).toHaveLength(3);
        expect(replanned.slowest[0].statement).toMatch(new RegExp(`^RETURN \\$x \\+ \\d AS y // replan ${tag}$`));
        // Beyond the hottest ones, the budget still bounds the wait.
        expect(await fresh.replanKnownStatements(0, 1)).toMatchObject({ failed: 0 });
      } finally {
        await fresh.close();
      }
    });
  });

  describe('plan gate bound', () => {
    it('refuses a run that waited its full bound for a first run still going, with SERVICE_UNAVAILABLE and retryAfterSeconds, instead of planning again', async () => {
      const gate = new PlanGate(50, () => new ServiceUnavailableError('warming up', { retryAfterSeconds: RETRY_AFTER_SECONDS }));
      let finishFirst!: () => void;
      const first = gate.run('stmt', () => new Promise<string>((resolve) => (finishFirst = () => resolve('first'))));
      let secondRan = false;
      const second = await gate
        .run('stmt', async () => {
          secondRan = true;
          return 'second';
        })
        .catch((e: unknown) => e);
      expect(secondRan).toBe(false);
      expect(second).toMatchObject({ extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds: RETRY_AFTER_SECONDS } });
      finishFirst();
      await expect(first).resolves.toBe('first');
      // Planned now: later runs go straight through.
      await expect(gate.run('stmt', async () => 'third')).resolves.toBe('third');
      expect(gate.stats).toEqual({ firstRuns: 1, waited: 1, peakConcurrentFirstRuns: 1, refusedAfterWaiting: 1 });
    });
  });

  describe('per-request ceiling', () => {
    it('keeps at most DB_REQUEST_CONCURRENCY transactions of one request open at once, queueing the rest', async () => {
      const request = db.counting();
      const rows = await Promise.all(Array.from({ length: 12 }, (_, i) => request.read<{ i: number }>('RETURN $i AS i', { i })));
      expect(rows.map((r) => r[0].i)).toEqual(Array.from({ length: 12 }, (_, i) => i));
      expect(request.requestAdmission).toMatchObject({ admitted: 12, peakActive: DEFAULT_ADMISSION.requestConcurrency });
    });

    it('refuses the statements of a request beyond DB_REQUEST_MAX_STATEMENTS with STATEMENT_LIMIT_EXCEEDED', async () => {
      const limited = Database.connect(testConfig().neo4j, silentLogger, { ...DEFAULT_ADMISSION, requestMaxStatements: 5 });
      try {
        const request = limited.counting();
        for (let i = 0; i < 5; i += 1) await request.read('RETURN 1 AS one');
        const refused = await request.read('RETURN 1 AS one').catch((e: unknown) => e);
        expect(refused).toMatchObject({ extensions: { code: ErrorCode.STATEMENT_LIMIT_EXCEEDED, limit: 5 } });
        expect(await limited.counting().read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
      } finally {
        await limited.close();
      }
    });
  });

  describe('writes under load', () => {
    async function offerIds(): Promise<string[]> {
      return (await db.read<{ id: string }>("MATCH (o:Offer) WHERE o.id STARTS WITH 'load-' RETURN o.id AS id ORDER BY id")).map(
        (r) => r.id,
      );
    }

    it('answers 200 concurrent createOffer mutations all with success on a healthy database, each written once', async () => {
      const runner = await createRunner(db, { viewer: TEST_EDITOR });
      try {
        await smallSupplyGraph(runner.run);
        const ids = Array.from({ length: 200 }, (_, i) => `load-${String(i).padStart(3, '0')}`);
        const results = await Promise.all(
          ids.map((id) => runner.run(CREATE_OFFER, { input: { id, actorId: 'flt-farm', productId: 'ble-tendre' } })),
        );
        expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
        expect(await offerIds()).toEqual(ids);
      } finally {
        await runner.stop();
      }
    }, 120_000);

    it('refuses the writes beyond a full queue at once with SERVICE_UNAVAILABLE, "busy" and retryAfterSeconds, never another error', async () => {
      const small = Database.connect(testConfig().neo4j, silentLogger, { ...DEFAULT_ADMISSION, writeConcurrency: 2, writeQueueLimit: 10 });
      const runner = await createRunner(small, { viewer: TEST_EDITOR });
      try {
        await smallSupplyGraph(runner.run);
        const ids = Array.from({ length: 200 }, (_, i) => `load-${String(i).padStart(3, '0')}`);
        const results = await Promise.all(
          ids.map((id) => runner.run(CREATE_OFFER, { input: { id, actorId: 'flt-farm', productId: 'ble-tendre' } })),
        );
        const errors = results.flatMap((r) => r.errors ?? []);
        expect(errors.length).toBeGreaterThan(0);
        for (const error of errors) {
          expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: expect.any(Number) });
          expect(error.message).toMatch(/busy/);
        }
        const acknowledged = ids.filter((_, i) => !results[i].errors);
        expect(await offerIds()).toEqual(acknowledged); // no acknowledged write lost, no refused one written
        expect(small.status().writes.refused).toBe(errors.length);
      } finally {
        await runner.stop();
        await small.close();
      }
    }, 120_000);
  });

  describe('safe retries of creates', () => {
    it('returns the existing record when a create is replayed with the same id and fields, and CONFLICT when the fields differ', async () => {
      const runner = await createRunner(db, { viewer: TEST_EDITOR });
      try {
        await smallSupplyGraph(runner.run);
        const input = { id: 'flt-replay', actorId: 'flt-farm', productId: 'ble-tendre', months: [6, 7] };
        const first = await runner.run(CREATE_OFFER, { input });
        const replay = await runner.run(CREATE_OFFER, { input });
        expect(replay.errors).toBeUndefined();
        expect(replay.data).toEqual(first.data);
        const actorReplay = await runner.run(CREATE_ACTOR, {
          input: { id: 'flt-farm', name: 'Ferme des Fautes', roles: ['FARM'], siret: siret(1), communeInsee: VALENCE },
        });
        expect(actorReplay.errors).toBeUndefined();
        const [{ n }] = await db.read<{ n: number }>("MATCH (o:Offer {id: 'flt-replay'}) RETURN count(o) AS n");
        expect(n).toBe(1);
        const different = await runner.run(CREATE_OFFER, { input: { ...input, months: [8] } });
        expect(different.errors?.[0].extensions?.code).toBe('CONFLICT');
      } finally {
        await runner.stop();
      }
    });
  });
});
