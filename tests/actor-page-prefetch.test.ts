import type DataLoader from 'dataloader';
import type { Context } from '../src/context';
import type { Database } from '../src/db';
import { ANSWERED_FROM_ROW, answerFromRows } from '../src/prefetch';
import { buildMaillonSchema, hasAccessRule } from '../src/schema';
import { connectTestDb } from './helpers/db';
import { seededGraph } from './helpers/seeded';
import { createRunner, graphql, testMember, type OperationResult, type ResultOf } from './helpers/graphql';

/**
 * The page of actors in one statement (issue 13, W3): `Query.actors` reads the query's selection,
 * fetches the selected commune, offers (product, labels), suppliers and customers in the page
 * statement, and primes the loaders; the field resolvers and the access rules run unchanged. On the
 * Drôme seed (about 500 actors), checked against the per-field path (`actor(id)`, which prefetches
 * nothing), against the purchases grouped the way the partner fields grouped them before, and
 * against the graph read directly for the private fields.
 */

// The bench's W3 selection (bench/bench.ts PAGE_OF_50).
const W3_PAGE = graphql(`
  query PrefetchW3Page($first: Int) {
    actors(first: $first) {
      nodes {
        id
        name
        roles
        commune {
          insee
          name
        }
        offers {
          id
          product {
            id
            name
          }
          labels {
            id
            name
          }
        }
        suppliers {
          actor {
            id
            name
          }
        }
      }
    }
  }
`);

// Everything the prefetch touches, private fields included, and fields it leaves to the loaders
// (department, a partner's links and products, purchases). Every property of the actor, its
// commune, offers, products and labels: the page ships them as lists of values in a fixed order,
// and the per-field path as maps, so a value read at the wrong place differs here.
graphql(`
  fragment PrefetchActorFields on Actor {
    id
    name
    roles
    siret
    agenceBioNumber
    clubMember
    memberGroup
    email
    phone
    website
    description
    location {
      latitude
      longitude
    }
    confidentialVolumes
    fictitious
    publicBuyer
    commune {
      insee
      name
      postalCodes
      population
      location {
        latitude
        longitude
      }
    }
    department {
      code
    }
    offers {
      id
      months
      capacity
      capacityUnit
      deliveryRadiusKm
      priceEur
      product {
        id
        name
        nameEn
        family
        kingdom
      }
      labels {
        id
        name
        kind
        egalim
        organic
        description
      }
    }
    suppliers {
      actor {
        id
        name
        email
      }
      links {
        id
        volume
        valueEur
      }
      products {
        id
      }
    }
    customers {
      actor {
        id
        name
      }
    }
  }
`);

const FULL_PAGE = graphql(`
  query PrefetchFullPage($first: Int, $after: String) {
    actors(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...PrefetchActorFields
      }
    }
  }
`);

const ONE_ACTOR = graphql(`
  query PrefetchOneActor($id: String!) {
    actor(id: $id) {
      ...PrefetchActorFields
    }
  }
`);

// The same relationships through edges.node and an inline fragment, the offers skipped by a variable.
const EDGES_PAGE = graphql(`
  query PrefetchEdgesPage($first: Int, $withOffers: Boolean!) {
    actors(first: $first) {
      edges {
        node {
          ... on Actor {
            id
            commune {
              insee
            }
            offers @include(if: $withOffers) {
              id
            }
          }
        }
      }
    }
  }
`);

// Purchases and sales as the loaders list them (largest first): the partners were grouped from these in Node before.
const TRADE = graphql(`
  query PrefetchTrade($first: Int) {
    actors(first: $first) {
      nodes {
        id
        purchases(first: 200) {
          id
          supplier {
            id
          }
        }
        sales(first: 200) {
          id
          buyer {
            id
          }
        }
        suppliers(first: 200) {
          actor {
            id
          }
          links {
            id
          }
        }
        customers(first: 200) {
          actor {
            id
          }
          links {
            id
          }
        }
      }
    }
  }
`);

