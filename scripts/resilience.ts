/**
 * `npm run test:resilience`: the service under load and faults, end to end (docs/reliability.md).
 * Outside the jest suite: it takes minutes and a seeded graph. It starts its own Neo4j (instance
 * `resilience`, Bolt port MAILLON_RESILIENCE_BOLT_PORT or 7723; seeded at the first run by the seed
 * tool, as `npm start` does) and the built API (`node dist/src/main.js`) on a free port, then:
 *
 *   1. start: time to /ready 200 (migrate, warm-up) and the first headline question;
 *   2. reads: RESILIENCE_SECONDS (60) of mixed reads at 16 concurrent connections: errors, p50/p99, RSS;
 *   3. outage: the same with Neo4j stopped for 10 s in the middle: errors only while it is down,
 *      time to /ready 200 and to the first answer once Neo4j answers again;
 *   4. writes: concurrent createOffer mutations and imports, retried as the reliability rules say
 *      (SERVICE_UNAVAILABLE, WRITE_OUTCOME_UNKNOWN), then read back: no acknowledged write lost, none twice;
 *   5. abuse: the shapes of issue 9 (deep nesting, 100 aliases, 1,000,000 aliases, a huge argument),
 *      what came back and how fast, and whether the service is healthy after.
 *
 * Every loop is bounded in time or count. Mutations carry an editor's identity
 * (MAILLON_RESILIENCE_AUTHORIZATION, else a key the script creates); everything else is anonymous.
 */
// First: the server's modules declare type-graphql classes, which need the metadata polyfill loaded.
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApiKey } from '../src/auth';
import { loadConfig } from '../src/config';
import { Database, migrate } from '../src/db';
import { createLogger } from '../src/logger';
import { BACKFILLS, SCHEMA_STATEMENTS } from '../src/schema-statements';
import { seedIfEmpty } from '../tools/seed';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const neo4jServer = require('../../scripts/neo4j.cjs') as {
  start(spec: object): Promise<{ uri: string }>;
  stop(spec: { name: string }): Promise<void>;
};

const ROOT = path.resolve(__dirname, '..', '..');
const INSTANCE = {
  name: 'resilience',
  boltPort: Number(process.env.MAILLON_RESILIENCE_BOLT_PORT || 7723),
  password: process.env.MAILLON_RESILIENCE_PASSWORD || 'maillon-test-password',
  heap: '1g',
  pageCache: '512m',
  transactionTimeout: '30s',
};
const READ_SECONDS = Number(process.env.RESILIENCE_SECONDS || 60);
const CONNECTIONS = 16;
const OUTAGE_SECONDS = 10;
/**
 * RESILIENCE_PHASES: a comma-separated subset of start,reads,outage,writes,abuse (default all), to
 * measure one phase while working on it; the start (and the API restart) always runs.
 */
const PHASES = new Set((process.env.RESILIENCE_PHASES || 'start,reads,outage,writes,abuse').split(',').map((p) => p.trim()));
/**
 * Sent with mutations only (reads and the abusive shapes go anonymous, as a hostile client would):
 * MAILLON_RESILIENCE_AUTHORIZATION, else an editor API key the script creates on its own Neo4j.
 */
let writeAuthorization = process.env.MAILLON_RESILIENCE_AUTHORIZATION;

interface Answer {
  /** The READS entry asked (outage breakdown), when it is one. */
  read?: string;
  startedAt: number;
  ms: number;
  http: number;
  bytes: number;
  codes: string[];
  data: unknown;
}

const HEADLINE = `query Headline($buyerId: String) {
  suppliers(input: { productName: "farine", organic: true, buyerId: $buyerId }, first: 20) {
    matches { totalCount edges { node { supplier { name } product { name } distanceKm intermediaries path { kind actor { name } } } } }
  }
}`;

