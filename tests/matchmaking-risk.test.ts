import { ActorRole } from '../src/actor/actor.enums';
import { distanceKm } from '../src/territory';
import type { Database } from '../src/db';
import { CANDIDATE_SEARCH_SLICE } from '../src/reasoning/matchmaking/matchmaking.service';
import type { NeedRecord } from '../src/records';
import { writeBundle } from '../src/records';
import { VolumeUnit } from '../src/product/product.enums';
import { loadReferenceData, readCommunes, UNMET_NEED_IDS } from '../tools/seed';
import { clearGraph, connectTestDb } from './helpers/db';
import { seededGraph } from './helpers/seeded';
import { actor, bundle, link, offer } from './helpers/fixtures';
import { createRunner, graphql, type TypedDocumentNode, type VariablesOf } from './helpers/graphql';

/**
 * The needs' own statement, then the suppliers matching for all candidates at once: its pipeline
 * without the question's resolution, at most 6 statements (candidates, direct ones, way links, ways,
 * last resellers, page maps), whatever the number of needs (docs/benchmarks.md, "Planning time").
 */
const SUPPLIER_PIPELINE_STATEMENTS = 6;

const { FARM, MILL, BAKERY, DAIRY, CENTRAL_KITCHEN, CANTEEN, RESTAURANT } = ActorRole;
const { KG, LITRE, TONNE } = VolumeUnit;

const COMMUNES = new Map(readCommunes().map((c) => [c.insee, c]));
const centroid = (insee: string) => ({ latitude: COMMUNES.get(insee)!.latitude, longitude: COMMUNES.get(insee)!.longitude });
const km = (a: string, b: string) => Math.round(distanceKm(centroid(a), centroid(b)) * 10) / 10;

/**
 * The test database with a query timeout of 2 minutes instead of 15 s: on a fresh (cold) JVM the
 * first plan of the matching statement, about 12 KB of Cypher, can take several seconds under load.
 */
const connectSlowPlanningDb = () => connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });

const VALENCE = '26362';
const CHABEUIL = '26064';
const ROMANS = '26281';
const CREST = '26108';
const NYONS = '26220';
const PRIVAS = '07186';
const VRA_SIREN = '200068781';
const ALL_YEAR = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const need = (
  id: string,
  actorId: string,
  productId: string,
  volume: number,
  unit: VolumeUnit,
  requiredLabelIds: string[] = [],
  months = ALL_YEAR,
): NeedRecord => ({
  id,
  actorId,
  productId,
  volume,
  unit,
  requiredLabelIds,
  months,
});

/**
 * Buyers in the Drôme (kitchen in Valence, collège in Crest, restaurant in Romans, canteen in Nyons)
 * and their suppliers; mm-moulin-conv, mm-moulin-privas, mm-fournil-07 and mm-ferme-07 stand in the
 * Ardèche (Privas). Coverage of each need:
 *
 *   mm-n-t80        kitchen   T80 flour AB 1,000 kg  COVERED by mm-moulin (1,200 kg AB T80)          single supplier
 *   mm-n-pain       kitchen   bread 500 kg           PARTIAL: mm-boulangerie's pain de campagne, 200 kg (narrower product)
 *   mm-n-t65-bio    kitchen   T65 flour AB           UNMET: mm-moulin-conv's T65 is HVE, not organic
 *   mm-n-col-pain   collège   bread 300 kg           COVERED by two bakeries (200 + 100 kg)
 *   mm-n-col-lait   collège   milk 1,000 L           COVERED by mm-laiterie                          single supplier
 *   mm-n-col-t80    collège   T80 flour AB 100 kg    UNMET
 *   mm-n-resto-far  resto     flour, June–August     UNMET
 *   mm-n-resto-pain resto     bread 20 kg            COVERED by mm-boulangerie                       single supplier
 *   mm-n-far-t80    Nyons     T80 flour AB           UNMET
 */
