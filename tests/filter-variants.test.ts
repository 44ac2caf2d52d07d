import { actorFilterSetOf, type ActorFilterParams } from '../src/actor/actor.cypher';
import { COUNT_ACTORS, PLAIN_ACTOR_PAGES } from '../src/actor/actor.cypher';
import { Database, countSubqueries, int } from '../src/db';
import { NEIGHBOURHOOD, UNFILTERED_NEIGHBOURHOOD } from '../src/reasoning';
import { PREFETCHING_ACTOR_PAGES } from '../src/prefetch/actor-page.cypher';
import { connectTestDb, silentLogger, testConfig } from './helpers/db';
import { ActorRole } from '../src/actor/actor.enums';
import { createRunner, graphql } from './helpers/graphql';
import { seededGraph } from './helpers/seeded';

/**
 * Statements without the subqueries of filters a request leaves off (issue 9: after a Neo4j
 * restart the service waits for its hot statements to be planned again).
 *
 * The actors list runs, per request, the statement of the filter groups its filter uses (issue 9:
 * after a Neo4j restart the service waits for its hot statements to be planned again, and every
 * subquery of an unused filter cost planning time). The answers must not change: with place and
 * offer filters together they are the intersection of each filter's answers, and the map
 * (`actorsGeoJson`) lists the same actors as the page.
 */
const NO_FILTER: ActorFilterParams = {
  roles: null,
  clubMember: null,
  ids: null,
  origin: null,
  radiusM: null,
  communeInsee: null,
  epciSiren: null,
  departmentCode: null,
  productId: null,
  labelIds: null,
  organic: null,
};

/** Marks of the subqueries of each group, as they appear in the statements. */
const PLACE_MARK = ':IN_EPCI]';
const OFFER_MARK = ':IS_A*0..6]';

describe('the filter set of an actors request', () => {
  it.each<[Partial<ActorFilterParams>, string]>([
    [{}, 'properties'],
    [{ roles: ['FARM'], clubMember: true, ids: ['a'], radiusM: 1000 }, 'properties'],
    [{ communeInsee: '26362' }, 'place'],
    [{ epciSiren: '200068781' }, 'place'],
    [{ departmentCode: '26' }, 'place'],
    [{ productId: 'farine' }, 'offer'],
    [{ labelIds: ['ab'] }, 'offer'],
    [{ organic: false }, 'offer'],
    [{ epciSiren: '200068781', organic: true }, 'placeAndOffer'],
  ])('%j runs the %s statements', (params, set) => {
    expect(actorFilterSetOf({ ...NO_FILTER, ...params })).toBe(set);
  });

  it('statements without the place or offer group hold none of its subqueries', () => {
    for (const [set, cypher] of Object.entries(COUNT_ACTORS)) {
      expect(cypher.includes(PLACE_MARK)).toBe(set === 'place' || set === 'placeAndOffer');
      expect(cypher.includes(OFFER_MARK)).toBe(set === 'offer' || set === 'placeAndOffer');
    }
    expect(countSubqueries(COUNT_ACTORS.properties)).toBe(0);
    expect(countSubqueries(PLAIN_ACTOR_PAGES.properties.byNameForward)).toBe(0);
    // The prefetching page keeps its tail's subqueries only.
    const tail = countSubqueries(PREFETCHING_ACTOR_PAGES.properties.byNameForward);
    expect(countSubqueries(PREFETCHING_ACTOR_PAGES.placeAndOffer.byNameForward)).toBe(tail + countSubqueries(COUNT_ACTORS.placeAndOffer));
  });
});

const IDS = graphql(`
  query FilterSetIds($filter: ActorFilter) {
    actors(first: 200, filter: $filter) {
      totalCount
      nodes {
        id
      }
    }
  }
`);

const MAP_IDS = graphql(`
  query FilterSetMap($filter: ActorFilter) {
    actorsGeoJson(filter: $filter)
  }
`);