/** The mixed read load: the headline question, actor pages, a card, search and a chain. */
const READS: { name: string; query: string; variables: Record<string, unknown> }[] = [
  { name: 'suppliers', query: HEADLINE, variables: { buyerId: 'act-0008' } },
  {
    name: 'actors page',
    query: '{ actors(first: 20) { totalCount edges { node { id name commune { name } offers { id product { name } } } } } }',
    variables: {},
  },
  {
    name: 'actors text',
    query: '{ actors(first: 20, filter: { text: "ferme" }) { totalCount edges { node { id name } } } }',
    variables: {},
  },
  {
    name: 'actor card',
    query: '{ actor(id: "act-0008") { name purchases { id supplier { name } product { name } } suppliers { actor { name } } } }',
    variables: {},
  },
  { name: 'search', query: '{ search(text: "farine", first: 20) { kind id name } }', variables: {} },
  { name: 'neighbourhood', query: '{ neighbourhood(actorId: "act-0008", depth: 1) { nodes { id } edges { id } } }', variables: {} },
];

async function post(url: string, query: string, variables: Record<string, unknown> = {}, rawBody?: string): Promise<Answer> {
  const startedAt = Date.now();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (writeAuthorization && /^\s*mutation\b/.test(query)) headers.authorization = writeAuthorization;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body: rawBody ?? JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    let body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = { errors: [{ extensions: { code: `NOT_JSON(${text.slice(0, 40).replace(/\s+/g, ' ')})` } }] };
    }
    return {
      startedAt,
      ms: Date.now() - startedAt,
      http: res.status,
      bytes: text.length,
      codes: (body.errors ?? []).map((e) => String(e.extensions?.code)),
      data: body.data,
    };
  } catch (error) {
    return { startedAt, ms: Date.now() - startedAt, http: 0, bytes: 0, codes: [`NETWORK(${(error as Error).name})`], data: null };
  }
}

/**
 * When Neo4j first answers `RETURN 1` again, seen from a separate process polling every 100 ms.
 * `scripts/neo4j.cjs start` returns later (up to 8 s later was seen): its own polls run in this
 * process, whose event loop is busy with sixteen clients' load, and open a new driver each time.
 * Recovery is measured from this moment, the earliest the service could know. Epoch ms, or null
 * when Neo4j did not answer within 3 minutes.
 */
function watchForFirstAnswer(uri: string): Promise<number | null> {
  const watcher = `
    const neo4j = require('neo4j-driver');
    const driver = neo4j.driver(process.env.URI, neo4j.auth.basic('neo4j', process.env.PASSWORD), {
      connectionTimeout: 1000, connectionAcquisitionTimeout: 1000, maxConnectionPoolSize: 1,
      logging: { level: 'error', logger: () => undefined },
    });
    const deadline = Date.now() + 180000;
    (async () => {
      while (Date.now() < deadline) {
        try { await driver.executeQuery('RETURN 1'); console.log(Date.now()); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
      }
      await driver.close();
    })();`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', watcher], {
      cwd: ROOT,
      env: { ...process.env, URI: uri, PASSWORD: INSTANCE.password },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', () => {
      const at = Number(out.trim());
      resolve(Number.isFinite(at) && at > 0 ? at : null);
    });
  });
}

