/**
 * `npm run bench -- [--dataset seed|20k|100k] [--duration 10] [--connections 1,16] [--workloads W1,W3]
 *                   [--import-rows 100000] [--restart] [--json <file>] [--cpu-prof <dir>]`
 *
 * The side-by-side benchmark of issue 13 (docs/benchmarks.md): one run, one Neo4j, one dataset; each
 * workload answered (a) by hand-written Cypher through the driver (the floor), (b) by Maillon over
 * HTTP, (c) by @neo4j/graphql 7 over HTTP (bench/peer.ts), answers checked equal (normalised) before
 * any timing. HTTP load comes from autocannon in a child process, so that the CPU time of this
 * process is the servers' own. Loopback only: the Neo4j must be on a loopback address, both servers
 * listen on 127.0.0.1, and every load is bounded in time.
 *
 * Without NEO4J_URI the bench runs its own Neo4j instance per dataset (`.neo4j/bench-<dataset>`, Bolt
 * on MAILLON_NEO4J_BOLT_PORT, default 7745): the dataset is loaded once and found again by its
 * (:BenchDataset) marker on the next run, so the 100k graph is not regenerated each time.
 */
// First: the server's modules declare type-graphql classes, which need the metadata polyfill loaded.
import 'reflect-metadata';
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import neo4j, { Session, Transaction, type Driver } from 'neo4j-driver';
import pino from 'pino';
import { integerOption, parseCommandLine, readCommandLine, UsageError, cliAuthor } from '../scripts/cli';
import { encodeCursor } from '../src/common';
import { DEFAULT_LIMITS, loadConfig } from '../src/config';
import { Database, int, migrate } from '../src/db';
import { importContent } from '../src/import';
import { buildMaillonSchema } from '../src/schema';
import { BACKFILLS, SCHEMA_STATEMENTS } from '../src/schema-statements';
import { startServer } from '../src/server';
import { autocannon, hostOf, LOOPBACK, type Timing } from './autocannon';
import { profiled } from './cpu-profile';
import { startPeer } from './peer';
import { startRawHttp, type RawStatement } from './raw-http';
import { TERRITORY_REPORT } from './territory-report';

const ROOT = path.resolve(__dirname, '..', '..');
const DATASETS = { seed: 0, '20k': 20_000, '100k': 100_000 } as const;
type Dataset = keyof typeof DATASETS;
/** Loading a dataset and planning big statements on a busy machine take longer than the service's 15 s. */
const BULK_TIMEOUT_MS = 600_000;
const ALL_WORKLOADS = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7'];

const USAGE =
  'usage: npm run bench -- [--dataset seed|20k|100k] [--duration 1..600 (s per measurement)] [--connections 1,16] ' +
  '[--workloads W1,W2,...] [--import-rows 1..100000] [--restart] [--json <file>] [--cpu-prof <dir>]';

const options = readCommandLine('bench', USAGE, (argv) => {
  const { values } = parseCommandLine(argv, {
    options: {
      dataset: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      workloads: { type: 'string' },
      'import-rows': { type: 'string' },
      restart: { type: 'boolean', default: false },
      json: { type: 'string' },
      'cpu-prof': { type: 'string' },
    },
  });
  const dataset = (values.dataset ?? 'seed') as Dataset;
  if (!(dataset in DATASETS)) throw new UsageError(`--dataset must be seed, 20k or 100k; got ${values.dataset}`);
  const connections = (values.connections ?? '1,16').split(',').map((c) => integerOption('connections', c, 1, 1, 64));
  const workloads = (values.workloads ?? ALL_WORKLOADS.join(',')).split(',').map((w) => w.trim().toUpperCase());
  const unknown = workloads.filter((w) => !ALL_WORKLOADS.includes(w));
  if (unknown.length) throw new UsageError(`--workloads: unknown ${unknown.join(', ')} (expected ${ALL_WORKLOADS.join(', ')})`);
  return {
    dataset,
    duration: integerOption('duration', values.duration, 10, 1, 600),
    connections,
    workloads: new Set(workloads),
    importRows: integerOption('import-rows', values['import-rows'], 100_000, 1, 100_000),
    restart: values.restart,
    json: values.json,
    /** Profile this process during each Maillon measurement (bench/cpu-profile.ts), into this folder. */
    cpuProf: values['cpu-prof'],
  };
});

const log = (line: string) => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// Measures: Cypher round trips, CPU of this process and of the Neo4j JVM, memory

/**
 * Every statement sent through the driver, whoever sends it (Maillon's Database, the peer, the raw
 * floor): Maillon runs in managed transactions, the peer in explicit ones, both end in
 * Transaction.run; auto-commit statements go through Session.run.
 */
const roundTrips = { count: 0 };
function countRoundTrips(): void {
  for (const proto of [Transaction.prototype, Session.prototype] as { run: (...args: unknown[]) => unknown }[]) {
    const original = proto.run;
    proto.run = function counted(this: unknown, ...args: unknown[]) {
      roundTrips.count += 1;
      return original.apply(this, args);
    };
  }
}

const TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds of a process, from /proc (null when it cannot be read). */
function cpuMs(pid: number | 'self'): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Resident memory of a process in MiB, from /proc. */
function rssMiB(pid: number | 'self'): number | null {
  try {
    const line = fs
      .readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : null;
  } catch {
    return null;
  }
}

