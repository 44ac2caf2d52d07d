import { DEFAULT_LIMITS } from '../src/config';
import { Database } from '../src/db';
import type { RunningServer } from '../src/server';
import { connectTestDb, silentLogger, testConfig } from './helpers/db';
import { leaksNothing, post, read, startTestServer } from './helpers/server';

/** Every answer of the HTTP layer: JSON in the GraphQL error shape, nothing of the server's insides. */
function expectJsonError(
  answer: { status: number; headers: Headers; text: string; json: { errors?: { extensions?: { code?: string } }[] } },
  status: number,
  code: string,
) {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  expect(answer.json.errors?.[0].extensions?.code).toBe(code);
  expect(leaksNothing(answer.text)).toBe(true);
}

describe('the HTTP layer', () => {
  const profiles = ['production', 'development', 'test'];
  let db: Database;
  let server: RunningServer;
  let base: string;
  const nodeEnv = process.env.NODE_ENV;

  beforeAll(async () => {
    db = await connectTestDb();
    ({ server, base } = await startTestServer(db));
  });

  afterAll(async () => {
    process.env.NODE_ENV = nodeEnv;
    await server.stop();
    await db.close();
  });

  describe.each(profiles)('with NODE_ENV=%s', (profile) => {
    beforeAll(() => {
      process.env.NODE_ENV = profile;
    });

    it('answers malformed JSON with a 400 JSON error', async () => {
      expectJsonError(await post(`${base}/graphql`, '{"query": "{ service { name } }",'), 400, 'BAD_REQUEST');
    });

    it('answers a body over the limit with a 413 JSON error', async () => {
      const query = `{ service { name } } # ${'x'.repeat(DEFAULT_LIMITS.bodyLimitBytes)}`;
      expectJsonError(await post(`${base}/graphql`, { query }), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('answers a body that is not UTF-8 with a 400 JSON error', async () => {
      const latin1 = Buffer.from('{"query": "{ actor(id: \\"Drôme\\") { id } }"}', 'latin1');
      expectJsonError(await post(`${base}/graphql`, new Uint8Array(latin1)), 400, 'BAD_REQUEST');
    });

    it('answers an unknown route with a 404 JSON error that does not echo the path', async () => {
      const answer = await read(await fetch(`${base}/no/such/route-abcdef`));
      expectJsonError(answer, 404, 'NOT_FOUND');
      expect(answer.text).not.toContain('route-abcdef');
    });

    it('answers a wrong method with a 405 JSON error and Allow', async () => {
      const put = await read(await fetch(`${base}/graphql`, { method: 'PUT', body: '{}' }));
      expectJsonError(put, 405, 'METHOD_NOT_ALLOWED');
      expect(put.headers.get('allow')).toBe('GET, POST');
      const del = await read(await fetch(`${base}/health`, { method: 'DELETE' }));
      expectJsonError(del, 405, 'METHOD_NOT_ALLOWED');
    });

    it('answers a POST that is not JSON with a 415 JSON error', async () => {
      expectJsonError(await post(`${base}/graphql`, '{ service { name } }', { 'content-type': 'text/plain' }), 415, 'BAD_REQUEST');
    });
  });

  it('gives editors and admins the larger body limit, and nobody else', async () => {
    const query = `{ service { name } } # ${'x'.repeat(DEFAULT_LIMITS.bodyLimitBytes)}`;
    for (const role of ['editor', 'admin']) {
      const answer = await post(`${base}/graphql`, { query }, { 'x-test-role': role });
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ data: { service: { name: 'Maillon' } } });
    }
    expectJsonError(await post(`${base}/graphql`, { query }, { 'x-test-role': 'member' }), 413, 'PAYLOAD_TOO_LARGE');
    const tooLarge = { query: `{ service { name } } # ${'x'.repeat(DEFAULT_LIMITS.importBodyLimitBytes)}` };
    expectJsonError(await post(`${base}/graphql`, tooLarge, { 'x-test-role': 'editor' }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers refused credentials with 401 UNAUTHENTICATED before reading the body', async () => {
    const answer = await post(`${base}/graphql`, '{ not even json', { 'x-test-role': 'bad' });
    expectJsonError(answer, 401, 'UNAUTHENTICATED');
  });

  it("sends helmet's security headers on every route", async () => {
    for (const res of [
      await fetch(`${base}/health`),
      await fetch(`${base}/nope`),
      await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ service { name } }"}',
      }),
    ]) {
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-powered-by')).toBeNull();
      await res.arrayBuffer();
    }
  });

  it('tells caches not to store GraphQL answers (they may hold private fields)', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ service { name } }"}',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    await res.arrayBuffer();
  });

  it('sends no CORS header when no origin is allowed', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.org', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    await res.arrayBuffer();
  });

  it('shows introspection and suggestions by default', async () => {
    const schema = await post(`${base}/graphql`, { query: '{ __schema { queryType { name } } }' });
    expect(schema.json.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typo = await post(`${base}/graphql`, { query: '{ servic { name } }' });
    expect(typo.json.errors?.[0].message).toMatch(/Did you mean/);
  });
});

