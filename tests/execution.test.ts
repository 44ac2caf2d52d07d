import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { createContext, type Context, type Viewer } from '../src/context';
import type { Database } from '../src/db';
import { buildMaillonSchema } from '../src/schema';
import { createApollo } from '../src/server';
import { buildDromeSeed, KNOWN_CHAINS, readCommunes, readLabels, readProducts } from '../tools/seed';
import { connectTestDb, silentLogger } from './helpers/db';
import { TEST_EDITOR } from './helpers/graphql';
import { seededGraph } from './helpers/seeded';

/**
 * Compiled execution (graphql-jit, src/http/execution.ts, the default) answers every operation as
 * graphql-js's `execute` does: the same data, the same errors (message, code, path, locations), the
 * same HTTP status. Each operation runs through two Apollo servers built alike but for the
 * executor, on the seeded Drôme graph, with a fresh request context each: the documented operations
 * (schema/operations/), then what an interpreter and a compiler could disagree on: fragments and
 * aliases, @skip and @include, the SearchHit union, null propagation from a failing non-null field,
 * errors a resolver throws, invalid variables, private fields, introspection and refused mutations.
 */

const OPERATIONS_DIR = path.join(__dirname, '..', 'schema', 'operations');
const documented = (file: string) => fs.readFileSync(path.join(OPERATIONS_DIR, file), 'utf8');

const EXAMPLE_ACTORS = fs.readFileSync(path.join(__dirname, '..', 'seeds', 'examples', 'actors.csv'), 'utf8');

const seed = buildDromeSeed(readCommunes(), readProducts(), readLabels());
const headline = KNOWN_CHAINS.find((c) => c.name === 'organic-wheat-to-central-kitchen')!;
const headlineLinks = headline.linkIds.map((id) => seed.supplyLinks.find((l) => l.id === id)!);
const kitchenId = headlineLinks[headlineLinks.length - 1].buyerId;
const memberOfKitchen: Viewer = { id: 'acc-member-kitchen', name: 'Kitchen', role: 'member', actorId: kitchenId, via: 'api-key' };

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  viewer?: Viewer | null;
  /** What the case is there to show, checked on the compiled answer (so that equal answers are not equally empty). */
  shows: (answer: Answer) => void;
}

interface Answer {
  status: number | undefined;
  data: Record<string, unknown> | null | undefined;
  errors: { message: string; path?: unknown; locations?: unknown; extensions?: Record<string, unknown> }[] | undefined;
}

const PAGE_WITH_FRAGMENTS = /* GraphQL */ `
  query Page($first: Int!, $withOffers: Boolean!, $noCommune: Boolean!) {
    actors(first: $first, filter: { roles: [MILL] }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...Row
        mill: name
        commune @skip(if: $noCommune) {
          insee
        }
        offers @include(if: $withOffers) {
          id
          capacity
          months
          product {
            id
            family
          }
          labels {
            id
            name
          }
        }
        suppliers(first: 3) {
          actor {
            id
          }
          links {
            id
            volume
          }
        }
      }
    }
  }
  fragment Row on Actor {
    id
    name
    roles
    location {
      latitude
      longitude
    }
    ... on Actor {
      clubMember
    }
  }
`;

