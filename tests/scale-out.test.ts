import { withLuhnCheckDigit } from '../src/records';
import { createApiKey, createAuthenticator } from '../src/auth';
import type { Database } from '../src/db';
import { buildMaillonSchema } from '../src/schema';
import { loadReferenceData } from '../tools/seed';
import { startServer, type RunningServer } from '../src/server';
import { clearGraph, connectTestDb, silentLogger, testConfig } from './helpers/db';
import { postGraphQL } from './helpers/http';
import { graphql, type TypedDocumentNode } from './helpers/graphql';
import { print } from 'graphql';

// Two stateless API instances on one Neo4j, as behind a load balancer (docs/deployment.md): each
// has its own driver and its own authenticator, and nothing but the graph is shared between them;
// an API key created once works on both, since accounts and key hashes live in Neo4j.

const CREATE_ACTOR = graphql(`
  mutation ScaleOutCreateActor($input: CreateActorInput!) {
    createActor(input: $input) {
      id
      name
    }
  }
`);
const UPDATE_ACTOR = graphql(`
  mutation ScaleOutUpdateActor($id: String!, $input: UpdateActorInput!) {
    updateActor(id: $id, input: $input) {
      id
      name
    }
  }
`);
const DELETE_ACTOR = graphql(`
  mutation ScaleOutDeleteActor($id: String!) {
    deleteActor(id: $id) {
      id
    }
  }
`);
const READ_ACTOR = graphql(`
  query ScaleOutReadActor($id: String!) {
    actor(id: $id) {
      id
      name
    }
  }
`);

interface Instance {
  db: Database;
  server: RunningServer;
  url: string;
}

async function startInstance(): Promise<Instance> {
  const db = await connectTestDb();
  const authenticator = createAuthenticator(testConfig(), db, silentLogger);
  const server = await startServer({
    schema: await buildMaillonSchema(),
    db,
    logger: silentLogger,
    port: 0,
    host: '127.0.0.1',
    authenticate: (req) => authenticator.authenticate(req.headers),
  });
  return { db, server, url: `http://127.0.0.1:${server.port}/graphql` };
}

/** Sends a mutation over HTTP to one instance with an editor's API key, as a script of the club would. */
async function mutate<T, V extends Record<string, unknown>>(
  instance: Instance,
  key: string,
  document: TypedDocumentNode<T, V>,
  variables: V,
) {
  const res = await fetch(instance.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

describe('two API instances on one Neo4j', () => {
  let a: Instance;
  let b: Instance;
  let key: string;

  beforeAll(async () => {
    a = await startInstance();
    b = await startInstance();
    await clearGraph(a.db);
    await loadReferenceData(a.db);
    ({ key } = await createApiKey(
      a.db,
      { role: 'editor', name: 'Scale-out test editor' },
      { accountId: 'test-setup', name: 'Test setup', role: 'admin', via: 'cli' },
    ));
  }, 120_000);

  afterAll(async () => {
    for (const { server, db } of [a, b]) {
      await server.stop();
      await db.close();
    }
  });

  it('reads through one instance what was written through the other, at once', async () => {
    // Without the key the write is refused on either instance, and nothing is written.
    const anonymous = await postGraphQL(a.url, CREATE_ACTOR, {
      input: { id: 'act-anon', name: 'X', roles: ['FARM'], siret: withLuhnCheckDigit('9262000000002'), communeInsee: '26362' },
    });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await postGraphQL(b.url, READ_ACTOR, { id: 'act-anon' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const siret = withLuhnCheckDigit('9262000000001');
    const created = await mutate(a, key, CREATE_ACTOR, {
      input: { id: 'act-scale', name: 'Ferme des Deux Instances', roles: ['FARM'], siret, communeInsee: '26362' },
    });
    expect(created.errors).toBeUndefined();

    const readOnB = await postGraphQL(b.url, READ_ACTOR, { id: 'act-scale' });
    expect(readOnB).toEqual({ data: { actor: { id: 'act-scale', name: 'Ferme des Deux Instances' } } });

    const updated = await mutate(b, key, UPDATE_ACTOR, { id: 'act-scale', input: { name: 'Ferme renommée' } });
    expect(updated.errors).toBeUndefined();
    const readOnA = await postGraphQL(a.url, READ_ACTOR, { id: 'act-scale' });
    expect(readOnA.data?.actor.name).toBe('Ferme renommée');

    expect((await mutate(a, key, DELETE_ACTOR, { id: 'act-scale' })).errors).toBeUndefined();
    const gone = await postGraphQL(b.url, READ_ACTOR, { id: 'act-scale' });
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps each instance independent: stopping one leaves the other serving', async () => {
    const extra = await startInstance();
    await extra.server.stop();
    await extra.db.close();
    const res = await postGraphQL(
      b.url,
      graphql(`
        query ServiceOfOtherInstance {
          service {
            name
          }
        }
      `),
    );
    expect(res.data?.service.name).toBe('Maillon');
  });
});