// Partners and offers with `first`, for the answers from the rows: a bound within what the page
// loaded, one beyond it (an actor of the seed sells to 60 actors, the page loads the first 50).
const BOUNDED_PAGE = graphql(`
  query PrefetchBoundedPage($commune: String, $offers: Int, $customers: Int) {
    actors(first: 200, filter: { communeInsee: $commune }) {
      nodes {
        id
        offers(first: $offers) {
          id
        }
        customers(first: $customers) {
          actor {
            id
          }
        }
      }
    }
  }
`);

const ONE_ACTOR_BOUNDED = graphql(`
  query PrefetchOneActorBounded($id: String!, $offers: Int, $customers: Int) {
    actor(id: $id) {
      offers(first: $offers) {
        id
      }
      customers(first: $customers) {
        actor {
          id
        }
      }
    }
  }
`);

/** The loaders a page primes, whose loads the fields answered from the rows no longer make. */
const PRIMED_LOADERS = [
  ['territory', 'communeOfActor'],
  ['offer', 'offersOfActor'],
  ['product', 'productOfOffer'],
  ['label', 'labelsOfOffer'],
  ['supply', 'suppliersOfActor'],
  ['supply', 'customersOfActor'],
  ['actor', 'actorPropertiesById'],
] as const;

/** Counts the loads of the primed loaders in a request (`load` and `loadMany`), by loader. */
function countingLoads(counts: Map<string, number>) {
  return (ctx: Context) => {
    for (const [folder, name] of PRIMED_LOADERS) {
      const loader = (ctx.loaders as unknown as Record<string, Record<string, DataLoader<unknown, unknown>>>)[folder][name];
      const count = () => counts.set(name, (counts.get(name) ?? 0) + 1);
      const [load, loadMany] = [loader.load.bind(loader), loader.loadMany.bind(loader)];
      // `loadMany` calls `load` for each key: counted once, as the one call it is.
      let inMany = false;
      loader.load = (key) => (inMany || count(), load(key));
      loader.loadMany = (keys) => {
        count();
        inMany = true;
        try {
          return loadMany(keys);
        } finally {
          inMany = false;
        }
      };
    }
  };
}

type FullActor = ResultOf<typeof FULL_PAGE>['actors']['nodes'][number];

/** Groups links by their other end, partners by their largest link: what `toPartners` did in Node before. */
function groupByPartner(links: { id: string; partner: string }[]): { actor: string; links: string[] }[] {
  const byPartner = new Map<string, string[]>();
  for (const link of links) byPartner.set(link.partner, [...(byPartner.get(link.partner) ?? []), link.id]);
  return [...byPartner.entries()].map(([actor, ids]) => ({ actor, links: ids }));
}

