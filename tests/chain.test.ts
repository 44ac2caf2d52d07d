import { ActorRole } from '../src/actor/actor.enums';
import { distanceKm } from '../src/territory';
import type { Database } from '../src/db';
import { writeBundle } from '../src/records';
import { VolumeUnit } from '../src/product/product.enums';
import { loadReferenceData, readCommunes } from '../tools/seed';
import { clearGraph, connectTestDb } from './helpers/db';
import { actor, bundle, link } from './helpers/fixtures';
import { createRunner, graphql, type ResultOf } from './helpers/graphql';

const { FARM, COOPERATIVE, MILL, BAKERY, DAIRY, WHOLESALER, RETAILER, CANTEEN, CENTRAL_KITCHEN } = ActorRole;

const CREST = '26108';
const CHABEUIL = '26064';
const DIE = '26113';
const ROMANS = '26281';
const VALENCE = '26362';
const NYONS = '26220';
const MONTELIMAR = '26198';
const PRIVAS = '07186';
const CC_DU_DIOIS = '242600534';

const COMMUNES = new Map(readCommunes().map((c) => [c.insee, c]));
const km = (from: string, to: string) => {
  const [a, b] = [COMMUNES.get(from)!, COMMUNES.get(to)!];
  return distanceKm({ latitude: a.latitude, longitude: a.longitude }, { latitude: b.latitude, longitude: b.longitude });
};
const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Chains whose answers are known; every actor stands at its commune's centroid.
 *
 * bread (all AB):   ch-farm (Crest) -a1 wheat-> ch-coop (Chabeuil) -a2 wheat-> ch-mill (Romans)
 *                   -a3 T80 flour-> ch-bakery (Valence) -a4 country bread-> ch-kitchen (Montélimar)
 * diamond:          dm-farm -d1-> dm-coop -d2-> dm-mill1 -d4 T65-> dm-bakery -d6 bread (d4, d5)-> dm-kitchen
 *                                   dm-coop -d3-> dm-mill2 -d5 T80-> dm-bakery
 * cycle:            cy-a -c1 flour (from c2)-> cy-b -c2 flour (from c1)-> cy-a
 * unknown origin:   pu-mill -pu1 flour (no provenance)-> pu-bakery -pu2 bread-> pu-kitchen
 *
 * Every operator holds an Agence Bio number, as in LABELLED below.
 */