interface Sample {
  cpuSelf: number | null;
  cpuNeo4j: number | null;
  trips: number;
}
function sample(neo4jPid: number | null): Sample {
  return { cpuSelf: cpuMs('self'), cpuNeo4j: neo4jPid ? cpuMs(neo4jPid) : null, trips: roundTrips.count };
}

// ---------------------------------------------------------------------------------------------
// Neo4j: the bench's own instance, and the dataset in it

interface Neo4jTarget {
  uri: string;
  instance: string | null;
  env: NodeJS.ProcessEnv;
}

function neo4jTarget(dataset: Dataset): Neo4jTarget {
  const given = process.env.NEO4J_URI;
  if (given) {
    if (!LOOPBACK.has(hostOf(given))) throw new UsageError(`NEO4J_URI must be on a loopback address; got ${given}`);
    return { uri: given, instance: null, env: { NEO4J_QUERY_TIMEOUT_MS: String(BULK_TIMEOUT_MS), ...process.env } };
  }
  const instance = process.env.MAILLON_NEO4J_INSTANCE ?? `bench-${dataset}`;
  const port = process.env.MAILLON_NEO4J_BOLT_PORT ?? '7745';
  const uri = `bolt://127.0.0.1:${port}`;
  return {
    uri,
    instance,
    env: {
      NEO4J_QUERY_TIMEOUT_MS: String(BULK_TIMEOUT_MS),
      ...process.env,
      MAILLON_NEO4J_INSTANCE: instance,
      MAILLON_NEO4J_BOLT_PORT: port,
      NEO4J_URI: uri,
    },
  };
}

function neo4jScript(target: Neo4jTarget, command: 'start' | 'stop'): void {
  if (!target.instance) return;
  const env = { ...target.env };
  delete env.NEO4J_URI; // the script starts none when NEO4J_URI is set
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'neo4j.cjs'), command], { env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`neo4j ${command} failed (exit ${result.status})`);
}

