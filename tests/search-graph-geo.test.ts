import { ActorRole, MemberGroup } from '../src/actor/actor.enums';
import { distanceKm } from '../src/territory';
import type { Database } from '../src/db';
import { writeBundle } from '../src/records';
import { VolumeUnit } from '../src/product/product.enums';
import { loadReferenceData, readCommunes } from '../tools/seed';
import { clearGraph, connectTestDb } from './helpers/db';
import { actor, bundle, link, offer } from './helpers/fixtures';
import { createRunner, graphql, type VariablesOf } from './helpers/graphql';

const { FARM, COOPERATIVE, MILL, BAKERY, WHOLESALER, CANTEEN, RETAILER, MARKET } = ActorRole;

const COMMUNES = new Map(readCommunes().map((c) => [c.insee, c]));
const centroid = (insee: string) => ({ latitude: COMMUNES.get(insee)!.latitude, longitude: COMMUNES.get(insee)!.longitude });

/** Where the two actors with their own coordinates stand; the others stand at their commune's centroid. */
const FERME_POINT = { latitude: 44.7283, longitude: 5.0223 };
const CANTINE_POINT = { latitude: 44.9311, longitude: 4.8903 };

/**
 * A small supply network whose answers are known:
 *
 *   Coopérative du Diois (Die) --l1 organic wheat--> Moulin de la Drôme (Chabeuil)
 *   Ferme des Trois Becs (Crest) --l6 wheat--> Moulin
 *   Moulin --l2 organic T80 flour--> Boulangerie du Pont (Romans) --l3 pognes--> Cantine (Valence)
 *   Moulin --l4 T65 flour--> Grossiste Drômois (Valence) --l5 semolina--> Moulin   (a cycle)
 *   Grossiste --l7 organic T80 flour--> Cantine
 *   Épicerie Isolée (Die) trades with no one.
 *
 * Apart, Marché Hub de Valence buys apples from 505 orchards "Verger 000".."Verger 504": more
 * neighbours than a graph view takes.
 */
const NETWORK = bundle({
  actors: [
    actor('sg-coop', 'Coopérative du Diois', [COOPERATIVE], '26113', { clubMember: true, memberGroup: MemberGroup.PRODUCERS }),
    actor('sg-ferme', 'Ferme des Trois Becs', [FARM], '26108', FERME_POINT),
    actor('sg-moulin', 'Moulin de la Drôme', [MILL], '26064', { clubMember: true, memberGroup: MemberGroup.PROCESSORS }),
    actor('sg-boulangerie', 'Boulangerie du Pont', [BAKERY], '26281'),
    actor('sg-grossiste', 'Grossiste Drômois', [WHOLESALER], '26362'),
    actor('sg-cantine', 'Cantine du Lycée Camille Vernet', [CANTEEN], '26362', CANTINE_POINT),
    actor('sg-epicerie', 'Épicerie Isolée', [RETAILER], '26113'),
  ],
  offers: [
    offer('sg-o-moulin', 'sg-moulin', 'farine-ble-t80', ['ab']),
    offer('sg-o-ferme', 'sg-ferme', 'ble-tendre', []),
    offer('sg-o-coop', 'sg-coop', 'ble-tendre', ['ab']),
  ],
  supplyLinks: [
    link('sg-l1', 'sg-coop', 'sg-moulin', 'ble-tendre', ['ab'], { volume: 40000 }),
    link('sg-l2', 'sg-moulin', 'sg-boulangerie', 'farine-ble-t80', ['ab'], { volume: 12000, sourcedFromIds: ['sg-l1'] }),
    link('sg-l3', 'sg-boulangerie', 'sg-cantine', 'pogne-de-romans', [], { volume: 500, unit: VolumeUnit.UNIT }),
    link('sg-l4', 'sg-moulin', 'sg-grossiste', 'farine-ble-t65', [], { volume: 8000 }),
    link('sg-l5', 'sg-grossiste', 'sg-moulin', 'semoule-ble-dur', [], { volume: 1000 }),
    link('sg-l6', 'sg-ferme', 'sg-moulin', 'ble-tendre', [], { volume: 20000 }),
    link('sg-l7', 'sg-grossiste', 'sg-cantine', 'farine-ble-t80', ['ab'], { volume: 2000 }),
  ],
});