async function status(url: string): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): number {
  try {
    const line = fs
      .readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * After Neo4j answers again, per read of READS: requests, errors by code, when (ms after Neo4j
 * answered) the first answer came and the last error ended: which questions recover last.
 */
function afterByRead(after: Answer[], upAt: number) {
  const byRead: Record<
    string,
    { requests: number; errors: Record<string, number>; firstOkMs: number | null; lastErrorEndMs: number | null }
  > = {};
  for (const read of READS) {
    const answers = after.filter((a) => a.read === read.name);
    const failed = answers.filter((a) => a.codes.length > 0);
    const firstOk = answers.filter((a) => a.codes.length === 0).map((a) => a.startedAt + a.ms - upAt);
    byRead[read.name] = {
      requests: answers.length,
      errors: countCodes(failed),
      firstOkMs: firstOk.length ? Math.min(...firstOk) : null,
      lastErrorEndMs: failed.length ? Math.max(...failed.map((a) => a.startedAt + a.ms - upAt)) : null,
    };
  }
  return byRead;
}

function countCodes(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const code of answers.flatMap((a) => a.codes)) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

/** Runs CONNECTIONS loops of mixed reads until `until()`; samples the API's RSS every second. */
async function readLoad(url: string, apiPid: number, seconds: number, during?: (elapsedMs: number) => Promise<void>) {
  const answers: Answer[] = [];
  const started = Date.now();
  const deadline = started + seconds * 1000;
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMb(apiPid) || 0);
  }, 1000);
  let i = 0;
  // With a fault in the middle, the load goes on until 15 s after the fault's script has ended.
  let until = deadline;
  let faultRunning = during !== undefined;
  const loops = Array.from({ length: CONNECTIONS }, async () => {
    while (Date.now() < until || faultRunning) {
      const read = READS[i++ % READS.length];
      answers.push({ ...(await post(url, read.query, read.variables)), read: read.name });
    }
  });
  if (during) {
    await during(0);
    until = Math.max(deadline, Date.now() + 15_000);
    faultRunning = false;
  }
  await Promise.all(loops);
  clearInterval(sampler);
  const ok = answers.filter((a) => a.codes.length === 0).map((a) => a.ms);
  return {
    answers,
    summary: {
      requests: answers.length,
      errors: answers.filter((a) => a.codes.length > 0).length,
      codes: countCodes(answers),
      p50Ms: percentile(ok, 50),
      p99Ms: percentile(ok, 99),
      maxMs: Math.max(0, ...ok),
      perSecond: Math.round(answers.length / ((Date.now() - started) / 1000)),
      peakRssMb: peakRss,
    },
  };
}

function startApi(port: number, uri: string): ChildProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_PASSWORD: INSTANCE.password,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.RESILIENCE_API_LOG_LEVEL ?? 'warn',
      // Every simulated client comes from 127.0.0.1: the per-IP rate limit (tested in
      // tests/http-hardening.test.ts) would turn this load test into a rate-limit test.
      RATE_LIMIT_ANONYMOUS_MAX: process.env.RATE_LIMIT_ANONYMOUS_MAX ?? '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function writesAndImports(url: string) {
  const run = Date.now().toString(36);
  const [discovered] = [await post(url, '{ actors(first: 1, filter: { roles: [FARM] }) { edges { node { id } } } }')];
  const actorId = (discovered.data as { actors: { edges: { node: { id: string } }[] } } | null)?.actors.edges[0]?.node.id ?? 'act-0001';
  const offerIds = Array.from({ length: 200 }, (_, i) => `res-${run}-o${i}`);
  const importIds = Array.from({ length: 10 }, (_, b) => Array.from({ length: 50 }, (_, i) => `res-${run}-i${b}-${i}`));
  const outcomes: Record<string, number> = {};
  const acknowledged: string[] = [];
  let retries = 0;
  /** Retries what the reliability rules say is safe to retry, at most 5 times, after retryAfterSeconds. */
  const withRetries = async (send: () => Promise<Answer>): Promise<Answer> => {
    let answer = await send();
    for (
      let attempt = 0;
      attempt < 5 && answer.codes.some((c) => c === 'SERVICE_UNAVAILABLE' || c === 'WRITE_OUTCOME_UNKNOWN');
      attempt += 1
    ) {
      retries += 1;
      await new Promise((r) => setTimeout(r, 1000));
      answer = await send();
    }
    return answer;
  };
  const creates = offerIds.map(async (id) => {
    const answer = await withRetries(() =>
      post(url, 'mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }', {
        input: { id, actorId, productId: 'ble-tendre', months: [1, 2] },
      }),
    );
    const key = answer.codes.join(',') || 'ok';
    outcomes[key] = (outcomes[key] ?? 0) + 1;
    if (answer.codes.length === 0) acknowledged.push(id);
  });
  const imports = importIds.map(async (ids) => {
    const content = JSON.stringify({ offers: ids.map((id) => ({ id, actorId, productId: 'ble-tendre', months: [3] })) });
    const answer = await withRetries(() =>
      post(url, 'mutation ($content: String!) { importRecords(input: { format: JSON, content: $content }) { written } }', { content }),
    );
    const key = `import:${answer.codes.join(',') || 'ok'}`;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
    if (answer.codes.length === 0) acknowledged.push(...ids);
  });
  const started = Date.now();
  await Promise.all([...creates, ...imports]);
  const ms = Date.now() - started;
  return { actorId, sent: offerIds.length + importIds.flat().length, acknowledged, outcomes, retries, ms, prefix: `res-${run}-` };
}

