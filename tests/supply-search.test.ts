import { ActorRole, MemberGroup } from '../src/actor/actor.enums';
import { distanceKm } from '../src/territory';
import { Database, migrate } from '../src/db';
import { writeBundle } from '../src/records';
import { VolumeUnit } from '../src/product/product.enums';
import { loadReferenceData, readCommunes } from '../tools/seed';
import { findBuyerPlaces, findSupplierMatches, LocalScope, SUPPLIER_STATEMENTS, toRequestParams } from '../src/reasoning';
import { BACKFILLS, SCHEMA_STATEMENTS } from '../src/schema-statements';
import { clearGraph, connectTestDb, silentLogger, testConfig } from './helpers/db';
import { seededGraph } from './helpers/seeded';
import { actor, bundle, link, offer } from './helpers/fixtures';
import { createRunner, graphql, type VariablesOf } from './helpers/graphql';

const { MILL, WHOLESALER, FOOD_HUB, CENTRAL_KITCHEN, CANTEEN } = ActorRole;

const COMMUNES = new Map(readCommunes().map((c) => [c.insee, c]));
const centroid = (insee: string) => ({ latitude: COMMUNES.get(insee)!.latitude, longitude: COMMUNES.get(insee)!.longitude });
const km = (a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) =>
  Math.round(distanceKm(a, b) * 10) / 10;

/**
 * The test database with a query timeout of 2 minutes instead of 15 s: on a fresh (cold) JVM the
 * first plan of the matching statement, about 12 KB of Cypher, can take several seconds under load.
 */
const connectSlowPlanningDb = () => connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });

const VALENCE = '26362';
const CHABEUIL = '26064';
const ROMANS = '26281';
const CREST = '26108';
const DIE = '26113';
const NYONS = '26220';
const MONTELIMAR = '26198';
const PRIVAS = '07186';
const CORBAS = '69273';
const VRA_SIREN = '200068781';

/** The wholesaler stands on its own coordinates in Valence; every other actor at its commune's centroid. */
const GROSSISTE_POINT = { latitude: 44.9402, longitude: 4.8861 };
const KITCHEN = centroid(VALENCE);

/**
 * A small flour network around a central kitchen in Valence, whose answers are known. Every offer
 * is organic (AB) flour unless said otherwise; radius = delivery radius of the offer.
 *
 *   direct (the offer covers the kitchen):
 *     ss-moulin-ete      Valence     farine-ble       June to August only
 *     ss-moulin          Chabeuil    farine-ble-t80   club member, capacity 20 t
 *     ss-moulin-nocoord  Romans      farine-ble-t80   its point removed: its commune's centroid stands in
 *     ss-moulin-crest    Crest       two offers, T80 (ss-o-crest-1) and T65 (ss-o-crest-2)
 *     ss-moulin-crest-b  Crest       farine-ble-t80   the same point as ss-moulin-crest: a tie broken by id; capacity 5 t
 *     ss-moulin-privas   Privas (07) farine-ble-t80
 *     ss-moulin-mtl      Montélimar  radius 5 km, but already sells the kitchen organic T80 (ss-l-mtl)
 *     ss-moulin-diois    Die         no radius, delivers to the EPCI Valence Romans Agglo
 *     ss-moulin-listed   Nyons       no radius, delivers to the commune of Valence
 *     ss-moulin-lyon     Corbas (69) radius 200 km, 83 km away
 *   through intermediaries (radius too small to deliver themselves):
 *     ss-moulin-romans   Romans      --T80--> ss-grossiste (wholesaler, delivers farine-ble within 30 km)
 *                                    --T80--> ss-grossiste-2 (wholesaler in Chabeuil: a longer way, 24.0 km against 20.4)
 *     ss-moulin-die      Die         --T65--> ss-grossiste
 *     ss-moulin-nyons    Nyons       --T80--> ss-hub (food hub, Montélimar, no offer) --T80--> ss-grossiste:
 *                                    two intermediaries; and ss-grossiste --T80--> ss-hub closes a cycle
 *   never suppliers:
 *     ss-moulin-conv     Chabeuil    conventional T80 (HVE): not organic
 *     ss-grossiste, ss-grossiste-2, ss-hub   only resell
 */
