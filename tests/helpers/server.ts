import type http from 'node:http';
import type { LimitsConfig } from '../../src/config';
import { DEFAULT_LIMITS } from '../../src/config';
import { ROLES } from '../../src/auth';
import type { Viewer, ViewerRole } from '../../src/context';
import { Database } from '../../src/db';
import { AppError, ErrorCode } from '../../src/errors';
import { buildMaillonSchema } from '../../src/schema';
import { startServer, type RunningServer } from '../../src/server';
import { silentLogger } from './db';

class TestCredentialsRefused extends AppError {
  constructor() {
    super('These credentials are not valid', ErrorCode.UNAUTHENTICATED);
  }
}

/**
 * A stand-in for the real authentication (src/auth, wired by the lead): `x-test-role: editor`
 * makes the caller an editor named after `x-test-user` (default "test-<role>"), `x-test-role: bad`
 * is refused with UNAUTHENTICATED, no header is anonymous. It exercises what depends on the viewer
 * in the HTTP layer: the body limit, the rate-limit key, the 401 answer.
 */
export async function testAuthenticate(req: http.IncomingMessage): Promise<Viewer | null> {
  const role = req.headers['x-test-role'];
  if (typeof role !== 'string') return null;
  if (role === 'bad') throw new TestCredentialsRefused();
  const id = typeof req.headers['x-test-user'] === 'string' ? req.headers['x-test-user'] : `test-${role}`;
  if (!(ROLES as readonly string[]).includes(role)) throw new TestCredentialsRefused();
  return { id, name: id, role: role as ViewerRole, actorId: null, via: 'api-key' };
}

/** Round trips to Neo4j made by the requests a server answered (every request's context counts its own). */
export interface CypherSpy {
  count(): number;
}

/**
 * Starts the real server on port 0 with `limits` over the defaults and the test authentication,
 * and spies on `db.counting()` (which each request's context calls) to sum the Cypher round trips
 * of every request: a refusal before execution leaves the sum unchanged.
 */
export async function startTestServer(
  db: Database,
  limits: Partial<LimitsConfig> = {},
): Promise<{ server: RunningServer; base: string; cypher: CypherSpy }> {
  const views: Database[] = [];
  // The prototype's method, not db.counting: that may already be the spy of an earlier server.
  const counting = () => Database.prototype.counting.call(db);
  jest.spyOn(db, 'counting').mockImplementation(() => {
    const view = counting();
    views.push(view);
    return view;
  });
  const server = await startServer({
    schema: await buildMaillonSchema(),
    db,
    logger: silentLogger,
    port: 0,
    host: '127.0.0.1',
    limits: { ...DEFAULT_LIMITS, ...limits },
    authenticate: testAuthenticate,
  });
  return {
    server,
    base: `http://127.0.0.1:${server.port}`,
    cypher: { count: () => views.reduce((sum, v) => sum + v.queryCount, 0) },
  };
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[] };
}

/** POSTs a body (JSON of a GraphQL request, or raw text/bytes) and reads the whole answer. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const raw = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw });
  return read(res);
}

export async function read(res: Response): Promise<HttpAnswer> {
  const text = await res.text();
  let json: HttpAnswer['json'] = {};
  try {
    json = JSON.parse(text) as HttpAnswer['json'];
  } catch {
    json = {};
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** True when a body shows nothing of the server's insides: no stack frame, no file path. */
export function leaksNothing(text: string): boolean {
  return !/\bat [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+|<html|<pre>/i.test(text);
}
