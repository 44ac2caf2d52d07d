import { withLuhnCheckDigit } from '../src/actor/siret';
import { createContext, type Viewer } from '../src/context';
import type { Database } from '../src/db';
import { buildMaillonSchema } from '../src/schema';
import { loadReferenceData } from '../src/seed';
import { startServer, type RunningServer } from '../src/server';
import { clearGraph, connectTestDb, silentLogger } from './helpers/db';
import { postGraphQL } from './helpers/http';

// Two stateless API instances on one Neo4j, as behind a load balancer (docs/deployment.md): each
// has its own driver, and nothing but the graph is shared between them.

/** The identity writes are made as; mutations require an editor once access control is in place. */
const EDITOR = { id: 'test-editor', name: 'Test editor', role: 'editor', actorId: null, via: 'api-key' } as unknown as Viewer;

const CREATE_ACTOR = /* GraphQL */ `mutation ($input: CreateActorInput!) { createActor(input: $input) { id name } }`;
const UPDATE_ACTOR = /* GraphQL */ `mutation ($id: String!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id name } }`;
const DELETE_ACTOR = /* GraphQL */ `mutation ($id: String!) { deleteActor(id: $id) { id } }`;
const READ_ACTOR = /* GraphQL */ `query ($id: String!) { actor(id: $id) { id name } }`;

interface Instance {
  db: Database;
  server: RunningServer;
  url: string;
}

async function startInstance(): Promise<Instance> {
  const db = await connectTestDb();
  const server = await startServer({ schema: await buildMaillonSchema(), db, logger: silentLogger, port: 0, host: '127.0.0.1' });
  return { db, server, url: `http://127.0.0.1:${server.port}/graphql` };
}

/** Runs a mutation through one instance's Apollo server, as the given viewer, with that instance's driver. */
async function mutate(instance: Instance, query: string, variables: Record<string, unknown>) {
  const contextValue = createContext({ db: instance.db, logger: silentLogger, requestId: 'scale-out', viewer: EDITOR });
  const response = await instance.server.apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  return response.body.singleResult;
}

describe('two API instances on one Neo4j', () => {
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    a = await startInstance();
    b = await startInstance();
    await clearGraph(a.db);
    await loadReferenceData(a.db);
  }, 120_000);

  afterAll(async () => {
    for (const { server, db } of [a, b]) {
      await server.stop();
      await db.close();
    }
  });

  it('reads through one instance what was written through the other, at once', async () => {
    const siret = withLuhnCheckDigit('9262000000001');
    const created = await mutate(a, CREATE_ACTOR, { input: { id: 'act-scale', name: 'Ferme des Deux Instances', roles: ['FARM'], siret, communeInsee: '26362' } });
    expect(created.errors).toBeUndefined();

    const readOnB = await postGraphQL<{ actor: { id: string; name: string } }>(b.url, READ_ACTOR, { id: 'act-scale' });
    expect(readOnB).toEqual({ data: { actor: { id: 'act-scale', name: 'Ferme des Deux Instances' } } });

    const updated = await mutate(b, UPDATE_ACTOR, { id: 'act-scale', input: { name: 'Ferme renommée' } });
    expect(updated.errors).toBeUndefined();
    const readOnA = await postGraphQL<{ actor: { name: string } }>(a.url, READ_ACTOR, { id: 'act-scale' });
    expect(readOnA.data?.actor.name).toBe('Ferme renommée');

    expect((await mutate(a, DELETE_ACTOR, { id: 'act-scale' })).errors).toBeUndefined();
    const gone = await postGraphQL(b.url, READ_ACTOR, { id: 'act-scale' });
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps each instance independent: stopping one leaves the other serving', async () => {
    const extra = await startInstance();
    await extra.server.stop();
    await extra.db.close();
    const res = await postGraphQL<{ service: { name: string } }>(b.url, '{ service { name } }');
    expect(res.data?.service.name).toBe('Maillon');
  });
});