const CHAINS = bundle({
  actors: [
    actor('ch-farm', 'EARL des Blés de Crest', [FARM], CREST, { agenceBioNumber: 'AB-ch-farm' }),
    actor('ch-coop', 'Silo Bio de Chabeuil', [COOPERATIVE], CHABEUIL, { agenceBioNumber: 'AB-ch-coop' }),
    actor('ch-mill', 'Moulin de Romans', [MILL], ROMANS, { agenceBioNumber: 'AB-ch-mill' }),
    actor('ch-bakery', 'Boulangerie du Champ de Mars', [BAKERY], VALENCE, { agenceBioNumber: 'AB-ch-bakery' }),
    actor('ch-kitchen', 'Cuisine centrale de Montélimar', [CENTRAL_KITCHEN], MONTELIMAR, { agenceBioNumber: 'AB-ch-kitchen' }),

    actor('dm-farm', 'Ferme du Diamant', [FARM], CREST, { agenceBioNumber: 'AB-dm-farm' }),
    actor('dm-coop', 'Coopérative du Diamant', [COOPERATIVE], CHABEUIL, { agenceBioNumber: 'AB-dm-coop' }),
    actor('dm-mill1', 'Moulin Un', [MILL], ROMANS, { agenceBioNumber: 'AB-dm-mill1' }),
    actor('dm-mill2', 'Moulin Deux', [MILL], DIE, { agenceBioNumber: 'AB-dm-mill2' }),
    actor('dm-bakery', 'Boulangerie des Deux Moulins', [BAKERY], VALENCE, { agenceBioNumber: 'AB-dm-bakery' }),
    actor('dm-kitchen', 'Cantine des Deux Moulins', [CANTEEN], VALENCE, { agenceBioNumber: 'AB-dm-kitchen' }),

    actor('cy-a', 'Négoce Aller', [WHOLESALER], VALENCE, { agenceBioNumber: 'AB-cy-a' }),
    actor('cy-b', 'Négoce Retour', [WHOLESALER], ROMANS, { agenceBioNumber: 'AB-cy-b' }),

    actor('pu-mill', 'Moulin Sans Mémoire', [MILL], ROMANS, { agenceBioNumber: 'AB-pu-mill' }),
    actor('pu-bakery', 'Boulangerie Confiante', [BAKERY], VALENCE, { agenceBioNumber: 'AB-pu-bakery' }),
    actor('pu-kitchen', 'Cantine Confiante', [CANTEEN], VALENCE, { agenceBioNumber: 'AB-pu-kitchen' }),
  ],
  supplyLinks: [
    link('ch-a1', 'ch-farm', 'ch-coop', 'ble-tendre', ['ab'], { volume: 50000 }),
    link('ch-a2', 'ch-coop', 'ch-mill', 'ble-tendre', ['ab'], { volume: 40000, sourcedFromIds: ['ch-a1'] }),
    link('ch-a3', 'ch-mill', 'ch-bakery', 'farine-ble-t80', ['ab'], { volume: 12000, sourcedFromIds: ['ch-a2'] }),
    link('ch-a4', 'ch-bakery', 'ch-kitchen', 'pain-de-campagne', ['ab'], {
      volume: 9000,
      unit: VolumeUnit.UNIT,
      sourcedFromIds: ['ch-a3'],
    }),

    link('dm-d1', 'dm-farm', 'dm-coop', 'ble-tendre', [], { volume: 30000 }),
    link('dm-d2', 'dm-coop', 'dm-mill1', 'ble-tendre', [], { volume: 15000, sourcedFromIds: ['dm-d1'] }),
    link('dm-d3', 'dm-coop', 'dm-mill2', 'ble-tendre', [], { volume: 14000, sourcedFromIds: ['dm-d1'] }),
    link('dm-d4', 'dm-mill1', 'dm-bakery', 'farine-ble-t65', [], { volume: 5000, sourcedFromIds: ['dm-d2'] }),
    link('dm-d5', 'dm-mill2', 'dm-bakery', 'farine-ble-t80', [], { volume: 4000, sourcedFromIds: ['dm-d3'] }),
    link('dm-d6', 'dm-bakery', 'dm-kitchen', 'pain', [], { volume: 8000, unit: VolumeUnit.UNIT, sourcedFromIds: ['dm-d4', 'dm-d5'] }),

    link('cy-c1', 'cy-a', 'cy-b', 'farine-ble-t80', [], { volume: 700, sourcedFromIds: ['cy-c2'] }),
    link('cy-c2', 'cy-b', 'cy-a', 'farine-ble-t80', [], { volume: 600, sourcedFromIds: ['cy-c1'] }),

    link('pu-1', 'pu-mill', 'pu-bakery', 'farine-ble-t80', [], { volume: 3000 }),
    link('pu-2', 'pu-bakery', 'pu-kitchen', 'pain-de-campagne', [], { volume: 2000, unit: VolumeUnit.UNIT, sourcedFromIds: ['pu-1'] }),
  ],
});

/**
 * Labelled chains for label integrity (AB unless said):
 *
 * broken (Die):     br-farm -br1 wheat (conv.)-> br-mill -br2 T65 (conv.)-> br-bakery -br3 bread AB-> br-college
 * deep break:       dp-farm -dp1 AB-> dp-coop -dp2 conv.-> dp-mill -dp3 AB-> dp-bakery -dp4 bread AB-> dp-shop
 * two flours:       mx-farm -mx0 AB-> mx-mill -mx1 AB-> mx-bakery, mx-mill -mx2 conv.-> mx-bakery -mx3 bread AB (mx1, mx2)-> mx-kitchen
 * unverifiable:     uv-mill (Privas, 07) -uv1 AB, no provenance-> uv-bakery -uv2 bread AB-> uv-kitchen
 * EU organic:       eo-farm -eo1 wheat EU organic-> eo-mill -eo2 T80 AB-> eo-bakery
 * Picodon AOP:      pc-farm -pc1 goat milk-> pc-dairy (Die) -pc2 Picodon AOP-> pc-shop
 * loop (Privas):    lc-a -lc1 flour AB (from lc2)-> lc-b -lc2 flour AB (from lc1)-> lc-a
 *
 * Every operator here holds an Agence Bio number: these chains are about provenance, and the
 * uncertified operators of issue 11 are tests/rules-graph.test.ts's.
 */