const CASES: Case[] = [
  {
    name: 'the documented headline question (OrganicFlourNearValence)',
    query: documented('organic-flour-near-valence.graphql'),
    variables: { radiusKm: 50, first: 50 },
    shows: (a) => expect((a.data!.actors as { edges: unknown[] }).edges.length).toBeGreaterThan(0),
  },
  {
    name: 'the documented trading partners of the central kitchen (ActorTrading)',
    query: documented('actor-trading.graphql'),
    variables: { id: kitchenId },
    shows: (a) => expect((a.data!.actor as { suppliers: unknown[] }).suppliers.length).toBeGreaterThan(0),
  },
  {
    name: 'the documented bread chain, back to the fields (BreadUpstream)',
    query: documented('bread-upstream.graphql'),
    variables: { actorId: kitchenId },
    shows: (a) => expect((a.data!.upstream as { edges: unknown[] }).edges.length).toBeGreaterThan(0),
  },
  {
    name: 'the documented provenance of a link (Provenance)',
    query: documented('provenance.graphql'),
    variables: { linkId: headlineLinks[3].id },
    shows: (a) => expect(a.errors).toBeUndefined(),
  },
  {
    name: 'the documented neighbourhood (Neighbourhood)',
    query: documented('neighbourhood.graphql'),
    variables: { actorId: kitchenId, depth: 2 },
    shows: (a) => expect(a.errors).toBeUndefined(),
  },
  {
    name: 'the documented map layers, GeoJSON (MapLayers)',
    query: documented('maps.graphql'),
    shows: (a) => expect(JSON.stringify(a.data)).toContain('FeatureCollection'),
  },
  {
    name: 'the documented union of search hits (Search)',
    query: documented('search.graphql'),
    variables: { text: 'miel', first: 20 },
    shows: (a) =>
      expect(new Set((a.data!.search as { hit: { __typename: string } }[]).map((s) => s.hit.__typename))).toEqual(
        new Set(['Actor', 'Product']),
      ),
  },
  {
    name: 'the documented label integrity (OrganicIntegrity)',
    query: documented('organic-integrity.graphql'),
    shows: (a) => expect(a.errors).toBeUndefined(),
  },
  {
    name: 'the documented product taxonomy (ProductTaxonomy)',
    query: documented('product-taxonomy.graphql'),
    variables: { id: 'farine-ble' },
    shows: (a) => expect(a.errors).toBeUndefined(),
  },
  {
    name: 'the documented territory report of an EPCI (TerritoryReport)',
    query: documented('territory-report.graphql'),
    shows: (a) => expect(a.errors).toBeUndefined(),
  },
  {
    name: 'the documented service description (Service)',
    query: documented('service.graphql'),
    shows: (a) => expect(a.errors).toBeUndefined(),
  },
  {
    name: 'a page with a named and an inline fragment, aliases, @skip and @include',
    query: PAGE_WITH_FRAGMENTS,
    variables: { first: 30, withOffers: true, noCommune: true },
    shows: (a) => {
      const nodes = (a.data!.actors as { nodes: Record<string, unknown>[] }).nodes;
      expect(nodes.length).toBeGreaterThan(1);
      expect(nodes[0]).toHaveProperty('mill', nodes[0].name);
      expect(nodes[0]).toHaveProperty('offers');
      expect(nodes[0]).not.toHaveProperty('commune');
    },
  },
  {
    name: 'the same page with the directives the other way',
    query: PAGE_WITH_FRAGMENTS,
    variables: { first: 30, withOffers: false, noCommune: false },
    shows: (a) => {
      const nodes = (a.data!.actors as { nodes: Record<string, unknown>[] }).nodes;
      expect(nodes[0]).not.toHaveProperty('offers');
      expect(nodes[0]).toHaveProperty('commune');
    },
  },
  {
    name: 'private fields asked anonymously: null',
    query: `query ($id: String!) { actor(id: $id) { id email phone purchases(first: 5) { id valueEur volume } } }`,
    variables: { id: kitchenId },
    viewer: null,
    shows: (a) => expect((a.data!.actor as { email: unknown }).email).toBeNull(),
  },
  {
    name: 'private fields seen by a member of the actor',
    query: `query ($id: String!) { actor(id: $id) { id email phone purchases(first: 5) { id valueEur volume } } }`,
    variables: { id: kitchenId },
    viewer: memberOfKitchen,
    shows: (a) => expect((a.data!.actor as { purchases: unknown[] }).purchases.length).toBeGreaterThan(0),
  },
  {
    name: 'a non-null root field that fails: NOT_FOUND, the whole data null',
    query: `{ labels { id } actor(id: "nobody") { id } }`,
    shows: (a) => {
      expect(a.data).toBeNull();
      expect(a.errors!.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    },
  },
  {
    name: 'a nullable field failing in every item of a list: null in place, one error each, the rest of the data kept',
    query: `{ ok: labels { id } actors(first: 2) { nodes { id distanceKm(from: { communeInsee: "99999" }) } } }`,
    shows: (a) => {
      expect(a.errors!.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
      expect((a.data!.actors as { nodes: { distanceKm: unknown }[] }).nodes.map((n) => n.distanceKm)).toEqual([null, null]);
      expect((a.data!.ok as unknown[]).length).toBeGreaterThan(0);
    },
  },
  {
    name: 'a non-null field failing inside a list item: null propagated up to the root, with the path of the error',
    query: `{ ok: labels { id } actors(first: 2) { nodes { id suppliers(first: 500) { actor { id } } } } }`,
    shows: (a) => {
      expect(a.data).toBeNull();
      expect(a.errors![0]).toMatchObject({ path: ['actors', 'nodes', 0, 'suppliers'], extensions: { code: 'BAD_USER_INPUT' } });
    },
  },
  {
    name: 'a resolver refusing its arguments: BAD_USER_INPUT with the field named',
    query: `{ suppliers(input: { productName: "farine", place: { communeInsee: "26362" }, maxIntermediaries: 9 }) { maxIntermediaries } }`,
    shows: (a) => expect(a.errors![0].extensions?.code).toBe('BAD_USER_INPUT'),
  },
  {
    name: 'a variable of the wrong type: BAD_USER_INPUT and status 400 before any execution',
    query: `query ($first: Int) { actors(first: $first) { totalCount } }`,
    variables: { first: 'twenty' },
    shows: (a) => {
      expect(a.status).toBe(400);
      expect(a.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    },
  },
  {
    name: 'a missing non-null variable',
    query: `query ($id: String!) { actor(id: $id) { id } }`,
    variables: {},
    shows: (a) => expect(a.errors![0].extensions?.code).toBe('BAD_USER_INPUT'),
  },
  {
    name: 'introspection of a type, with __typename',
    query: `{ __typename __type(name: "SupplyLink") { name kind fields { name type { kind name ofType { kind name } } } } }`,
    shows: (a) => expect((a.data!.__type as { fields: unknown[] }).fields.length).toBeGreaterThan(5),
  },
  {
    name: 'a mutation refused to an anonymous caller (FORBIDDEN), writing nothing',
    query: documented('create-actor.graphql'),
    variables: {
      input: { id: 'op-jit', name: 'Ferme JIT', roles: ['FARM'], siret: '12345678901234', communeInsee: '26113', clubMember: false },
    },
    viewer: null,
    shows: (a) => expect(a.errors![0].extensions?.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/),
  },
  {
    name: 'a mutation refused for its input (an invalid SIRET), writing nothing',
    query: documented('create-actor.graphql'),
    variables: {
      input: { id: 'op-jit', name: 'Ferme JIT', roles: ['FARM'], siret: '12345678901234', communeInsee: '26113', clubMember: false },
    },
    viewer: TEST_EDITOR,
    shows: (a) => expect(a.errors![0].extensions?.code).toBe('BAD_USER_INPUT'),
  },
  {
    name: 'an input object variable leaving out a non-null field that has a default (ImportInput.dryRun), and enums whose values differ from their names',
    query: `mutation ($input: ImportInput!) { importRecords(input: $input) { written counts { offers } } }`,
    variables: { input: { format: 'JSON', kind: 'OFFERS', content: '[{"id": "x"}]' } },
    viewer: TEST_EDITOR,
    shows: (a) => {
      expect(a.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(a.errors![0].extensions?.issueCount).toBeGreaterThan(0);
    },
  },
  {
    name: 'a valid import as a dry run: enums and a given default in an input object',
    query: `mutation ($input: ImportInput!) { importRecords(input: $input) { written counts { actors } } }`,
    variables: { input: { format: 'CSV', kind: 'ACTORS', content: EXAMPLE_ACTORS, dryRun: true } },
    viewer: TEST_EDITOR,
    shows: (a) =>
      expect(a.data!.importRecords).toEqual({ written: false, counts: { actors: EXAMPLE_ACTORS.trim().split('\n').length - 1 } }),
  },
];

describe('compiled execution answers as graphql-js does', () => {
  let db: Database;
  let compiled: ApolloServer<Context>;
  let interpreted: ApolloServer<Context>;

  beforeAll(async () => {
    db = await connectTestDb();
    await seededGraph(db);
    const schema = await buildMaillonSchema();
    compiled = createApollo({ schema, logger: silentLogger });
    interpreted = createApollo({ schema, logger: silentLogger, compiledExecution: false });
    await Promise.all([compiled.start(), interpreted.start()]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([compiled.stop(), interpreted.stop()]);
    await db.close();
  });

  async function answer(apollo: ApolloServer<Context>, c: Case): Promise<Answer> {
    const viewer = c.viewer === undefined ? TEST_EDITOR : c.viewer;
    const contextValue = createContext({ db, logger: silentLogger, requestId: 'test', viewer });
    const response = await apollo.executeOperation({ query: c.query, variables: c.variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    // What a client receives: the JSON text, where a field left undefined does not exist.
    const { data, errors } = JSON.parse(JSON.stringify(response.body.singleResult)) as Omit<Answer, 'status'>;
    return { status: response.http.status, data, errors };
  }

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const fromCompiled = await answer(compiled, c);
    const fromGraphqlJs = await answer(interpreted, c);
    c.shows(fromCompiled);
    expect(fromCompiled).toEqual(fromGraphqlJs);
    // The second run of the same text takes the compiled operation from the cache: same answer.
    expect(await answer(compiled, c)).toEqual(fromCompiled);
  });

  it('keeps nothing the refused mutations and the dry run would have written', async () => {
    const [row] = await db.read<{ n: number }>("MATCH (a:Actor) WHERE a.id = 'op-jit' OR a.id STARTS WITH 'ex-' RETURN count(a) AS n");
    expect(row.n).toBe(0);
  });
});