function neo4jPid(target: Neo4jTarget): number | null {
  if (!target.instance) return null;
  try {
    return Number(fs.readFileSync(path.join(ROOT, '.neo4j', target.instance, 'run', 'neo4j.pid'), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

function runTool(target: Neo4jTarget, script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [path.join(ROOT, 'dist', script), ...args],
      { env: target.env, maxBuffer: 64 << 20 },
      (error) => (error ? reject(error) : resolve()),
    );
    child.stderr?.pipe(process.stderr);
  });
}

const DATASET_MARKER = /* cypher */ `MATCH (m:BenchDataset) RETURN m.name AS name`;
const MARK_DATASET = /* cypher */ `MERGE (m:BenchDataset) SET m.name = $name`;

/** Loads the dataset unless the marker says it is already there: the seed, then the generator's actors. */
async function ensureDataset(db: Database, target: Neo4jTarget, dataset: Dataset): Promise<void> {
  const [marker] = await db.read<{ name: string }>(DATASET_MARKER);
  if (marker?.name === dataset) {
    log(`dataset: ${dataset} (cached in this Neo4j)`);
    return;
  }
  if (marker && !target.instance) throw new UsageError(`the Neo4j at NEO4J_URI holds dataset ${marker.name}, not ${dataset}`);
  log(`dataset: loading ${dataset} (once; later runs reuse it) ...`);
  await runTool(target, 'tools/seed/seed.cli.js', []);
  if (DATASETS[dataset] > 0) await runTool(target, 'tools/seed/generate.cli.js', ['--actors', String(DATASETS[dataset])]);
  await db.write(MARK_DATASET, { name: dataset });
}

// ---------------------------------------------------------------------------------------------
// Load: autocannon over HTTP (./autocannon), a bounded loop over the driver

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** `connections` loops, each awaiting its statement before the next, for `seconds`. */
async function driverLoop(run: () => Promise<unknown>, connections: number, seconds: number): Promise<Timing> {
  const timings: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          await run();
          timings.push(performance.now() - t);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const sorted = timings.sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    rps: timings.length / ((performance.now() - started) / 1000),
    requests: timings.length,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// Workloads

/** raw: the Cypher through the driver; raw-http: the same Cypher behind a bare HTTP endpoint (bench/raw-http.ts). */
type Variant = 'raw' | 'raw-http' | 'maillon' | 'peer';

interface Way {
  /** What the variant sends: a Cypher statement (raw) or a GraphQL document. */
  query: string;
  variables?: Record<string, unknown>;
  /** The answer reduced to what the three must agree on. */
  normalise: (answer: unknown) => unknown;
}

interface Workload {
  id: string;
  title: string;
  ways: Partial<Record<Variant, Way>>;
  /** Why a variant is absent. */
  absent?: Partial<Record<Variant, string>>;
}

interface Row {
  workload: string;
  variant: Variant;
  connections: number;
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  roundTripsPerRequest: number | null;
  nodeCpuMsPerRequest: number | null;
  neo4jCpuMsPerRequest: number | null;
  nodeRssMiB: number | null;
  neo4jRssMiB: number | null;
}

interface Bench {
  db: Database;
  /** The floor's own driver: bare executeQuery, numbers as JavaScript numbers. */
  raw: Driver;
  maillonUrl: string;
  peerUrl: string;
  rawHttpUrl: string;
  /** The statements the raw HTTP endpoint answers, by workload key. */
  rawStatements: Map<string, RawStatement>;
  neo4jPid: number | null;
}

class GraphQLFailure extends Error {}

async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length || !body.data)
    throw new GraphQLFailure(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
  return body.data;
}

const sortedIds = (ids: string[]) => [...new Set(ids)].sort();

// W1: the headline question (Maillon only: the peer cannot express it, and its hand-written floor is
// the reasoning statement itself, changed by another part of the issue).
const FIND_KITCHEN = /* cypher */ `
  MATCH (a:Actor)-[:LOCATED_IN]->(:Commune {insee: '26362'})
  WHERE 'CENTRAL_KITCHEN' IN a.roles AND a.name CONTAINS 'Valence Romans Agglo'
  RETURN a.id AS id LIMIT 1`;
const HEADLINE = /* GraphQL */ `
  query Headline($input: SupplierSearchInput!) {
    suppliers(input: $input, first: 20) {
      matches {
        totalCount
        edges {
          node {
            supplier {
              id
              name
            }
            product {
              id
              name
            }
            labels {
              id
            }
            distanceKm
            intermediaries
            circuitCourt
            path {
              kind
              actor {
                id
              }
              role
              distanceKm
            }
          }
        }
      }
    }
  }
`;

async function headlineInput(db: Database) {
  const [kitchen] = await db.read<{ id: string }>(FIND_KITCHEN);
  return kitchen
    ? { productName: 'farine', organic: true, buyerId: kitchen.id }
    : { productName: 'farine', organic: true, place: { communeInsee: '26362' } };
}

// W2: an upstream trace of depth 5, from the buyer of the deepest provenance chain.
const DEEPEST_CHAIN = /* cypher */ `
  MATCH path = (l:SupplyLink)-[:SOURCED_FROM*0..4]->(:SupplyLink)
  WITH l, length(path) AS depth ORDER BY depth DESC, l.id LIMIT 1
  MATCH (l)-[:TO]->(buyer:Actor), (l)-[:OF_PRODUCT]->(p:Product)
  RETURN buyer.id AS actorId, p.id AS productId`;
const UPSTREAM = /* GraphQL */ `
  query Upstream($actorId: String!, $productId: String!) {
    upstream(actorId: $actorId, productId: $productId, maxDepth: 5) {
      truncated
      nodes {
        depth
        actor {
          id
          name
        }
      }
      edges {
        depth
        supplierId
        buyerId
        link {
          id
        }
        product {
          id
        }
      }
    }
  }
`;
/** The links of the buyer's purchases of the product (or a narrower one) and their provenance, 5 links deep. */
const RAW_UPSTREAM = /* cypher */ `
  MATCH (:Actor {id: $actorId})<-[:TO]-(l:SupplyLink)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(:Product {id: $productId})
  MATCH (l)-[:SOURCED_FROM*0..4]->(s:SupplyLink)
  RETURN collect(DISTINCT s.id) AS links`;

// W3: the page of 50 actors with commune, offers (product, labels), suppliers.
const PAGE_OF_50 = /* GraphQL */ `
  query PageOf50 {
    actors(first: 50) {
      nodes {
        id
        name
        roles
        commune {
          insee
          name
        }
        offers {
          id
          product {
            id
            name
          }
          labels {
            id
            name
          }
        }
        suppliers {
          actor {
            id
            name
          }
        }
      }
    }
  }
`;
const PEER_PAGE_OF_50 = /* GraphQL */ `
  query PageOf50 {
    actors(limit: 50, sort: [{ name: ASC }, { id: ASC }]) {
      id
      name
      commune {
        insee
        name
      }
      offers {
        id
        product {
          id
          name
        }
        labels {
          id
          name
        }
      }
      purchases {
        supplier {
          id
          name
        }
      }
    }
  }
`;
const RAW_PAGE_OF_50 = /* cypher */ `
  MATCH (a:Actor) USING INDEX a:Actor(name) WHERE a.name >= ''
  WITH a ORDER BY a.name, a.id LIMIT 50
  MATCH (a)-[:LOCATED_IN]->(c:Commune)
  CALL (a) {
    OPTIONAL MATCH (a)-[:OFFERS]->(o:Offer)-[:OF_PRODUCT]->(p:Product)
    RETURN collect({id: o.id, product: {id: p.id, name: p.name},
                    labels: [(o)-[:CERTIFIED]->(lb:Label) | {id: lb.id, name: lb.name}]}) AS offers
  }
  CALL (a) {
    OPTIONAL MATCH (s:Actor)-[:SUPPLIES]->(:SupplyLink)-[:TO]->(a)
    RETURN collect(DISTINCT {id: s.id, name: s.name}) AS suppliers
  }
  RETURN a.id AS id, a.name AS name, {insee: c.insee, name: c.name} AS commune, offers, suppliers`;

interface PageActor {
  id: string;
  commune: { insee: string };
  offers: { id: string; product: { id: string }; labels: { id: string }[] }[];
}
/** The peer lists every relationship, even a to-one. */
interface PeerPageActor {
  id: string;
  commune: { insee: string }[];
  offers: { id: string; product: { id: string }[]; labels: { id: string }[] }[];
  purchases: { supplier: { id: string }[] }[];
}

function normalisePage(actors: (PageActor & { suppliers: string[] })[]) {
  return actors.map((a) => ({
    id: a.id,
    commune: a.commune.insee,
    offers: a.offers
      .filter((o) => o.id)
      .map((o) => `${o.id}:${o.product.id}:${sortedIds(o.labels.map((l) => l.id)).join('+')}`)
      .sort(),
    suppliers: sortedIds(a.suppliers),
  }));
}

// W4: full-text search "farine" among actors.
const SEARCH = /* GraphQL */ `
  query Search($text: String!) {
    search(text: $text, kinds: [ACTOR], first: 20) {
      id
      name
      score
    }
  }
`;
const PEER_SEARCH = /* GraphQL */ `
  query Search($phrase: String!) {
    actorsByName(phrase: $phrase, first: 20) {
      edges {
        score
        node {
          id
          name
        }
      }
    }
  }
`;
const RAW_SEARCH = /* cypher */ `
  CALL db.index.fulltext.queryNodes('name_fulltext', $phrase) YIELD node, score
  WHERE node:Actor
  RETURN node.id AS id, node.name AS name, score
  LIMIT 20`;

// W5: a page of 20 deep in the list, with totalCount.
const NTH_ACTOR = /* cypher */ `
  MATCH (a:Actor) RETURN a.name AS name, a.id AS id ORDER BY a.name, a.id SKIP $skip LIMIT 1`;
const COUNT_ACTORS_ALL = /* cypher */ `MATCH (a:Actor) RETURN count(a) AS total`;
const DEEP_PAGE = /* GraphQL */ `
  query DeepPage($after: String) {
    actors(first: 20, after: $after) {
      totalCount
      nodes {
        id
        name
      }
    }
  }
`;
const PEER_DEEP_PAGE = /* GraphQL */ `
  query DeepPage($offset: Int) {
    actors(offset: $offset, limit: 20, sort: [{ name: ASC }, { id: ASC }]) {
      id
      name
    }
    actorsConnection {
      totalCount
    }
  }
`;
const RAW_DEEP_PAGE = /* cypher */ `
  CALL () {
    MATCH (a:Actor) USING INDEX a:Actor(name)
    WHERE a.name >= $afterName AND NOT (a.name = $afterName AND a.id <= $afterId)
    RETURN a ORDER BY a.name, a.id LIMIT 20
  }
  WITH collect(a.id) AS ids
  CALL () { MATCH (x:Actor) RETURN count(x) AS total }
  RETURN ids, total`;

async function workloads(db: Database, schemaHas: (field: string) => boolean): Promise<Workload[]> {
  const list: Workload[] = [];
  const headline = await headlineInput(db);
  list.push({
    id: 'W1',
    title: `headline suppliers (organic flour → ${'buyerId' in headline ? headline.buyerId : 'Valence 26362'})`,
    ways: { maillon: { query: HEADLINE, variables: { input: headline }, normalise: (d) => d } },
    absent: { raw: 'the reasoning statement is the floor (changed in another part of issue 13)', peer: 'cannot express it' },
  });

  const [chain] = await db.read<{ actorId: string; productId: string }>(DEEPEST_CHAIN);
  if (chain) {
    list.push({
      id: 'W2',
      title: `upstream trace, depth 5 (${chain.actorId}, ${chain.productId})`,
      ways: {
        raw: { query: RAW_UPSTREAM, variables: chain, normalise: (rows) => sortedIds((rows as { links: string[] }[])[0].links) },
        maillon: {
          query: UPSTREAM,
          variables: chain,
          normalise: (d) => sortedIds((d as { upstream: { edges: { link: { id: string } }[] } }).upstream.edges.map((e) => e.link.id)),
        },
      },
      absent: { peer: 'cannot express a variable-length trace without @cypher' },
    });
  }

  list.push({
    id: 'W3',
    title: 'page of 50 actors with commune, offers (product, labels), suppliers',
    ways: {
      raw: {
        query: RAW_PAGE_OF_50,
        normalise: (rows) =>
          normalisePage(
            (rows as (PageActor & { suppliers: { id: string | null }[] })[]).map((r) => ({
              ...r,
              suppliers: r.suppliers.map((s) => s.id).filter((id): id is string => id !== null),
            })),
          ),
      },
      maillon: {
        query: PAGE_OF_50,
        normalise: (d) =>
          normalisePage(
            (d as { actors: { nodes: (PageActor & { suppliers: { actor: { id: string } }[] })[] } }).actors.nodes.map((a) => ({
              ...a,
              suppliers: a.suppliers.map((s) => s.actor.id),
            })),
          ),
      },
      peer: {
        query: PEER_PAGE_OF_50,
        normalise: (d) =>
          normalisePage(
            (d as { actors: PeerPageActor[] }).actors.map((a) => ({
              id: a.id,
              commune: a.commune[0],
              offers: a.offers.map((o) => ({ ...o, product: o.product[0] })),
              suppliers: a.purchases.flatMap((p) => p.supplier.map((s) => s.id)),
            })),
          ),
      },
    },
  });

  const phrase = 'farine';
  list.push({
    id: 'W4',
    title: `full-text search "${phrase}" (actors)`,
    ways: {
      raw: { query: RAW_SEARCH, variables: { phrase }, normalise: (rows) => sortedIds((rows as { id: string }[]).map((r) => r.id)) },
      maillon: {
        query: SEARCH,
        variables: { text: phrase },
        normalise: (d) => sortedIds((d as { search: { id: string }[] }).search.map((r) => r.id)),
      },
      peer: {
        query: PEER_SEARCH,
        variables: { phrase },
        normalise: (d) =>
          sortedIds((d as { actorsByName: { edges: { node: { id: string } }[] } }).actorsByName.edges.map((e) => e.node.id)),
      },
    },
  });

  const [{ total }] = await db.read<{ total: number }>(COUNT_ACTORS_ALL);
  for (const offset of [400, 10_000, 20_000].filter((o) => o + 20 <= total)) {
    const [last] = await db.read<{ name: string; id: string }>(NTH_ACTOR, { skip: int(offset - 1) });
    const after = encodeCursor({ order: 'name', key: [last.name, last.id] });
    list.push({
      id: 'W5',
      title: `page of 20 after ${offset} actors, with totalCount`,
      ways: {
        raw: {
          query: RAW_DEEP_PAGE,
          variables: { afterName: last.name, afterId: last.id },
          normalise: (rows) => (rows as { ids: string[]; total: number }[]).map((r) => ({ ids: r.ids, total: r.total }))[0],
        },
        maillon: {
          query: DEEP_PAGE,
          variables: { after },
          normalise: (d) => {
            const { actors } = d as { actors: { totalCount: number; nodes: { id: string }[] } };
            return { ids: actors.nodes.map((n) => n.id), total: actors.totalCount };
          },
        },
        peer: {
          query: PEER_DEEP_PAGE,
          variables: { offset },
          normalise: (d) => {
            const { actors, actorsConnection } = d as { actors: { id: string }[]; actorsConnection: { totalCount: number } };
            return { ids: actors.map((a) => a.id), total: actorsConnection.totalCount };
          },
        },
      },
      absent: {},
    });
  }

  if (!schemaHas('territoryReport')) log('W6 territory report: not built yet (no Query.territoryReport in the schema); skipped');
  else {
    // The whole report as a front-end asks it, for the EPCI of the issue and for the department
    // (issue 12: the department's territoryReport under 500 ms; the files are bench:reports').
    const territories = [
      ['EPCI Valence Romans Agglo (200068781)', { epciSiren: '200068781' }],
      ['department 26', { departmentCode: '26' }],
    ] as const;
    for (const [label, territory] of territories) {
      list.push({
        id: 'W6',
        title: `territory report, ${label}`,
        ways: {
          maillon: {
            query: TERRITORY_REPORT,
            variables: { territory },
            normalise: (d) => (d as { territoryReport: { hasData: boolean } }).territoryReport.hasData,
          },
        },
        absent: { raw: 'no single statement: a dozen statements and figures computed in Node', peer: 'cannot express it' },
      });
    }
  }
  return list;
}

/** One answer of a variant, for the equality check. */
/** The floor: one statement through the bare driver, rows as plain objects. */
async function runRaw(bench: Bench, way: Way): Promise<Record<string, unknown>[]> {
  const { records } = await bench.raw.executeQuery(way.query, way.variables ?? {}, { routing: neo4j.routing.READ });
  return records.map((r) => r.toObject());
}

/** The floor over HTTP: the endpoint runs the workload's registered statement and answers its rows. */
async function postRaw(url: string, statement: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ statement }),
  });
  const body = (await response.json()) as { data?: unknown; error?: string };
  if (!response.ok || !body.data) throw new GraphQLFailure(body.error ?? `HTTP ${response.status}`);
  return body.data;
}