const LABELLED = bundle({
  actors: [
    actor('br-farm', 'Ferme Conventionnelle du Diois', [FARM], DIE, { agenceBioNumber: 'AB-br-farm' }),
    actor('br-mill', 'Minoterie du Diois', [MILL], DIE, { agenceBioNumber: 'AB-br-mill' }),
    actor('br-bakery', 'Fournil de Die', [BAKERY], DIE, { agenceBioNumber: 'AB-br-bakery' }),
    actor('br-college', 'Collège de Die', [CANTEEN], DIE, { agenceBioNumber: 'AB-br-college' }),

    actor('dp-farm', 'Ferme Bio de Crest', [FARM], CREST, { agenceBioNumber: 'AB-dp-farm' }),
    actor('dp-coop', 'Coopérative Mélangeuse', [COOPERATIVE], CREST, { agenceBioNumber: 'AB-dp-coop' }),
    actor('dp-mill', 'Moulin Bio de Romans', [MILL], ROMANS, { agenceBioNumber: 'AB-dp-mill' }),
    actor('dp-bakery', 'Boulangerie Bio de Romans', [BAKERY], ROMANS, { agenceBioNumber: 'AB-dp-bakery' }),
    actor('dp-shop', 'Épicerie Bio de Romans', [RETAILER], ROMANS, { agenceBioNumber: 'AB-dp-shop' }),

    actor('mx-farm', 'Ferme Bio de Chabeuil', [FARM], CHABEUIL, { agenceBioNumber: 'AB-mx-farm' }),
    actor('mx-mill', 'Moulin de Chabeuil', [MILL], CHABEUIL, { agenceBioNumber: 'AB-mx-mill' }),
    actor('mx-bakery', 'Boulangerie aux Deux Farines', [BAKERY], VALENCE, { agenceBioNumber: 'AB-mx-bakery' }),
    actor('mx-kitchen', 'Cantine aux Deux Farines', [CANTEEN], VALENCE, { agenceBioNumber: 'AB-mx-kitchen' }),

    actor('uv-mill', 'Moulin de Privas', [MILL], PRIVAS, { agenceBioNumber: 'AB-uv-mill' }),
    actor('uv-bakery', 'Boulangerie Invérifiable', [BAKERY], VALENCE, { agenceBioNumber: 'AB-uv-bakery' }),
    actor('uv-kitchen', 'Cantine Invérifiable', [CANTEEN], VALENCE, { agenceBioNumber: 'AB-uv-kitchen' }),

    actor('eo-farm', 'Ferme Européenne de Nyons', [FARM], NYONS, { agenceBioNumber: 'AB-eo-farm' }),
    actor('eo-mill', 'Moulin de Nyons', [MILL], NYONS, { agenceBioNumber: 'AB-eo-mill' }),
    actor('eo-bakery', 'Boulangerie de Nyons', [BAKERY], NYONS, { agenceBioNumber: 'AB-eo-bakery' }),

    actor('pc-farm', 'Chèvrerie du Glandasse', [FARM], DIE, { agenceBioNumber: 'AB-pc-farm' }),
    actor('pc-dairy', 'Fromagerie du Diois', [DAIRY], DIE, { agenceBioNumber: 'AB-pc-dairy' }),
    actor('pc-shop', 'Crèmerie de Valence', [RETAILER], VALENCE, { agenceBioNumber: 'AB-pc-shop' }),

    actor('lc-a', 'Négoce Bio Aller', [WHOLESALER], PRIVAS, { agenceBioNumber: 'AB-lc-a' }),
    actor('lc-b', 'Négoce Bio Retour', [WHOLESALER], PRIVAS, { agenceBioNumber: 'AB-lc-b' }),
  ],
  supplyLinks: [
    link('br-1', 'br-farm', 'br-mill', 'ble-tendre', []),
    link('br-2', 'br-mill', 'br-bakery', 'farine-ble-t65', [], { sourcedFromIds: ['br-1'] }),
    link('br-3', 'br-bakery', 'br-college', 'pain-de-campagne', ['ab'], { sourcedFromIds: ['br-2'] }),

    link('dp-1', 'dp-farm', 'dp-coop', 'ble-tendre', ['ab']),
    link('dp-2', 'dp-coop', 'dp-mill', 'ble-tendre', [], { sourcedFromIds: ['dp-1'] }),
    link('dp-3', 'dp-mill', 'dp-bakery', 'farine-ble-t80', ['ab'], { sourcedFromIds: ['dp-2'] }),
    link('dp-4', 'dp-bakery', 'dp-shop', 'pain', ['ab'], { sourcedFromIds: ['dp-3'] }),

    link('mx-0', 'mx-farm', 'mx-mill', 'ble-tendre', ['ab']),
    link('mx-1', 'mx-mill', 'mx-bakery', 'farine-ble-t80', ['ab'], { sourcedFromIds: ['mx-0'] }),
    link('mx-2', 'mx-mill', 'mx-bakery', 'farine-ble-t65', [], { sourcedFromIds: ['mx-0'] }),
    link('mx-3', 'mx-bakery', 'mx-kitchen', 'pain-de-campagne', ['ab'], { sourcedFromIds: ['mx-1', 'mx-2'] }),

    link('uv-1', 'uv-mill', 'uv-bakery', 'farine-ble-t80', ['ab']),
    link('uv-2', 'uv-bakery', 'uv-kitchen', 'pain-de-campagne', ['ab'], { sourcedFromIds: ['uv-1'] }),

    link('eo-1', 'eo-farm', 'eo-mill', 'ble-tendre', ['eu-organic']),
    link('eo-2', 'eo-mill', 'eo-bakery', 'farine-ble-t80', ['ab'], { sourcedFromIds: ['eo-1'] }),

    link('pc-1', 'pc-farm', 'pc-dairy', 'lait-de-chevre', [], { unit: VolumeUnit.LITRE }),
    link('pc-2', 'pc-dairy', 'pc-shop', 'picodon', ['picodon-aop'], { sourcedFromIds: ['pc-1'] }),

    link('lc-1', 'lc-a', 'lc-b', 'farine-ble-t80', ['ab'], { sourcedFromIds: ['lc-2'] }),
    link('lc-2', 'lc-b', 'lc-a', 'farine-ble-t80', ['ab'], { sourcedFromIds: ['lc-1'] }),
  ],
});

