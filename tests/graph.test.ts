import fs from 'node:fs';
import path from 'node:path';
import { ActorRole, RESELLER_ONLY_ROLES } from '../src/actor/actor.enums';
import { cypherList } from '../src/common/cypher';
import { migrate, type Database, type QueryPlan } from '../src/db';
import { writeBundle } from '../src/records';
import { UPSERT_LABELS } from '../src/label/label.cypher';
import { buildDromeSeed, KNOWN_CHAINS, readCommunes, readLabels, readProducts, seedDatabase } from '../tools/seed';
import { BACKFILLS, SCHEMA_STATEMENTS } from '../src/schema-statements';
import { SUPPLIER_CANDIDATES } from '../src/reasoning';
import { connectTestDb, silentLogger } from './helpers/db';
import { seededGraph } from './helpers/seeded';
import { graphDigest } from './helpers/digest';

const communes = readCommunes();
const labels = readLabels();
const seed = buildDromeSeed(communes, readProducts(), labels);

/** Offers whose search keys differ from what their relationships and supplier say. Returns one row: offers, wrong. */
const OFFERS_WITH_WRONG_KEYS = /* cypher */ `
  MATCH (a:Actor)-[:OFFERS]->(o:Offer)-[:OF_PRODUCT]->(p:Product)
  WITH o, p, a, EXISTS { (o)-[:CERTIFIED]->(:Label {organic: true}) } AS organic,
       any(role IN a.roles WHERE NOT role IN ${cypherList(RESELLER_ONLY_ROLES)}) AS origin
  RETURN count(o) AS offers, count(CASE WHEN o.productId IS NULL OR o.productId <> p.id OR o.organic IS NULL OR o.organic <> organic
    OR o.supplierId IS NULL OR o.supplierId <> a.id OR o.supplierLocation IS NULL OR o.supplierLocation <> a.location
    OR o.supplierIsOrigin IS NULL OR o.supplierIsOrigin <> origin THEN 1 END) AS wrong`;

/** Supply links whose productId key differs from their OF_PRODUCT product. Returns one row: links, wrong. */
const LINKS_WITH_WRONG_KEYS = /* cypher */ `
  MATCH (l:SupplyLink)-[:OF_PRODUCT]->(p:Product)
  RETURN count(l) AS links, count(CASE WHEN l.productId IS NULL OR l.productId <> p.id THEN 1 END) AS wrong`;

/** The operator names and details of a plan tree, depth first. */
function planLines(plan: QueryPlan): string[] {
  const details = typeof plan.arguments.Details === 'string' ? plan.arguments.Details : '';
  return [`${plan.operatorType} ${details}`, ...plan.children.flatMap(planLines)];
}

function countBy<T>(items: T[], key: (item: T) => string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) for (const k of key(item)) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