async function answer(bench: Bench, key: string, variant: Variant, way: Way): Promise<unknown> {
  if (variant === 'raw') return way.normalise(await runRaw(bench, way));
  if (variant === 'raw-http') return way.normalise(await postRaw(bench.rawHttpUrl, key));
  return way.normalise(await post(variant === 'maillon' ? bench.maillonUrl : bench.peerUrl, way.query, way.variables));
}

/** What autocannon sends, and where, for an HTTP variant. */
function httpLoad(bench: Bench, key: string, variant: Exclude<Variant, 'raw'>, way: Way): { url: string; body: string } {
  if (variant === 'raw-http') return { url: bench.rawHttpUrl, body: JSON.stringify({ statement: key }) };
  return {
    url: variant === 'maillon' ? bench.maillonUrl : bench.peerUrl,
    body: JSON.stringify({ query: way.query, variables: way.variables ?? {} }),
  };
}

/**
 * A Maillon measurement under the CPU profiler (`--cpu-prof <dir>`): the server runs in this
 * process and autocannon in a child, so the profile is the server's work (and the idle bench).
 */
async function profiledMeasure(workload: Workload, connections: number, run: () => Promise<Timing>): Promise<Timing> {
  const file = path.resolve(options.cpuProf!, `${workload.id}-c${connections}.cpuprofile`);
  const { result, summary } = await profiled(file, run);
  log(`${workload.id} ${workload.title}, Maillon, ${connections} client(s), ${result.requests} requests: CPU profile ${file}`);
  for (const line of summary) log(`  ${line}`);
  return result;
}

