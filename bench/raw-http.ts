/**
 * The floor over HTTP: the hand-written Cypher of each workload behind a bare `node:http` endpoint
 * in the bench process, answering JSON rows. It costs what any HTTP API must pay (a socket, a body
 * to parse, JSON to write) and nothing else (no GraphQL, no validation, no loaders), so "Maillon
 * within 1.5x of the raw floor over HTTP" compares like with like. The client names a statement the
 * bench registered (`{"statement": "<workload>"}`); it never sends Cypher. Loopback only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';

export interface RawStatement {
  query: string;
  variables?: Record<string, unknown>;
}

export interface RawHttpServer {
  url: string;
  stop(): Promise<void>;
}

/** Reads a request body (a few bytes here) as a string. */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Starts the endpoint on a free loopback port; `statements` may be filled after it starts. */
export async function startRawHttp(driver: Driver, statements: ReadonlyMap<string, RawStatement>): Promise<RawHttpServer> {
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const { statement } = JSON.parse(await readBody(req)) as { statement?: string };
        const known = statement === undefined ? undefined : statements.get(statement);
        if (!known) return send(res, 404, { error: `unknown statement ${statement}` });
        const { records } = await driver.executeQuery(known.query, known.variables ?? {}, { routing: neo4j.routing.READ });
        send(res, 200, { data: records.map((r) => r.toObject()) });
      } catch (error) {
        send(res, 500, { error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