describe('the seeded Drôme graph in Neo4j', () => {
  let db: Database;

  beforeAll(async () => {
    db = await connectTestDb();
    await seededGraph(db);
  }, 240_000);

  afterAll(async () => {
    await db.close();
  });

  describe('geography', () => {
    it('holds every commune of the shipped file, per department', async () => {
      const rows = await db.read<{ code: string; communes: number }>(
        'MATCH (c:Commune)-[:IN_DEPARTMENT]->(d:Department) RETURN d.code AS code, count(c) AS communes ORDER BY code',
      );
      const expected = countBy(communes, (c) => [c.department]);
      expect(Object.fromEntries(rows.map((r) => [r.code, r.communes]))).toEqual(expected);
      expect(rows.reduce((s, r) => s + r.communes, 0)).toBe(1986);
      expect(expected['26']).toBe(362);
    });

    it('puts each commune in its EPCI, each EPCI in its departments, each department in its region', async () => {
      const [row] = await db.read<{ epcis: number; orphans: number; valenceEpci: string; region: string; depsWithoutRegion: number }>(`
        MATCH (e:Epci) WITH count(e) AS epcis
        OPTIONAL MATCH (c:Commune) WHERE NOT (c)-[:IN_EPCI]->(:Epci)
        WITH epcis, count(c) AS orphans
        MATCH (:Commune {insee: '26362'})-[:IN_EPCI]->(v:Epci)-[:IN_DEPARTMENT]->(:Department {code: '26'})-[:IN_REGION]->(r:Region)
        OPTIONAL MATCH (d:Department) WHERE NOT (d)-[:IN_REGION]->(:Region)
        RETURN epcis, orphans, v.name AS valenceEpci, r.name AS region, count(d) AS depsWithoutRegion`);
      expect(row).toEqual({
        epcis: new Set(communes.map((c) => c.epciSiren)).size,
        orphans: 0,
        valenceEpci: 'CA Valence Romans Agglo',
        region: 'Auvergne-Rhône-Alpes',
        depsWithoutRegion: 0,
      });
    });

    it('links the Drôme to its five neighbouring departments', async () => {
      const rows = await db.read<{ code: string }>(
        "MATCH (:Department {code: '26'})-[:NEIGHBOUR_OF]-(n:Department) RETURN n.code AS code ORDER BY code",
      );
      expect(rows.map((r) => r.code)).toEqual(['04', '05', '07', '38', '84']);
    });

    it('stores Valence with its population and WGS-84 point', async () => {
      const [valence] = await db.read<{ name: string; population: number; location: { latitude: number; longitude: number } }>(
        "MATCH (c:Commune {insee: '26362'}) RETURN c.name AS name, c.population AS population, c.location AS location",
      );
      expect(valence.name).toBe('Valence');
      expect(valence.population).toBeGreaterThan(60000);
      expect(valence.location.latitude).toBeCloseTo(44.93, 1);
      expect(valence.location.longitude).toBeCloseTo(4.9, 1);
    });
  });

  describe('actors', () => {
    it('places every actor in a real commune, within 5 km of its centroid', async () => {
      const [row] = await db.read<{ actors: number; placed: number; farthestKm: number }>(`
        MATCH (a:Actor)
        OPTIONAL MATCH (a)-[:LOCATED_IN]->(c:Commune)
        RETURN count(a) AS actors, count(c) AS placed,
               max(point.distance(a.location, c.location)) / 1000.0 AS farthestKm`);
      expect(row.actors).toBe(seed.actors.length);
      expect(row.placed).toBe(row.actors);
      expect(row.farthestKm).toBeLessThan(5);
    });

    it("has at least 400 actors, mostly in the Drôme, with the seed's counts per role", async () => {
      const rows = await db.read<{ role: string; actors: number }>(
        'MATCH (a:Actor) UNWIND a.roles AS role RETURN role, count(*) AS actors',
      );
      expect(Object.fromEntries(rows.map((r) => [r.role, r.actors]))).toEqual(countBy(seed.actors, (a) => a.roles));
      const [dept] = await db.read<{ drome: number; total: number }>(`
        MATCH (a:Actor)-[:LOCATED_IN]->(:Commune)-[:IN_DEPARTMENT]->(d:Department)
        RETURN sum(CASE d.code WHEN '26' THEN 1 ELSE 0 END) AS drome, count(a) AS total`);
      expect(dept.total).toBeGreaterThanOrEqual(400);
      expect(dept.drome / dept.total).toBeGreaterThan(0.85);
      expect(dept.drome).toBeLessThan(dept.total);
      const farms = rows.find((r) => r.role === 'FARM')?.actors ?? 0;
      expect(farms / dept.total).toBeGreaterThan(0.4);
    });

    it("has the seed's counts per EPCI", async () => {
      const rows = await db.read<{ siren: string; actors: number }>(
        'MATCH (a:Actor)-[:LOCATED_IN]->(:Commune)-[:IN_EPCI]->(e:Epci) RETURN e.siren AS siren, count(a) AS actors',
      );
      const inseeToEpci = new Map(communes.map((c) => [c.insee, c.epciSiren]));
      expect(Object.fromEntries(rows.map((r) => [r.siren, r.actors]))).toEqual(
        countBy(seed.actors, (a) => [inseeToEpci.get(a.communeInsee)!]),
      );
    });

    it('has the Valence Romans Agglo central kitchen in Valence, buying through supply links', async () => {
      const [kitchen] = await db.read<{ name: string; suppliers: number }>(`
        MATCH (k:Actor)-[:LOCATED_IN]->(:Commune {insee: '26362'})
        WHERE 'CENTRAL_KITCHEN' IN k.roles AND k.name CONTAINS 'Valence Romans'
        OPTIONAL MATCH (k)<-[:TO]-(:SupplyLink)<-[:SUPPLIES]-(s:Actor)
        RETURN k.name AS name, count(DISTINCT s) AS suppliers`);
      expect(kitchen.suppliers).toBeGreaterThan(3);
    });
  });

  describe('trading', () => {
    it('has at least 1,500 supply links, each between two actors for one product', async () => {
      const [row] = await db.read<{ links: number; complete: number }>(`
        MATCH (l:SupplyLink)
        OPTIONAL MATCH (s:Actor)-[:SUPPLIES]->(l)-[:TO]->(b:Actor), (l)-[:OF_PRODUCT]->(p:Product)
        RETURN count(DISTINCT l) AS links, count(DISTINCT CASE WHEN p IS NOT NULL THEN l END) AS complete`);
      expect(row.links).toBe(seed.supplyLinks.length);
      expect(row.links).toBeGreaterThanOrEqual(1500);
      expect(row.complete).toBe(row.links);
    });

    it("holds the seed's offers and needs with their products and labels", async () => {
      const [row] = await db.read<{ offers: number; needs: number; organicOffers: number }>(`
        CALL { MATCH (:Actor)-[:OFFERS]->(o:Offer)-[:OF_PRODUCT]->(:Product) RETURN count(o) AS offers }
        CALL { MATCH (:Actor)-[:NEEDS]->(n:Need)-[:OF_PRODUCT]->(:Product) RETURN count(n) AS needs }
        CALL { MATCH (o:Offer)-[:CERTIFIED]->(:Label {id: 'ab'}) RETURN count(o) AS organicOffers }
        RETURN offers, needs, organicOffers`);
      expect(row.offers).toBe(seed.offers.length);
      expect(row.needs).toBe(seed.needs.length);
      expect(row.organicOffers).toBe(seed.offers.filter((o) => o.labelIds.includes('ab')).length);
    });

    it.each(KNOWN_CHAINS.map((c) => [c.description, c]))('follows the known chain end to end: %s', async (_name, chain) => {
      const ids = chain.linkIds;
      const [row] = await db.read<{ found: number; actors: string[] }>(
        `
        MATCH path = (last:SupplyLink {id: $lastId})-[:SOURCED_FROM*]->(first:SupplyLink {id: $firstId})
        WHERE [n IN reverse(nodes(path)) | n.id] = $ids
        WITH path LIMIT 1
        UNWIND reverse(nodes(path)) AS link
        MATCH (s:Actor)-[:SUPPLIES]->(link)-[:TO]->(b:Actor)
        WITH collect(s.id) AS suppliers, collect(b.id) AS buyers
        RETURN 1 AS found, suppliers + [buyers[size(buyers) - 1]] AS actors`,
        { firstId: ids[0], lastId: ids[ids.length - 1], ids },
      );
      expect(row?.found).toBe(1);
      const byId = new Map(seed.supplyLinks.map((l) => [l.id, l]));
      expect(row.actors).toEqual([...ids.map((id) => byId.get(id)!.supplierId), byId.get(ids[ids.length - 1])!.buyerId]);
    });

    it('has an organic chain broken somewhere: an organic link sourced from a conventional one', async () => {
      const rows = await db.read<{ id: string }>(`
        MATCH (out:SupplyLink)-[:CERTIFIED]->(:Label {organic: true})
        MATCH (out)-[:SOURCED_FROM]->(in:SupplyLink)
        WHERE NOT EXISTS { (in)-[:CERTIFIED]->(:Label {organic: true}) }
        RETURN DISTINCT out.id AS id`);
      expect(rows.length).toBeGreaterThan(0);
    });
  });

  describe('search and schema', () => {
    it('finds names accent- and case-insensitively through the full-text index', async () => {
      const search = (q: string) =>
        db.read<{ name: string }>("CALL db.index.fulltext.queryNodes('name_fulltext', $q) YIELD node RETURN node.name AS name LIMIT 200", {
          q,
        });
      expect((await search('farine')).map((r) => r.name)).toContain('Farine de blé T80');
      expect((await search('FARINE BLE')).map((r) => r.name)).toContain('Farine de blé T80');
      const drome = (await search('drome')).map((r) => r.name);
      expect(drome.length).toBeGreaterThan(0);
      expect(drome.every((n) => /dr[oô]me/i.test(n))).toBe(true);
      expect(drome.some((n) => n.includes('Drôme'))).toBe(true);
    });

    it('docs/model.md lists exactly the constraints and indexes the database has', async () => {
      const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'model.md'), 'utf8');
      const section = doc.split('<!-- schema:begin -->')[1].split('<!-- schema:end -->')[0];
      // Prettier pads the table's cells: any run of spaces closes the name's cell.
      const documented = [...section.matchAll(/^\| `([a-z_]+)` +\|/gm)].map((m) => m[1]).sort();
      const constraints = await db.read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name');
      // Uniqueness constraints own a backing index of the same name; the others are ours.
      const indexes = await db.read<{ name: string }>(
        'SHOW INDEXES YIELD name, owningConstraint, type WHERE owningConstraint IS NULL AND type <> "LOOKUP" RETURN name',
      );
      const actual = [...constraints, ...indexes].map((r) => r.name).sort();
      expect(documented).toEqual(actual);
      expect(actual).toEqual(SCHEMA_STATEMENTS.map((s) => s.name).sort());
    });

    it('loading the seed again changes nothing', async () => {
      const before = await graphDigest(db);
      await seedDatabase(db, silentLogger);
      expect(await graphDigest(db)).toEqual(before);
    });
  });

  describe('search keys of offers (productId, organic, supplierId, supplierLocation, supplierIsOrigin) and supply links (productId)', () => {
    it('every offer carries its product id, organic flag and supplier keys as its relationships and supplier say', async () => {
      const [row] = await db.read<{ offers: number; wrong: number }>(OFFERS_WITH_WRONG_KEYS);
      expect(row).toEqual({ offers: seed.offers.length, wrong: 0 });
      const [organic] = await db.read<{ n: number }>('MATCH (o:Offer {organic: true}) RETURN count(o) AS n');
      expect(organic.n).toBe(seed.offers.filter((o) => o.labelIds.some((id) => labels.find((l) => l.id === id)!.organic)).length);
      const [resold] = await db.read<{ n: number }>('MATCH (o:Offer {supplierIsOrigin: false}) RETURN count(o) AS n');
      const resellerOnly = new Set(
        seed.actors.filter((a) => a.roles.every((r) => (RESELLER_ONLY_ROLES as readonly ActorRole[]).includes(r))).map((a) => a.id),
      );
      expect(resold.n).toBe(seed.offers.filter((o) => resellerOnly.has(o.actorId)).length);
      expect(resold.n).toBeGreaterThan(0);
    });

    it('every supply link carries its product id (productId), as its OF_PRODUCT relationship says', async () => {
      const [row] = await db.read<{ links: number; wrong: number }>(LINKS_WITH_WRONG_KEYS);
      expect(row).toEqual({ links: seed.supplyLinks.length, wrong: 0 });
    });

    it('follow a supply link upserted with another product, and come back with it', async () => {
      const before = await graphDigest(db);
      const original = seed.supplyLinks.find((l) => l.productId !== 'farine-ble-t80')!;
      const productIdOf = async () =>
        (await db.read<{ productId: string }>('MATCH (l:SupplyLink {id: $id}) RETURN l.productId AS productId', { id: original.id }))[0]
          .productId;

      await db.transaction('WRITE', (tx) =>
        writeBundle(tx, { ...seed, actors: [], offers: [], needs: [], supplyLinks: [{ ...original, productId: 'farine-ble-t80' }] }),
      );
      expect(await productIdOf()).toBe('farine-ble-t80');

      await db.transaction('WRITE', (tx) => writeBundle(tx, { ...seed, actors: [], offers: [], needs: [], supplyLinks: [original] }));
      expect(await productIdOf()).toBe(original.productId);
      expect(await graphDigest(db)).toEqual(before);
    });

    it('follow their supplier when it moves or changes roles, and come back with it', async () => {
      const before = await graphDigest(db);
      const original = seed.actors.find(
        (a) => a.roles.includes(ActorRole.MILL) && seed.offers.filter((o) => o.actorId === a.id).length >= 2,
      )!;
      const moved = { ...original, communeInsee: '26064', latitude: 44.9, longitude: 5.0, roles: [ActorRole.WHOLESALER] };
      const keysOf = () =>
        db.read<{ supplierId: string; lat: number; lon: number; origin: boolean }>(
          `MATCH (:Actor {id: $id})-[:OFFERS]->(o:Offer)
           RETURN o.supplierId AS supplierId, o.supplierLocation.latitude AS lat, o.supplierLocation.longitude AS lon, o.supplierIsOrigin AS origin`,
          { id: original.id },
        );

      await db.transaction('WRITE', (tx) => writeBundle(tx, { ...seed, actors: [moved], offers: [], needs: [], supplyLinks: [] }));
      const movedKeys = await keysOf();
      expect(movedKeys.length).toBeGreaterThanOrEqual(2);
      for (const k of movedKeys) expect(k).toEqual({ supplierId: original.id, lat: 44.9, lon: 5.0, origin: false });

      await db.transaction('WRITE', (tx) => writeBundle(tx, { ...seed, actors: [original], offers: [], needs: [], supplyLinks: [] }));
      for (const k of await keysOf()) expect(k.origin).toBe(true);
      expect(await graphDigest(db)).toEqual(before);
    });

    it('follow an offer upserted with another product and other labels, and come back with it', async () => {
      const before = await graphDigest(db);
      const original = seed.offers.find((o) => o.labelIds.includes('ab') && o.productId !== 'farine-ble-t80')!;
      const changed = { ...original, productId: 'farine-ble-t80', labelIds: ['hve'] };
      const keysOf = async () =>
        (
          await db.read<{ productId: string; organic: boolean }>(
            'MATCH (o:Offer {id: $id}) RETURN o.productId AS productId, o.organic AS organic',
            { id: original.id },
          )
        )[0];

      await db.transaction('WRITE', (tx) => writeBundle(tx, { ...seed, actors: [], needs: [], supplyLinks: [], offers: [changed] }));
      expect(await keysOf()).toEqual({ productId: 'farine-ble-t80', organic: false });

      await db.transaction('WRITE', (tx) => writeBundle(tx, { ...seed, actors: [], needs: [], supplyLinks: [], offers: [original] }));
      expect(await keysOf()).toEqual({ productId: original.productId, organic: true });
      expect(await graphDigest(db)).toEqual(before);
    });

    it('follow a label whose organic flag changes', async () => {
      const ab = labels.find((l) => l.id === 'ab')!;
      const onlyAb = seed.offers.filter(
        (o) => o.labelIds.some((id) => labels.find((l) => l.id === id)!.organic && id !== 'ab') === false && o.labelIds.includes('ab'),
      );
      expect(onlyAb.length).toBeGreaterThan(10);
      const organicOf = async (ids: string[]) =>
        (await db.read<{ organic: boolean }>('UNWIND $ids AS id MATCH (o:Offer {id: id}) RETURN o.organic AS organic', { ids })).map(
          (r) => r.organic,
        );

      await db.write(UPSERT_LABELS, { labels: [{ ...ab, organic: false }] });
      expect(new Set(await organicOf(onlyAb.map((o) => o.id)))).toEqual(new Set([false]));

      await db.write(UPSERT_LABELS, { labels: [ab] });
      expect(new Set(await organicOf(onlyAb.map((o) => o.id)))).toEqual(new Set([true]));
      expect((await db.read<{ wrong: number }>(OFFERS_WITH_WRONG_KEYS))[0].wrong).toBe(0);
    });

    it('are filled in, at the next migration, on a graph written before they existed', async () => {
      const before = await graphDigest(db);
      await db.write('MATCH (o:Offer) REMOVE o.productId, o.organic, o.supplierId, o.supplierLocation, o.supplierIsOrigin');
      await db.write('MATCH (l:SupplyLink) REMOVE l.productId');
      expect((await db.read<{ wrong: number }>(OFFERS_WITH_WRONG_KEYS))[0].wrong).toBe(seed.offers.length);
      expect((await db.read<{ wrong: number }>(LINKS_WITH_WRONG_KEYS))[0].wrong).toBe(seed.supplyLinks.length);

      await migrate(db, SCHEMA_STATEMENTS, silentLogger, BACKFILLS);
      expect((await db.read<{ wrong: number }>(LINKS_WITH_WRONG_KEYS))[0].wrong).toBe(0);
      expect(await graphDigest(db)).toEqual(before);
    });

    it('are what the suppliers candidates statement seeks offers by (offer_product_organic index, no product expansion)', async () => {
      const lines = planLines(await db.planOf(SUPPLIER_CANDIDATES, { requests: {}, keys: [] }));
      expect(lines.some((l) => /^NodeIndexSeek.*o:Offer\(productId, organic\)/.test(l))).toBe(true);
      expect(lines.some((l) => /^Expand.*OF_PRODUCT\]-\(o\)/.test(l))).toBe(false);
      // The candidates carry their supplier keys (supplierId, distance from supplierLocation): they
      // are ranked by those keys (the offers within their delivery radius are paged here), without
      // reading a supplier to rank them.
      const sorts = lines.filter((l) => /^(Sort|Top|PartialSort)\b/.test(l));
      expect(sorts).toHaveLength(1);
      expect(sorts[0]).toMatch(/`c\.distanceM` ASC, `c\.supplierId` ASC, `c\.offerId` ASC$/);
    });
  });
});
