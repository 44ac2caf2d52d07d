import { ActorRole } from '../src/actor/actor.enums';
import type { Database } from '../src/db';
import { writeBundle } from '../src/records';
import { loadReferenceData } from '../tools/seed';
import { clearGraph, connectTestDb } from './helpers/db';
import { actor, bundle, link, offer } from './helpers/fixtures';
import { createRunner, graphql, type ResultOf, type VariablesOf } from './helpers/graphql';

const { FARM, COOPERATIVE, MILL, BAKERY, CENTRAL_KITCHEN } = ActorRole;

/**
 * A small chain near Valence whose answers are known:
 * Ferme Alpha (Chabeuil, organic wheat) → Coopérative Bêta (Chabeuil) → Moulin Gamma (Crest, organic T80)
 * → Boulangerie Delta (Valence) → Cuisine Epsilon (Valence, central kitchen, club member);
 * Ferme Zêta in Die offers conventional T65 flour; Moulin Êta in Nyons offers organic T80 far away.
 */
const CHAIN = bundle({
  actors: [
    actor('t-alpha', 'Ferme Alpha', [FARM], '26064'),
    actor('t-beta', 'Coopérative Bêta', [COOPERATIVE], '26064', { clubMember: true, memberGroup: 'PRODUCERS' as never }),
    actor('t-gamma', 'Moulin Gamma', [MILL], '26108', { latitude: 44.7311, longitude: 5.0261 }),
    actor('t-delta', 'Boulangerie Delta', [BAKERY], '26362'),
    actor('t-epsilon', 'Cuisine Epsilon', [CENTRAL_KITCHEN], '26362', { clubMember: true, memberGroup: 'LOCAL_AUTHORITIES' as never }),
    actor('t-zeta', 'Ferme Zêta de la Drôme', [FARM, MILL], '26113'),
    actor('t-eta', 'Moulin Êta', [MILL], '26220'),
  ],
  offers: [
    offer('t-o-alpha', 't-alpha', 'ble-tendre', ['ab']),
    offer('t-o-gamma', 't-gamma', 'farine-ble-t80', ['ab']),
    offer('t-o-zeta', 't-zeta', 'farine-ble-t65', []),
    offer('t-o-eta', 't-eta', 'farine-ble-t80', ['ab']),
    offer('t-o-delta', 't-delta', 'pain-de-campagne', ['ab']),
  ],
  supplyLinks: [
    link('t-l1', 't-alpha', 't-beta', 'ble-tendre', ['ab'], { volume: 50000 }),
    link('t-l2', 't-beta', 't-gamma', 'ble-tendre', ['ab'], { volume: 40000, sourcedFromIds: ['t-l1'] }),
    link('t-l3', 't-gamma', 't-delta', 'farine-ble-t80', ['ab'], { volume: 12000, sourcedFromIds: ['t-l2'] }),
    link('t-l4', 't-delta', 't-epsilon', 'pain-de-campagne', ['ab'], { volume: 9000, sourcedFromIds: ['t-l3'] }),
    link('t-l5', 't-zeta', 't-epsilon', 'farine-ble-t65', [], { volume: 3000 }),
  ],
});

/** 60 farms around Valence, each offering organic apples and selling to Cuisine Epsilon: for paging and round-trip counts. */
const FARMS = bundle({
  actors: Array.from({ length: 60 }, (_, i) =>
    actor(`t-farm-${String(i).padStart(2, '0')}`, `Verger ${String(i).padStart(2, '0')}`, [FARM], '26362'),
  ),
  offers: Array.from({ length: 60 }, (_, i) => offer(`t-o-farm-${i}`, `t-farm-${String(i).padStart(2, '0')}`, 'pomme', ['ab', 'hve'])),
  supplyLinks: Array.from({ length: 60 }, (_, i) =>
    link(`t-l-farm-${i}`, `t-farm-${String(i).padStart(2, '0')}`, 't-epsilon', 'pomme', ['ab'], { volume: 1000 + i }),
  ),
});