const NETWORK = bundle({
  actors: [
    actor('ss-cuisine', 'Cuisine centrale de test', [CENTRAL_KITCHEN], VALENCE, {
      clubMember: true,
      memberGroup: MemberGroup.LOCAL_AUTHORITIES,
    }),
    actor('ss-moulin', 'Moulin de Chabeuil', [MILL], CHABEUIL, { clubMember: true, memberGroup: MemberGroup.PROCESSORS }),
    actor('ss-moulin-ete', "Moulin d'été", [MILL], VALENCE),
    actor('ss-moulin-nocoord', 'Moulin sans coordonnées', [MILL], ROMANS),
    actor('ss-moulin-crest', 'Moulin de Crest', [MILL], CREST),
    actor('ss-moulin-crest-b', 'Moulin de Crest bis', [MILL], CREST),
    actor('ss-moulin-privas', 'Moulin de Privas', [MILL], PRIVAS),
    actor('ss-moulin-mtl', 'Moulin de Montélimar', [MILL], MONTELIMAR),
    actor('ss-moulin-diois', 'Moulin du Diois', [MILL], DIE),
    actor('ss-moulin-listed', 'Moulin des Baronnies', [MILL], NYONS),
    actor('ss-moulin-lyon', 'Moulin lyonnais', [MILL], CORBAS),
    actor('ss-moulin-romans', 'Moulin de Romans', [MILL], ROMANS),
    actor('ss-moulin-die', 'Moulin de Die', [MILL], DIE),
    actor('ss-moulin-nyons', 'Moulin de Nyons', [MILL], NYONS),
    actor('ss-moulin-conv', 'Moulin conventionnel', [MILL], CHABEUIL),
    actor('ss-grossiste', 'Grossiste de test', [WHOLESALER], VALENCE, GROSSISTE_POINT),
    actor('ss-grossiste-2', 'Second grossiste', [WHOLESALER], CHABEUIL),
    actor('ss-hub', 'Plateforme de test', [FOOD_HUB], MONTELIMAR),
  ],
  offers: [
    offer('ss-o-ete', 'ss-moulin-ete', 'farine-ble', ['ab'], { months: [6, 7, 8], deliveryRadiusKm: 20 }),
    offer('ss-o-moulin', 'ss-moulin', 'farine-ble-t80', ['ab'], { capacity: 20000 }),
    offer('ss-o-nocoord', 'ss-moulin-nocoord', 'farine-ble-t80', ['ab'], { deliveryRadiusKm: 30 }),
    offer('ss-o-crest-1', 'ss-moulin-crest', 'farine-ble-t80', ['ab'], { deliveryRadiusKm: 40 }),
    offer('ss-o-crest-2', 'ss-moulin-crest', 'farine-ble-t65', ['ab'], { deliveryRadiusKm: 40 }),
    offer('ss-o-crestb', 'ss-moulin-crest-b', 'farine-ble-t80', ['ab'], { deliveryRadiusKm: 40, capacity: 5000 }),
    offer('ss-o-privas', 'ss-moulin-privas', 'farine-ble-t80', ['ab'], { deliveryRadiusKm: 60 }),
    offer('ss-o-mtl', 'ss-moulin-mtl', 'farine-ble-t80', ['ab'], { deliveryRadiusKm: 5 }),
    offer('ss-o-diois', 'ss-moulin-diois', 'farine-ble-t80', ['ab'], { deliveryRadiusKm: null, deliveryEpcis: [VRA_SIREN] }),
    offer('ss-o-listed', 'ss-moulin-listed', 'farine-ble-t80', ['ab'], { deliveryRadiusKm: null, deliveryCommunes: [VALENCE] }),
    offer('ss-o-lyon', 'ss-moulin-lyon', 'farine-ble-t80', ['ab'], { deliveryRadiusKm: 200 }),
    offer('ss-o-romans', 'ss-moulin-romans', 'farine-ble-t80', ['ab'], { deliveryRadiusKm: 5 }),
    offer('ss-o-die', 'ss-moulin-die', 'farine-ble-t65', ['ab'], { deliveryRadiusKm: 10 }),
    offer('ss-o-nyons', 'ss-moulin-nyons', 'farine-ble-t80', ['ab'], { deliveryRadiusKm: 10 }),
    offer('ss-o-conv', 'ss-moulin-conv', 'farine-ble-t80', ['hve']),
    offer('ss-o-grossiste', 'ss-grossiste', 'farine-ble', ['ab'], { deliveryRadiusKm: 30 }),
    offer('ss-o-grossiste-2', 'ss-grossiste-2', 'farine-ble-t80', ['ab'], { deliveryRadiusKm: 30 }),
  ],
  supplyLinks: [
    link('ss-l-mtl', 'ss-moulin-mtl', 'ss-cuisine', 'farine-ble-t80', ['ab']),
    link('ss-l-romans', 'ss-moulin-romans', 'ss-grossiste', 'farine-ble-t80', ['ab']),
    link('ss-l-romans-2', 'ss-moulin-romans', 'ss-grossiste-2', 'farine-ble-t80', ['ab']),
    link('ss-l-die', 'ss-moulin-die', 'ss-grossiste', 'farine-ble-t65', ['ab']),
    link('ss-l-nyons', 'ss-moulin-nyons', 'ss-hub', 'farine-ble-t80', ['ab']),
    link('ss-l-hub', 'ss-hub', 'ss-grossiste', 'farine-ble-t80', ['ab']),
    link('ss-l-cycle', 'ss-grossiste', 'ss-hub', 'farine-ble-t80', ['ab']),
  ],
});

/** Where each test actor stands (the point distances are measured from). */
const POINT: Record<string, { latitude: number; longitude: number }> = {
  ...Object.fromEntries(
    NETWORK.actors.map((a) => [a.id, a.latitude != null ? { latitude: a.latitude, longitude: a.longitude! } : centroid(a.communeInsee)]),
  ),
};

const SUPPLIERS = graphql(`
  query Suppliers($input: SupplierSearchInput!, $first: Int, $after: String) {
    suppliers(input: $input, first: $first, after: $after) {
      product {
        id
      }
      buyer {
        id
      }
      place {
        point {
          latitude
          longitude
        }
        commune {
          insee
        }
        epci {
          siren
        }
        department {
          code
        }
      }
      local {
        scope
        radiusKm
        departmentCodes
        epci {
          siren
        }
        isDefault
        description
      }
      maxIntermediaries
      matches {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          endCursor
        }
        edges {
          cursor
          node {
            supplier {
              id
              location {
                latitude
                longitude
              }
            }
            offer {
              id
            }
            product {
              id
            }
            labels {
              id
            }
            distanceKm
            intermediaries
            circuitCourt
            capacity
            capacityUnit
            months
            clubMember
            path {
              kind
              actor {
                id
              }
              role
              product {
                id
              }
              distanceKm
            }
          }
        }
      }
    }
  }
`);

type SearchInput = VariablesOf<typeof SUPPLIERS>['input'];