const GRAPH = bundle({
  actors: [
    actor('mm-cuisine', 'Cuisine centrale de test', [CENTRAL_KITCHEN], VALENCE),
    actor('mm-college', 'Collège de test', [CANTEEN], CREST),
    actor('mm-resto', 'Restaurant de test', [RESTAURANT], ROMANS),
    actor('mm-far', 'Cantine lointaine', [CANTEEN], NYONS),
    actor('mm-moulin', 'Moulin de Chabeuil', [MILL], CHABEUIL),
    actor('mm-moulin-crest', 'Moulin de Crest', [MILL], CREST),
    actor('mm-moulin-privas', 'Moulin de Privas', [MILL], PRIVAS),
    actor('mm-moulin-conv', 'Moulin conventionnel', [MILL], PRIVAS),
    actor('mm-boulangerie', 'Boulangerie de Valence', [BAKERY], VALENCE),
    actor('mm-fournil-07', 'Fournil ardéchois', [BAKERY], PRIVAS),
    actor('mm-laiterie', 'Laiterie de Crest', [DAIRY], CREST),
    actor('mm-ferme-07', 'Ferme ardéchoise', [FARM], PRIVAS),
  ],
  offers: [
    offer('mm-o-moulin-t80', 'mm-moulin', 'farine-ble-t80', ['ab']),
    offer('mm-o-moulin-t65', 'mm-moulin', 'farine-ble-t65', [], { months: [1, 2, 3] }),
    offer('mm-o-crest-t65', 'mm-moulin-crest', 'farine-ble-t65', ['ab'], { deliveryRadiusKm: 40 }),
    offer('mm-o-crest-t80', 'mm-moulin-crest', 'farine-ble-t80', ['ab'], { deliveryRadiusKm: 40 }),
    offer('mm-o-privas-t65', 'mm-moulin-privas', 'farine-ble-t65', ['eu-organic'], { deliveryRadiusKm: 60 }),
    offer('mm-o-conv-t65', 'mm-moulin-conv', 'farine-ble-t65', ['hve'], { deliveryRadiusKm: 60 }),
  ],
  needs: [
    need('mm-n-t80', 'mm-cuisine', 'farine-ble-t80', 1000, KG, ['ab']),
    need('mm-n-pain', 'mm-cuisine', 'pain', 500, KG),
    need('mm-n-t65-bio', 'mm-cuisine', 'farine-ble-t65', 2000, KG, ['ab']),
    need('mm-n-col-pain', 'mm-college', 'pain', 300, KG),
    need('mm-n-col-lait', 'mm-college', 'lait', 1000, LITRE),
    need('mm-n-col-t80', 'mm-college', 'farine-ble-t80', 100, KG, ['ab']),
    need('mm-n-resto-far', 'mm-resto', 'farine', 50, KG, [], [6, 7, 8]),
    need('mm-n-resto-pain', 'mm-resto', 'pain', 20, KG),
    need('mm-n-far-t80', 'mm-far', 'farine-ble-t80', 400, KG, ['ab']),
  ],
  supplyLinks: [
    link('mm-l1', 'mm-moulin', 'mm-cuisine', 'farine-ble-t80', ['ab'], { volume: 1200, valueEur: 1500 }),
    link('mm-l2', 'mm-boulangerie', 'mm-cuisine', 'pain-de-campagne', [], { volume: 200, valueEur: 800 }),
    link('mm-l3', 'mm-moulin-conv', 'mm-cuisine', 'farine-ble-t65', ['hve'], { volume: 3000, valueEur: 2000 }),
    link('mm-l4', 'mm-boulangerie', 'mm-college', 'pain', [], { volume: 200, valueEur: 500 }),
    link('mm-l5', 'mm-fournil-07', 'mm-college', 'baguette', [], { volume: 100, valueEur: 400 }),
    link('mm-l6', 'mm-laiterie', 'mm-college', 'lait', [], { volume: 1000, unit: LITRE, valueEur: 900 }),
    link('mm-l8', 'mm-boulangerie', 'mm-resto', 'pain', [], { volume: 20 }),
    link('mm-l9', 'mm-ferme-07', 'mm-moulin', 'ble-tendre', [], { volume: 10, unit: TONNE, valueEur: 3000 }),
    link('mm-l10', 'mm-moulin', 'mm-fournil-07', 'farine-ble-t65', [], { volume: 500, valueEur: 700 }),
  ],
});