graphql(`
  fragment ChainFields on ChainGraph {
    direction
    rootActor {
      id
    }
    product {
      id
    }
    maxDepth
    truncated
    totalDistanceKm
    farms {
      id
    }
    nodes {
      actor {
        id
      }
      depth
      roles
      provenanceUnknown
    }
    edges {
      link {
        id
      }
      supplierId
      buyerId
      product {
        id
      }
      labels {
        id
      }
      volume
      unit
      distanceKm
      depth
      sourcedFromIds
      provenanceUnknown
    }
  }
`);
const UPSTREAM = graphql(`
  query Up($actorId: String!, $productId: String!, $maxDepth: Int) {
    upstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) {
      ...ChainFields
    }
  }
`);
const DOWNSTREAM = graphql(`
  query Down($actorId: String!, $productId: String!, $maxDepth: Int) {
    downstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) {
      ...ChainFields
    }
  }
`);
type ChainGraph = ResultOf<typeof UPSTREAM>['upstream'];

const INTEGRITY = graphql(`
  query Integrity($scope: IntegrityScopeInput!, $labelId: String, $organic: Boolean) {
    labelIntegrity(scope: $scope, labelId: $labelId, organic: $organic) {
      label {
        id
      }
      organic
      maxDepth
      summary {
        checked
        intact
        broken
        unknownProvenance
      }
      brokenChains {
        link {
          id
        }
        breaksAt {
          id
        }
        path {
          id
        }
        depth
      }
      unverifiedLinks {
        id
      }
    }
  }
`);

const ids = (items: { id: string }[]) => items.map((i) => i.id);
const nodeDepths = (graph: ChainGraph) => graph.nodes.map((n) => [n.actor.id, n.depth]);
const edgeDepths = (graph: ChainGraph) => graph.edges.map((e) => [e.link.id, e.depth]);

