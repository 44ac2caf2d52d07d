import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../src/db';
import {
  ActorTradingDocument,
  ActorsPageDocument,
  BreadUpstreamDocument,
  CreateActorDocument,
  ImportDryRunDocument,
  MapLayersDocument,
  NeighbourhoodDocument,
  OrganicFlourNearValenceDocument,
  OrganicIntegrityDocument,
  ProductTaxonomyDocument,
  ProvenanceDocument,
  SearchDocument,
  ServiceDocument,
} from '../src/generated/graphql';
import { withLuhnCheckDigit } from '../src/records';
import { BROKEN_ORGANIC_CHAIN, buildDromeSeed, KNOWN_CHAINS, readCommunes, readLabels, readProducts } from '../tools/seed';
import { connectTestDb } from './helpers/db';
import { seededGraph } from './helpers/seeded';
import { TEST_EDITOR, createRunner } from './helpers/graphql';

const seed = buildDromeSeed(readCommunes(), readProducts(), readLabels());
const linkById = new Map(seed.supplyLinks.map((l) => [l.id, l]));
const actorById = new Map(seed.actors.map((a) => [a.id, a]));
const headline = KNOWN_CHAINS.find((c) => c.name === 'organic-wheat-to-central-kitchen')!;
const headlineLinks = headline.linkIds.map((id) => linkById.get(id)!);
const kitchenId = headlineLinks[headlineLinks.length - 1].buyerId;
const organicLabels = new Set(
  readLabels()
    .filter((l) => l.organic)
    .map((l) => l.id),
);