const UNMET_NEEDS = graphql(`
  query UnmetNeeds(
    $scope: MatchmakingScopeInput!
    $includePartial: Boolean
    $candidates: Int
    $local: LocalInput
    $maxIntermediaries: Int
  ) {
    unmetNeeds(
      scope: $scope
      includePartial: $includePartial
      candidates: $candidates
      local: $local
      maxIntermediaries: $maxIntermediaries
    ) {
      scopeName
      local {
        scope
        radiusKm
        isDefault
        description
      }
      maxIntermediaries
      checkedNeeds
      unmetCount
      partialCount
      needs {
        need {
          id
        }
        buyer {
          id
        }
        product {
          id
        }
        requiredLabels {
          id
        }
        volume
        unit
        coverage
        coveringLinks
        coveredVolume
        gap
        candidates {
          supplier {
            id
          }
          offer {
            id
          }
          intermediaries
          distanceKm
        }
      }
    }
  }
`);

const SUPPLIERS = graphql(`
  query SupplierCandidates($input: SupplierSearchInput!) {
    suppliers(input: $input, first: 50) {
      matches {
        nodes {
          supplier {
            id
          }
          offer {
            id
          }
          intermediaries
          distanceKm
        }
      }
    }
  }
`);

const POTENTIAL_BUYERS = graphql(`
  query PotentialBuyers($producerId: String!, $radiusKm: Float, $first: Int) {
    potentialBuyers(producerId: $producerId, radiusKm: $radiusKm, first: $first) {
      producer {
        id
      }
      radiusKm
      totalCount
      buyers {
        need {
          id
        }
        buyer {
          id
        }
        product {
          id
        }
        requiredLabels {
          id
        }
        offers {
          id
        }
        distanceKm
        coverage
        coveredVolume
      }
    }
  }
`);

const SUPPLY_RISK = graphql(`
  query SupplyRisk($scope: RiskScopeInput!, $top: Int) {
    supplyRisk(scope: $scope, top: $top) {
      scopeName
      checkedNeeds
      coveredNeeds
      singleSupplierNeeds {
        need {
          id
        }
        buyer {
          id
        }
        product {
          id
        }
        supplier {
          id
        }
        volume
        unit
        coveredVolume
      }
      criticalActors {
        actor {
          id
        }
        needsAffected
        buyersAffected
        uncoveredVolumes {
          unit
          volume
        }
        needs {
          id
        }
      }
      outsideShare {
        links
        outsideLinks
        linkShare
        valueEur
        outsideValueEur
        valueShare
        linksWithoutValue
      }
    }
  }
`);