async function measure(bench: Bench, workload: Workload, variant: Variant, way: Way, connections: number, seconds: number): Promise<Row> {
  const before = sample(bench.neo4jPid);
  const load = variant === 'raw' ? null : httpLoad(bench, `${workload.id} ${workload.title}`, variant, way);
  const run = () =>
    load ? autocannon(load.url, load.body, connections, seconds) : driverLoop(() => runRaw(bench, way), connections, seconds);
  const timing = options.cpuProf && variant === 'maillon' ? await profiledMeasure(workload, connections, run) : await run();
  const after = sample(bench.neo4jPid);
  const per = (a: number | null, b: number | null) => (a !== null && b !== null && timing.requests > 0 ? (b - a) / timing.requests : null);
  return {
    workload: `${workload.id} ${workload.title}`,
    variant,
    connections,
    ...timing,
    roundTripsPerRequest: timing.requests > 0 ? (after.trips - before.trips) / timing.requests : null,
    nodeCpuMsPerRequest: per(before.cpuSelf, after.cpuSelf),
    neo4jCpuMsPerRequest: per(before.cpuNeo4j, after.cpuNeo4j),
    nodeRssMiB: rssMiB('self'),
    neo4jRssMiB: bench.neo4jPid ? rssMiB(bench.neo4jPid) : null,
  };
}