describe('suppliers: who can supply X to Y', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;

  const ask = (input: SearchInput, page: { first?: number; after?: string } = {}) =>
    runner.run(SUPPLIERS, { input, first: page.first ?? 100, ...(page.after ? { after: page.after } : {}) });

  /** The answer, asserting there was no error. */
  const answer = async (input: SearchInput, page: { first?: number; after?: string } = {}) => {
    const res = await ask(input, page);
    expect(res.errors).toBeUndefined();
    return res.data!.suppliers;
  };
  /** "supplier/offer/intermediaries" of each match, in order. */
  const ways = async (input: SearchInput) =>
    (await answer(input)).matches.edges.map(({ node }) => `${node.supplier.id}/${node.offer.id}/${node.intermediaries}`);
  const supplierIds = async (input: SearchInput) => [...new Set((await answer(input)).matches.edges.map(({ node }) => node.supplier.id))];
  const errorOf = async (input: SearchInput, page: { first?: number; after?: string } = {}) => {
    const res = await ask(input, page);
    expect(res.data).toBeNull();
    return res.errors![0];
  };

  const FLOUR_TO_KITCHEN = { productId: 'farine', organic: true, buyerId: 'ss-cuisine' };

  beforeAll(async () => {
    db = await connectSlowPlanningDb();
    await clearGraph(db);
    await loadReferenceData(db);
    await db.transaction('WRITE', (tx) => writeBundle(tx, NETWORK));
    // An actor without coordinates (the importer always sets one: remove it by hand, with the
    // search keys its offer copied from it, as in a graph written by another tool; the migration
    // fills them in again from its commune), and a buyer with neither coordinates nor a commune.
    await db.write(
      `MATCH (a:Actor {id: 'ss-moulin-nocoord'})-[:OFFERS]->(o:Offer) REMOVE a.location, o.supplierLocation, o.supplierIsOrigin`,
    );
    await migrate(db, SCHEMA_STATEMENTS, silentLogger, BACKFILLS);
    await db.write(
      `CREATE (:Actor {id: 'ss-nowhere', name: 'Cantine nulle part', roles: ['${CANTEEN}'], siret: '99999999999999', clubMember: false})`,
    );
    runner = await createRunner(db);
  }, 180_000);

  afterAll(async () => {
    await runner.stop();
    await clearGraph(db);
    await db.close();
  });

  describe('the headline question: organic flour for a central kitchen in Valence', () => {
    it('lists direct suppliers first, then those through one reseller, each by distance, ties by supplier id then offer id', async () => {
      expect(await ways(FLOUR_TO_KITCHEN)).toEqual([
        'ss-moulin-ete/ss-o-ete/0', // Valence, 0 km
        'ss-moulin/ss-o-moulin/0', // Chabeuil, 7.5 km
        'ss-moulin-nocoord/ss-o-nocoord/0', // Romans, 17.7 km
        'ss-moulin-crest/ss-o-crest-1/0', // Crest, 22.7 km: two offers of one supplier, by offer id ...
        'ss-moulin-crest/ss-o-crest-2/0',
        'ss-moulin-crest-b/ss-o-crestb/0', // ... then the supplier standing at the same point, by id
        'ss-moulin-privas/ss-o-privas/0', // Privas (Ardèche), 33.7 km
        'ss-moulin-diois/ss-o-diois/0', // Die, 41.4 km: delivers to the kitchen's EPCI
        'ss-moulin-mtl/ss-o-mtl/0', // Montélimar, 43.1 km: already sells the kitchen organic T80
        'ss-moulin-listed/ss-o-listed/0', // Nyons, 65.3 km: delivers to the commune of Valence
        'ss-moulin-lyon/ss-o-lyon/0', // Corbas (Rhône), 83.0 km
        'ss-moulin-romans/ss-o-romans/1', // Romans, 17.7 km, through the wholesaler
        'ss-moulin-die/ss-o-die/1', // Die, 41.4 km, through the wholesaler
      ]);
      // The same order as computed here from the points.
      const computed = (await ways(FLOUR_TO_KITCHEN)).slice().sort(byExpectedOrder);
      expect(await ways(FLOUR_TO_KITCHEN)).toEqual(computed);
      // The first question plans the statement on a cold JVM: on the shared test machine that alone
      // can take most of a minute, as the EXPLAIN of tests/cypher-snapshots.test.ts allows.
    }, 150_000);

    it('states the definitions it applied: the product, the buyer and its place, the default local radius', async () => {
      const res = await answer(FLOUR_TO_KITCHEN);
      expect(res.product).toEqual({ id: 'farine' });
      expect(res.buyer).toEqual({ id: 'ss-cuisine' });
      expect(res.place).toEqual({ point: KITCHEN, commune: { insee: VALENCE }, epci: { siren: VRA_SIREN }, department: { code: '26' } });
      expect(res.local).toEqual({
        scope: 'RADIUS',
        radiusKm: 100,
        departmentCodes: [],
        epci: null,
        isDefault: true,
        description: 'within 100 km of the buyer (great circle), the default',
      });
      expect(res.maxIntermediaries).toBe(1);
      expect(res.matches.totalCount).toBe(13);
    });

    it('gives exact paths and great-circle distances, the offer, its labels, capacity, season and club membership', async () => {
      const res = await answer(FLOUR_TO_KITCHEN);
      const byOffer = new Map(res.matches.edges.map(({ node }) => [node.offer.id, node]));
      expect(byOffer.get('ss-o-moulin')).toEqual({
        supplier: { id: 'ss-moulin', location: centroid(CHABEUIL) },
        offer: { id: 'ss-o-moulin' },
        product: { id: 'farine-ble-t80' },
        labels: [{ id: 'ab' }],
        distanceKm: km(centroid(CHABEUIL), KITCHEN),
        intermediaries: 0,
        circuitCourt: true,
        capacity: 20000,
        capacityUnit: VolumeUnit.KG,
        months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        clubMember: true,
        path: [
          { kind: 'SUPPLIER', actor: { id: 'ss-moulin' }, role: 'MILL', product: { id: 'farine-ble-t80' }, distanceKm: null },
          {
            kind: 'BUYER',
            actor: { id: 'ss-cuisine' },
            role: 'CENTRAL_KITCHEN',
            product: { id: 'farine-ble-t80' },
            distanceKm: km(centroid(CHABEUIL), KITCHEN),
          },
        ],
      });
      expect(byOffer.get('ss-o-die')).toMatchObject({
        supplier: { id: 'ss-moulin-die' },
        product: { id: 'farine-ble-t65' },
        distanceKm: km(centroid(DIE), KITCHEN),
        intermediaries: 1,
        circuitCourt: true,
        clubMember: false,
        path: [
          { kind: 'SUPPLIER', actor: { id: 'ss-moulin-die' }, role: 'MILL', product: { id: 'farine-ble-t65' }, distanceKm: null },
          {
            kind: 'INTERMEDIARY',
            actor: { id: 'ss-grossiste' },
            role: 'WHOLESALER',
            product: { id: 'farine-ble-t65' },
            distanceKm: km(centroid(DIE), GROSSISTE_POINT),
          },
          {
            kind: 'BUYER',
            actor: { id: 'ss-cuisine' },
            role: 'CENTRAL_KITCHEN',
            product: { id: 'farine-ble-t65' },
            distanceKm: km(GROSSISTE_POINT, KITCHEN),
          },
        ],
      });
    });

    it('never lists an actor that only resells as a supplier, nor goods without the required label', async () => {
      const ids = await supplierIds(FLOUR_TO_KITCHEN);
      expect(ids).not.toContain('ss-grossiste');
      expect(ids).not.toContain('ss-hub');
      expect(ids).not.toContain('ss-moulin-conv');
      expect(await supplierIds({ ...FLOUR_TO_KITCHEN, organic: undefined })).toContain('ss-moulin-conv');
      expect(await supplierIds({ ...FLOUR_TO_KITCHEN, organic: false })).toEqual(['ss-moulin-conv']);
      expect(await supplierIds({ productId: 'farine', labelIds: ['hve'], buyerId: 'ss-cuisine' })).toEqual(['ss-moulin-conv']);
      expect(await supplierIds({ productId: 'farine', labelIds: ['ab', 'hve'], buyerId: 'ss-cuisine' })).toEqual([]);
    });

    it('is answered by the small statements of the pipeline only, none big enough to plan for seconds', async () => {
      // A database of its own (no migration run through it), whose statement book holds only what this question ran.
      const fresh = Database.connect(testConfig({ NEO4J_QUERY_TIMEOUT_MS: '120000' }).neo4j, silentLogger);
      try {
        const freshRunner = await createRunner(fresh);
        const res = await freshRunner.run(SUPPLIERS, { input: FLOUR_TO_KITCHEN, first: 2 });
        await freshRunner.stop();
        expect(res.errors).toBeUndefined();
        const ran = fresh.knownStatements().map((s) => s.cypher);
        expect(new Set(ran)).toEqual(new Set(Object.values(SUPPLIER_STATEMENTS)));
      } finally {
        await fresh.close();
      }
    });

    it('costs the same short pipeline of statements, whatever the page', async () => {
      // resolve, candidates, direct ones, then (a candidate needs a reseller) ways along their goods' links, last
      // resellers, and the page's maps
      const first = await ask(FLOUR_TO_KITCHEN, { first: 2 });
      expect(first.queries).toBe(6);
      const second = await ask(FLOUR_TO_KITCHEN, { first: 2, after: first.data!.suppliers.matches.pageInfo.endCursor! });
      expect(second.queries).toBe(6);
    });
  });

  describe('products and seasons', () => {
    it('matches narrower products: "farine-ble-t80" leaves out T65 and generic wheat flour', async () => {
      expect(await ways({ productId: 'farine-ble-t80', organic: true, buyerId: 'ss-cuisine' })).toEqual([
        'ss-moulin/ss-o-moulin/0',
        'ss-moulin-nocoord/ss-o-nocoord/0',
        'ss-moulin-crest/ss-o-crest-1/0',
        'ss-moulin-crest-b/ss-o-crestb/0',
        'ss-moulin-privas/ss-o-privas/0',
        'ss-moulin-diois/ss-o-diois/0',
        'ss-moulin-mtl/ss-o-mtl/0',
        'ss-moulin-listed/ss-o-listed/0',
        'ss-moulin-lyon/ss-o-lyon/0',
        'ss-moulin-romans/ss-o-romans/1',
      ]);
    });

    it('resolves a product name through the full-text index: "farine" is Farine, accents and case aside', async () => {
      const res = await answer({ productName: 'FARINE', organic: true, buyerId: 'ss-cuisine' });
      expect(res.product).toEqual({ id: 'farine' });
      expect(res.matches.totalCount).toBe(13);
      expect((await answer({ productName: 'farine de ble t80', organic: true, buyerId: 'ss-cuisine' })).product).toEqual({
        id: 'farine-ble-t80',
      });
    });

    it('leaves out offers out of season: every asked month must be in the offer', async () => {
      expect(await supplierIds({ ...FLOUR_TO_KITCHEN, months: [1] })).not.toContain('ss-moulin-ete');
      expect(await supplierIds({ ...FLOUR_TO_KITCHEN, months: [7] })).toContain('ss-moulin-ete');
      expect(await supplierIds({ ...FLOUR_TO_KITCHEN, months: [7, 9] })).not.toContain('ss-moulin-ete');
    });

    it('keeps offers whose capacity reaches minVolume (same unit assumed)', async () => {
      expect(await supplierIds({ ...FLOUR_TO_KITCHEN, minVolume: 5000 })).toEqual(['ss-moulin', 'ss-moulin-crest-b']);
      expect(await supplierIds({ ...FLOUR_TO_KITCHEN, minVolume: 5001 })).toEqual(['ss-moulin']);
    });
  });

  describe('intermediaries', () => {
    it('direct only with maxIntermediaries 0', async () => {
      const res = await answer({ ...FLOUR_TO_KITCHEN, maxIntermediaries: 0 });
      expect(res.maxIntermediaries).toBe(0);
      expect(res.matches.edges.every(({ node }) => node.intermediaries === 0)).toBe(true);
      expect(res.matches.totalCount).toBe(11);
    });

    it('leaves out a chain of two resellers with maxIntermediaries 1, and lists it, not a circuit court, with 2', async () => {
      expect(await supplierIds(FLOUR_TO_KITCHEN)).not.toContain('ss-moulin-nyons');
      const res = await answer({ ...FLOUR_TO_KITCHEN, maxIntermediaries: 2 });
      const nyons = res.matches.edges.map(({ node }) => node).filter((m) => m.supplier.id === 'ss-moulin-nyons');
      expect(nyons).toHaveLength(1);
      expect(nyons[0]).toMatchObject({
        intermediaries: 2,
        circuitCourt: false,
        distanceKm: km(centroid(NYONS), KITCHEN),
        path: [
          { kind: 'SUPPLIER', actor: { id: 'ss-moulin-nyons' }, role: 'MILL', distanceKm: null },
          { kind: 'INTERMEDIARY', actor: { id: 'ss-hub' }, role: 'FOOD_HUB', distanceKm: km(centroid(NYONS), centroid(MONTELIMAR)) },
          {
            kind: 'INTERMEDIARY',
            actor: { id: 'ss-grossiste' },
            role: 'WHOLESALER',
            distanceKm: km(centroid(MONTELIMAR), GROSSISTE_POINT),
          },
          { kind: 'BUYER', actor: { id: 'ss-cuisine' }, distanceKm: km(GROSSISTE_POINT, KITCHEN) },
        ],
      });
      expect(res.matches.edges[res.matches.edges.length - 1].node.supplier.id).toBe('ss-moulin-nyons');
    });

    it('terminates on a cycle of resellers, keeping for each supplier and offer its way with the fewest intermediaries', async () => {
      const res = await answer({ ...FLOUR_TO_KITCHEN, maxIntermediaries: 3 });
      const keys = res.matches.edges.map(({ node }) => `${node.supplier.id}/${node.offer.id}`);
      expect(new Set(keys).size).toBe(keys.length);
      const romans = res.matches.edges.find(({ node }) => node.supplier.id === 'ss-moulin-romans')!.node;
      expect(romans.intermediaries).toBe(1); // not ss-grossiste -> ss-hub -> ss-grossiste
      expect(res.matches.totalCount).toBe(14);
    });

    it('goes only along links of the goods that carry the labels asked, every one of them', async () => {
      const viaReseller = async (input: SearchInput) => (await ways(input)).filter((w) => !w.endsWith('/0'));
      expect(await viaReseller(FLOUR_TO_KITCHEN)).toEqual(['ss-moulin-romans/ss-o-romans/1', 'ss-moulin-die/ss-o-die/1']);
      // The Die mill's organic T65 reaches the wholesaler on a link without its organic label.
      await db.write(`MATCH (:SupplyLink {id: 'ss-l-die'})-[c:CERTIFIED]->(:Label {id: 'ab'}) DELETE c`);
      try {
        expect(await viaReseller(FLOUR_TO_KITCHEN)).toEqual(['ss-moulin-romans/ss-o-romans/1']);
        // Without the organic requirement the link carries the goods again.
        expect(await viaReseller({ ...FLOUR_TO_KITCHEN, organic: undefined })).toContain('ss-moulin-die/ss-o-die/1');
      } finally {
        await db.write(`MATCH (l:SupplyLink {id: 'ss-l-die'}), (ab:Label {id: 'ab'}) MERGE (l)-[:CERTIFIED]->(ab)`);
      }
      // Of the two links of Nyons' way (to the hub, then to the wholesaler), the second without the label is enough to lose it.
      const twoResellers = { ...FLOUR_TO_KITCHEN, maxIntermediaries: 2 };
      expect(await ways(twoResellers)).toContain('ss-moulin-nyons/ss-o-nyons/2');
      await db.write(`MATCH (:SupplyLink {id: 'ss-l-hub'})-[c:CERTIFIED]->(:Label {id: 'ab'}) DELETE c`);
      try {
        expect(await ways(twoResellers)).not.toContain('ss-moulin-nyons/ss-o-nyons/2');
      } finally {
        await db.write(`MATCH (l:SupplyLink {id: 'ss-l-hub'}), (ab:Label {id: 'ab'}) MERGE (l)-[:CERTIFIED]->(ab)`);
      }
    });

    it('keeps, of two ways with as many intermediaries, the shorter one', async () => {
      const res = await answer(FLOUR_TO_KITCHEN);
      const romans = res.matches.edges.map(({ node }) => node).filter((m) => m.supplier.id === 'ss-moulin-romans');
      expect(romans).toHaveLength(1);
      expect(romans[0].path.map((step) => step.actor?.id)).toEqual(['ss-moulin-romans', 'ss-grossiste', 'ss-cuisine']);
      const lengths = [
        distanceKm(centroid(ROMANS), GROSSISTE_POINT) + distanceKm(GROSSISTE_POINT, KITCHEN),
        distanceKm(centroid(ROMANS), centroid(CHABEUIL)) + distanceKm(centroid(CHABEUIL), KITCHEN),
      ];
      expect(lengths[0]).toBeLessThan(lengths[1]);
    });
  });

  describe('where the goods arrive', () => {
    it('falls back on the commune centroid for an actor without coordinates', async () => {
      const res = await answer(FLOUR_TO_KITCHEN);
      const match = res.matches.edges.find(({ node }) => node.supplier.id === 'ss-moulin-nocoord')!.node;
      expect(match.supplier.location).toEqual(centroid(ROMANS));
      expect(match.distanceKm).toBe(km(centroid(ROMANS), KITCHEN));
    });

    it('answers for a commune by INSEE code or by name, and for a point; a bare place has no purchases to count as reach', async () => {
      const byInsee = await answer({ productId: 'farine', organic: true, place: { communeInsee: VALENCE } });
      expect(byInsee.buyer).toBeNull();
      expect(byInsee.place.commune).toEqual({ insee: VALENCE });
      const ids = byInsee.matches.edges.map(({ node }) => node.supplier.id);
      expect(ids).not.toContain('ss-moulin-mtl');
      expect(ids).toHaveLength(12);
      expect(byInsee.matches.edges[0].node.path[1]).toEqual({
        kind: 'BUYER',
        actor: null,
        role: null,
        product: { id: 'farine-ble' },
        distanceKm: 0,
      });

      const byName = await answer({ productId: 'farine', organic: true, place: { communeName: 'valence' } });
      expect(byName.place.commune).toEqual({ insee: VALENCE });
      expect(byName.matches.edges.map(({ node }) => node.supplier.id)).toEqual(ids);

      const byPoint = await answer({ productId: 'farine', organic: true, place: { point: KITCHEN } });
      expect(byPoint.place).toMatchObject({ point: KITCHEN, commune: { insee: VALENCE }, department: { code: '26' } });
      expect(byPoint.matches.edges.map(({ node }) => node.supplier.id)).toEqual(ids);
    });

    it('finds a commune by name whatever its accents and case', async () => {
      const res = await answer({ productId: 'farine', organic: true, place: { communeName: 'MONTELIMAR' } });
      expect(res.place.commune).toEqual({ insee: MONTELIMAR });
    });
  });

  describe('what "local" means', () => {
    it('a radius: the supplier within radiusKm of the buyer', async () => {
      const res = await answer({ ...FLOUR_TO_KITCHEN, local: { radiusKm: 20 } });
      expect(res.local).toMatchObject({
        scope: 'RADIUS',
        radiusKm: 20,
        isDefault: false,
        description: 'within 20 km of the buyer (great circle)',
      });
      expect([...new Set(res.matches.edges.map(({ node }) => node.supplier.id))]).toEqual([
        'ss-moulin-ete',
        'ss-moulin',
        'ss-moulin-nocoord',
        'ss-moulin-romans',
      ]);
      expect(await supplierIds({ ...FLOUR_TO_KITCHEN, local: { scope: 'RADIUS' } })).toContain('ss-moulin-lyon');
    });

    it('the department: Privas (07) and Corbas (69) are out', async () => {
      const res = await answer({ ...FLOUR_TO_KITCHEN, local: { scope: 'DEPARTMENT' } });
      expect(res.local).toMatchObject({
        scope: 'DEPARTMENT',
        radiusKm: null,
        departmentCodes: ['26'],
        description: "in the buyer's department (26 Drôme)",
      });
      const ids = res.matches.edges.map(({ node }) => node.supplier.id);
      expect(ids).not.toContain('ss-moulin-privas');
      expect(ids).not.toContain('ss-moulin-lyon');
      expect(ids).toContain('ss-moulin-diois');
    });

    it('the department and its neighbours: Privas (Ardèche) is in, Corbas (Rhône) is not', async () => {
      const res = await answer({ ...FLOUR_TO_KITCHEN, local: { scope: 'DEPARTMENT_AND_NEIGHBOURS' } });
      expect(res.local.departmentCodes).toEqual(['26', '04', '05', '07', '38', '84']);
      const ids = res.matches.edges.map(({ node }) => node.supplier.id);
      expect(ids).toContain('ss-moulin-privas');
      expect(ids).not.toContain('ss-moulin-lyon');
    });

    it('the EPCI: only suppliers in Valence Romans Agglo', async () => {
      const res = await answer({ ...FLOUR_TO_KITCHEN, local: { scope: 'EPCI' } });
      expect(res.local).toMatchObject({ scope: 'EPCI', epci: { siren: VRA_SIREN } });
      expect([...new Set(res.matches.edges.map(({ node }) => node.supplier.id))]).toEqual([
        'ss-moulin-ete',
        'ss-moulin',
        'ss-moulin-nocoord',
        'ss-moulin-romans',
      ]);
    });
  });

  describe('pagination', () => {
    it('pages with keyset cursors through the same matches as one page, in the same order', async () => {
      const all = (await answer(FLOUR_TO_KITCHEN)).matches.edges.map(({ node }) => node.offer.id);
      const paged: string[] = [];
      let after: string | undefined;
      for (let i = 0; i < 10; i += 1) {
        const page = (await answer(FLOUR_TO_KITCHEN, { first: 4, after })).matches;
        expect(page.totalCount).toBe(13);
        expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined);
        paged.push(...page.edges.map(({ node }) => node.offer.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor!;
      }
      expect(paged).toEqual(all);
    });

    it('refuses a cursor that is not one, or that belongs to another question', async () => {
      expect((await errorOf(FLOUR_TO_KITCHEN, { after: 'nonsense' })).extensions?.code).toBe('BAD_USER_INPUT');
      const cursor = (await answer(FLOUR_TO_KITCHEN, { first: 1 })).matches.pageInfo.endCursor!;
      expect((await errorOf({ ...FLOUR_TO_KITCHEN, maxIntermediaries: 0 }, { after: cursor })).extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('bad input', () => {
    it('NOT_FOUND for an unknown product id or name, label, buyer or commune', async () => {
      expect(await errorOf({ ...FLOUR_TO_KITCHEN, productId: 'farine-de-lune' })).toMatchObject({
        message: 'Product "farine-de-lune" not found',
        extensions: { code: 'NOT_FOUND' },
      });
      const { productId: _id, ...withoutId } = FLOUR_TO_KITCHEN;
      expect(await errorOf({ ...withoutId, productName: 'zzyzx' })).toMatchObject({
        message: 'Product "zzyzx" not found',
        extensions: { code: 'NOT_FOUND' },
      });
      expect(await errorOf({ ...FLOUR_TO_KITCHEN, labelIds: ['bio-lunaire'] })).toMatchObject({
        extensions: { code: 'NOT_FOUND', entity: 'Label' },
      });
      expect(await errorOf({ ...FLOUR_TO_KITCHEN, buyerId: 'ss-personne' })).toMatchObject({
        extensions: { code: 'NOT_FOUND', entity: 'Actor' },
      });
      expect(await errorOf({ productId: 'farine', place: { communeInsee: '26999' } })).toMatchObject({
        message: 'Commune "26999" not found',
        extensions: { code: 'NOT_FOUND' },
      });
      expect(await errorOf({ productId: 'farine', place: { communeName: 'Atlantis' } })).toMatchObject({
        extensions: { code: 'NOT_FOUND', entity: 'Commune' },
      });
    });

    it('BAD_USER_INPUT for a negative radius, more intermediaries than the maximum, both a buyer and a place, or neither', async () => {
      const negative = await errorOf({ ...FLOUR_TO_KITCHEN, local: { radiusKm: -5 } });
      expect(negative).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(negative.message).toContain('radiusKm must be more than 0');
      const deep = await errorOf({ ...FLOUR_TO_KITCHEN, maxIntermediaries: 4 });
      expect(deep).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', max: 3 } });
      expect(deep.message).toBe('maxIntermediaries must be a whole number from 0 (direct sales only) to 3 (the maximum); got 4');
      const both = await errorOf({ ...FLOUR_TO_KITCHEN, place: { communeInsee: VALENCE } });
      expect(both).toMatchObject({
        message: 'Give the buyer as exactly one of buyerId or place; got buyerId and place',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect((await errorOf({ productId: 'farine' })).extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf({ ...FLOUR_TO_KITCHEN, productName: 'farine' })).extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf({ ...FLOUR_TO_KITCHEN, local: { radiusKm: 50, scope: 'EPCI' } })).extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf({ ...FLOUR_TO_KITCHEN, months: [13] })).extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf({ ...FLOUR_TO_KITCHEN, minVolume: -1 })).extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf(FLOUR_TO_KITCHEN, { first: 0 })).extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('BAD_USER_INPUT saying so for a buyer with neither coordinates nor a commune', async () => {
      const error = await errorOf({ ...FLOUR_TO_KITCHEN, buyerId: 'ss-nowhere' });
      expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(error.message).toBe(
        'Actor "ss-nowhere" has neither a location nor a commune, so distances and delivery areas cannot be measured: give a place instead',
      );
    });
  });

  describe('the batch service, for matchmaking many needs in one pipeline', () => {
    it('answers several requests at once, each as the GraphQL query does', async () => {
      const places = await findBuyerPlaces(db, ['ss-cuisine', 'ss-nowhere', 'ss-personne']);
      expect(places.get('ss-cuisine')).toEqual({
        actorId: 'ss-cuisine',
        point: KITCHEN,
        communeInsee: VALENCE,
        epciSiren: VRA_SIREN,
        departmentCode: '26',
      });
      expect(places.get('ss-nowhere')).toBeNull();
      expect(places.get('ss-personne')).toBeNull();
      const buyer = places.get('ss-cuisine')!;
      const counted = db.counting();
      const result = await findSupplierMatches(counted, [
        { key: 'flour', buyer, productIds: ['farine'], organic: true },
        { key: 't65-epci', buyer, productIds: ['farine-ble-t65'], organic: true, local: { scope: LocalScope.EPCI } },
        { key: 'flour-2', buyer, productIds: ['farine'], organic: true, maxIntermediaries: 2, limit: 3 },
      ]);
      // the question's pipeline without its resolution, for the three requests at once: candidates,
      // direct check, ways, delivering resellers, maps
      expect(counted.queryCount).toBe(5);
      const graphql = (await answer(FLOUR_TO_KITCHEN)).matches.edges.map(({ node }) => `${node.supplier.id}/${node.offer.id}`);
      expect(result.get('flour')!.map((m) => `${m.supplier.id}/${m.offer.id}`)).toEqual(graphql);
      expect(result.get('t65-epci')).toEqual([]);
      expect(result.get('flour-2')!.map((m) => m.offer.id)).toEqual(['ss-o-ete', 'ss-o-moulin', 'ss-o-nocoord']);
      expect(result.get('flour')![0]).toMatchObject({
        distanceKm: 0,
        distanceM: 0,
        circuitCourt: true,
        key: [0, 0, 'ss-moulin-ete', 'ss-o-ete'],
      });
    });

    it("skips the direct check when every candidate's delivery radius reaches the buyer, and runs it for the others", async () => {
      const buyer = (await findBuyerPlaces(db, ['ss-cuisine'])).get('ss-cuisine')!;
      // Within 1 km of the kitchen only the summer mill of Valence (0 km; it delivers within 20 km).
      const near = { key: 'near', buyer, productIds: ['farine'], organic: true, local: { scope: LocalScope.RADIUS, radiusKm: 1 } };
      const counted = db.counting();
      const result = await findSupplierMatches(counted, [near]);
      expect(result.get('near')!.map((m) => [m.offer.id, m.intermediaries, m.circuitCourt])).toEqual([['ss-o-ete', 0, true]]);
      // The candidates and the maps of the page: no direct check, no way through resellers.
      expect(counted.queryCount).toBe(2);

      // Beside it, a mill whose radius is 5 km and that already sells the kitchen (Montélimar): the
      // direct check runs for that one, and finds it direct.
      const withMontelimar = await findSupplierMatches(db, [{ ...near, local: { scope: LocalScope.RADIUS, radiusKm: 100 } }]);
      const montelimar = withMontelimar.get('near')!.find((m) => m.supplier.id === 'ss-moulin-mtl');
      expect(montelimar).toMatchObject({ intermediaries: 0, circuitCourt: true });
    });

    it('has Neo4j count the offers within their delivery radius and send only the first of the page, and every other candidate', async () => {
      const buyer = (await findBuyerPlaces(db, ['ss-cuisine'])).get('ss-cuisine')!;
      type Found = {
        key: string;
        withinCount: number;
        candidates: { offerId: string; withinRadius: boolean; distanceM: number; supplierId: string }[];
      };
      const candidatesOf = async (request: Parameters<typeof toRequestParams>[0]) => {
        const [found] = await db.read<Found>(SUPPLIER_STATEMENTS.SUPPLIER_CANDIDATES, {
          requests: { [request.key]: toRequestParams(request) },
          keys: [request.key],
        });
        return {
          withinCount: found.withinCount,
          within: found.candidates.filter((c) => c.withinRadius).map((c) => c.offerId),
          others: found.candidates
            .filter((c) => !c.withinRadius)
            .map((c) => c.offerId)
            .sort(),
          last: found.candidates.filter((c) => c.withinRadius).at(-1)!,
        };
      };
      // The direct matches by radius, by distance: ete, moulin, nocoord, crest-1, crest-2, crestb, privas, lyon.
      const first = await candidatesOf({ key: 'q', buyer, productIds: ['farine'], organic: true, limit: 3 });
      expect(first.withinCount).toBe(8);
      expect(first.within).toEqual(['ss-o-ete', 'ss-o-moulin', 'ss-o-nocoord']);
      // Outside their radius, whatever the page: the delivery areas, the existing sale, the ways through
      // resellers, and Nyons, whose only way (two resellers) the question does not allow.
      const outside = ['ss-o-die', 'ss-o-diois', 'ss-o-listed', 'ss-o-mtl', 'ss-o-nyons', 'ss-o-romans'];
      expect(first.others).toEqual(outside);

      const after: [number, number, string, string] = [0, first.last.distanceM, first.last.supplierId, first.last.offerId];
      const second = await candidatesOf({ key: 'q', buyer, productIds: ['farine'], organic: true, limit: 3, after });
      expect(second).toMatchObject({ withinCount: 8, within: ['ss-o-crest-1', 'ss-o-crest-2', 'ss-o-crestb'], others: outside });
      // A cursor among the matches through a reseller is after every direct one.
      const beyond = await candidatesOf({ key: 'q', buyer, productIds: ['farine'], organic: true, limit: 3, after: [1, 0, 'a', 'a'] });
      expect(beyond).toMatchObject({ withinCount: 8, within: [], others: outside });
    });

    it('refuses an out-of-range request', async () => {
      const buyer = { actorId: null, point: KITCHEN, communeInsee: VALENCE, epciSiren: VRA_SIREN, departmentCode: '26' };
      await expect(findSupplierMatches(db, [{ key: 'x', buyer, productIds: ['farine'], maxIntermediaries: 5 }])).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });
  });
});

/** Expected order of "supplier/offer/intermediaries" ways: intermediaries, distance from the test kitchen, supplier id, offer id. */
function byExpectedOrder(a: string, b: string): number {
  const key = (w: string) => {
    const [supplier, offerId, n] = w.split('/');
    return { n: Number(n), d: distanceKm(POINT[supplier], KITCHEN), supplier, offerId };
  };
  const x = key(a);
  const y = key(b);
  return x.n - y.n || x.d - y.d || x.supplier.localeCompare(y.supplier) || x.offerId.localeCompare(y.offerId);
}

describe('suppliers on the Drôme seed', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;

  beforeAll(async () => {
    db = await connectSlowPlanningDb();
    await seededGraph(db);
    runner = await createRunner(db);
  }, 300_000);

  afterAll(async () => {
    await runner.stop();
    await db.close();
  });

  it('answers "who can supply organic flour to the Valence Romans Agglo central kitchen" with local, organic, circuit-court matches', async () => {
    const kitchens = await db.read<{ id: string }>(`MATCH (a:Actor {name: 'Cuisine centrale de Valence Romans Agglo'}) RETURN a.id AS id`);
    expect(kitchens).toHaveLength(1);
    const res = await runner.run(SUPPLIERS, { input: { productName: 'farine', organic: true, buyerId: kitchens[0].id }, first: 200 });
    expect(res.errors).toBeUndefined();
    expect(res.queries).toBeLessThanOrEqual(7);
    const { matches, product, local } = res.data!.suppliers;
    expect(product.id).toBe('farine');
    expect(local.isDefault).toBe(true);
    expect(matches.totalCount).toBeGreaterThan(0);
    const nodes = matches.edges.map(({ node }) => node);
    for (const m of nodes) {
      expect(m.distanceKm).toBeLessThanOrEqual(100);
      expect(m.intermediaries).toBeLessThanOrEqual(1);
      expect(m.circuitCourt).toBe(true);
      expect(m.product.id.startsWith('farine')).toBe(true);
      expect(m.path[0]).toMatchObject({ kind: 'SUPPLIER', actor: { id: m.supplier.id }, distanceKm: null });
      expect(m.path[m.path.length - 1]).toMatchObject({ kind: 'BUYER', actor: { id: kitchens[0].id } });
      expect(m.path).toHaveLength(m.intermediaries + 2);
    }
    const order = nodes.map((m) => [m.intermediaries, m.distanceKm] as const);
    expect([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1])).toEqual(order);
    // The known chain: the organic T80 flour of the Moulin de la Véore reaches the kitchen.
    const names = await db.read<{ id: string }>(`MATCH (a:Actor) WHERE a.name STARTS WITH 'Moulin de la Véore' RETURN a.id AS id`);
    expect(names.length).toBeGreaterThan(0);
    expect(nodes.map((m) => m.supplier.id)).toContain(names[0].id);
  });
});