describe('matchmaking and supply risk on a hand-built graph', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;

  beforeAll(async () => {
    db = await connectSlowPlanningDb();
    await clearGraph(db);
    await loadReferenceData(db);
    await db.transaction('WRITE', (tx) => writeBundle(tx, GRAPH));
    runner = await createRunner(db);
  }, 180_000);

  afterAll(async () => {
    await runner.stop();
    await clearGraph(db);
    await db.close();
  });

  const unmet = async (variables: VariablesOf<typeof UNMET_NEEDS>) => {
    const res = await runner.run(UNMET_NEEDS, variables);
    expect(res.errors).toBeUndefined();
    return { answer: res.data!.unmetNeeds, queries: res.queries };
  };
  const errorOf = async <T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V) => {
    const res = await runner.run(document, variables);
    expect(res.data).toBeNull();
    return res.errors![0];
  };

  describe('unmetNeeds', () => {
    it("lists a buyer's unmet needs only, with the counts over all its needs, in a bounded number of round trips", async () => {
      const { answer, queries } = await unmet({ scope: { actorId: 'mm-cuisine' }, candidates: 5 });
      expect(queries).toBeLessThanOrEqual(1 + SUPPLIER_PIPELINE_STATEMENTS);
      expect(answer.scopeName).toBe('Cuisine centrale de test');
      expect(answer.local).toEqual({
        scope: 'RADIUS',
        radiusKm: 100,
        isDefault: true,
        description: 'within 100 km of each buyer (great circle), the default',
      });
      expect(answer.maxIntermediaries).toBe(1);
      expect([answer.checkedNeeds, answer.unmetCount, answer.partialCount]).toEqual([3, 1, 1]);
      // A conventional (HVE) T65 link does not cover a need requiring AB.
      expect(answer.needs.map((n) => [n.need.id, n.coverage, n.coveringLinks, n.coveredVolume, n.gap])).toEqual([
        ['mm-n-t65-bio', 'UNMET', 0, 0, 2000],
      ]);
      expect(answer.needs[0]).toMatchObject({
        buyer: { id: 'mm-cuisine' },
        product: { id: 'farine-ble-t65' },
        requiredLabels: [{ id: 'ab' }],
        volume: 2000,
        unit: 'KG',
      });
    });

    it('ranks the candidates as suppliers() does; any organic label meets a required AB (mm-moulin-privas has EU organic only)', async () => {
      const { answer } = await unmet({ scope: { actorId: 'mm-cuisine' } });
      expect(answer.needs[0].candidates).toEqual([
        { supplier: { id: 'mm-moulin-crest' }, offer: { id: 'mm-o-crest-t65' }, intermediaries: 0, distanceKm: km(CREST, VALENCE) },
        { supplier: { id: 'mm-moulin-privas' }, offer: { id: 'mm-o-privas-t65' }, intermediaries: 0, distanceKm: km(PRIVAS, VALENCE) },
      ]);
      const res = await runner.run(SUPPLIERS, {
        input: { productId: 'farine-ble-t65', organic: true, buyerId: 'mm-cuisine', months: ALL_YEAR },
      });
      expect(res.errors).toBeUndefined();
      expect(answer.needs[0].candidates).toEqual(res.data!.suppliers.matches.nodes);
      const { answer: one } = await unmet({ scope: { actorId: 'mm-cuisine' }, candidates: 1 });
      expect(one.needs[0].candidates.map((c) => c.offer.id)).toEqual(['mm-o-crest-t65']);
    });

    it('with includePartial, adds a need a narrower product covers in part, with the volume and the gap', async () => {
      const { answer } = await unmet({ scope: { actorId: 'mm-cuisine' }, includePartial: true, candidates: 0 });
      expect(answer.needs.map((n) => [n.need.id, n.coverage, n.coveringLinks, n.coveredVolume, n.gap, n.candidates])).toEqual([
        ['mm-n-pain', 'PARTIAL', 1, 200, 300, []],
        ['mm-n-t65-bio', 'UNMET', 0, 0, 2000, []],
      ]);
    });

    it('covers a territory: every unmet need of its buyers, each with the candidates suppliers() ranks first', async () => {
      const { answer, queries } = await unmet({ scope: { departmentCode: '26' }, candidates: 3 });
      expect(queries).toBeLessThanOrEqual(1 + SUPPLIER_PIPELINE_STATEMENTS);
      expect(answer.scopeName).toBe('Drôme');
      expect([answer.checkedNeeds, answer.unmetCount, answer.partialCount]).toEqual([9, 4, 1]);
      expect(answer.needs.map((n) => `${n.buyer.id}/${n.need.id}`)).toEqual([
        'mm-college/mm-n-col-t80',
        'mm-cuisine/mm-n-t65-bio',
        'mm-far/mm-n-far-t80',
        'mm-resto/mm-n-resto-far',
      ]);
      for (const n of answer.needs) {
        const organic = n.requiredLabels.length > 0;
        const months = n.need.id === 'mm-n-resto-far' ? [6, 7, 8] : ALL_YEAR;
        const res = await runner.run(SUPPLIERS, {
          input: { productId: n.product.id, buyerId: n.buyer.id, months, ...(organic ? { organic: true } : {}) },
        });
        expect(n.candidates).toEqual(res.data!.suppliers.matches.nodes.slice(0, 3));
      }
      // The restaurant's June–August flour: mm-moulin's T65 (January to March) is out of season; its T80 and Crest's flours reach Romans.
      expect(answer.needs[3].candidates.map((c) => c.offer.id)).toEqual(['mm-o-moulin-t80', 'mm-o-crest-t65', 'mm-o-crest-t80']);
      const { answer: epci } = await unmet({ scope: { epciSiren: VRA_SIREN }, candidates: 0 });
      expect(epci.needs.map((n) => n.need.id)).toEqual(['mm-n-t65-bio', 'mm-n-resto-far']);
    });

    it('applies the local definition and maxIntermediaries it is given, and states them', async () => {
      const { answer } = await unmet({ scope: { actorId: 'mm-cuisine' }, local: { scope: 'DEPARTMENT' }, maxIntermediaries: 0 });
      expect(answer.local).toEqual({ scope: 'DEPARTMENT', radiusKm: null, isDefault: false, description: "in each buyer's department" });
      expect(answer.maxIntermediaries).toBe(0);
      expect(answer.needs[0].candidates.map((c) => c.supplier.id)).toEqual(['mm-moulin-crest']); // Privas is in the Ardèche
    });

    it('makes one round trip when no candidates are asked for', async () => {
      expect((await unmet({ scope: { actorId: 'mm-cuisine' }, candidates: 0 })).queries).toBe(1);
    });

    it('rejects no scope or two scopes with BAD_USER_INPUT, and unknown ones with NOT_FOUND', async () => {
      const none = await errorOf(UNMET_NEEDS, { scope: {} });
      expect(none.extensions?.code).toBe('BAD_USER_INPUT');
      expect(none.message).toBe('Give exactly one scope: actorId, epciSiren or departmentCode; got none');
      const two = await errorOf(UNMET_NEEDS, { scope: { actorId: 'mm-cuisine', departmentCode: '26' } });
      expect(two.extensions?.code).toBe('BAD_USER_INPUT');
      expect(two.message).toBe('Give exactly one scope: actorId, epciSiren or departmentCode; got actorId and departmentCode');
      for (const [scope, entity] of [
        [{ actorId: 'nobody' }, 'Actor'],
        [{ epciSiren: '123456789' }, 'Epci'],
        [{ departmentCode: '99' }, 'Department'],
      ] as const) {
        const err = await errorOf(UNMET_NEEDS, { scope });
        expect(err.extensions).toMatchObject({ code: 'NOT_FOUND', entity });
      }
      expect((await errorOf(UNMET_NEEDS, { scope: { actorId: 'mm-cuisine' }, candidates: -1 })).extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf(UNMET_NEEDS, { scope: { actorId: 'mm-cuisine' }, maxIntermediaries: 4 })).extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
      expect((await errorOf(UNMET_NEEDS, { scope: { actorId: 'mm-cuisine' }, local: { radiusKm: -5 } })).extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
    });
  });

  describe('potentialBuyers', () => {
    it('lists nearby needs its offers meet, nearest first, leaving out an existing customer and buyers beyond the radius, in one round trip', async () => {
      const res = await runner.run(POTENTIAL_BUYERS, { producerId: 'mm-moulin' });
      expect(res.errors).toBeUndefined();
      expect(res.queries).toBe(1);
      // mm-cuisine already buys T80 from mm-moulin (mm-n-t80 out); its T65 AB need is not met by a conventional T65;
      // mm-far (Nyons) is beyond 50 km; the restaurant's summer flour is met by the T80 only (the T65 is January to March).
      expect(res.data!.potentialBuyers).toEqual({
        producer: { id: 'mm-moulin' },
        radiusKm: 50,
        totalCount: 2,
        buyers: [
          {
            need: { id: 'mm-n-resto-far' },
            buyer: { id: 'mm-resto' },
            product: { id: 'farine' },
            requiredLabels: [],
            offers: [{ id: 'mm-o-moulin-t80' }],
            distanceKm: km(CHABEUIL, ROMANS),
            coverage: 'UNMET',
            coveredVolume: 0,
          },
          {
            need: { id: 'mm-n-col-t80' },
            buyer: { id: 'mm-college' },
            product: { id: 'farine-ble-t80' },
            requiredLabels: [{ id: 'ab' }],
            offers: [{ id: 'mm-o-moulin-t80' }],
            distanceKm: km(CHABEUIL, CREST),
            coverage: 'UNMET',
            coveredVolume: 0,
          },
        ],
      });
      expect(km(CHABEUIL, ROMANS)).toBeLessThan(km(CHABEUIL, CREST));
    });

    it('reaches farther buyers with a wider radius, and pages with first', async () => {
      const res = await runner.run(POTENTIAL_BUYERS, {
        producerId: 'mm-moulin',
        radiusKm: 100,
        first: 2,
      });
      expect(res.data!.potentialBuyers.totalCount).toBe(3);
      expect(res.data!.potentialBuyers.buyers.map((b) => b.need.id)).toEqual(['mm-n-resto-far', 'mm-n-col-t80']);
      const all = await runner.run(POTENTIAL_BUYERS, { producerId: 'mm-moulin', radiusKm: 100 });
      expect(all.data!.potentialBuyers.buyers.map((b) => [b.need.id, b.distanceKm])).toEqual([
        ['mm-n-resto-far', km(CHABEUIL, ROMANS)],
        ['mm-n-col-t80', km(CHABEUIL, CREST)],
        ['mm-n-far-t80', km(CHABEUIL, NYONS)],
      ]);
    });

    it('rejects a radius of 0 or less and an unknown producer', async () => {
      const neg = await errorOf(POTENTIAL_BUYERS, { producerId: 'mm-moulin', radiusKm: -10 });
      expect(neg.extensions?.code).toBe('BAD_USER_INPUT');
      expect(neg.message).toBe('radiusKm must be more than 0 and at most 1000 km; got -10');
      expect((await errorOf(POTENTIAL_BUYERS, { producerId: 'nobody' })).extensions).toMatchObject({
        code: 'NOT_FOUND',
        entity: 'Actor',
        id: 'nobody',
      });
      expect((await errorOf(POTENTIAL_BUYERS, { producerId: 'mm-moulin', first: 0 })).extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('supplyRisk', () => {
    it('finds single-supplier needs, ranks critical actors and gives the outside share in exact euros, in one round trip', async () => {
      const res = await runner.run(SUPPLY_RISK, { scope: { departmentCode: '26' }, top: 2 });
      expect(res.errors).toBeUndefined();
      expect(res.queries).toBe(1);
      expect(res.data!.supplyRisk).toEqual({
        scopeName: 'Drôme',
        checkedNeeds: 9,
        coveredNeeds: 5,
        singleSupplierNeeds: [
          {
            need: { id: 'mm-n-col-lait' },
            buyer: { id: 'mm-college' },
            product: { id: 'lait' },
            supplier: { id: 'mm-laiterie' },
            volume: 1000,
            unit: 'LITRE',
            coveredVolume: 1000,
          },
          {
            need: { id: 'mm-n-pain' },
            buyer: { id: 'mm-cuisine' },
            product: { id: 'pain' },
            supplier: { id: 'mm-boulangerie' },
            volume: 500,
            unit: 'KG',
            coveredVolume: 200,
          },
          {
            need: { id: 'mm-n-t80' },
            buyer: { id: 'mm-cuisine' },
            product: { id: 'farine-ble-t80' },
            supplier: { id: 'mm-moulin' },
            volume: 1000,
            unit: 'KG',
            coveredVolume: 1200,
          },
          {
            need: { id: 'mm-n-resto-pain' },
            buyer: { id: 'mm-resto' },
            product: { id: 'pain' },
            supplier: { id: 'mm-boulangerie' },
            volume: 20,
            unit: 'KG',
            coveredVolume: 20,
          },
        ],
        criticalActors: [
          {
            actor: { id: 'mm-boulangerie' },
            needsAffected: 2,
            buyersAffected: 2,
            uncoveredVolumes: [{ unit: 'KG', volume: 520 }],
            needs: [{ id: 'mm-n-pain' }, { id: 'mm-n-resto-pain' }],
          },
          // mm-laiterie and mm-moulin each alone cover one need of one buyer: by id.
          {
            actor: { id: 'mm-laiterie' },
            needsAffected: 1,
            buyersAffected: 1,
            uncoveredVolumes: [{ unit: 'LITRE', volume: 1000 }],
            needs: [{ id: 'mm-n-col-lait' }],
          },
        ],
        // Links bought in the Drôme: l1 1,500 (Chabeuil), l2 800, l3 2,000 (Privas), l4 500, l5 400 (Privas), l6 900, l8 (no value), l9 3,000 (Privas).
        // l10 is bought in the Ardèche: not counted.
        outsideShare: {
          links: 8,
          outsideLinks: 3,
          linkShare: 3 / 8,
          valueEur: 9100,
          outsideValueEur: 5400,
          valueShare: 5400 / 9100,
          linksWithoutValue: 1,
        },
      });
    });

    it('covers an EPCI: the Ardèche and Crest are outside Valence Romans Agglo', async () => {
      const res = await runner.run(SUPPLY_RISK, { scope: { epciSiren: VRA_SIREN } });
      expect(res.data!.supplyRisk.scopeName).toBe('CA Valence Romans Agglo');
      expect(res.data!.supplyRisk.checkedNeeds).toBe(5);
      // Bought in the agglomeration: l1 (Chabeuil, in), l2 (Valence, in), l3 (Privas), l8 (in, no value), l9 (Privas).
      expect(res.data!.supplyRisk.outsideShare).toEqual({
        links: 5,
        outsideLinks: 2,
        linkShare: 2 / 5,
        valueEur: 7300,
        outsideValueEur: 5000,
        valueShare: 5000 / 7300,
        linksWithoutValue: 1,
      });
    });

    it('rejects no scope, two scopes and unknown territories', async () => {
      expect((await errorOf(SUPPLY_RISK, { scope: {} })).message).toBe('Give exactly one scope: epciSiren or departmentCode; got none');
      const two = await errorOf(SUPPLY_RISK, { scope: { epciSiren: VRA_SIREN, departmentCode: '26' } });
      expect(two.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf(SUPPLY_RISK, { scope: { departmentCode: '99' } })).extensions).toMatchObject({
        code: 'NOT_FOUND',
        entity: 'Department',
      });
      expect((await errorOf(SUPPLY_RISK, { scope: { departmentCode: '26' }, top: 0 })).extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf(SUPPLY_RISK, { scope: { departmentCode: 'x' } })).extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});

describe('matchmaking on the Drôme seed', () => {
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

  it("reports the seed's deliberately unmet needs as unmet for their buyers' department, without candidates, in a bounded number of round trips", async () => {
    const res = await runner.run(UNMET_NEEDS, { scope: { departmentCode: '26' }, candidates: 3 });
    expect(res.errors).toBeUndefined();
    // The needs, then their candidate search in concurrent slices of at most CANDIDATE_SEARCH_SLICE
    // needs (every seed buyer has a place, so every need is searched), each slice one run of the
    // suppliers pipeline (its candidates statement at least, all six at most).
    const slices = Math.ceil(res.data!.unmetNeeds.needs.length / CANDIDATE_SEARCH_SLICE);
    expect(slices).toBeGreaterThan(1);
    expect(res.queries).toBeGreaterThanOrEqual(1 + slices);
    expect(res.queries).toBeLessThanOrEqual(1 + SUPPLIER_PIPELINE_STATEMENTS * slices);
    const byId = new Map(res.data!.unmetNeeds.needs.map((n) => [n.need.id, n]));
    for (const id of UNMET_NEED_IDS) {
      expect(byId.get(id)).toMatchObject({ coverage: 'UNMET', coveredVolume: 0, candidates: [] });
    }
  }, 60_000);

  it('gives a supply-risk report for the Drôme in one round trip', async () => {
    const res = await runner.run(SUPPLY_RISK, { scope: { departmentCode: '26' } });
    expect(res.errors).toBeUndefined();
    expect(res.queries).toBe(1);
    const risk = res.data!.supplyRisk;
    expect(risk.checkedNeeds).toBeGreaterThan(risk.coveredNeeds);
    expect(risk.criticalActors.length).toBeGreaterThan(0);
    const counts = risk.criticalActors.map((c) => c.needsAffected);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(risk.outsideShare.valueShare).toBeGreaterThan(0);
    expect(risk.outsideShare.valueShare).toBeLessThan(1);
  }, 60_000);
});