// W7: import of supply links through Maillon's import (validation, then batched writes), rows/s,
// against its floor: the same links written by hand-written Cypher through the driver, unchecked.
const IMPORT_ENDPOINTS = /* cypher */ `
  MATCH (a:Actor) WITH a ORDER BY a.id LIMIT 2000 RETURN collect(a.id) AS actors`;
const IMPORT_PRODUCTS = /* cypher */ `MATCH (p:Product) RETURN collect(p.id)[..50] AS products`;
const DELETE_IMPORTED = /* cypher */ `
  MATCH (l:SupplyLink) WHERE l.id STARTS WITH 'bench-import-'
  WITH l LIMIT 20000 DETACH DELETE l RETURN count(*) AS deleted`;

/**
 * The floor: what a script writing the links without any check would run, with the same nodes,
 * relationships and properties as Maillon's (the productId search key included). Params: $links [{id, supplierId, buyerId, productId, volume, unit}]. */
const RAW_IMPORT = /* cypher */ `
  UNWIND $links AS row
  MATCH (s:Actor {id: row.supplierId})
  MATCH (b:Actor {id: row.buyerId})
  MATCH (p:Product {id: row.productId})
  CREATE (s)-[:SUPPLIES]->(l:SupplyLink {id: row.id, productId: row.productId, volume: row.volume, unit: row.unit})-[:TO]->(b),
         (l)-[:OF_PRODUCT]->(p)`;
const RAW_IMPORT_BATCH = 10_000;

interface ImportLink {
  id: string;
  supplierId: string;
  buyerId: string;
  productId: string;
  volume: number;
  unit: string;
}

async function deleteImported(db: Database): Promise<number> {
  let deleted = 0;
  for (;;) {
    const [{ deleted: n }] = await db.write<{ deleted: number }>(DELETE_IMPORTED);
    deleted += n;
    if (n === 0) return deleted;
  }
}

/** Seconds, and Node and Neo4j CPU milliseconds, of `work`. */
async function timed<R>(
  bench: Bench,
  work: () => Promise<R>,
): Promise<{ result: R; seconds: number; nodeCpuMs: number | null; neo4jCpuMs: number | null }> {
  const before = sample(bench.neo4jPid);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const after = sample(bench.neo4jPid);
  const delta = (a: number | null, b: number | null) => (a !== null && b !== null ? b - a : null);
  return { result, seconds, nodeCpuMs: delta(before.cpuSelf, after.cpuSelf), neo4jCpuMs: delta(before.cpuNeo4j, after.cpuNeo4j) };
}

async function rawImport(driver: Driver, links: ImportLink[]): Promise<void> {
  const session = driver.session();
  const tx = session.beginTransaction({ timeout: BULK_TIMEOUT_MS });
  try {
    for (let i = 0; i < links.length; i += RAW_IMPORT_BATCH) await tx.run(RAW_IMPORT, { links: links.slice(i, i + RAW_IMPORT_BATCH) });
    await tx.commit();
  } finally {
    await session.close();
  }
}

async function importWorkload(bench: Bench, rows: number): Promise<Record<string, unknown>> {
  const { db } = bench;
  const [{ actors }] = await db.read<{ actors: string[] }>(IMPORT_ENDPOINTS);
  const [{ products }] = await db.read<{ products: string[] }>(IMPORT_PRODUCTS);
  const links: ImportLink[] = [];
  for (let i = 0; i < rows; i += 1) {
    const supplierId = actors[i % actors.length];
    const buyer = actors[(i * 7 + 1) % actors.length];
    const buyerId = buyer === supplierId ? actors[(i + 1) % actors.length] : buyer;
    links.push({
      id: `bench-import-${i}`,
      supplierId,
      buyerId,
      productId: products[i % products.length],
      volume: 100 + (i % 900),
      unit: 'KG',
    });
  }
  const header = 'id,supplierId,buyerId,productId,labelIds,volume,unit,valueEur,since,frequency,sourcedFromIds';
  const content = [header, ...links.map((l) => `${l.id},${l.supplierId},${l.buyerId},${l.productId},,${l.volume},${l.unit},,,,`)].join(
    '\n',
  );
  await deleteImported(db);
  const maillon = await timed(bench, () =>
    importContent(db, content, {
      format: 'csv',
      kind: undefined,
      author: cliAuthor(),
      limits: { maxBytes: 100_000_000, maxRows: rows, maxIssues: 5 },
    }),
  );
  const report = maillon.result;
  const deletedAfter = await deleteImported(db);
  const raw = await timed(bench, () => rawImport(bench.raw, links));
  await deleteImported(db);
  const figures = (t: { seconds: number; nodeCpuMs: number | null; neo4jCpuMs: number | null }) => ({
    seconds: t.seconds,
    rowsPerSecond: rows / t.seconds,
    nodeCpuMs: t.nodeCpuMs,
    neo4jCpuMs: t.neo4jCpuMs,
  });
  return {
    rows,
    accepted: report.accepted,
    issues: report.issues.slice(0, 3).map((i) => `${i.line} [${i.column}] ${i.reason}`),
    ...figures(maillon),
    rowsPerSecond: report.accepted ? rows / maillon.seconds : null,
    raw: figures(raw),
    deletedAfter,
  };
}

