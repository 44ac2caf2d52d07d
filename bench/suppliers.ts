/**
 * `npm run bench [-- --url http://127.0.0.1:4000/graphql] [--runs 200] [--warmup 20] [--max-seconds 120]`
 *
 * Times the headline question over HTTP: "who can supply organic flour to the collective kitchen in
 * Valence". Without --url it starts the API in-process on a free loopback port against the
 * configured Neo4j (NEO4J_URI, or the project's own server), which must already hold a graph (`npm
 * run seed`, or `npm run generate -- --actors 100000`). The buyer is the Valence Romans Agglo
 * central kitchen, found by name and role; without it, the place Valence (26362). Requests go one
 * at a time, after a warm-up, within a bounded count and time, to loopback addresses only. Prints
 * the machine, the graph, p50/p95/p99/max in ms, the match count and a CPU yardstick.
 */
// First: the server's modules declare type-graphql classes, which need the metadata polyfill loaded.
import 'reflect-metadata';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { integerOption, parseCommandLine, readCommandLine, runCli, UsageError } from '../scripts/cli';
import type { Database } from '../src/db';
import { buildMaillonSchema } from '../src/schema';
import { startServer } from '../src/server';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const MAX_RUNS = 10_000;
const MAX_WARMUP = 1_000;

/** Counts what the graph holds, for the report. Returns one row: actors, offers, supplyLinks. */
const GRAPH_SIZE = /* cypher */ `
  CALL { MATCH (a:Actor) RETURN count(a) AS actors }
  CALL { MATCH (o:Offer) RETURN count(o) AS offers }
  CALL { MATCH (l:SupplyLink) RETURN count(l) AS supplyLinks }
  RETURN actors, offers, supplyLinks`;

const FIND_KITCHEN = /* GraphQL */ `
  query Kitchen {
    actors(filter: { roles: [CENTRAL_KITCHEN], communeInsee: "26362", text: "Valence Romans Agglo" }, first: 1) {
      nodes {
        id
        name
      }
    }
  }
`;

const HEADLINE = /* GraphQL */ `
  query Headline($input: SupplierSearchInput!) {
    suppliers(input: $input, first: 20) {
      local {
        description
      }
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
            capacity
            capacityUnit
            months
            clubMember
            path {
              kind
              actor {
                id
                name
              }
              role
              product {
                id
              }
              distanceKm
            }
          }
        }
      }
    }
  }
`;

type GraphQLResponse<T> = { data?: T; errors?: { message: string }[] };

async function post<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  if (body.errors?.length || !body.data)
    throw new Error(`GraphQL error: ${body.errors?.map((e) => e.message).join('; ') ?? response.status}`);
  return body.data;
}

/**
 * Milliseconds this process takes for a fixed integer loop: a yardstick of how fast the machine's
 * CPU runs right now. On a shared VM it drifts by a third from one minute to the next, and the
 * question's latency with it; printed before and after the timed requests so that runs compare.
 */
function cpuYardstickMs(): number {
  const started = performance.now();
  let sum = 0;
  for (let i = 0; i < 300_000_000; i += 1) sum += i % 7;
  if (sum < 0) throw new Error('unreachable: keeps the loop from being optimised away');
  return performance.now() - started;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const USAGE =
  'usage: npm run bench -- [--url http://127.0.0.1:<port>/graphql] [--runs 1..10000] [--warmup 0..1000] [--max-seconds 1..3600]';

/** The host name of a URL, or '' when the text is no URL. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

async function bench(url: string, runs: number, warmup: number, maxSeconds: number, log: (line: string) => void): Promise<void> {
  const kitchen = (await post<{ actors: { nodes: { id: string; name: string }[] } }>(url, FIND_KITCHEN)).actors.nodes[0];
  const input = kitchen
    ? { productName: 'farine', organic: true, buyerId: kitchen.id }
    : { productName: 'farine', organic: true, place: { communeInsee: '26362' } };
  log(
    `question: organic flour for ${kitchen ? `${kitchen.name} (${kitchen.id})` : 'Valence (26362): no Valence Romans Agglo central kitchen in this graph'}`,
  );

  type Headline = { suppliers: { local: { description: string }; matches: { totalCount: number } } };
  const yardstickBefore = cpuYardstickMs();
  const deadline = performance.now() + maxSeconds * 1000;
  let last: Headline | null = null;
  for (let i = 0; i < warmup && performance.now() < deadline; i += 1) last = await post<Headline>(url, HEADLINE, { input });
  const timings: number[] = [];
  while (timings.length < runs && performance.now() < deadline) {
    const started = performance.now();
    last = await post<Headline>(url, HEADLINE, { input });
    timings.push(performance.now() - started);
  }
  if (timings.length === 0) throw new Error('no timed request finished within --max-seconds');
  const sorted = [...timings].sort((a, b) => a - b);
  const ms = (v: number) => v.toFixed(1);
  log(`local: ${last!.suppliers.local.description}; matches: ${last!.suppliers.matches.totalCount}`);
  log(
    `requests: ${timings.length} timed after ${warmup} warm-up${timings.length < runs ? ` (stopped by --max-seconds ${maxSeconds})` : ''}`,
  );
  log(
    `latency ms: p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted[sorted.length - 1])}`,
  );
  log(`cpu yardstick (300M-step loop, lower is faster): ${yardstickBefore.toFixed(0)} ms before, ${cpuYardstickMs().toFixed(0)} ms after`);
}

const { runs, warmup, maxSeconds, given } = readCommandLine('bench', USAGE, (argv) => {
  const { values } = parseCommandLine(argv, {
    options: { url: { type: 'string' }, runs: { type: 'string' }, warmup: { type: 'string' }, 'max-seconds': { type: 'string' } },
  });
  if (values.url !== undefined && !LOOPBACK.has(hostOf(values.url))) {
    throw new UsageError(`--url must point at a loopback address (localhost, 127.0.0.1, ::1); got ${values.url}`);
  }
  return {
    runs: integerOption('runs', values.runs, 200, 1, MAX_RUNS),
    warmup: integerOption('warmup', values.warmup, 20, 0, MAX_WARMUP),
    maxSeconds: integerOption('max-seconds', values['max-seconds'], 120, 1, 3600),
    given: values.url,
  };
});

runCli('bench', async (db: Database, logger: Logger) => {
  const log = (line: string) => process.stdout.write(`${line}\n`);

  const cpus = os.cpus();
  log(
    `machine: ${cpus[0]?.model ?? 'unknown CPU'} x ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`,
  );

  if (given !== undefined) {
    log(`api: ${given}`);
    await bench(given, runs, warmup, maxSeconds, log);
    return 0;
  }

  const [size] = await db.read<{ actors: number; offers: number; supplyLinks: number }>(GRAPH_SIZE);
  log(`database: ${await db.serverAgent()}; graph: ${size.actors} actors, ${size.offers} offers, ${size.supplyLinks} supply links`);
  const quiet = logger.child({}, { level: 'warn' });
  const server = await startServer({ schema: await buildMaillonSchema(), db, logger: quiet, port: 0, host: '127.0.0.1' });
  log(`api: ${server.url} (in-process)`);
  try {
    await bench(server.url, runs, warmup, maxSeconds, log);
  } finally {
    await server.stop();
  }
  return 0;
});