async function abuse(url: string) {
  // suppliers → customers → ... six hops, as in the issue (it grows ~12× per hop).
  const hops = ['suppliers', 'customers', 'suppliers', 'customers', 'suppliers', 'customers'];
  const deep = `{ actor(id: "act-0008") { ${hops.map((hop) => `${hop} { actor {`).join(' ')} id name ${hops.map(() => '} }').join(' ')} } }`;
  const aliases = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: suppliers(input: { productName: "farine", buyerId: "act-0008" }) { matches { totalCount } }`).join(' ')} }`;
  const shapes: { name: string; body: () => string }[] = [
    { name: 'deep nested suppliers/customers (181 bytes)', body: () => JSON.stringify({ query: deep }) },
    { name: '100 aliases of suppliers', body: () => JSON.stringify({ query: aliases(100) }) },
    {
      name: '1,000,000 aliases (~20 MB)',
      body: () => JSON.stringify({ query: `{ ${Array.from({ length: 1_000_000 }, (_, i) => `a${i}: __typename`).join(' ')} }` }),
    },
    { name: 'huge argument (1.2 MB)', body: () => JSON.stringify({ query: `{ actor(id: "${'x'.repeat(1_200_000)}") { id } }` }) },
  ];
  const results = [];
  for (const shape of shapes) {
    const body = shape.body();
    const answer = await post(url, '', {}, body);
    results.push({
      name: shape.name,
      requestBytes: body.length,
      http: answer.http,
      ms: answer.ms,
      responseBytes: answer.bytes,
      codes: [...new Set(answer.codes)].slice(0, 3),
    });
  }
  return results;
}

/** Cypher, $prefix: the ids of the offers the write phase created. */
const OFFERS_WITH_PREFIX = 'MATCH (o:Offer) WHERE o.id STARTS WITH $prefix RETURN o.id AS id';

/** The offers stored with the write phase's prefix, read directly from the resilience instance. */
async function storedOfferIds(uri: string, prefix: string): Promise<string[]> {
  const config = loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: INSTANCE.password, LOG_LEVEL: 'silent' });
  const db = Database.connect(config.neo4j, createLogger('silent'), config.db);
  try {
    return (await db.read<{ id: string }>(OFFERS_WITH_PREFIX, { prefix })).map((row) => row.id);
  } finally {
    await db.close();
  }
}

/** Seeds the resilience instance when it is empty, as `npm start` does before the server (the server never seeds). */
async function seedOnFirstRun(uri: string): Promise<void> {
  // Migrations and the seed are bulk writes: on a loaded machine they outlast the 15 s query timeout.
  const config = loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: INSTANCE.password, LOG_LEVEL: 'silent', NEO4J_QUERY_TIMEOUT_MS: '600000' });
  const logger = createLogger('silent');
  const db = Database.connect(config.neo4j, logger, config.db);
  try {
    await migrate(db, SCHEMA_STATEMENTS, logger, BACKFILLS);
    if (await seedIfEmpty(db, logger)) console.log('seeded the empty resilience instance');
  } finally {
    await db.close();
  }
}