describe('a page of actors prefetched in one statement', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;
  /** A seed actor with priced offers and suppliers: the member account of the tests. */
  let owner: string;
  /** An actor whose volumes are made confidential for the tests (it sells to someone). */
  let secretive: string;

  async function fullList(viewer: ReturnType<typeof testMember> | null): Promise<FullActor[]> {
    const actors: FullActor[] = [];
    let after: string | null = null;
    for (;;) {
      const res: OperationResult<ResultOf<typeof FULL_PAGE>> = await runner.run(FULL_PAGE, { first: 50, after }, { viewer });
      expect(res.errors).toBeUndefined();
      actors.push(...res.data!.actors.nodes);
      if (!res.data!.actors.pageInfo.hasNextPage) return actors;
      after = res.data!.actors.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await seededGraph(db);
    [{ owner }] = await db.read<{ owner: string }>(`
      MATCH (a:Actor)-[:OFFERS]->(o:Offer) WHERE o.priceEur IS NOT NULL AND EXISTS { (:Actor)-[:SUPPLIES]->(:SupplyLink)-[:TO]->(a) }
      RETURN a.id AS owner ORDER BY a.id LIMIT 1`);
    [{ secretive }] = await db.read<{ secretive: string }>(
      `
      MATCH (a:Actor)-[:OFFERS]->(o:Offer) WHERE o.capacity IS NOT NULL AND EXISTS { (a)-[:SUPPLIES]->(:SupplyLink) } AND a.id <> $owner
      RETURN a.id AS secretive ORDER BY a.id LIMIT 1`,
      { owner },
    );
    await db.write('MATCH (a:Actor {id: $id}) SET a.confidentialVolumes = true', { id: secretive });
    runner = await createRunner(db);
  }, 300_000);

  afterAll(async () => {
    await runner.stop();
    await db.close();
  });

  it('answers the page of 50 with commune, offers (product, labels) and suppliers in one statement, whatever the page size', async () => {
    // The page with everything it selects, the partners' actors included (the properties selected of them).
    for (const first of [5, 50, 200]) {
      const res = await runner.run(W3_PAGE, { first });
      expect(res.errors).toBeUndefined();
      expect(res.data!.actors.nodes).toHaveLength(first);
      expect(res.queries).toBe(1);
    }
    expect((await runner.run(EDGES_PAGE, { first: 200, withOffers: true })).queries).toBe(1);
    // The seed's page of 50 does have offers, labels and suppliers to fetch.
    const { data } = await runner.run(W3_PAGE, { first: 50 });
    const nodes = data!.actors.nodes;
    expect(nodes.some((a) => a.offers.some((o) => o.labels.length > 0))).toBe(true);
    expect(nodes.some((a) => a.suppliers.length > 0)).toBe(true);
  });

  it('costs a fixed number of statements for fields left to the loaders, whatever the page size', async () => {
    const ten = await runner.run(FULL_PAGE, { first: 10 }, { viewer: testMember(owner) });
    const fifty = await runner.run(FULL_PAGE, { first: 50 }, { viewer: testMember(owner) });
    expect(fifty.errors).toBeUndefined();
    // The page (with commune, offers, suppliers and customers with their actors); department; the partners' links; their products.
    expect(fifty.queries).toBe(4);
    expect(ten.queries).toBe(fifty.queries);
  });

  it('reads the selection through edges.node, inline fragments and @include', async () => {
    const withOffers = await runner.run(EDGES_PAGE, { first: 20, withOffers: true });
    const without = await runner.run(EDGES_PAGE, { first: 20, withOffers: false });
    expect(withOffers.errors).toBeUndefined();
    expect(withOffers.queries).toBe(1);
    expect(without.queries).toBe(1);
    const [plain] = await db.read<{ withOffers: number }>(`
      MATCH (a:Actor) WITH a ORDER BY a.name, a.id LIMIT 20
      RETURN count(CASE WHEN EXISTS { (a)-[:OFFERS]->(:Offer) } THEN 1 END) AS withOffers`);
    expect(withOffers.data!.actors.edges.filter((e) => (e.node.offers ?? []).length > 0)).toHaveLength(plain.withOffers);
    expect(without.data!.actors.edges.every((e) => e.node.offers === undefined)).toBe(true);
  });

  it.each([
    ['anonymous', null],
    ['a member', 'owner'],
  ])(
    'gives %s the same answers as the per-field path, actor by actor',
    async (_who, as) => {
      const viewer = as === 'owner' ? testMember(owner) : null;
      const listed = await fullList(viewer);
      const [{ actors }] = await db.read<{ actors: number }>('MATCH (a:Actor) RETURN count(a) AS actors');
      expect(listed.map((a) => a.id).sort()).toHaveLength(actors);
      // Every actor of the seed, listed; one in four of them, and the two the rules are about, asked one by one
      // (the whole seed one by one takes minutes on a shared machine, and agreed when it was run).
      const sampled = listed.filter((a, i) => i % 4 === 0 || a.id === owner || a.id === secretive);
      for (const actor of sampled) {
        const single = await runner.run(ONE_ACTOR, { id: actor.id }, { viewer });
        expect(single.errors).toBeUndefined();
        expect(actor).toEqual(single.data!.actor);
      }
    },
    300_000,
  );

  it('groups partners in Cypher as the links, largest first, group them: partners by their largest link', async () => {
    const res = await runner.run(TRADE, { first: 200 });
    expect(res.errors).toBeUndefined();
    let partnered = 0;
    for (const actor of res.data!.actors.nodes) {
      // Fewer than 200 purchases on the seed: the partners count every one.
      expect(actor.purchases.length).toBeLessThan(200);
      const suppliers = groupByPartner(actor.purchases.map((l) => ({ id: l.id, partner: l.supplier.id })));
      const customers = groupByPartner(actor.sales.map((l) => ({ id: l.id, partner: l.buyer.id })));
      expect(actor.suppliers.map((p) => ({ actor: p.actor.id, links: p.links.map((l) => l.id) }))).toEqual(suppliers);
      expect(actor.customers.map((p) => ({ actor: p.actor.id, links: p.links.map((l) => l.id) }))).toEqual(customers);
      partnered += suppliers.length + customers.length;
    }
    expect(partnered).toBeGreaterThan(100);
  });

  it('leaks no private field: anonymous reads null, the member reads its own actor and offers only', async () => {
    const anonymous = await fullList(null);
    const member = await fullList(testMember(owner));
    const raw = await db.read<{ id: string; actor: string; priceEur: number | null; capacity: number | null }>(`
      MATCH (a:Actor)-[:OFFERS]->(o:Offer) RETURN o.id AS id, a.id AS actor, o.priceEur AS priceEur, o.capacity AS capacity`);
    const offerOf = new Map(raw.map((r) => [r.id, r]));
    const [{ email }] = await db.read<{ email: string | null }>('MATCH (a:Actor {id: $id}) RETURN a.email AS email', { id: owner });
    const ownPrices = raw.filter((r) => r.actor === owner && r.priceEur !== null);
    expect(ownPrices.length).toBeGreaterThan(0);

    for (const actor of anonymous) {
      expect([actor.email, actor.phone]).toEqual([null, null]);
      for (const offer of actor.offers) {
        expect(offer.priceEur).toBeNull();
        // Volumes are public unless the actor hides them.
        expect(offer.capacity).toBe(actor.id === secretive ? null : offerOf.get(offer.id)!.capacity);
      }
      for (const partner of actor.suppliers) {
        expect(partner.actor.email).toBeNull();
        for (const link of partner.links) {
          expect(link.valueEur).toBeNull();
          if (actor.id === secretive || partner.actor.id === secretive) expect(link.volume).toBeNull();
        }
      }
    }
    expect(anonymous.flatMap((a) => a.offers).some((o) => o.capacity !== null)).toBe(true);

    for (const actor of member) {
      const own = actor.id === owner;
      expect(actor.email).toBe(own ? email : null);
      for (const offer of actor.offers) expect(offer.priceEur).toBe(own ? offerOf.get(offer.id)!.priceEur : null);
      // A link's value is its two parties' to see: the member's purchases and its sales to this actor.
      for (const partner of actor.suppliers) {
        for (const link of partner.links) if (!own && partner.actor.id !== owner) expect(link.valueEur).toBeNull();
      }
    }
    const ownLinks = await db.read<{ id: string; valueEur: number | null }>(
      'MATCH (:Actor)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(:Actor {id: $owner}) RETURN l.id AS id, l.valueEur AS valueEur',
      { owner },
    );
    const seen = member.find((a) => a.id === owner)!.suppliers.flatMap((p) => p.links);
    expect(new Map(seen.map((l) => [l.id, l.valueEur]))).toEqual(new Map(ownLinks.map((l) => [l.id, l.valueEur])));
    const ownOffers = member.find((a) => a.id === owner)!.offers;
    expect(
      ownOffers
        .filter((o) => o.priceEur !== null)
        .map((o) => o.id)
        .sort(),
    ).toEqual(ownPrices.map((r) => r.id).sort());
  }, 120_000);

  describe('its relationship fields answered from the rows', () => {
    it('asks no loader for the commune, offers, products, labels and partners it fetched', async () => {
      // The first request validates `first` (type-graphql, once per value): then the rows answer.
      const first = await runner.run(W3_PAGE, { first: 50 });
      const loads = new Map<string, number>();
      const again = await runner.run(W3_PAGE, { first: 50 }, { onContext: countingLoads(loads) });
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);
      expect(Object.fromEntries(loads)).toEqual({});
      expect(again.queries).toBe(1);
      // A field the page does not fetch still goes through its loader, batched.
      const full = new Map<string, number>();
      expect((await runner.run(FULL_PAGE, { first: 50 }, { onContext: countingLoads(full) })).errors).toBeUndefined();
      expect(full.get('actorPropertiesById') ?? 0).toBe(0);
      expect(full.get('communeOfActor') ?? 0).toBeGreaterThan(0); // `department` reads the commune through the loader
    });

    it('keeps `first` as actor(id) does, partners beyond the default 50 included', async () => {
      const [{ busiest, commune, customers }] = await db.read<{ busiest: string; commune: string; customers: number }>(`
        MATCH (s:Actor)-[:SUPPLIES]->(:SupplyLink)-[:TO]->(b:Actor)
        WITH s, count(DISTINCT b) AS customers ORDER BY customers DESC, s.id LIMIT 1
        MATCH (s)-[:LOCATED_IN]->(c:Commune)
        RETURN s.id AS busiest, c.insee AS commune, customers`);
      expect(customers).toBeGreaterThan(50);
      for (const bounds of [
        { offers: 2, customers: 3 },
        { offers: 200, customers: 50 },
        { offers: 1, customers: 55 },
        { offers: 50, customers: 200 },
      ]) {
        const loads = new Map<string, number>();
        // Twice: the first request validates these `first` values, the second is answered from the rows.
        for (let run = 0; run < 2; run += 1) {
          const page = await runner.run(BOUNDED_PAGE, { commune, ...bounds }, { onContext: run === 1 ? countingLoads(loads) : undefined });
          expect(page.errors).toBeUndefined();
          const listed = page.data!.actors.nodes.find((a) => a.id === busiest)!;
          const single = await runner.run(ONE_ACTOR_BOUNDED, { id: busiest, ...bounds });
          expect(listed.offers).toEqual(single.data!.actor.offers);
          expect(listed.customers).toEqual(single.data!.actor.customers);
          expect(listed.customers).toHaveLength(Math.min(bounds.customers, customers));
        }
        // From the rows, whatever the bound: the page ships every partner its loader would list.
        expect(Object.fromEntries(loads)).toEqual({});
      }
    });

    it('answers no field with an access rule from the rows', async () => {
      // The rule lookup sees the rules, on a type's field and on a field resolver.
      expect([hasAccessRule('Offer', 'capacity'), hasAccessRule('Offer', 'priceEur'), hasAccessRule('Actor', 'email')]).toEqual([
        true,
        true,
        true,
      ]);
      for (const [type, fields] of Object.entries(ANSWERED_FROM_ROW)) {
        for (const field of Object.keys(fields)) expect([type, field, hasAccessRule(type, field)]).toEqual([type, field, false]);
      }
      // A field that had one would be refused when the schema is built.
      const schema = await buildMaillonSchema();
      expect(() => answerFromRows(schema, (type, field) => type === 'Offer' && field === 'labels')).toThrow(
        'Offer.labels has an access rule',
      );
    });

    it('refuses a `first` out of range as before, however often it is asked', async () => {
      // A refusal is never remembered as valid: the rows never answer it.
      for (let run = 0; run < 3; run += 1) {
        for (const bounds of [
          { offers: 0, customers: 10 },
          { offers: 10, customers: 201 },
        ]) {
          const res = await runner.run(BOUNDED_PAGE, { commune: null, ...bounds });
          expect(res.data).toBeNull();
          expect(res.errors!.map((e) => [e.extensions?.code, e.message].join(': '))).toEqual([
            'BAD_USER_INPUT: first must be between 1 and 200',
          ]);
        }
      }
    });
  });
});