const ACTOR_NAMES = graphql(`
  query Names($filter: ActorFilter, $sort: ActorSort, $first: Int, $after: String, $last: Int, $before: String) {
    actors(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
      edges {
        cursor
        node {
          id
          name
          distanceKm
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

type NamesData = ResultOf<typeof ACTOR_NAMES>;
type NamesVariables = VariablesOf<typeof ACTOR_NAMES>;

describe('the GraphQL API on a hand-built graph', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;

  beforeAll(async () => {
    db = await connectTestDb();
    await clearGraph(db);
    await loadReferenceData(db);
    await db.transaction('WRITE', async (tx) => {
      await writeBundle(tx, CHAIN);
      await writeBundle(tx, FARMS);
    });
    runner = await createRunner(db);
  }, 120_000);

  afterAll(async () => {
    await runner.stop();
    await db.close();
  });

  const ids = (data: NamesData | null) => data!.actors.edges.map((e) => e.node.id);

  describe('pagination', () => {
    it('pages forward by name with keyset cursors and counts only when asked', async () => {
      const first = await runner.run(ACTOR_NAMES, { filter: { roles: ['FARM'] }, first: 25 });
      expect(first.errors).toBeUndefined();
      expect(ids(first.data)).toHaveLength(25);
      expect(first.data!.actors.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(ids(first.data).slice(0, 3)).toEqual(['t-alpha', 't-zeta', 't-farm-00']);
      const second = await runner.run(ACTOR_NAMES, {
        filter: { roles: ['FARM'] },
        first: 25,
        after: first.data!.actors.pageInfo.endCursor,
      });
      const third = await runner.run(ACTOR_NAMES, {
        filter: { roles: ['FARM'] },
        first: 25,
        after: second.data!.actors.pageInfo.endCursor,
      });
      const all = [...ids(first.data), ...ids(second.data), ...ids(third.data)];
      expect(all).toHaveLength(62);
      expect(new Set(all).size).toBe(62);
      expect(third.data!.actors.pageInfo.hasNextPage).toBe(false);

      const counted = await runner.run(
        graphql(`
          query FarmCount {
            actors(filter: { roles: [FARM] }, first: 1) {
              totalCount
            }
          }
        `),
      );
      expect(counted.data!.actors.totalCount).toBe(62);
      const uncounted = await runner.run('{ actors(filter: {roles: [FARM]}, first: 1) { nodes { id } } }');
      expect(uncounted.queries).toBe(counted.queries - 1);
    });

    it('keeps a cursor valid when an item is inserted before it', async () => {
      const page = await runner.run(ACTOR_NAMES, { filter: { roles: ['FARM'] }, first: 10 });
      const cursor = page.data!.actors.pageInfo.endCursor;
      const expectedNext = (await runner.run(ACTOR_NAMES, { filter: { roles: ['FARM'] }, first: 5, after: cursor })).data;
      await db.transaction('WRITE', (tx) => writeBundle(tx, bundle({ actors: [actor('t-aaa', 'AAA Ferme insérée', [FARM], '26362')] })));
      try {
        const next = await runner.run(ACTOR_NAMES, { filter: { roles: ['FARM'] }, first: 5, after: cursor });
        expect(ids(next.data)).toEqual(ids(expectedNext));
        const firstNow = await runner.run(ACTOR_NAMES, { filter: { roles: ['FARM'] }, first: 1 });
        expect(ids(firstNow.data)).toEqual(['t-aaa']);
      } finally {
        await db.write("MATCH (a:Actor {id: 't-aaa'}) DETACH DELETE a");
      }
    });

    it('pages backward with last/before and mirrors forward pages', async () => {
      const forward = await runner.run(ACTOR_NAMES, { filter: { roles: ['FARM'] }, first: 62 });
      const last = await runner.run(ACTOR_NAMES, { filter: { roles: ['FARM'] }, last: 5 });
      expect(ids(last.data)).toEqual(ids(forward.data).slice(-5));
      expect(last.data!.actors.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
      const before = await runner.run(ACTOR_NAMES, {
        filter: { roles: ['FARM'] },
        last: 5,
        before: last.data!.actors.pageInfo.startCursor,
      });
      expect(ids(before.data)).toEqual(ids(forward.data).slice(-10, -5));
    });

    it('refuses mixed directions, oversized pages, foreign and garbled cursors', async () => {
      const mixed = await runner.run(ACTOR_NAMES, { first: 2, last: 2 });
      expect(mixed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const huge = await runner.run(ACTOR_NAMES, { first: 5000 });
      expect(huge.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const garbled = await runner.run(ACTOR_NAMES, { first: 2, after: 'not-a-cursor' });
      expect(garbled.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(garbled.errors?.[0].message).toMatch(/Invalid cursor/);
      const byName = await runner.run(ACTOR_NAMES, { first: 1 });
      const foreign = await runner.run(ACTOR_NAMES, {
        first: 2,
        after: byName.data!.actors.pageInfo.endCursor,
        sort: 'DISTANCE',
        filter: { near: { communeInsee: '26362', radiusKm: 30 } },
      });
      expect(foreign.errors?.[0].message).toMatch(/another ordering/);
    });
  });

  describe('filters and sorting', () => {
    const idsFor = async (filter: NamesVariables['filter'], sort: NamesVariables['sort'] = 'NAME') =>
      ids((await runner.run(ACTOR_NAMES, { filter, sort, first: 100 })).data).filter((id) => !id.startsWith('t-farm'));

    it('filters by product including narrower products, and by label', async () => {
      expect(await idsFor({ productId: 'farine' })).toEqual(['t-zeta', 't-gamma', 't-eta']);
      expect(await idsFor({ productId: 'farine', organic: true })).toEqual(['t-gamma', 't-eta']);
      expect(await idsFor({ productId: 'farine', labelIds: ['ab'] })).toEqual(['t-gamma', 't-eta']);
      expect(await idsFor({ productId: 'farine-ble-t65' })).toEqual(['t-zeta']);
      expect(await idsFor({ labelIds: ['ab'], roles: ['BAKERY'] })).toEqual(['t-delta']);
    });

    it('filters by commune, EPCI, department, club membership and text', async () => {
      expect(await idsFor({ communeInsee: '26064' })).toEqual(['t-beta', 't-alpha']);
      expect(await idsFor({ epciSiren: '200068781', roles: ['MILL', 'BAKERY', 'CENTRAL_KITCHEN', 'COOPERATIVE'] })).toEqual([
        't-delta',
        't-beta',
        't-epsilon',
      ]);
      expect((await idsFor({ departmentCode: '26' })).length).toBe(7);
      expect(await idsFor({ clubMember: true })).toEqual(['t-beta', 't-epsilon']);
      expect(await idsFor({ text: 'zeta drome' })).toEqual(['t-zeta']);
      expect(await idsFor({ text: 'cooperative beta' })).toEqual(['t-beta']);
    });

    it('sorts by distance from a commune within a radius, nearest first, with distances', async () => {
      const res = await runner.run(ACTOR_NAMES, {
        filter: { near: { communeInsee: '26108', radiusKm: 40 }, roles: ['MILL', 'FARM'] },
        sort: 'DISTANCE',
        first: 3,
      });
      const edges = res.data!.actors.edges.filter((e) => !e.node.id.startsWith('t-farm'));
      expect(edges[0].node.id).toBe('t-gamma');
      expect(edges[0].node.distanceKm).toBeLessThan(3);
      const distances = res.data!.actors.edges.map((e) => e.node.distanceKm!);
      expect([...distances].sort((a, b) => a - b)).toEqual(distances);
      const far = await idsFor({ near: { communeInsee: '26108', radiusKm: 40 } }, 'DISTANCE');
      expect(far).not.toContain('t-eta'); // Nyons is about 60 km from Crest
    });

    it('refuses DISTANCE without a place, a negative radius and an unknown commune', async () => {
      expect((await runner.run(ACTOR_NAMES, { sort: 'DISTANCE' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(
        (await runner.run(ACTOR_NAMES, { filter: { near: { communeInsee: '26362', radiusKm: -5 } } })).errors?.[0].extensions?.code,
      ).toBe('BAD_USER_INPUT');
      const unknown = await runner.run(ACTOR_NAMES, { filter: { near: { communeInsee: '26999', radiusKm: 5 } } });
      expect(unknown.errors?.[0]).toMatchObject({ message: 'Commune "26999" not found', extensions: { code: 'NOT_FOUND' } });
    });
  });

  describe('supply links', () => {
    const LINKS = graphql(`
      query Links($filter: SupplyLinkFilter, $first: Int, $after: String, $last: Int) {
        supplyLinks(filter: $filter, first: $first, after: $after, last: $last) {
          totalCount
          nodes {
            id
            volume
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `);
    type LinksData = ResultOf<typeof LINKS>;
    const linkIds = (res: { data: LinksData | null }) => res.data!.supplyLinks.nodes.map((n) => n.id);

    it("lists a buyer's links by volume, largest first, and pages on with keyset cursors", async () => {
      const first = await runner.run(LINKS, { filter: { buyerId: 't-epsilon' }, first: 3 });
      expect(first.errors).toBeUndefined();
      expect(linkIds(first)).toEqual(['t-l4', 't-l5', 't-l-farm-59']);
      expect(first.data!.supplyLinks.totalCount).toBe(62);
      const next = await runner.run(LINKS, {
        filter: { buyerId: 't-epsilon' },
        first: 2,
        after: first.data!.supplyLinks.pageInfo.endCursor,
      });
      expect(linkIds(next)).toEqual(['t-l-farm-58', 't-l-farm-57']);
      const last = await runner.run(LINKS, { filter: { buyerId: 't-epsilon' }, last: 2 });
      expect(linkIds(last)).toEqual(['t-l-farm-1', 't-l-farm-0']);
    });

    it('filters links by product (narrower included), organic goods and supplier', async () => {
      expect(linkIds(await runner.run(LINKS, { filter: { productId: 'farine', organic: true }, first: 10 }))).toEqual(['t-l3']);
      expect(linkIds(await runner.run(LINKS, { filter: { productId: 'farine', organic: false }, first: 10 }))).toEqual(['t-l5']);
      expect(linkIds(await runner.run(LINKS, { filter: { supplierId: 't-beta' }, first: 10 }))).toEqual(['t-l2']);
      expect(linkIds(await runner.run(LINKS, { filter: { labelIds: ['ab'], productId: 'ble' }, first: 10 }))).toEqual(['t-l1', 't-l2']);
    });
  });

  describe('relationship fields', () => {
    it("gives an actor's commune, territory, offers, suppliers and customers with the products exchanged", async () => {
      const res = await runner.run(
        graphql(`
          query ActorRelations {
            actor(id: "t-gamma") {
              name
              commune {
                insee
                name
                epci {
                  name
                }
                department {
                  code
                  region {
                    name
                  }
                }
              }
              offers {
                product {
                  id
                  broader {
                    id
                  }
                }
                labels {
                  id
                }
              }
              suppliers {
                actor {
                  id
                }
                products {
                  id
                }
                links {
                  volume
                }
              }
              customers {
                actor {
                  id
                }
                products {
                  name
                }
              }
              distanceKm(from: { communeInsee: "26362" })
            }
          }
        `),
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.actor).toMatchObject({
        name: 'Moulin Gamma',
        commune: {
          insee: '26108',
          name: 'Crest',
          epci: { name: 'CC du Crestois et de Pays de Saillans Coeur de Drôme' },
          department: { code: '26', region: { name: 'Auvergne-Rhône-Alpes' } },
        },
        offers: [{ product: { id: 'farine-ble-t80', broader: { id: 'farine-ble' } }, labels: [{ id: 'ab' }] }],
        suppliers: [{ actor: { id: 't-beta' }, products: [{ id: 'ble-tendre' }], links: [{ volume: 40000 }] }],
        customers: [{ actor: { id: 't-delta' }, products: [{ name: 'Farine de blé T80' }] }],
      });
      expect(res.data!.actor.distanceKm as number).toBeGreaterThan(20);
      expect(res.data!.actor.distanceKm as number).toBeLessThan(30);
    });

    it("follows provenance from the kitchen's bread back to the wheat field", async () => {
      const res = await runner.run(
        graphql(`
          query LinkProvenance {
            supplyLink(id: "t-l4") {
              supplier {
                name
              }
              product {
                id
              }
              sourcedFrom {
                supplier {
                  name
                }
                product {
                  id
                }
                sourcedFrom {
                  supplier {
                    name
                  }
                  product {
                    id
                  }
                  sourcedFrom {
                    supplier {
                      name
                    }
                    product {
                      id
                    }
                    sourcedFrom {
                      id
                    }
                  }
                }
              }
            }
          }
        `),
      );
      expect(res.data!.supplyLink).toEqual({
        supplier: { name: 'Boulangerie Delta' },
        product: { id: 'pain-de-campagne' },
        sourcedFrom: [
          {
            supplier: { name: 'Moulin Gamma' },
            product: { id: 'farine-ble-t80' },
            sourcedFrom: [
              {
                supplier: { name: 'Coopérative Bêta' },
                product: { id: 'ble-tendre' },
                sourcedFrom: [{ supplier: { name: 'Ferme Alpha' }, product: { id: 'ble-tendre' }, sourcedFrom: [] }],
              },
            ],
          },
        ],
      });
    });

    it('gives NOT_FOUND for unknown ids', async () => {
      for (const query of [
        '{ actor(id: "nope") { id } }',
        '{ product(id: "nope") { id } }',
        '{ commune(insee: "00000") { name } }',
        '{ supplyLink(id: "nope") { id } }',
      ]) {
        const res = await runner.run(query);
        expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
    });
  });

  describe('round trips', () => {
    const PAGE_WITH_RELATIONS = graphql(`
      query Page($first: Int!) {
        actors(filter: { roles: [FARM] }, first: $first) {
          nodes {
            id
            commune {
              name
              epci {
                name
              }
            }
            offers {
              product {
                name
              }
              labels {
                id
              }
            }
            suppliers {
              actor {
                name
              }
              products {
                name
              }
            }
            customers {
              actor {
                name
              }
            }
          }
        }
      }
    `);

    it('costs the same number of Cypher queries for 50 actors with their relations as for 5', async () => {
      const five = await runner.run(PAGE_WITH_RELATIONS, { first: 5 });
      const fifty = await runner.run(PAGE_WITH_RELATIONS, { first: 50 });
      expect(five.errors).toBeUndefined();
      expect(five.data!.actors.nodes).toHaveLength(5);
      expect(fifty.data!.actors.nodes).toHaveLength(50);
      expect(fifty.queries).toBe(five.queries);
      expect(fifty.queries).toBeLessThanOrEqual(10);
    });
  });
});