describe('actors filtered on the seed (real Neo4j)', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;
  let epciSiren: string;
  let productId: string;

  beforeAll(async () => {
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await seededGraph(db);
    runner = await createRunner(db);
    // The EPCI with most actors and the product with most offers: both filters narrow, and overlap.
    [{ epciSiren }] = await db.read<{ epciSiren: string }>(
      `MATCH (:Actor)-[:LOCATED_IN]->(:Commune)-[:IN_EPCI]->(e:Epci) RETURN e.siren AS epciSiren, count(*) AS n ORDER BY n DESC, epciSiren LIMIT 1`,
    );
    [{ productId }] = await db.read<{ productId: string }>(
      `MATCH (:Offer)-[:OF_PRODUCT]->(p:Product)-[:IS_A]->(parent:Product) RETURN parent.id AS productId, count(*) AS n ORDER BY n DESC, productId LIMIT 1`,
    );
  });

  afterAll(async () => {
    await runner.stop();
    await db.close();
  });

  async function idsOf(filter: Record<string, unknown>): Promise<{ ids: string[]; total: number }> {
    const res = await runner.run(IDS, { filter });
    expect(res.errors).toBeUndefined();
    return { ids: res.data!.actors.nodes.map((n) => n.id).sort(), total: res.data!.actors.totalCount };
  }

  it('answers place and offer filters together as the intersection of each alone, count included', async () => {
    const place = await idsOf({ epciSiren });
    const offer = await idsOf({ productId });
    const both = await idsOf({ epciSiren, productId });
    expect(place.ids.length).toBeGreaterThan(0);
    expect(offer.ids.length).toBeGreaterThan(0);
    expect(place.total).toBe(place.ids.length);
    const expected = place.ids.filter((id) => offer.ids.includes(id));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(place.ids.length);
    expect(both.ids).toEqual(expected);
    expect(both.total).toBe(expected.length);
  });

  it('agrees with an independent Cypher count of the same filter', async () => {
    const [{ n }] = await db.read<{ n: number }>(
      `MATCH (a:Actor)-[:LOCATED_IN]->(:Commune)-[:IN_EPCI]->(:Epci {siren: $epciSiren})
       WHERE EXISTS { (a)-[:OFFERS]->(:Offer)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(:Product {id: $productId}) }
       RETURN count(DISTINCT a) AS n`,
      { epciSiren, productId },
    );
    expect((await idsOf({ epciSiren, productId })).total).toBe(n);
  });

  it('draws on the map the actors the page lists, with each filter set', async () => {
    for (const filter of [{}, { text: 'ferme' }, { epciSiren }, { productId }, { epciSiren, productId }]) {
      const res = await runner.run(MAP_IDS, { filter });
      expect(res.errors).toBeUndefined();
      const features = (res.data!.actorsGeoJson as { features: { id: string }[] }).features;
      const page = await idsOf(filter);
      if (page.total <= 200) expect(features.map((f) => f.id).sort()).toEqual(page.ids);
      else expect(features.length).toBeGreaterThanOrEqual(page.ids.length);
    }
  });

  it('runs no place or offer subquery for an unfiltered or text-filtered page and its count', async () => {
    // A database of its own, whose statement book holds only what these requests ran.
    const fresh = Database.connect(testConfig({ NEO4J_QUERY_TIMEOUT_MS: '120000' }).neo4j, silentLogger);
    try {
      const freshRunner = await createRunner(fresh);
      for (const filter of [{}, { text: 'ferme' }, { roles: [ActorRole.FARM] }]) {
        const res = await freshRunner.run(IDS, { filter });
        expect(res.errors).toBeUndefined();
        expect(res.data!.actors.totalCount).toBeGreaterThan(0);
      }
      await freshRunner.stop();
      const ran = fresh.knownStatements().map((s) => s.cypher);
      expect(ran).toContain(COUNT_ACTORS.properties);
      expect(ran).toContain(PLAIN_ACTOR_PAGES.properties.matchedByNameForward);
      for (const cypher of ran) {
        expect(cypher).not.toContain(PLACE_MARK);
        expect(cypher).not.toContain(OFFER_MARK);
      }
    } finally {
      await fresh.close();
    }
  });
});

describe('the neighbourhood without link filters (real Neo4j, seed)', () => {
  let db: Database;

  beforeAll(async () => {
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await seededGraph(db);
  });

  afterAll(async () => {
    await db.close();
  });

  it('holds no link-filter subquery, and fewer subqueries', () => {
    for (const depth of [1, 2, 3, 4] as const) {
      expect(UNFILTERED_NEIGHBOURHOOD[depth]).not.toContain(OFFER_MARK);
      expect(NEIGHBOURHOOD[depth]).toContain(OFFER_MARK);
      expect(countSubqueries(UNFILTERED_NEIGHBOURHOOD[depth])).toBeLessThan(countSubqueries(NEIGHBOURHOOD[depth]));
    }
  });

  it('answers as the filtered statement does with both filters off, around the best-connected actors', async () => {
    const centres = await db.read<{ id: string }>(
      `MATCH (a:Actor)-[:SUPPLIES|TO]-(:SupplyLink) RETURN a.id AS id, count(*) AS n ORDER BY n DESC, id LIMIT 3`,
    );
    expect(centres).toHaveLength(3);
    for (const { id } of centres) {
      for (const depth of [1, 2] as const) {
        for (const roles of [null, ['FARM', 'MILL']]) {
          const params = { actorId: id, productId: null, organic: null, roles, maxNodes: int(200) };
          const [filtered] = await db.read<{ nodes: unknown[]; edges: unknown[] }>(NEIGHBOURHOOD[depth], params);
          const [unfiltered] = await db.read<{ nodes: unknown[]; edges: unknown[] }>(UNFILTERED_NEIGHBOURHOOD[depth], params);
          expect(filtered.nodes.length).toBeGreaterThan(1);
          expect(unfiltered).toEqual(filtered);
        }
      }
    }
  });
});