describe('the HTTP layer with options', () => {
  let db: Database;

  beforeAll(async () => {
    db = await connectTestDb();
  });

  afterAll(async () => {
    await db.close();
  });

  it('hides __schema and "Did you mean" when introspection is off', async () => {
    const { server, base } = await startTestServer(db, { introspection: false });
    try {
      const schema = await post(`${base}/graphql`, { query: '{ __schema { queryType { name } } }' });
      expect(schema.json.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(schema.json.data).toBeUndefined();
      const typo = await post(`${base}/graphql`, { query: '{ servic { name } }' });
      expect(typo.json.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(typo.text).not.toMatch(/Did you mean|"service"/);
      const badEnum = await post(`${base}/graphql`, {
        query: 'query($s: ActorSort) { actors(sort: $s) { totalCount } }',
        variables: { s: 'NAM' },
      });
      expect(badEnum.json.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(badEnum.text).not.toMatch(/Did you mean/);
    } finally {
      await server.stop();
    }
  });

  it('sends CORS headers to allowed origins only', async () => {
    const { server, base } = await startTestServer(db, { corsOrigins: ['https://app.example.org'] });
    try {
      const preflight = await fetch(`${base}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example.org', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
      const allowed = await post(`${base}/graphql`, { query: '{ service { name } }' }, { origin: 'https://app.example.org' });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
      const other = await post(`${base}/graphql`, { query: '{ service { name } }' }, { origin: 'https://evil.example.com' });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.stop();
    }
  });

  it('answers 429 with Retry-After after the allowed requests, per client, and never limits /health', async () => {
    const { server, base } = await startTestServer(db, {
      rateLimit: { windowMs: 60_000, anonymousMax: 3, authenticatedMax: 5, failedAuthMax: 0 },
    });
    try {
      const query = { query: '{ service { name } }' };
      for (let i = 0; i < 3; i += 1) expect((await post(`${base}/graphql`, query)).status).toBe(200);
      const limited = await post(`${base}/graphql`, query);
      expectJsonError(limited, 429, 'RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      // A signed-in client is counted by its own id, with its own allowance.
      for (let i = 0; i < 5; i += 1)
        expect((await post(`${base}/graphql`, query, { 'x-test-role': 'member', 'x-test-user': 'u1' })).status).toBe(200);
      expect((await post(`${base}/graphql`, query, { 'x-test-role': 'member', 'x-test-user': 'u1' })).status).toBe(429);
      expect((await post(`${base}/graphql`, query, { 'x-test-role': 'member', 'x-test-user': 'u2' })).status).toBe(200);
      for (let i = 0; i < 10; i += 1) expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await fetch(`${base}/ready`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('answers 429 to an address after its allowed refused credentials, before checking more of them', async () => {
    const { server, base } = await startTestServer(db, {
      rateLimit: { windowMs: 60_000, anonymousMax: 0, authenticatedMax: 0, failedAuthMax: 3 },
    });
    try {
      const query = { query: '{ service { name } }' };
      // Good credentials and anonymous requests do not count, even in a concurrent burst.
      const burst = await Promise.all(
        Array.from({ length: 20 }, (_, i) => post(`${base}/graphql`, query, i % 2 ? { 'x-test-role': 'editor' } : {})),
      );
      expect(burst.map((answer) => answer.status)).toEqual(Array(20).fill(200));
      for (let i = 0; i < 3; i += 1)
        expectJsonError(await post(`${base}/graphql`, query, { 'x-test-role': 'bad' }), 401, 'UNAUTHENTICATED');
      const limited = await post(`${base}/graphql`, query, { 'x-test-role': 'bad' });
      expectJsonError(limited, 429, 'RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // The address is held off whatever it sends until the window ends.
      expect((await post(`${base}/graphql`, query, { 'x-test-role': 'editor' })).status).toBe(429);
      expect((await fetch(`${base}/health`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('turns a limit of 0 off', async () => {
    const { server, base } = await startTestServer(db, {
      rateLimit: { windowMs: 60_000, anonymousMax: 0, authenticatedMax: 0, failedAuthMax: 0 },
    });
    try {
      for (let i = 0; i < 5; i += 1) {
        const answer = await post(`${base}/graphql`, { query: '{ service { name } }' });
        expect({ status: answer.status, text: answer.text }).toMatchObject({ status: 200 });
      }
    } finally {
      await server.stop();
    }
  });
});

describe('HTTP status of SERVICE_UNAVAILABLE', () => {
  it('is 503 with Retry-After when Neo4j cannot be reached', async () => {
    // Nothing listens on port 1: every statement fails as unavailable.
    const config = testConfig({
      NEO4J_URI: 'bolt://127.0.0.1:1',
      NEO4J_CONNECTION_TIMEOUT_MS: '300',
      NEO4J_RETRY_TIME_MS: '100',
      NEO4J_ACQUISITION_TIMEOUT_MS: '500',
    });
    const down = Database.connect(config.neo4j, silentLogger);
    const { server, base } = await startTestServer(down);
    try {
      const answer = await post(`${base}/graphql`, { query: '{ service { name database } }' });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('2');
      expect(answer.json.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      const fine = await post(`${base}/graphql`, { query: '{ __typename }' });
      expect(fine.status).toBe(200);
    } finally {
      await server.stop();
      await down.close();
    }
  });
});