// ---------------------------------------------------------------------------------------------
// Cold start: the first headline question with Neo4j's plan cache empty

async function coldHeadline(
  bench: Bench,
  target: Neo4jTarget,
  restart: boolean,
  input: Record<string, unknown>,
): Promise<Record<string, number | null>> {
  await bench.db.write('CALL db.clearQueryCaches()');
  let started = performance.now();
  await post(bench.maillonUrl, HEADLINE, { input });
  const afterClearMs = performance.now() - started;
  let afterRestartMs: number | null = null;
  if (restart && target.instance) {
    neo4jScript(target, 'stop');
    neo4jScript(target, 'start');
    bench.neo4jPid = neo4jPid(target);
    started = performance.now();
    for (let tries = 0; ; tries += 1) {
      try {
        await post(bench.maillonUrl, HEADLINE, { input });
        break;
      } catch (error) {
        // Until the driver reconnects, Maillon answers DATABASE_UNAVAILABLE: retried for at most a minute.
        if (tries > 600) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    afterRestartMs = performance.now() - started;
  }
  return { afterClearQueryCachesMs: afterClearMs, afterRestartMs };
}

// ---------------------------------------------------------------------------------------------

/**
 * Milliseconds this process takes for a fixed integer loop: how fast the machine's CPU runs right
 * now. On a shared VM it drifts by a third from one minute to the next, and every latency with it;
 * printed before and after the measurements so that runs compare.
 */
function cpuYardstickMs(): number {
  const started = performance.now();
  let sum = 0;
  for (let i = 0; i < 300_000_000; i += 1) sum += i % 7;
  if (sum < 0) throw new Error('unreachable: keeps the loop from being optimised away');
  return performance.now() - started;
}

const fmt = (v: number | null, digits = 1) => (v === null || Number.isNaN(v) ? '–' : v.toFixed(digits));

function table(rows: Row[]): string {
  const head =
    '| workload | way | c | p50 ms | p99 ms | req/s | Cypher trips/req | Node CPU ms/req | Neo4j CPU ms/req | Node RSS MiB | Neo4j RSS MiB | errors |';
  const rule = '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  return [
    head,
    rule,
    ...rows.map(
      (r) =>
        `| ${r.workload} | ${r.variant} | ${r.connections} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.rps, 0)} | ${fmt(r.roundTripsPerRequest, 2)} | ${fmt(r.nodeCpuMsPerRequest, 2)} | ${fmt(r.neo4jCpuMsPerRequest, 2)} | ${fmt(r.nodeRssMiB, 0)} | ${fmt(r.neo4jRssMiB, 0)} | ${r.errors} |`,
    ),
  ].join('\n');
}

function ratios(rows: Row[]): string[] {
  const lines: string[] = [];
  const find = (w: string, v: Variant, c: number) => rows.find((r) => r.workload === w && r.variant === v && r.connections === c);
  for (const w of [...new Set(rows.map((r) => r.workload))]) {
    for (const c of [...new Set(rows.map((r) => r.connections))]) {
      const m = find(w, 'maillon', c);
      if (!m) continue;
      for (const peer of ['raw', 'raw-http', 'peer'] as const) {
        const p = find(w, peer, c);
        if (p) lines.push(`- ${w}, c=${c}: Maillon/${peer} p50 ×${fmt(m.p50 / p.p50, 2)}, req/s ×${fmt(m.rps / p.rps, 2)}`);
      }
    }
  }
  return lines;
}

async function main(): Promise<number> {
  const target = neo4jTarget(options.dataset);
  neo4jScript(target, 'start');
  countRoundTrips();
  const logger = pino({ level: 'warn' });
  const config = loadConfig({ ...target.env, NEO4J_URI: target.uri, NEO4J_QUERY_TIMEOUT_MS: String(BULK_TIMEOUT_MS) });
  const db = Database.connect(config.neo4j, logger);
  db.markWarm();
  const peerDriver = neo4j.driver(target.uri, neo4j.auth.basic(config.neo4j.user, config.neo4j.password));
  const rawDriver = neo4j.driver(target.uri, neo4j.auth.basic(config.neo4j.user, config.neo4j.password), { disableLosslessIntegers: true });
  const cpus = os.cpus();
  const machine = `${cpus[0]?.model ?? 'unknown CPU'} x ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
  log(`machine: ${machine}`);
  try {
    await migrate(db, SCHEMA_STATEMENTS, logger, BACKFILLS);
    await ensureDataset(db, target, options.dataset);
    const [size] = await db.read<{ actors: number; links: number }>(
      'CALL () { MATCH (a:Actor) RETURN count(a) AS actors } CALL () { MATCH (l:SupplyLink) RETURN count(l) AS links } RETURN actors, links',
    );
    log(
      `neo4j: ${await db.serverAgent()} at ${target.uri}${target.instance ? ` (instance ${target.instance})` : ''}; graph: ${size.actors} actors, ${size.links} supply links`,
    );

    const schema = await buildMaillonSchema();
    const limits = { ...DEFAULT_LIMITS, rateLimit: { ...DEFAULT_LIMITS.rateLimit, anonymousMax: 0, authenticatedMax: 0 } };
    const maillon = await startServer({ schema, db, logger, limits, port: 0, host: '127.0.0.1' });
    const peer = await startPeer(peerDriver);
    const rawStatements = new Map<string, RawStatement>();
    const rawHttp = await startRawHttp(rawDriver, rawStatements);
    const bench: Bench = {
      db,
      raw: rawDriver,
      maillonUrl: maillon.url,
      peerUrl: peer.url,
      rawHttpUrl: rawHttp.url,
      rawStatements,
      neo4jPid: neo4jPid(target),
    };
    const rows: Row[] = [];
    const yardstick = { before: cpuYardstickMs(), after: NaN };
    const checks: Record<string, string> = {};
    let cold: Record<string, number | null> | null = null;
    let imported: Record<string, unknown> | null = null;
    try {
      const all = await workloads(db, (field) => schema.getQueryType()?.getFields()[field] !== undefined);
      for (const w of all.filter((x) => options.workloads.has(x.id))) {
        const key = `${w.id} ${w.title}`;
        for (const [variant, why] of Object.entries(w.absent ?? {})) log(`${key}: no ${variant} (${why})`);
        const answers = new Map<Variant, string>();
        // The floor twice: through the driver, and behind the bare HTTP endpoint.
        if (w.ways.raw) {
          w.ways['raw-http'] = w.ways.raw;
          bench.rawStatements.set(key, { query: w.ways.raw.query, variables: w.ways.raw.variables });
        }
        for (const [variant, way] of Object.entries(w.ways) as [Variant, Way][]) {
          try {
            answers.set(variant, JSON.stringify(await answer(bench, key, variant, way)));
          } catch (error) {
            log(`${key}: ${variant} failed before timing: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        const reference = answers.get('raw') ?? answers.get('maillon');
        const agreeing = [...answers.entries()].filter(([, a]) => a === reference).map(([v]) => v);
        const disagreeing = [...answers.keys()].filter((v) => !agreeing.includes(v));
        checks[key] = disagreeing.length
          ? `DIFFERENT: ${disagreeing.join(', ')} differ from ${agreeing.join(', ')}`
          : `equal (${agreeing.join(', ')})`;
        log(`${key}: answers ${checks[key]}`);
        for (const variant of agreeing) {
          for (const c of options.connections) rows.push(await measure(bench, w, variant, w.ways[variant]!, c, options.duration));
        }
      }
      if (options.workloads.has('W1')) cold = await coldHeadline(bench, target, options.restart, await headlineInput(db));
      if (options.workloads.has('W7')) imported = await importWorkload(bench, options.importRows);
    } finally {
      await rawHttp.stop();
      await peer.stop();
      await maillon.stop();
    }
    yardstick.after = cpuYardstickMs();

    log('');
    log(table(rows));
    if (rows.some((r) => r.requests === 0)) log('("–" in p50: no request finished within --duration; raise it)');
    log('');
    for (const line of ratios(rows)) log(line);
    if (cold)
      log(
        `- cold first headline question: ${fmt(cold.afterClearQueryCachesMs)} ms after db.clearQueryCaches(); ${cold.afterRestartMs === null ? 'no restart (--restart)' : `${fmt(cold.afterRestartMs)} ms after a Neo4j restart`}`,
      );
    log(`- CPU yardstick (300M-step loop, lower is faster): ${fmt(yardstick.before, 0)} ms before, ${fmt(yardstick.after, 0)} ms after`);
    if (imported) {
      const raw = imported.raw as { rowsPerSecond: number; seconds: number; nodeCpuMs: number | null; neo4jCpuMs: number | null };
      const cpu = (node: unknown, neo: unknown) =>
        `Node CPU ${fmt(node as number | null, 0)} ms, Neo4j CPU ${fmt(neo as number | null, 0)} ms`;
      log(
        `- W7 import of ${imported.rows} supply links: ${imported.accepted ? `${fmt(imported.rowsPerSecond as number, 0)} rows/s (${fmt(imported.seconds as number, 1)} s; ${cpu(imported.nodeCpuMs, imported.neo4jCpuMs)})` : `rejected: ${(imported.issues as string[]).join('; ')}`}`,
      );
      log(
        `- W7 raw floor (hand-written CREATE, ${RAW_IMPORT_BATCH} rows per statement, one transaction, no validation): ${fmt(raw.rowsPerSecond, 0)} rows/s (${fmt(raw.seconds, 1)} s; ${cpu(raw.nodeCpuMs, raw.neo4jCpuMs)}); Maillon/raw rows/s ×${fmt((imported.rowsPerSecond as number) / raw.rowsPerSecond, 2)}`,
      );
    }

    const file =
      options.json ?? path.join(ROOT, 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}-${options.dataset}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          machine,
          dataset: options.dataset,
          graph: size,
          duration: options.duration,
          yardstick,
          checks,
          rows,
          cold,
          imported,
        },
        null,
        2,
      ),
    );
    log(`results: ${path.relative(process.cwd(), file)}`);
    return Object.values(checks).some((c) => c.startsWith('DIFFERENT')) ? 1 : 0;
  } finally {
    await peerDriver.close();
    await rawDriver.close();
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`bench: ${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