/** The documented example operations (schema/operations/) run as typed documents on the seeded graph. */
describe('the documented operations on the seeded Drôme graph', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;

  beforeAll(async () => {
    db = await connectTestDb();
    await seededGraph(db);
    runner = await createRunner(db, { viewer: TEST_EDITOR });
  }, 240_000);

  afterAll(async () => {
    await runner.stop();
    await db.close();
  });

  it('Service names the Neo4j server', async () => {
    const { data } = await runner.run(ServiceDocument);
    expect(data!.service.database).toMatch(/^Neo4j Kernel\/5\.26/);
  });

  it('OrganicFlourNearValence lists organic flour suppliers within 50 km, nearest first', async () => {
    const { data, errors } = await runner.run(OrganicFlourNearValenceDocument, { radiusKm: 50, first: 50 });
    expect(errors).toBeUndefined();
    const nodes = data!.actors.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(data!.actors.totalCount).toBe(nodes.length);
    const distances = nodes.map((n) => n.distanceKm!);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(Math.max(...distances)).toBeLessThanOrEqual(50);
    for (const node of nodes) {
      expect(node.offers.some((o) => o.product.id.startsWith('farine') && o.labels.some((l) => organicLabels.has(l.id)))).toBe(true);
    }
    const headlineMill = headlineLinks[2].supplierId;
    expect(nodes.map((n) => n.id)).toContain(headlineMill);
  });

  it("ActorTrading shows the central kitchen's suppliers with the products bought", async () => {
    const { data } = await runner.run(ActorTradingDocument, { id: kitchenId });
    expect(data!.actor.name).toBe(actorById.get(kitchenId)!.name);
    expect(data!.actor.commune.insee).toBe('26362');
    const bakery = data!.actor.suppliers.find((s) => s.actor.id === headlineLinks[3].supplierId)!;
    expect(bakery.links.map((l) => l.id)).toContain(headlineLinks[3].id);
    const expected = seed.supplyLinks.filter((l) => l.buyerId === kitchenId).map((l) => l.supplierId);
    expect(data!.actor.suppliers.map((s) => s.actor.id).sort()).toEqual([...new Set(expected)].sort());
  });

  it("Provenance follows the kitchen's bread back to the wheat farm", async () => {
    const { data } = await runner.run(ProvenanceDocument, { linkId: headlineLinks[3].id });
    const link = data!.supplyLink;
    const suppliers = [
      link.supplier.id,
      link.sourcedFrom[0].supplier.id,
      link.sourcedFrom[0].sourcedFrom[0].supplier.id,
      link.sourcedFrom[0].sourcedFrom[0].sourcedFrom[0].supplier.id,
    ];
    expect(suppliers).toEqual([...headlineLinks].reverse().map((l) => l.supplierId));
    expect(link.buyer.id).toBe(kitchenId);
  });

  it('ActorsPage pages through actors without repeating any', async () => {
    const first = await runner.run(ActorsPageDocument, { filter: { roles: ['MILL'] }, first: 3 });
    const second = await runner.run(ActorsPageDocument, {
      filter: { roles: ['MILL'] },
      first: 3,
      after: first.data!.actors.pageInfo.endCursor,
    });
    const ids = [...first.data!.actors.nodes, ...second.data!.actors.nodes].map((n) => n.id);
    const mills = seed.actors.filter((a) => a.roles.includes('MILL' as never)).length;
    expect(new Set(ids).size).toBe(Math.min(6, mills));
  });

  it('ProductTaxonomy walks flour down to T80 and up to what flour makes', async () => {
    const { data } = await runner.run(ProductTaxonomyDocument, { id: 'farine-ble' });
    expect(data!.product.broader?.id).toBe('farine');
    expect(data!.product.narrower.map((p) => p.id)).toContain('farine-ble-t80');
    expect(data!.product.madeFrom.map((p) => p.id)).toEqual(['ble-tendre']);
  });

  it('ImportDryRun validates the example actors without writing them', async () => {
    const content = fs.readFileSync(path.join(__dirname, '..', 'seeds', 'examples', 'actors.csv'), 'utf8');
    const { data, errors } = await runner.run(ImportDryRunDocument, { content, format: 'CSV' });
    expect(errors).toBeUndefined();
    expect(data!.importRecords).toEqual({
      written: false,
      counts: { actors: content.trim().split('\n').length - 1, offers: 0, needs: 0, supplyLinks: 0 },
    });
    const [row] = await db.read<{ n: number }>("MATCH (a:Actor) WHERE a.id STARTS WITH 'ex-' RETURN count(a) AS n");
    expect(row.n).toBe(0);
  });

  it('Search finds "drome" in names written "Drôme", typed by kind', async () => {
    const { data } = await runner.run(SearchDocument, { text: 'drome', first: 10 });
    expect(data!.search.length).toBeGreaterThan(0);
    for (const result of data!.search) {
      expect(result.name).toMatch(/dr[oô]me/i);
      expect(result.hit.__typename).toBe(result.kind === 'ACTOR' ? 'Actor' : 'Product');
    }
  });

  it("Neighbourhood gives the kitchen's suppliers as nodes and edges", async () => {
    const { data } = await runner.run(NeighbourhoodDocument, { actorId: kitchenId, depth: 1 });
    const partners = new Set(
      seed.supplyLinks.flatMap((l) => (l.buyerId === kitchenId ? [l.supplierId] : l.supplierId === kitchenId ? [l.buyerId] : [])),
    );
    expect(data!.neighbourhood.nodes.map((n) => n.id).sort()).toEqual([kitchenId, ...partners].sort());
    expect(data!.neighbourhood.edges.map((e) => e.id)).toContain(headlineLinks[3].id);
  });

  it('MapLayers returns GeoJSON FeatureCollections', async () => {
    const { data } = await runner.run(MapLayersDocument, { epciSiren: '200068781' });
    const communes = data!.communes as { type: string; features: unknown[] };
    expect(communes.type).toBe('FeatureCollection');
    expect(communes.features).toHaveLength(readCommunes().filter((c) => c.epciSiren === '200068781').length);
    expect((data!.organicBakeries as { features: unknown[] }).features.length).toBeGreaterThan(0);
    expect((data!.organicLinks as { features: { geometry: { type: string } }[] }).features[0].geometry.type).toBe('LineString');
  });

  it('BreadUpstream reaches the wheat farm from the central kitchen', async () => {
    const { data, errors } = await runner.run(BreadUpstreamDocument, { actorId: kitchenId, productId: 'pain', maxDepth: 4 });
    expect(errors).toBeUndefined();
    expect(data!.upstream.farms.map((f) => f.id)).toContain(headlineLinks[0].supplierId);
  });

  it('OrganicIntegrity finds the organic bread made from conventional flour', async () => {
    const { data } = await runner.run(OrganicIntegrityDocument, { departmentCode: '26' });
    const broken = data!.labelIntegrity.brokenChains.map((c) => [c.link.id, c.breaksAt.id]);
    expect(broken).toContainEqual([BROKEN_ORGANIC_CHAIN.brokenLinkId, BROKEN_ORGANIC_CHAIN.linkIds[2]]);
    // A link may break more than once (a lost label and an uncertified reseller): broken counts links.
    expect(data!.labelIntegrity.summary.broken).toBe(new Set(broken.map(([linkId]) => linkId)).size);
  });

  it('CreateActor stores a new actor in its commune', async () => {
    const siret = withLuhnCheckDigit('9261234567890');
    const { data, errors } = await runner.run(CreateActorDocument, {
      input: { id: 'op-new', name: 'Ferme Nouvelle', roles: ['FARM'], siret, communeInsee: '26113', clubMember: false },
    });
    expect(errors).toBeUndefined();
    expect(data!.createActor).toMatchObject({ id: 'op-new', siret, commune: { insee: '26113', name: 'Die' } });
    await db.write("MATCH (a:Actor {id: 'op-new'}) DETACH DELETE a");
  });
});