const ORCHARDS = 505;
const pad = (i: number) => String(i).padStart(3, '0');
const HUB = bundle({
  actors: [
    actor('sg-hub', 'Marché Hub de Valence', [MARKET], '26362'),
    ...Array.from({ length: ORCHARDS }, (_, i) => actor(`sg-verger-${pad(i)}`, `Verger ${pad(i)}`, [FARM], '26362')),
  ],
  supplyLinks: Array.from({ length: ORCHARDS }, (_, i) =>
    link(`sg-lh-${pad(i)}`, `sg-verger-${pad(i)}`, 'sg-hub', 'pomme', [], { volume: 100 + i }),
  ),
});

const ALL_ACTORS = NETWORK.actors.length + HUB.actors.length;
const ALL_LINKS = NETWORK.supplyLinks.length + HUB.supplyLinks.length;

describe('search, graph views and GeoJSON on a hand-built network', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;

  beforeAll(async () => {
    db = await connectTestDb();
    await clearGraph(db);
    await loadReferenceData(db);
    await db.transaction('WRITE', async (tx) => {
      await writeBundle(tx, NETWORK);
      await writeBundle(tx, HUB);
    });
    runner = await createRunner(db);
  }, 180_000);

  afterAll(async () => {
    await runner.stop();
    await clearGraph(db);
    await db.close();
  });

  describe('search', () => {
    const SEARCH = graphql(`
      query Search($text: String!, $kinds: [SearchKind!], $first: Int) {
        search(text: $text, kinds: $kinds, first: $first) {
          kind
          id
          name
          score
          hit {
            __typename
            ... on Actor {
              id
              roles
            }
            ... on Product {
              id
              family
            }
          }
        }
      }
    `);
    type SearchOptions = Omit<VariablesOf<typeof SEARCH>, 'text'>;
    const search = (text: string, variables: SearchOptions = {}) => runner.run(SEARCH, { text, ...variables });
    const names = async (text: string, variables: SearchOptions = {}) => {
      const res = await search(text, variables);
      expect(res.errors).toBeUndefined();
      return res.data!.search.map((r) => r.name);
    };

    it('finds names whatever the case and the accents, in one round trip', async () => {
      const res = await search('FARINE DE BLE T80');
      expect(res.errors).toBeUndefined();
      expect(res.queries).toBe(1);
      expect(res.data!.search[0]).toMatchObject({
        kind: 'PRODUCT',
        id: 'farine-ble-t80',
        name: 'Farine de blé T80',
        hit: { __typename: 'Product', id: 'farine-ble-t80', family: 'OTHER' },
      });
      expect(await names('drome')).toEqual(['Vin IGP Drôme', 'Moulin de la Drôme']);
      expect(await names('DRÔME')).toEqual(['Vin IGP Drôme', 'Moulin de la Drôme']);
      expect(await names('epicerie isolee')).toEqual(['Épicerie Isolée']);
      expect(await names('Pogne')).toEqual(['Pogne de Romans']);
    });

    it('matches words as prefixes, and needs every word', async () => {
      expect(await names('pog')).toEqual(['Pogne de Romans']);
      expect(await names('pog rom')).toEqual(['Pogne de Romans']);
      // A prefix alone scores the same for every name: then by name.
      expect(await names('drôm')).toEqual(['Caillette drômoise', 'Grossiste Drômois', 'Moulin de la Drôme', 'Vin IGP Drôme']);
      expect(await names('moulin drome')).toEqual(['Moulin de la Drôme']);
      expect(await names('moulin pogne')).toEqual([]);
    });

    it('ranks by score, shorter names first for the same words, then by name', async () => {
      const res = await search('farine', { kinds: ['PRODUCT'], first: 100 });
      const results = res.data!.search;
      expect(results.map((r) => r.id)).toEqual([
        'farine',
        'farine-epeautre',
        'farine-ble',
        'farine-seigle',
        'farine-ble-t110',
        'farine-ble-t45',
        'farine-ble-t55',
        'farine-ble-t65',
        'farine-ble-t80',
        'farine-petit-epeautre',
        'farine-ble-t150',
      ]);
      const scores = results.map((r) => r.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      expect(scores[0]).toBeGreaterThan(scores[1]);
      // Same score: by name.
      const tied = results.filter((r) => r.score === results[4].score).map((r) => r.name);
      expect(tied).toEqual([...tied].sort());
      expect(tied.length).toBeGreaterThan(1);
    });

    it('returns typed hits: an Actor with its fields, a Product with its fields', async () => {
      const res = await runner.run(
        graphql(`
          query SearchHits {
            search(text: "valence") {
              kind
              hit {
                __typename
                ... on Actor {
                  id
                  name
                  roles
                  clubMember
                  commune {
                    insee
                  }
                }
                ... on Product {
                  id
                  name
                  broader {
                    id
                  }
                }
              }
            }
          }
        `),
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.search).toEqual([
        {
          kind: 'PRODUCT',
          hit: { __typename: 'Product', id: 'suisse-de-valence', name: 'Suisse de Valence', broader: { id: 'produits-boulangerie' } },
        },
        {
          kind: 'ACTOR',
          hit: {
            __typename: 'Actor',
            id: 'sg-hub',
            name: 'Marché Hub de Valence',
            roles: ['MARKET'],
            clubMember: false,
            commune: { insee: '26362' },
          },
        },
      ]);
    });

    it('keeps to the kinds asked for, and to `first` results', async () => {
      expect(await names('drome', { kinds: ['ACTOR'] })).toEqual(['Moulin de la Drôme']);
      expect(await names('drome', { kinds: ['PRODUCT'] })).toEqual(['Vin IGP Drôme']);
      expect(await names('drome', { kinds: ['ACTOR', 'PRODUCT'] })).toEqual(['Vin IGP Drôme', 'Moulin de la Drôme']);
      expect(await names('drome', { kinds: [] })).toEqual(['Vin IGP Drôme', 'Moulin de la Drôme']);
      expect(await names('farine', { kinds: ['PRODUCT'], first: 2 })).toEqual(['Farine', "Farine d'épeautre"]);
      expect(await names('verger')).toHaveLength(20);
    });

    it('refuses empty text, text without a letter or digit, and first outside 1..100', async () => {
      const empty = await search('');
      expect(empty.errors?.[0]).toMatchObject({
        message: 'text must contain at least one letter or digit; got ""',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const punctuation = await search(' -*?! ');
      expect(punctuation.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(punctuation.errors?.[0].message).toMatch(/at least one letter or digit/);
      const tooMany = await search('farine', { first: 101 });
      expect(tooMany.errors?.[0]).toMatchObject({
        message: 'first must be between 1 and 100; got 101',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect((await search('farine', { first: 0 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await search('x'.repeat(201))).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await search('farine')).data!.search).toHaveLength(11);
    });

    it('treats Lucene syntax as plain words', async () => {
      expect(await names('pogne AND OR NOT "(')).toEqual([]);
      expect(await names('pogne) OR (farine')).toEqual([]);
      expect(await names('pogne~ romans^')).toEqual(['Pogne de Romans']);
    });
  });

  describe('neighbourhood', () => {
    const NEIGHBOURHOOD = graphql(`
      query Neighbourhood($actorId: String!, $depth: Int, $filter: NeighbourhoodFilter) {
        neighbourhood(actorId: $actorId, depth: $depth, filter: $filter) {
          nodes {
            id
            label
            kind
            roles
            position {
              latitude
              longitude
            }
            communeName
            clubMember
            depth
          }
          edges {
            id
            source
            target
            productId
            productName
            labels
            volume
            unit
            distanceKm
          }
          truncated
        }
      }
    `);
    type Filter = VariablesOf<typeof NEIGHBOURHOOD>['filter'];
    const neighbourhood = (actorId: string, depth?: number, filter?: Filter) => runner.run(NEIGHBOURHOOD, { actorId, depth, filter });
    /** [id, depth] of each node and the ids of the edges. */
    const shape = async (actorId: string, depth?: number, filter?: Filter) => {
      const res = await neighbourhood(actorId, depth, filter);
      expect(res.errors).toBeUndefined();
      const { nodes, edges, truncated } = res.data!.neighbourhood;
      return { nodes: nodes.map((n) => [n.id, n.depth]), edges: edges.map((e) => e.id), truncated };
    };

    it('gives depth 1: the direct partners both ways and the links among them, in one round trip', async () => {
      const res = await neighbourhood('sg-moulin');
      expect(res.errors).toBeUndefined();
      expect(res.queries).toBe(1);
      const { nodes, edges, truncated } = res.data!.neighbourhood;
      expect(truncated).toBe(false);
      expect(nodes.map((n) => [n.id, n.depth])).toEqual([
        ['sg-moulin', 0],
        ['sg-boulangerie', 1],
        ['sg-coop', 1],
        ['sg-ferme', 1],
        ['sg-grossiste', 1],
      ]);
      expect(edges.map((e) => e.id)).toEqual(['sg-l1', 'sg-l2', 'sg-l4', 'sg-l5', 'sg-l6']);
      expect(nodes[0]).toEqual({
        id: 'sg-moulin',
        label: 'Moulin de la Drôme',
        kind: 'ACTOR',
        roles: ['MILL'],
        position: centroid('26064'),
        communeName: 'Chabeuil',
        clubMember: true,
        depth: 0,
      });
      expect(nodes.find((n) => n.id === 'sg-ferme')).toEqual({
        id: 'sg-ferme',
        label: 'Ferme des Trois Becs',
        kind: 'ACTOR',
        roles: ['FARM'],
        position: FERME_POINT,
        communeName: 'Crest',
        clubMember: false,
        depth: 1,
      });
      const l2 = edges.find((e) => e.id === 'sg-l2')!;
      expect(l2).toEqual({
        id: 'sg-l2',
        source: 'sg-moulin',
        target: 'sg-boulangerie',
        productId: 'farine-ble-t80',
        productName: 'Farine de blé T80',
        labels: ['ab'],
        volume: 12000,
        unit: 'KG',
        distanceKm: expect.any(Number),
      });
      expect(l2.distanceKm).toBeCloseTo(distanceKm(centroid('26064'), centroid('26281')), 3);
      expect(edges.find((e) => e.id === 'sg-l6')).toMatchObject({ source: 'sg-ferme', target: 'sg-moulin', labels: [] });
    });

    it('gives depth 2: partners of partners, with every link among the nodes', async () => {
      expect(await shape('sg-moulin', 2)).toEqual({
        nodes: [
          ['sg-moulin', 0],
          ['sg-boulangerie', 1],
          ['sg-coop', 1],
          ['sg-ferme', 1],
          ['sg-grossiste', 1],
          ['sg-cantine', 2],
        ],
        edges: ['sg-l1', 'sg-l2', 'sg-l3', 'sg-l4', 'sg-l5', 'sg-l6', 'sg-l7'],
        truncated: false,
      });
      expect(await shape('sg-moulin', 4)).toEqual(await shape('sg-moulin', 2));
      expect(await shape('sg-cantine', 1)).toEqual({
        nodes: [
          ['sg-cantine', 0],
          ['sg-boulangerie', 1],
          ['sg-grossiste', 1],
        ],
        edges: ['sg-l3', 'sg-l7'],
        truncated: false,
      });
      expect(await shape('sg-cantine', 2)).toEqual({
        nodes: [
          ['sg-cantine', 0],
          ['sg-boulangerie', 1],
          ['sg-grossiste', 1],
          ['sg-moulin', 2],
        ],
        edges: ['sg-l2', 'sg-l3', 'sg-l4', 'sg-l5', 'sg-l7'],
        truncated: false,
      });
    });

    it('shows a partner met both ways (a cycle) once, with both links', async () => {
      const { nodes, edges } = await shape('sg-grossiste', 3);
      expect(nodes.filter(([id]) => id === 'sg-moulin')).toEqual([['sg-moulin', 1]]);
      expect(nodes.filter(([id]) => id === 'sg-grossiste')).toEqual([['sg-grossiste', 0]]);
      expect(new Set(nodes.map(([id]) => id)).size).toBe(nodes.length);
      expect(edges).toEqual(expect.arrayContaining(['sg-l4', 'sg-l5']));
      expect(new Set(edges).size).toBe(edges.length);
    });

    it('gives an actor without links alone', async () => {
      expect(await shape('sg-epicerie', 3)).toEqual({ nodes: [['sg-epicerie', 0]], edges: [], truncated: false });
    });

    it('walks only organic links when organic is true', async () => {
      expect(await shape('sg-moulin', 2, { organic: true })).toEqual({
        nodes: [
          ['sg-moulin', 0],
          ['sg-boulangerie', 1],
          ['sg-coop', 1],
        ],
        edges: ['sg-l1', 'sg-l2'],
        truncated: false,
      });
      expect(await shape('sg-moulin', 1, { organic: false })).toEqual({
        nodes: [
          ['sg-moulin', 0],
          ['sg-ferme', 1],
          ['sg-grossiste', 1],
        ],
        edges: ['sg-l4', 'sg-l5', 'sg-l6'],
        truncated: false,
      });
    });

    it('walks only links of a product or a narrower one', async () => {
      expect(await shape('sg-moulin', 2, { productId: 'farine' })).toEqual({
        nodes: [
          ['sg-moulin', 0],
          ['sg-boulangerie', 1],
          ['sg-grossiste', 1],
          ['sg-cantine', 2],
        ],
        edges: ['sg-l2', 'sg-l4', 'sg-l7'],
        truncated: false,
      });
      expect(await shape('sg-moulin', 2, { productId: 'farine-ble-t80', organic: true })).toEqual({
        nodes: [
          ['sg-moulin', 0],
          ['sg-boulangerie', 1],
        ],
        edges: ['sg-l2'],
        truncated: false,
      });
    });

    it('reaches only neighbours with the roles asked for', async () => {
      expect(await shape('sg-moulin', 2, { roles: ['BAKERY', 'CANTEEN'] })).toEqual({
        nodes: [
          ['sg-moulin', 0],
          ['sg-boulangerie', 1],
          ['sg-cantine', 2],
        ],
        edges: ['sg-l2', 'sg-l3'],
        truncated: false,
      });
      expect(await shape('sg-moulin', 2, { roles: ['CANTEEN'] })).toEqual({ nodes: [['sg-moulin', 0]], edges: [], truncated: false });
    });

    it(`keeps at most 500 nodes, nearest first, and says so`, async () => {
      const res = await neighbourhood('sg-hub');
      expect(res.errors).toBeUndefined();
      const { nodes, edges, truncated } = res.data!.neighbourhood;
      expect(truncated).toBe(true);
      expect(nodes).toHaveLength(500);
      expect(nodes[0].id).toBe('sg-hub');
      expect(nodes[499].id).toBe('sg-verger-498');
      expect(edges).toHaveLength(499);
      const ids = new Set(nodes.map((n) => n.id));
      expect(edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    });

    it('answers NOT_FOUND for an unknown actor', async () => {
      const res = await neighbourhood('sg-nobody');
      expect(res.errors?.[0]).toMatchObject({ message: 'Actor "sg-nobody" not found', extensions: { code: 'NOT_FOUND' } });
    });

    it('refuses a depth over 4, naming the maximum, and under 1', async () => {
      const deep = await neighbourhood('sg-moulin', 5);
      expect(deep.errors?.[0]).toMatchObject({
        message: 'depth must be between 1 and 4 (the maximum); got 5',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect((await neighbourhood('sg-moulin', 0)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('GeoJSON', () => {
    const ACTORS_GEOJSON = graphql(`
      query ActorsGeoJson($filter: ActorFilter) {
        actorsGeoJson(filter: $filter)
      }
    `);
    const COMMUNES_GEOJSON = graphql(`
      query CommunesGeoJson($d: String, $e: String) {
        communesGeoJson(departmentCode: $d, epciSiren: $e)
      }
    `);
    const SUPPLY_LINKS_GEOJSON = graphql(`
      query SupplyLinksGeoJson($filter: SupplyLinkFilter) {
        supplyLinksGeoJson(filter: $filter)
      }
    `);
    const actorsGeoJson = (filter?: VariablesOf<typeof ACTORS_GEOJSON>['filter']) => runner.run(ACTORS_GEOJSON, { filter });
    const communesGeoJson = (variables: { departmentCode?: string; epciSiren?: string }) =>
      runner.run(COMMUNES_GEOJSON, {
        d: variables.departmentCode,
        e: variables.epciSiren,
      });
    const supplyLinksGeoJson = (filter?: VariablesOf<typeof SUPPLY_LINKS_GEOJSON>['filter']) =>
      runner.run(SUPPLY_LINKS_GEOJSON, { filter });

    it('maps actors as Point features at [longitude, latitude]', async () => {
      const res = await actorsGeoJson({ communeInsee: '26108' });
      expect(res.errors).toBeUndefined();
      expect(res.data!.actorsGeoJson).toEqual({
        type: 'FeatureCollection',
        truncated: false,
        features: [
          {
            type: 'Feature',
            id: 'sg-ferme',
            geometry: { type: 'Point', coordinates: [FERME_POINT.longitude, FERME_POINT.latitude] },
            properties: { id: 'sg-ferme', name: 'Ferme des Trois Becs', roles: ['FARM'], clubMember: false, communeInsee: '26108' },
          },
        ],
      });
      const moulin = (await actorsGeoJson({ roles: ['MILL'] })).data!.actorsGeoJson.features;
      expect(moulin.map((f) => f.geometry.coordinates)).toEqual([[centroid('26064').longitude, centroid('26064').latitude]]);
      expect(moulin[0].properties).toEqual({
        id: 'sg-moulin',
        name: 'Moulin de la Drôme',
        roles: ['MILL'],
        clubMember: true,
        communeInsee: '26064',
      });
    });

    it('maps every actor without a filter, and applies the filters of `actors`', async () => {
      const all = (await actorsGeoJson()).data!.actorsGeoJson;
      expect(all.features).toHaveLength(ALL_ACTORS);
      expect(all.features.every((f) => f.type === 'Feature' && f.geometry.type === 'Point')).toBe(true);
      const ids = async (filter: Parameters<typeof actorsGeoJson>[0]) =>
        (await actorsGeoJson(filter)).data!.actorsGeoJson.features.map((f) => f.id);
      expect(await ids({ clubMember: true })).toEqual(['sg-coop', 'sg-moulin']);
      expect(await ids({ productId: 'farine', organic: true })).toEqual(['sg-moulin']);
      expect(await ids({ productId: 'ble' })).toEqual(['sg-coop', 'sg-ferme']);
      expect(await ids({ communeInsee: '26113' })).toEqual(['sg-coop', 'sg-epicerie']);
      expect(await ids({ text: 'moulin drome' })).toEqual(['sg-moulin']);
      expect(await ids({ near: { communeInsee: '26113', radiusKm: 1 } })).toEqual(['sg-coop', 'sg-epicerie']);
      expect(await ids({ epciSiren: '200068781', roles: ['CANTEEN', 'WHOLESALER', 'BAKERY', 'MILL'] })).toEqual([
        'sg-boulangerie',
        'sg-cantine',
        'sg-grossiste',
        'sg-moulin',
      ]);
    });

    it('refuses a bad actor filter', async () => {
      expect((await actorsGeoJson({ communeInsee: 'Valence' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await actorsGeoJson({ text: '?!' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('maps the communes of an EPCI at their centroids, with population and EPCI name', async () => {
      const expected = [...COMMUNES.values()].filter((c) => c.epciSiren === '200068781').sort((a, b) => a.insee.localeCompare(b.insee));
      const res = await communesGeoJson({ epciSiren: '200068781' });
      expect(res.errors).toBeUndefined();
      const collection = res.data!.communesGeoJson;
      expect(collection.type).toBe('FeatureCollection');
      expect(collection.truncated).toBe(false);
      expect(collection.features.map((f) => f.id)).toEqual(expected.map((c) => c.insee));
      expect(collection.features.find((f) => f.id === '26362')).toEqual({
        type: 'Feature',
        id: '26362',
        geometry: { type: 'Point', coordinates: [4.9136, 44.92254] },
        properties: { insee: '26362', name: 'Valence', population: 64458, epciName: 'CA Valence Romans Agglo' },
      });
    });

    it('maps the communes of a department, or of both a department and an EPCI', async () => {
      const drome = (await communesGeoJson({ departmentCode: '26' })).data!.communesGeoJson.features;
      expect(drome).toHaveLength([...COMMUNES.values()].filter((c) => c.department === '26').length);
      expect(drome.find((f) => f.id === '26113')!.properties).toEqual({
        insee: '26113',
        name: 'Die',
        population: 4844,
        epciName: 'CC du Diois',
      });
      const both = (await communesGeoJson({ departmentCode: '26', epciSiren: '200068781' })).data!.communesGeoJson.features;
      expect(both).toHaveLength(54);
      const none = (await communesGeoJson({ departmentCode: '07', epciSiren: '200068781' })).data!.communesGeoJson.features;
      expect(none).toEqual([]);
    });

    it('refuses communes without an area, with malformed codes, and unknown areas', async () => {
      const neither = await communesGeoJson({});
      expect(neither.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(neither.errors?.[0].message).toMatch(/departmentCode .* epciSiren/);
      expect((await communesGeoJson({ departmentCode: 'Drôme' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await communesGeoJson({ epciSiren: '2000' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await communesGeoJson({ departmentCode: '75' })).errors?.[0]).toMatchObject({
        message: 'Department "75" not found',
        extensions: { code: 'NOT_FOUND' },
      });
      expect((await communesGeoJson({ epciSiren: '123456789' })).errors?.[0]).toMatchObject({
        message: 'Epci "123456789" not found',
        extensions: { code: 'NOT_FOUND' },
      });
    });

    it('maps supply links as LineStrings from supplier to buyer, largest first', async () => {
      const res = await supplyLinksGeoJson({ organic: true });
      expect(res.errors).toBeUndefined();
      const { type, features, truncated } = res.data!.supplyLinksGeoJson;
      expect(type).toBe('FeatureCollection');
      expect(truncated).toBe(false);
      expect(features.map((f) => f.id)).toEqual(['sg-l1', 'sg-l2', 'sg-l7']);
      const l7 = features[2];
      expect(l7).toEqual({
        type: 'Feature',
        id: 'sg-l7',
        geometry: {
          type: 'LineString',
          coordinates: [
            [centroid('26362').longitude, centroid('26362').latitude],
            [CANTINE_POINT.longitude, CANTINE_POINT.latitude],
          ],
        },
        properties: {
          id: 'sg-l7',
          supplierId: 'sg-grossiste',
          buyerId: 'sg-cantine',
          productId: 'farine-ble-t80',
          productName: 'Farine de blé T80',
          volume: 2000,
          unit: 'KG',
          labels: ['ab'],
          distanceKm: expect.any(Number),
        },
      });
      expect(l7.properties.distanceKm).toBeCloseTo(distanceKm(centroid('26362'), CANTINE_POINT), 3);
    });

    it('applies the filters of `supplyLinks` to the map', async () => {
      const ids = async (filter?: Parameters<typeof supplyLinksGeoJson>[0]) =>
        (await supplyLinksGeoJson(filter)).data!.supplyLinksGeoJson.features.map((f) => f.id);
      expect(await ids({ productId: 'farine' })).toEqual(['sg-l2', 'sg-l4', 'sg-l7']);
      expect(await ids({ supplierId: 'sg-moulin' })).toEqual(['sg-l2', 'sg-l4']);
      expect(await ids({ buyerId: 'sg-moulin' })).toEqual(['sg-l1', 'sg-l6', 'sg-l5']);
      expect(await ids({ labelIds: ['ab'], buyerId: 'sg-cantine' })).toEqual(['sg-l7']);
      const all = await ids();
      expect(all).toHaveLength(ALL_LINKS);
      expect(all.slice(0, 3)).toEqual(['sg-l1', 'sg-l6', 'sg-l2']);
    });
  });
});