/** An editor API key for the writes, stored (hashed) in the resilience instance like any other. */
async function createEditorKey(uri: string): Promise<string> {
  const config = loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: INSTANCE.password, LOG_LEVEL: 'silent' });
  const db = Database.connect(config.neo4j, createLogger('silent'), config.db);
  try {
    const { key } = await createApiKey(
      db,
      { role: 'editor', name: 'resilience script' },
      { accountId: 'cli:resilience', name: 'resilience script', role: 'admin', via: 'cli' },
    );
    return key;
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
  console.log(`machine: ${machine}`);
  const { uri } = await neo4jServer.start(INSTANCE);
  await seedOnFirstRun(uri);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const url = `${base}/graphql`;
  const report: Record<string, unknown> = { machine, readSeconds: READ_SECONDS, connections: CONNECTIONS };
  const spawned = Date.now();
  let api = startApi(port, uri);
  try {
    // 1. Start: the first start plans every statement on a cold graph, so the budget is generous; ready means warm.
    const readyMs = await waitFor(async () => (await status(`${base}/ready`)) === 200, 900_000, 250);
    if (readyMs === null) throw new Error('the API did not become ready within 15 min');
    const first = await post(url, HEADLINE, { buyerId: 'act-0008' });
    report.start = { readyAfterSpawnMs: Date.now() - spawned, firstHeadlineMs: first.ms, firstHeadlineCodes: first.codes };
    console.log('start', report.start);
    writeAuthorization ??= `Bearer ${await createEditorKey(uri)}`;

    // Restart the API on the seeded graph: the start as a deployment sees it.
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    const respawned = Date.now();
    api = startApi(port, uri);
    await waitFor(async () => (await status(`${base}/ready`)) === 200, 300_000, 100);
    const readyAfter = Date.now() - respawned;
    const firstAgain = await post(url, HEADLINE, { buyerId: 'act-0008' });
    report.restart = { readyAfterSpawnMs: readyAfter, firstHeadlineMs: firstAgain.ms, firstHeadlineCodes: firstAgain.codes };
    console.log('restart on a seeded graph', report.restart);

    // 2. Mixed reads.
    if (PHASES.has('reads')) {
      const reads = await readLoad(url, api.pid!, READ_SECONDS);
      report.reads = reads.summary;
      console.log('reads', reads.summary);
    }

    // 3. The same with Neo4j stopped for OUTAGE_SECONDS in the middle.
    if (PHASES.has('outage')) {
      const timeline: Record<string, number> = {};
      const outage = await readLoad(url, api.pid!, READ_SECONDS, async () => {
        const t0 = Date.now();
        await new Promise((r) => setTimeout(r, (READ_SECONDS * 1000) / 3));
        timeline.stopRequested = Date.now() - t0;
        await neo4jServer.stop({ name: INSTANCE.name });
        timeline.stopped = Date.now() - t0;
        const firstAnswer = watchForFirstAnswer(uri);
        await new Promise((r) => setTimeout(r, OUTAGE_SECONDS * 1000));
        timeline.startRequested = Date.now() - t0;
        await neo4jServer.start(INSTANCE);
        timeline.neo4jAnswers = Date.now() - t0;
        const back = Date.now();
        const readyMs = await waitFor(async () => (await status(`${base}/ready`)) === 200, 60_000, 100);
        timeline.readyAfterBackMs = readyMs ?? -1;
        const readyAt = Date.now();
        timeline.firstAnswerAfterBackMs =
          (await waitFor(async () => (await post(url, READS[1].query)).codes.length === 0, 60_000, 100)) === null ? -1 : Date.now() - back;
        const firstAnsweredAt = await firstAnswer;
        if (firstAnsweredAt !== null) {
          timeline.neo4jFirstAnswers = firstAnsweredAt - t0;
          timeline.readyAfterFirstAnswerMs = readyMs === null ? -1 : readyAt - firstAnsweredAt;
        }
        timeline.t0 = t0;
      });
      const t0 = timeline.t0;
      const downFrom = t0 + timeline.stopRequested;
      // From the moment Neo4j first answered a query (the separate watcher), else when start returned.
      const upAt = t0 + Math.min(timeline.neo4jAnswers, timeline.neo4jFirstAnswers ?? Infinity);
      const ok = (a: Answer) => a.codes.length === 0;
      const before = outage.answers.filter((a) => a.startedAt + a.ms < downFrom);
      const during = outage.answers.filter((a) => a.startedAt + a.ms >= downFrom && a.startedAt < upAt);
      // Neo4j drains for a while after SIGTERM; from `stopped` on it is gone and answers must come at once.
      const whileGone = outage.answers.filter((a) => a.startedAt >= t0 + timeline.stopped && a.startedAt < upAt);
      const after = outage.answers.filter((a) => a.startedAt >= upAt);
      const lastErrorAfterBack = Math.max(0, ...after.filter((a) => !ok(a)).map((a) => a.startedAt + a.ms - upAt));
      report.outage = {
        ...outage.summary,
        timeline: { ...timeline, t0: undefined },
        errorsBefore: before.filter((a) => !ok(a)).length,
        duringRequests: during.length,
        duringErrors: countCodes(during),
        duringSlowestErrorMs: Math.max(0, ...during.filter((a) => !ok(a)).map((a) => a.ms)),
        whileGoneRequests: whileGone.length,
        whileGoneCodes: countCodes(whileGone),
        whileGoneSlowestMs: Math.max(0, ...whileGone.map((a) => a.ms)),
        whileGoneP99Ms: percentile(
          whileGone.map((a) => a.ms),
          99,
        ),
        afterRequests: after.length,
        afterErrors: countCodes(after.filter((a) => !ok(a))),
        lastErrorAfterNeo4jAnswersMs: lastErrorAfterBack,
        afterByRead: afterByRead(after, upAt),
      };
      console.log('outage', report.outage);
    }

    // 4. Writes and imports.
    if (PHASES.has('writes')) {
      const writes = await writesAndImports(url);
      const prefix = writes.prefix;
      // Read back from Neo4j itself: the API's relationship lists are bounded (Actor.offers: 200 at most).
      const storedIds = await storedOfferIds(uri, prefix);
      const storedSet = new Set(storedIds);
      report.writes = {
        sent: writes.sent,
        acknowledged: writes.acknowledged.length,
        outcomes: writes.outcomes,
        retries: writes.retries,
        ms: writes.ms,
        storedWithPrefix: storedIds.length,
        lostAcknowledged: writes.acknowledged.filter((id) => !storedSet.has(id)).length,
        duplicates: storedIds.length - storedSet.size,
      };
      console.log('writes', report.writes);
    }

    // 5. Abuse, then health.
    if (PHASES.has('abuse')) {
      report.abuse = await abuse(url);
      console.log('abuse', report.abuse);
      const healthAfter = await status(`${base}/health`);
      const readyAfterAbuse = await status(`${base}/ready`);
      const normal = await post(url, READS[1].query);
      report.afterAbuse = {
        health: healthAfter,
        ready: readyAfterAbuse,
        normalQueryMs: normal.ms,
        normalQueryCodes: normal.codes,
        rssMb: rssMb(api.pid!),
      };
      console.log('after abuse', report.afterAbuse);
    }
  } finally {
    api.kill('SIGTERM');
    const exited = await Promise.race([
      new Promise((r) => api.once('exit', () => r(true))),
      new Promise((r) => setTimeout(() => r(false), 20_000)),
    ]);
    if (!exited) api.kill('SIGKILL');
    await neo4jServer.stop({ name: INSTANCE.name });
  }
  const out = path.join(ROOT, 'dist', 'resilience-report.json');
  fs.writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(`report written to ${path.relative(ROOT, out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