describe('chain tracing and label integrity on hand-built chains', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;

  beforeAll(async () => {
    db = await connectTestDb();
    await clearGraph(db);
    await loadReferenceData(db);
    await db.transaction('WRITE', async (tx) => {
      await writeBundle(tx, CHAINS);
      await writeBundle(tx, LABELLED);
    });
    runner = await createRunner(db);
  }, 180_000);

  afterAll(async () => {
    await runner.stop();
    await clearGraph(db);
    await db.close();
  });

  const upstream = async (actorId: string, productId: string, maxDepth?: number) => {
    const res = await runner.run(UPSTREAM, { actorId, productId, maxDepth });
    expect(res.errors).toBeUndefined();
    return { graph: res.data!.upstream, queries: res.queries };
  };
  const downstream = async (actorId: string, productId: string, maxDepth?: number) => {
    const res = await runner.run(DOWNSTREAM, { actorId, productId, maxDepth });
    expect(res.errors).toBeUndefined();
    return { graph: res.data!.downstream, queries: res.queries };
  };
  const integrity = async (variables: { scope: Record<string, string>; labelId?: string; organic?: boolean }) => {
    const res = await runner.run(INTEGRITY, variables);
    expect(res.errors).toBeUndefined();
    return { report: res.data!.labelIntegrity, queries: res.queries };
  };

  describe('upstream', () => {
    it("follows a kitchen's bread back through bakery, mill and cooperative to the farm, in one round trip", async () => {
      const { graph, queries } = await upstream('ch-kitchen', 'pain');
      expect(queries).toBe(1);
      expect(graph).toMatchObject({
        direction: 'UPSTREAM',
        rootActor: { id: 'ch-kitchen' },
        product: { id: 'pain' },
        maxDepth: 4,
        truncated: false,
      });
      expect(nodeDepths(graph)).toEqual([
        ['ch-kitchen', 0],
        ['ch-bakery', 1],
        ['ch-mill', 2],
        ['ch-coop', 3],
        ['ch-farm', 4],
      ]);
      expect(graph.edges).toEqual([
        {
          link: { id: 'ch-a4' },
          supplierId: 'ch-bakery',
          buyerId: 'ch-kitchen',
          product: { id: 'pain-de-campagne' },
          labels: [{ id: 'ab' }],
          volume: 9000,
          unit: 'UNIT',
          distanceKm: round(km(VALENCE, MONTELIMAR)),
          depth: 1,
          sourcedFromIds: ['ch-a3'],
          provenanceUnknown: false,
        },
        {
          link: { id: 'ch-a3' },
          supplierId: 'ch-mill',
          buyerId: 'ch-bakery',
          product: { id: 'farine-ble-t80' },
          labels: [{ id: 'ab' }],
          volume: 12000,
          unit: 'KG',
          distanceKm: round(km(ROMANS, VALENCE)),
          depth: 2,
          sourcedFromIds: ['ch-a2'],
          provenanceUnknown: false,
        },
        {
          link: { id: 'ch-a2' },
          supplierId: 'ch-coop',
          buyerId: 'ch-mill',
          product: { id: 'ble-tendre' },
          labels: [{ id: 'ab' }],
          volume: 40000,
          unit: 'KG',
          distanceKm: round(km(CHABEUIL, ROMANS)),
          depth: 3,
          sourcedFromIds: ['ch-a1'],
          provenanceUnknown: false,
        },
        {
          link: { id: 'ch-a1' },
          supplierId: 'ch-farm',
          buyerId: 'ch-coop',
          product: { id: 'ble-tendre' },
          labels: [{ id: 'ab' }],
          volume: 50000,
          unit: 'KG',
          distanceKm: round(km(CREST, CHABEUIL)),
          depth: 4,
          sourcedFromIds: [],
          provenanceUnknown: false,
        },
      ]);
      expect(ids(graph.farms)).toEqual(['ch-farm']);
      expect(graph.nodes.every((n) => !n.provenanceUnknown)).toBe(true);
      expect(graph.nodes.find((n) => n.actor.id === 'ch-mill')!.roles).toEqual(['MILL']);
      const total = km(CREST, CHABEUIL) + km(CHABEUIL, ROMANS) + km(ROMANS, VALENCE) + km(VALENCE, MONTELIMAR);
      expect(graph.totalDistanceKm).toBeCloseTo(total, 2);
    });

    it('starts only from purchases of the product or a narrower one', async () => {
      const { graph } = await upstream('ch-kitchen', 'pain-de-campagne');
      expect(graph.edges).toHaveLength(4);
      const none = await upstream('ch-kitchen', 'farine');
      expect(nodeDepths(none.graph)).toEqual([['ch-kitchen', 0]]);
      expect(none.graph).toMatchObject({ edges: [], farms: [], truncated: false, totalDistanceKm: 0 });
    });

    it('cuts chains at maxDepth and says so', async () => {
      const { graph } = await upstream('ch-kitchen', 'pain', 3);
      expect(graph).toMatchObject({ maxDepth: 3, truncated: true, farms: [] });
      expect(edgeDepths(graph)).toEqual([
        ['ch-a4', 1],
        ['ch-a3', 2],
        ['ch-a2', 3],
      ]);
      expect(nodeDepths(graph).map(([id]) => id)).toEqual(['ch-kitchen', 'ch-bakery', 'ch-mill', 'ch-coop']);
      const one = await upstream('ch-kitchen', 'pain', 1);
      expect(edgeDepths(one.graph)).toEqual([['ch-a4', 1]]);
      expect(one.graph.truncated).toBe(true);
    });

    it('shows a cooperative and a farm shared by two mills once', async () => {
      const { graph, queries } = await upstream('dm-kitchen', 'pain');
      expect(queries).toBe(1);
      expect(graph.truncated).toBe(false);
      expect(nodeDepths(graph)).toEqual([
        ['dm-kitchen', 0],
        ['dm-bakery', 1],
        ['dm-mill2', 2],
        ['dm-mill1', 2],
        ['dm-coop', 3],
        ['dm-farm', 4],
      ]);
      expect(edgeDepths(graph)).toEqual([
        ['dm-d6', 1],
        ['dm-d4', 2],
        ['dm-d5', 2],
        ['dm-d2', 3],
        ['dm-d3', 3],
        ['dm-d1', 4],
      ]);
      expect(graph.edges[0].sourcedFromIds).toEqual(['dm-d4', 'dm-d5']);
      expect(ids(graph.farms)).toEqual(['dm-farm']);
      const viaMill1 = km(CREST, CHABEUIL) + km(CHABEUIL, ROMANS) + km(ROMANS, VALENCE);
      const viaMill2 = km(CREST, CHABEUIL) + km(CHABEUIL, DIE) + km(DIE, VALENCE);
      expect(graph.totalDistanceKm).toBeCloseTo(Math.max(viaMill1, viaMill2), 2);
    });

    it('terminates on a resale loop, each link and actor once', async () => {
      const { graph } = await upstream('cy-b', 'farine', 8);
      expect(graph.truncated).toBe(false);
      expect(nodeDepths(graph)).toEqual([
        ['cy-b', 0],
        ['cy-a', 1],
      ]);
      expect(edgeDepths(graph)).toEqual([
        ['cy-c1', 1],
        ['cy-c2', 2],
      ]);
      expect(graph.edges.map((e) => e.sourcedFromIds)).toEqual([['cy-c2'], ['cy-c1']]);
      expect(graph.farms).toEqual([]);
      expect(graph.totalDistanceKm).toBeCloseTo(2 * km(VALENCE, ROMANS), 2);
    });

    it('stops at a mill that declares no provenance and marks it, inventing nothing', async () => {
      const { graph } = await upstream('pu-kitchen', 'pain');
      expect(edgeDepths(graph)).toEqual([
        ['pu-2', 1],
        ['pu-1', 2],
      ]);
      expect(graph.edges.map((e) => [e.link.id, e.provenanceUnknown])).toEqual([
        ['pu-2', false],
        ['pu-1', true],
      ]);
      expect(graph.nodes.map((n) => [n.actor.id, n.provenanceUnknown])).toEqual([
        ['pu-kitchen', false],
        ['pu-bakery', false],
        ['pu-mill', true],
      ]);
      expect(graph).toMatchObject({ farms: [], truncated: false });
    });
  });

  describe('downstream', () => {
    it("follows a farm's wheat on to the flour, the bread and the kitchen", async () => {
      const { graph, queries } = await downstream('ch-farm', 'ble');
      expect(queries).toBe(1);
      expect(graph).toMatchObject({ direction: 'DOWNSTREAM', rootActor: { id: 'ch-farm' }, product: { id: 'ble' }, truncated: false });
      expect(nodeDepths(graph)).toEqual([
        ['ch-farm', 0],
        ['ch-coop', 1],
        ['ch-mill', 2],
        ['ch-bakery', 3],
        ['ch-kitchen', 4],
      ]);
      expect(edgeDepths(graph)).toEqual([
        ['ch-a1', 1],
        ['ch-a2', 2],
        ['ch-a3', 3],
        ['ch-a4', 4],
      ]);
      expect(graph.edges.map((e) => e.product.id)).toEqual(['ble-tendre', 'ble-tendre', 'farine-ble-t80', 'pain-de-campagne']);
      expect(graph.edges.map((e) => e.sourcedFromIds)).toEqual([[], ['ch-a1'], ['ch-a2'], ['ch-a3']]);
      expect(ids(graph.farms)).toEqual(['ch-farm']);
    });

    it('splits at a cooperative selling to two mills and joins again at the bakery', async () => {
      const { graph } = await downstream('dm-farm', 'ble-tendre', 2);
      expect(edgeDepths(graph)).toEqual([
        ['dm-d1', 1],
        ['dm-d2', 2],
        ['dm-d3', 2],
      ]);
      expect(graph.truncated).toBe(true);
      const full = await downstream('dm-farm', 'ble-tendre', 8);
      expect(edgeDepths(full.graph)).toEqual([
        ['dm-d1', 1],
        ['dm-d2', 2],
        ['dm-d3', 2],
        ['dm-d4', 3],
        ['dm-d5', 3],
        ['dm-d6', 4],
      ]);
      expect(full.graph.nodes.filter((n) => n.actor.id === 'dm-bakery')).toEqual([
        { actor: { id: 'dm-bakery' }, depth: 3, roles: ['BAKERY'], provenanceUnknown: false },
      ]);
      expect(full.graph.truncated).toBe(false);
    });
  });

  describe('errors and cost', () => {
    it('answers NOT_FOUND for an unknown actor or product', async () => {
      const actorRes = await runner.run(UPSTREAM, { actorId: 'nobody', productId: 'pain' });
      expect(actorRes.errors?.[0]).toMatchObject({ message: 'Actor "nobody" not found', extensions: { code: 'NOT_FOUND' } });
      const productRes = await runner.run(DOWNSTREAM, { actorId: 'ch-farm', productId: 'caviar' });
      expect(productRes.errors?.[0]).toMatchObject({ message: 'Product "caviar" not found', extensions: { code: 'NOT_FOUND' } });
    });

    it.each([0, 9, -1])('rejects maxDepth %i with the allowed range, before any query', async (maxDepth) => {
      const res = await runner.run(UPSTREAM, { actorId: 'ch-kitchen', productId: 'pain', maxDepth });
      expect(res.errors?.[0]).toMatchObject({
        message: `maxDepth must be between 1 and 8 supply links; got ${maxDepth}`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(res.queries).toBe(0);
    });

    it("costs the same few round trips whatever the chain's size, nested link fields included", async () => {
      const NESTED = graphql(`
        query UpNested($actorId: String!, $productId: String!) {
          upstream(actorId: $actorId, productId: $productId, maxDepth: 8) {
            nodes {
              actor {
                id
                name
              }
            }
            edges {
              link {
                id
                supplier {
                  name
                }
                buyer {
                  name
                }
                product {
                  id
                }
                labels {
                  id
                }
                sourcedFrom {
                  id
                }
              }
            }
          }
        }
      `);
      const small = await runner.run(NESTED, { actorId: 'pu-kitchen', productId: 'pain' });
      const large = await runner.run(NESTED, { actorId: 'dm-kitchen', productId: 'pain' });
      expect(small.errors).toBeUndefined();
      expect(large.errors).toBeUndefined();
      expect(large.data!.upstream.edges).toHaveLength(6);
      expect(large.queries).toBe(small.queries);
      expect(large.queries).toBeLessThanOrEqual(5);
    });
  });

  describe('label integrity', () => {
    it('reports organic bread made from conventional flour as broken at the flour link', async () => {
      const { report, queries } = await integrity({ scope: { actorId: 'br-bakery' } });
      expect(queries).toBe(1);
      expect(report).toEqual({
        label: { id: 'ab' },
        organic: false,
        maxDepth: 8,
        summary: { checked: 1, intact: 0, broken: 1, unknownProvenance: 0 },
        brokenChains: [{ link: { id: 'br-3' }, breaksAt: { id: 'br-2' }, path: [{ id: 'br-3' }, { id: 'br-2' }], depth: 2 }],
        unverifiedLinks: [],
      });
    });

    it('counts a chain organic back to the farm as intact', async () => {
      const { report } = await integrity({ scope: { actorId: 'ch-bakery' }, labelId: 'ab' });
      expect(report.summary).toEqual({ checked: 1, intact: 1, broken: 0, unknownProvenance: 0 });
      expect(report.brokenChains).toEqual([]);
    });

    it('names the first link upstream that lost the label, not the farther ones', async () => {
      const { report } = await integrity({ scope: { actorId: 'dp-bakery' } });
      expect(report.brokenChains).toEqual([
        { link: { id: 'dp-4' }, breaksAt: { id: 'dp-2' }, path: [{ id: 'dp-4' }, { id: 'dp-3' }, { id: 'dp-2' }], depth: 3 },
      ]);
    });

    it('breaks a bread made from two flours when one of them is conventional', async () => {
      const { report } = await integrity({ scope: { actorId: 'mx-bakery' } });
      expect(report.summary).toEqual({ checked: 1, intact: 0, broken: 1, unknownProvenance: 0 });
      expect(report.brokenChains.map((c) => [c.link.id, c.breaksAt.id])).toEqual([['mx-3', 'mx-2']]);
    });

    it('cannot verify labelled flour from a mill that names no wheat, nor a resale loop', async () => {
      const bakery = await integrity({ scope: { actorId: 'uv-bakery' } });
      expect(bakery.report.summary).toEqual({ checked: 1, intact: 0, broken: 0, unknownProvenance: 1 });
      expect(ids(bakery.report.unverifiedLinks)).toEqual(['uv-2']);
      const loop = await integrity({ scope: { actorId: 'lc-a' } });
      expect(loop.report.summary).toEqual({ checked: 1, intact: 0, broken: 0, unknownProvenance: 1 });
    });

    it('accepts any organic label with organic: true, where AB alone sees a break', async () => {
      const ab = await integrity({ scope: { actorId: 'eo-mill' } });
      expect(ab.report.brokenChains.map((c) => [c.link.id, c.breaksAt.id])).toEqual([['eo-2', 'eo-1']]);
      const organic = await integrity({ scope: { actorId: 'eo-mill' }, organic: true });
      expect(organic.report).toMatchObject({
        label: null,
        organic: true,
        summary: { checked: 1, intact: 1, broken: 0, unknownProvenance: 0 },
      });
    });

    it('does not ask goat milk to carry Picodon AOP', async () => {
      const { report } = await integrity({ scope: { actorId: 'pc-dairy' }, labelId: 'picodon-aop' });
      expect(report.summary).toEqual({ checked: 1, intact: 1, broken: 0, unknownProvenance: 0 });
      const ab = await integrity({ scope: { actorId: 'pc-dairy' } });
      expect(ab.report.summary.checked).toBe(0);
    });

    it('checks every labelled link of a product and its narrower products', async () => {
      const { report, queries } = await integrity({ scope: { productId: 'pain' } });
      expect(queries).toBe(1);
      expect(report.summary).toEqual({ checked: 5, intact: 1, broken: 3, unknownProvenance: 1 });
      expect(report.brokenChains.map((c) => [c.link.id, c.breaksAt.id, c.depth])).toEqual([
        ['br-3', 'br-2', 2],
        ['dp-4', 'dp-2', 3],
        ['mx-3', 'mx-2', 2],
      ]);
      expect(ids(report.unverifiedLinks)).toEqual(['uv-2']);
    });

    it('checks the links sold from a department or an EPCI', async () => {
      const drome = await integrity({ scope: { departmentCode: '26' } });
      expect(drome.queries).toBe(1);
      // AB links sold from the Drôme: ch-a1..a4, br-3, dp-1, dp-3, dp-4, mx-0, mx-1, mx-3, uv-2, eo-2.
      expect(drome.report.summary).toEqual({ checked: 13, intact: 7, broken: 5, unknownProvenance: 1 });
      expect(drome.report.brokenChains.map((c) => [c.link.id, c.breaksAt.id])).toEqual([
        ['br-3', 'br-2'],
        ['dp-3', 'dp-2'],
        ['dp-4', 'dp-2'],
        ['eo-2', 'eo-1'],
        ['mx-3', 'mx-2'],
      ]);
      const ardeche = await integrity({ scope: { departmentCode: '07' } });
      expect(ardeche.report.summary).toEqual({ checked: 3, intact: 0, broken: 0, unknownProvenance: 3 });
      expect(ids(ardeche.report.unverifiedLinks)).toEqual(['lc-1', 'lc-2', 'uv-1']);
      const diois = await integrity({ scope: { epciSiren: CC_DU_DIOIS } });
      expect(diois.report.summary).toEqual({ checked: 1, intact: 0, broken: 1, unknownProvenance: 0 });
      expect(diois.report.brokenChains.map((c) => c.link.id)).toEqual(['br-3']);
      const dromeOrganic = await integrity({ scope: { departmentCode: '26' }, organic: true });
      expect(dromeOrganic.report.summary).toEqual({ checked: 14, intact: 9, broken: 4, unknownProvenance: 1 });
    });

    it.each([
      [{}, 'got none'],
      [{ actorId: 'br-bakery', productId: 'pain' }, 'got actorId and productId'],
    ])('rejects a scope other than exactly one (%j)', async (scope, got) => {
      const res = await runner.run(INTEGRITY, { scope });
      expect(res.errors?.[0]).toMatchObject({
        message: `Give exactly one scope: actorId, productId, departmentCode or epciSiren; ${got}`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(res.queries).toBe(0);
    });

    it('rejects labelId together with organic: true, and a malformed SIREN', async () => {
      const both = await runner.run(INTEGRITY, { scope: { actorId: 'br-bakery' }, labelId: 'ab', organic: true });
      expect(both.errors?.[0]).toMatchObject({
        message: 'Give labelId or organic: true, not both',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const siren = await runner.run(INTEGRITY, { scope: { epciSiren: '2426' } });
      expect(siren.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(siren.errors)).toContain('epciSiren must be a SIREN of 9 digits');
    });

    it.each([
      [{ scope: { actorId: 'nobody' } }, 'Actor "nobody" not found'],
      [{ scope: { productId: 'caviar' } }, 'Product "caviar" not found'],
      [{ scope: { departmentCode: '99' } }, 'Department "99" not found'],
      [{ scope: { epciSiren: '999999999' } }, 'Epci "999999999" not found'],
      [{ scope: { actorId: 'br-bakery' }, labelId: 'bio-lunaire' }, 'Label "bio-lunaire" not found'],
    ])('answers NOT_FOUND for an unknown scope or label (%j)', async (variables, message) => {
      const res = await runner.run(INTEGRITY, variables);
      expect(res.errors?.[0]).toMatchObject({ message, extensions: { code: 'NOT_FOUND' } });
    });
  });
});
