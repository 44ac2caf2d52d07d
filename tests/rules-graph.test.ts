import type { Database } from '../src/db';
import { findRegionOfDepartment } from '../src/reasoning/local';
import { writeBundle } from '../src/records';
import { distanceKm } from '../src/territory';
import { loadReferenceData } from '../tools/seed';
import { BOUNDARY_POINT, CREST, CREST_CENTROID, RULES_GRAPH } from './fixtures/rules-graph';
import { clearGraph, connectTestDb } from './helpers/db';
import { createRunner, graphql, type VariablesOf } from './helpers/graphql';

/**
 * The rules of docs/reasoning.md (issue 11) on the hand-built graph of tests/fixtures/rules-graph.ts,
 * whose answers are known by construction: each expectation below is read off the fixture's chains
 * and distances, never off the output.
 */

const SUPPLIERS = graphql(`
  query RulesSuppliers($input: SupplierSearchInput!) {
    suppliers(input: $input, first: 50) {
      product {
        id
      }
      local {
        scope
        departmentCodes
        description
      }
      matches {
        totalCount
        nodes {
          supplier {
            id
          }
          offer {
            id
          }
          intermediaries
          circuitCourt
          distanceKm
          path {
            kind
            actor {
              id
            }
            product {
              id
            }
            distanceKm
          }
        }
      }
    }
  }
`);

const INTEGRITY = graphql(`
  query RulesIntegrity($scope: IntegrityScopeInput!, $labelId: String, $organic: Boolean) {
    labelIntegrity(scope: $scope, labelId: $labelId, organic: $organic) {
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
        kind
        breaksAt {
          id
        }
        path {
          id
        }
        depth
      }
    }
  }
`);

const UNMET = graphql(`
  query RulesUnmetNeeds($scope: MatchmakingScopeInput!) {
    unmetNeeds(scope: $scope, candidates: 5) {
      unmetCount
      needs {
        need {
          id
        }
        coverage
        coveringLinks
        candidates {
          offer {
            id
          }
        }
      }
    }
  }
`);

const LABELS = graphql(`
  query RulesLabels {
    labels {
      id
      organic
      organicClaim
      egalim
    }
  }
`);

const UPSTREAM = graphql(`
  query RulesUpstream($actorId: String!, $productId: String!) {
    upstream(actorId: $actorId, productId: $productId) {
      totalDistanceKm
    }
  }
`);

const POTENTIAL_BUYERS = graphql(`
  query RulesPotentialBuyers($producerId: String!) {
    potentialBuyers(producerId: $producerId) {
      totalCount
    }
  }
`);

const NEIGHBOURHOOD = graphql(`
  query RulesNeighbourhood($actorId: String!, $productId: String) {
    neighbourhood(actorId: $actorId, filter: { productId: $productId }) {
      truncated
    }
  }
`);

const PRODUCT_KINGDOM = graphql(`
  query RulesProductKingdom($id: String!) {
    product(id: $id) {
      kingdom
    }
  }
`);

const ORGANIC_LISTS = graphql(`
  query RulesOrganicLists($actors: ActorFilter!, $links: SupplyLinkFilter!) {
    actors(filter: $actors, first: 200) {
      nodes {
        id
      }
    }
    supplyLinks(filter: $links, first: 200) {
      nodes {
        id
      }
    }
  }
`);

const CREST_REPORT = graphql(`
  query RulesCrestReport {
    territoryReport(territory: { communeInsee: "26108" }, year: 2025) {
      catering {
        kitchens {
          kitchen {
            id
            publicBuyer
          }
          figures {
            purchaseValueEur
            organicValueEur
            qualityValueEur
            byFamily {
              family
              purchaseValueEur
              organicValueEur
            }
          }
        }
      }
    }
  }
`);

type SupplierInput = VariablesOf<typeof SUPPLIERS>['input'];

