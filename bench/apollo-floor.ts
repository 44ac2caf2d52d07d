/**
 * `npm run bench:apollo-floor`: what the chosen stack costs per request before any resolver reads
 * Neo4j, measured in one run (docs/benchmarks.md, "The floor of the stack"). Issue 13 asks W2 and
 * W4 within 1.5x of a bare HTTP endpoint running the same Cypher (bench/raw-http.ts); this shows how
 * much of that budget Express 5 + Apollo Server 5 (the stack the brief fixes) take alone:
 *
 *   - `node:http`: a bare endpoint answering a constant JSON body (what raw-http pays, minus Neo4j);
 *   - `apollo`: Express 5 + `@apollo/server` 5 through `@as-integrations/express5`, a one-field schema
 *     (`{ ok }`, a constant resolver), Apollo's defaults (landing page off): parse and validation are
 *     cached by Apollo's document store, as in Maillon;
 *
 * each at 1 and 16 autocannon connections (a child process), `--duration` seconds (1-60, default 5),
 * p50/p99 and req/s. Nothing touches Neo4j. Loopback only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { buildSchema } from 'graphql';
import { integerOption, parseCommandLine, readCommandLine } from '../scripts/cli';
import { autocannon } from './autocannon';

const USAGE = 'usage: npm run bench:apollo-floor -- [--duration 1..60]';

const { seconds: SECONDS } = readCommandLine('bench:apollo-floor', USAGE, (argv) => {
  const { values } = parseCommandLine(argv, { options: { duration: { type: 'string' } } });
  return { seconds: integerOption('duration', values.duration, 5, 1, 60) };
});

async function listen(server: http.Server): Promise<string> {
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function bareHttp(): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const text = JSON.stringify({ data: { ok: true } });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
}

async function apolloHttp(): Promise<{ server: http.Server; apollo: ApolloServer }> {
  const schema = buildSchema('type Query { ok: Boolean }');
  const apollo = new ApolloServer({ schema, rootValue: { ok: () => true }, introspection: false });
  await apollo.start();
  const app = express();
  app.use(express.json());
  app.use('/', expressMiddleware(apollo));
  return { server: http.createServer(app), apollo };
}

async function main(): Promise<void> {
  const bare = bareHttp();
  const { server: apolloServer, apollo } = await apolloHttp();
  const bareUrl = await listen(bare);
  const apolloUrl = await listen(apolloServer);
  const body = JSON.stringify({ query: '{ ok }' });
  console.log(`| way | clients | p50 ms | p99 ms | req/s | errors |\n| --- | ---: | ---: | ---: | ---: | ---: |`);
  for (const connections of [1, 16]) {
    for (const [way, url] of [
      ['node:http', bareUrl],
      ['apollo', apolloUrl],
    ] as const) {
      await autocannon(url, body, connections, SECONDS); // warm-up: V8 optimises the handlers first
      const t = await autocannon(url, body, connections, SECONDS);
      console.log(`| ${way} | ${connections} | ${t.p50} | ${t.p99} | ${Math.round(t.rps)} | ${t.errors} |`);
    }
  }
  bare.closeAllConnections();
  apolloServer.closeAllConnections();
  await Promise.all([new Promise((r) => bare.close(r)), new Promise((r) => apolloServer.close(r)), apollo.stop()]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
