import type { Database } from '../src/db';
import { buildMaillonSchema } from '../src/schema';
import { startServer, type RunningServer } from '../src/server';
import { connectTestDb, silentLogger } from './helpers/db';
import { getStatus, postGraphQL } from './helpers/http';
import { graphql } from './helpers/graphql';

describe('the HTTP service on the test Neo4j', () => {
  let db: Database;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    db = await connectTestDb();
    server = await startServer({ schema: await buildMaillonSchema(), db, logger: silentLogger, port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${server.port}`;
  });

  afterAll(async () => {
    await server.stop();
    await db.close();
  });

  it('answers /health with 200', async () => {
    expect(await getStatus(`${base}/health`)).toBe(200);
  });

  it('answers /ready with 200 while Neo4j answers', async () => {
    const res = await fetch(`${base}/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('answers a GraphQL query from Neo4j over HTTP', async () => {
    const res = await postGraphQL(
      `${base}/graphql`,
      graphql(`
        query ServiceOverHttp {
          service {
            name
            version
            database
          }
        }
      `),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.service.name).toBe('Maillon');
    expect(res.data?.service.database).toMatch(/^Neo4j Kernel\/5\.26\./);
  });

  it('echoes a given x-request-id and makes one up otherwise', async () => {
    const given = await fetch(`${base}/health`, { headers: { 'x-request-id': 'req-abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('req-abc-123');
    const made = await fetch(`${base}/health`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await postGraphQL(`${base}/graphql`, '{ nope }');
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toContain('nope');
  });
});