describe('the rules of docs/reasoning.md on a hand-built graph', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;

  beforeAll(async () => {
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await clearGraph(db);
    await loadReferenceData(db);
    await db.transaction('WRITE', (tx) => writeBundle(tx, RULES_GRAPH));
    runner = await createRunner(db);
  }, 180_000);

  afterAll(async () => {
    await runner.stop();
    await clearGraph(db);
    await db.close();
  });

  const ask = async (input: SupplierInput) => {
    const res = await runner.run(SUPPLIERS, { input });
    expect(res.errors).toBeUndefined();
    return res.data!.suppliers;
  };
  const offersOf = async (input: SupplierInput) => (await ask(input)).matches.nodes.map((m) => [m.offer.id, m.intermediaries]);

  describe('an offer reaches a buyer through its own goods', () => {
    it('answers differently with maxIntermediaries 0, 1 and 3: cherries need their three resellers, kiwis their retailer', async () => {
      const fruitsTo = (maxIntermediaries: number) => offersOf({ productId: 'fruits', buyerId: 'rg-resto', maxIntermediaries });
      // The cooperative's own apricots are direct (22 km from Pierrelatte, within its 60 km); the kiwis come
      // through rg-primeur, which bought them; the cherries only through coop → platform → wholesaler.
      expect(await fruitsTo(0)).toEqual([['rg-o-coop-abricot', 0]]);
      expect(await fruitsTo(1)).toEqual([
        ['rg-o-coop-abricot', 0],
        ['rg-o-kiwi', 1],
      ]);
      expect(await fruitsTo(3)).toEqual([
        ['rg-o-coop-abricot', 0],
        ['rg-o-kiwi', 1],
        ['rg-o-cerise', 3],
      ]);
    });

    it('follows the three resellers in order and counts the cooperative as one of them (circuit court: no)', async () => {
      const answer = await ask({ productId: 'cerise', buyerId: 'rg-cuisine', maxIntermediaries: 3 });
      expect(answer.matches.nodes).toHaveLength(1);
      const [match] = answer.matches.nodes;
      expect(match.circuitCourt).toBe(false);
      expect(match.path.map((s) => [s.kind, s.actor?.id, s.product.id])).toEqual([
        ['SUPPLIER', 'rg-verger', 'cerise'],
        ['INTERMEDIARY', 'rg-coop', 'cerise'],
        ['INTERMEDIARY', 'rg-plateforme', 'cerise'],
        ['INTERMEDIARY', 'rg-grossiste', 'cerise'],
        ['BUYER', 'rg-cuisine', 'cerise'],
      ]);
    });

    it("does not let a tomme offer ride the hub's picodon link, nor count a picodon sale for the tomme", async () => {
      // Through rg-hub (Crest), which only ever bought picodon.
      expect(await offersOf({ productId: 'fromage-de-chevre', buyerId: 'rg-cuisine', maxIntermediaries: 1 })).toEqual([
        ['rg-o-picodon', 1],
      ]);
      // rg-college already buys picodon from the farm: that sale reaches it for the picodon offer only.
      expect(await offersOf({ productId: 'fromage-de-chevre', buyerId: 'rg-college', maxIntermediaries: 0 })).toEqual([
        ['rg-o-picodon', 0],
      ]);
    });

    it("reaches a kitchen beyond the mill's own radius through the wholesaler, not directly", async () => {
      expect(await offersOf({ productId: 'farine-ble-t80', buyerId: 'rg-cuisine', maxIntermediaries: 0 })).toEqual([]);
      const answer = await ask({ productId: 'farine-ble-t80', buyerId: 'rg-cuisine', maxIntermediaries: 1 });
      expect(answer.matches.nodes.map((m) => [m.supplier.id, m.intermediaries, m.circuitCourt])).toEqual([['rg-moulin', 1, true]]);
      expect(answer.matches.nodes[0].path.map((s) => s.actor?.id)).toEqual(['rg-moulin', 'rg-grossiste', 'rg-cuisine']);
      // The mill stands 19.6 km from the kitchen, beyond its 10 km; the wholesaler's 60 km reach it.
      expect(answer.matches.nodes[0].distanceKm).toBeCloseTo(19.6, 0);
    });

    it('breaks a tie between two equal ways by the smaller intermediary id', async () => {
      const answer = await ask({ productId: 'noix', buyerId: 'rg-cuisine', maxIntermediaries: 1 });
      expect(answer.matches.nodes.map((m) => m.path.map((s) => s.actor?.id))).toEqual([['rg-noyeraie', 'rg-epicerie-a', 'rg-cuisine']]);
    });
  });

  describe('local', () => {
    it('counts a supplier exactly on the radius boundary as local, and not a hair inside it', async () => {
      const [{ d }] = await db.read<{ d: number }>(
        'RETURN point.distance(point({latitude: $a.latitude, longitude: $a.longitude}), point({latitude: $b.latitude, longitude: $b.longitude})) AS d',
        { a: BOUNDARY_POINT, b: CREST_CENTROID },
      );
      // By hand: the same meridian, 0.0668° apart, on Neo4j's sphere of 6,378,140 m.
      expect(d).toBeCloseTo((6378140 * 0.0668 * Math.PI) / 180, 3);
      expect(distanceKm(BOUNDARY_POINT, CREST_CENTROID)).toBeCloseTo(7.4, 1);
      const radiusKm = exactRadiusKm(d);
      const eggs = (r: number) => offersOf({ productId: 'oeufs', buyerId: 'rg-cuisine', local: { radiusKm: r } });
      expect(await eggs(radiusKm)).toEqual([['rg-o-oeufs', 0]]);
      expect(await eggs(largestRadiusKmBelow(d))).toEqual([]);
    });

    it('adds REGION: Auvergne-Rhône-Alpes takes Lyon and leaves the Vaucluse out, unlike the neighbouring departments', async () => {
      const honey = (local: SupplierInput['local']) => ask({ productId: 'miel', buyerId: 'rg-cuisine', local });
      const region = await honey({ scope: 'REGION' });
      expect(region.matches.nodes.map((m) => m.supplier.id)).toEqual(['rg-miel-26', 'rg-miel-69']);
      expect(region.local).toEqual({
        scope: 'REGION',
        departmentCodes: ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'],
        description: "in the buyer's region (Auvergne-Rhône-Alpes: 01, 03, 07, 15, 26, 38, 42, 43, 63, 69, 73, 74)",
      });
      const neighbours = await honey({ scope: 'DEPARTMENT_AND_NEIGHBOURS' });
      expect(neighbours.matches.nodes.map((m) => m.supplier.id)).toEqual(['rg-miel-26', 'rg-miel-84']);
      expect((await honey({ scope: 'DEPARTMENT' })).matches.nodes.map((m) => m.supplier.id)).toEqual(['rg-miel-26']);
      // The default radius of 100 km: Lyon is 115 km away.
      expect((await honey(null)).matches.nodes.map((m) => m.supplier.id)).toEqual(['rg-miel-26', 'rg-miel-84']);
    });

    it("agrees with the reference geography's regions for every department it holds", async () => {
      const rows = await db.read<{ department: string; region: string; name: string }>(
        'MATCH (d:Department)-[:IN_REGION]->(r:Region) RETURN d.code AS department, r.code AS region, r.name AS name ORDER BY d.code',
      );
      expect(rows.length).toBeGreaterThanOrEqual(7);
      for (const row of rows) expect(findRegionOfDepartment(row.department)).toMatchObject({ code: row.region, name: row.name });
    });
  });

  describe('organic is the legal one', () => {
    it('flags AB, EU organic and conversion as organic; Nature & Progrès and Demeter only as an organic claim', async () => {
      const res = await runner.run(LABELS, {});
      const byId = new Map(res.data!.labels.map((l) => [l.id, [l.organic, l.organicClaim, l.egalim]]));
      for (const id of ['ab', 'eu-organic', 'organic-conversion']) expect(byId.get(id)).toEqual([true, true, true]);
      for (const id of ['nature-et-progres', 'demeter']) expect(byId.get(id)).toEqual([false, true, false]);
      expect(byId.get('hve')).toEqual([false, false, true]);
    });

    it('finds Nature & Progrès apples with organicClaim, not with organic', async () => {
      const apples = (extra: Partial<SupplierInput>) => offersOf({ productId: 'pomme', buyerId: 'rg-college', ...extra });
      expect(await apples({ organic: true })).toEqual([]);
      expect(await apples({ organic: false })).toEqual([['rg-o-pomme-np', 0]]);
      expect(await apples({ organicClaim: true })).toEqual([['rg-o-pomme-np', 0]]);
      expect(await apples({ organicClaim: false })).toEqual([]);
    });

    it('counts in-conversion carrots as organic and in-conversion lamb not (conversion counts for plant products only)', async () => {
      const kingdom = async (id: string) => (await runner.run(PRODUCT_KINGDOM, { id })).data!.product.kingdom;
      expect([await kingdom('carotte'), await kingdom('agneau')]).toEqual(['PLANT', 'ANIMAL']);
      // Offers: the carrots are organic, the lamb is not (its in-conversion label makes nothing organic).
      expect(await offersOf({ productId: 'carotte', buyerId: 'rg-cuisine', organic: true })).toEqual([['rg-o-carotte-conv', 0]]);
      expect(await offersOf({ productId: 'agneau', buyerId: 'rg-cuisine', organic: true })).toEqual([]);
      expect(await offersOf({ productId: 'agneau', buyerId: 'rg-cuisine', organic: false })).toEqual([['rg-o-agneau-conv', 0]]);
      // Coverage: the carrot link (400 kg) covers the 400 kg AB need; the lamb link covers nothing, and
      // the only lamb offer is the same in-conversion lamb, so no candidate either.
      const res = await runner.run(UNMET, { scope: { actorId: 'rg-cuisine' } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.unmetNeeds.unmetCount).toBe(1);
      expect(res.data!.unmetNeeds.needs).toEqual([{ need: { id: 'rg-n-agneau-ab' }, coverage: 'UNMET', coveringLinks: 0, candidates: [] }]);
    });

    it('lists the in-conversion carrot farm and link as organic, and the in-conversion lamb farm and link as not', async () => {
      const lists = async (organic: boolean) => {
        const res = await runner.run(ORGANIC_LISTS, { actors: { organic }, links: { organic } });
        expect(res.errors).toBeUndefined();
        const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).filter((id) => /carotte|agneau|maraicher|bergerie/.test(id));
        return [ids(res.data!.actors.nodes), ids(res.data!.supplyLinks.nodes)];
      };
      expect(await lists(true)).toEqual([['rg-maraicher'], ['rg-l-carotte-conv']]);
      const [actors, links] = await lists(false);
      expect(actors).toEqual(['rg-bergerie']);
      expect(links).toContain('rg-l-agneau-conv');
      expect(links).not.toContain('rg-l-carotte-conv');
    });

    it("counts the in-conversion carrots in the report's organic purchases, not the in-conversion lamb", async () => {
      const res = await runner.run(CREST_REPORT, {});
      expect(res.errors).toBeUndefined();
      const [kitchen] = res.data!.territoryReport.catering.kitchens;
      expect(kitchen.kitchen).toEqual({ id: 'rg-cuisine', publicBuyer: true });
      // Valued links of rg-cuisine: carrots 800 € and lamb 4,500 €, both in conversion (the others state no value).
      // The lamb's label counts neither as organic nor as quality: in conversion holds for plant products only.
      expect(kitchen.figures).toMatchObject({ purchaseValueEur: 5300, organicValueEur: 800, qualityValueEur: 800 });
      const family = (f: string) => kitchen.figures.byFamily.find((b) => b.family === f);
      expect(family('FRUIT_VEGETABLES')).toEqual({ family: 'FRUIT_VEGETABLES', purchaseValueEur: 800, organicValueEur: 800 });
      expect(family('MEAT_POULTRY')).toEqual({ family: 'MEAT_POULTRY', purchaseValueEur: 4500, organicValueEur: 0 });
    });

    it('leaves an AB need unmet by Nature & Progrès goods, and proposes no private-mark candidate', async () => {
      const res = await runner.run(UNMET, { scope: { actorId: 'rg-college' } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.unmetNeeds.unmetCount).toBe(1);
      expect(res.data!.unmetNeeds.needs).toEqual([{ need: { id: 'rg-n-pomme-ab' }, coverage: 'UNMET', coveringLinks: 0, candidates: [] }]);
    });
  });

  describe('label integrity', () => {
    const integrity = async (variables: VariablesOf<typeof INTEGRITY>) => {
      const res = await runner.run(INTEGRITY, variables);
      expect(res.errors).toBeUndefined();
      return res.data!.labelIntegrity;
    };
    const EXPECTED_BREAKS = [
      ['rg-l-gros-cuisine', 'UNCERTIFIED_OPERATOR', 'rg-l-gros-cuisine', ['rg-l-gros-cuisine'], 1],
      ['rg-l-kiwi-resto', 'UNCERTIFIED_OPERATOR', 'rg-l-kiwi-resto', ['rg-l-kiwi-resto'], 1],
      ['rg-l-lait', 'CONVENTIONAL_FEED', 'rg-l-aliment', ['rg-l-lait', 'rg-l-aliment'], 2],
      ['rg-l-pain', 'LABEL_LOST', 'rg-l-farine-conv', ['rg-l-pain', 'rg-l-farine-conv'], 2],
      ['rg-l-tomme', 'CONVENTIONAL_FEED', 'rg-l-aliment', ['rg-l-tomme', 'rg-l-lait', 'rg-l-aliment'], 3],
    ];

    it('reports each kind of break of the AB chains of the Drôme: lost label, conventional feed, uncertified operator', async () => {
      const report = await integrity({ scope: { departmentCode: '26' } });
      // Eight AB links are sold from the Drôme: ble, moulin-gros and kiwi keep the label back to a certified farm.
      expect(report.summary).toEqual({ checked: 8, intact: 3, broken: 5, unknownProvenance: 0 });
      expect(report.brokenChains.map((b) => [b.link.id, b.kind, b.breaksAt.id, b.path.map((l) => l.id), b.depth])).toEqual(EXPECTED_BREAKS);
    });

    it('gives the same breaks for organic: true, which never checks a Nature & Progrès link', async () => {
      const report = await integrity({ scope: { departmentCode: '26' }, organic: true });
      // The eight AB links, and the two in-conversion links (carrots, lamb): certified farms selling
      // what they grow, with no input to check, so intact. Label integrity follows the label's chain,
      // whatever EGalim counts.
      expect(report.summary).toEqual({ checked: 10, intact: 5, broken: 5, unknownProvenance: 0 });
      expect(report.brokenChains.map((b) => [b.link.id, b.kind, b.breaksAt.id, b.path.map((l) => l.id), b.depth])).toEqual(EXPECTED_BREAKS);
    });

    it('asks for no Agence Bio number under a private mark', async () => {
      const report = await integrity({ scope: { actorId: 'rg-verger-np' }, labelId: 'nature-et-progres' });
      expect(report.summary).toEqual({ checked: 1, intact: 1, broken: 0, unknownProvenance: 0 });
      expect(report.brokenChains).toEqual([]);
    });
  });

  describe('product names', () => {
    it.each([
      ['abricots', 'abricot'],
      ['Cerises', 'cerise'],
      ['pommes de terre', 'pomme-de-terre'],
      ['Picodon AOP', 'picodon'],
    ])('resolves %p to the product %p', async (productName, productId) => {
      expect((await ask({ productName, place: { communeInsee: CREST } })).product.id).toBe(productId);
    });

    it('refuses a name made of signs of quality only', async () => {
      const res = await runner.run(SUPPLIERS, { input: { productName: 'AOP', place: { communeInsee: CREST } } });
      expect(res.errors![0]).toMatchObject({
        message: 'productName must name a product, not only a sign of quality (AOP, AOC, IGP, STG); got "AOP"',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });
  });

  describe('empty strings', () => {
    const blank = (field: string, value = '') =>
      `${field} must not be empty or blank: give a value or leave the field out; got ${JSON.stringify(value)}`;

    it.each<[string, SupplierInput, string]>([
      ['productName', { productName: '', place: { communeInsee: CREST } }, blank('productName')],
      ['productId', { productId: '', place: { communeInsee: CREST } }, blank('productId')],
      ['buyerId', { productId: 'miel', buyerId: '' }, blank('buyerId')],
      ['labelIds', { productId: 'miel', buyerId: 'rg-cuisine', labelIds: ['ab', ''] }, blank('labelIds')],
      ['place.communeName', { productId: 'miel', place: { communeName: '  ' } }, blank('communeName', '  ')],
      ['place.communeInsee', { productId: 'miel', place: { communeInsee: '' } }, blank('communeInsee')],
    ])('suppliers refuses an empty %s with the same message', async (_field, input, message) => {
      const res = await runner.run(SUPPLIERS, { input });
      expect(res.data).toBeNull();
      expect(res.errors![0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
      expect(res.queries).toBe(0);
    });

    it('the other questions refuse an empty string the same way, before any database call', async () => {
      const cases = [
        [await runner.run(UPSTREAM, { actorId: '', productId: 'pain' }), blank('actorId')],
        [await runner.run(UPSTREAM, { actorId: 'rg-cuisine', productId: ' ' }), blank('productId', ' ')],
        [await runner.run(INTEGRITY, { scope: { actorId: '' } }), blank('actorId')],
        [await runner.run(INTEGRITY, { scope: { departmentCode: '' } }), blank('departmentCode')],
        [await runner.run(INTEGRITY, { scope: { departmentCode: '26' }, labelId: '' }), blank('labelId')],
        [await runner.run(UNMET, { scope: { epciSiren: '' } }), blank('epciSiren')],
        [await runner.run(POTENTIAL_BUYERS, { producerId: '' }), blank('producerId')],
        [await runner.run(NEIGHBOURHOOD, { actorId: 'rg-cuisine', productId: '' }), blank('productId')],
      ] as const;
      for (const [res, message] of cases) {
        expect(res.errors![0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
        expect(res.queries).toBe(0);
      }
    });
  });
});

/** The radius in km whose metres (radiusKm * 1000, as the service computes them) are exactly `metres`. */
function exactRadiusKm(metres: number): number {
  let km = metres / 1000;
  for (let i = 0; i < 8 && km * 1000 !== metres; i += 1) km = km * 1000 < metres ? nextDouble(km) : previousDouble(km);
  if (km * 1000 !== metres) throw new Error(`no radius in km gives exactly ${metres} m`);
  return km;
}

/** The largest radius in km whose metres fall short of `metres`. */
function largestRadiusKmBelow(metres: number): number {
  let km = exactRadiusKm(metres);
  while (km * 1000 >= metres) km = previousDouble(km);
  return km;
}

const toBits = (x: number) => {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view;
};

/** The next representable double above a positive x. */
function nextDouble(x: number): number {
  const view = toBits(x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

/** The next representable double below a positive x. */
function previousDouble(x: number): number {
  const view = toBits(x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}
