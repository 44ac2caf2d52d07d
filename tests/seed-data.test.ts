import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ActorRole } from '../src/actor/actor.enums';
import { isValidSiret } from '../src/records';
import type { ImportBundle, ProductKingdom, ProductRecord, SupplyLinkRecord } from '../src/records';
import { resolveProductKingdoms } from '../src/product';
import {
  BROKEN_ORGANIC_CHAIN,
  buildDromeSeed,
  CONTRACT_CATERER,
  CONVENTIONAL_FEED_BREAK,
  type CommuneRef,
  generateSyntheticGraph,
  KNOWN_CHAINS,
  readCommunes,
  readLabels,
  readProducts,
  UNMET_NEED_IDS,
  validateCatalog,
} from '../tools/seed';

/**
 * The seed data without a database: the catalog, the Drôme seed and the synthetic generator must
 * produce bundles whose every reference resolves and whose provenance holds. The rules are written
 * again here, independently of tools/seed, so a bug in the generator cannot hide itself.
 */

const communes = readCommunes();
const products = readProducts();
const labels = readLabels();
const communeByInsee = new Map(communes.map((c) => [c.insee, c]));

const seed = buildDromeSeed(communes, products, labels);
const linkById = new Map(seed.supplyLinks.map((l) => [l.id, l]));

describe('the catalog (seeds/products.json, seeds/labels.json)', () => {
  it('is valid: unique ids, no dangling reference, no cycle', () => {
    expect(validateCatalog(products, labels)).toEqual([]);
  });

  it('reports problems it is given', () => {
    const broken: ProductRecord[] = [
      { id: 'a', name: 'A', family: products[0].family, broaderId: 'b', madeFromIds: ['c'] },
      { id: 'b', name: 'B', family: products[0].family, broaderId: 'a', madeFromIds: [] },
      { id: 'c', name: 'C', family: products[0].family, broaderId: null, madeFromIds: ['missing'] },
      { id: 'c', name: 'C again', family: products[0].family, broaderId: null, madeFromIds: [] },
    ];
    const problems = validateCatalog(
      broken,
      labels.filter((l) => l.productIds.length === 0),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"c" is used twice'),
        expect.stringContaining('missing, which does not exist'),
        expect.stringContaining('cycle in broader'),
      ]),
    );
  });

  it('has the labels the code names, with organic and EGalim flags that fit their kind', () => {
    const byId = new Map(labels.map((l) => [l.id, l]));
    for (const id of ['ab', 'eu-organic', 'organic-conversion']) expect(byId.get(id)).toMatchObject({ organic: true, egalim: true });
    for (const id of ['nature-et-progres', 'demeter'])
      expect(byId.get(id)).toMatchObject({ kind: 'PRIVATE_ORGANIC', organic: false, egalim: false });
    for (const id of ['label-rouge', 'hve', 'fermier', 'picodon-aop', 'nougat-montelimar-igp']) expect(byId.get(id)?.egalim).toBe(true);
  });

  it('holds a taxonomy deep enough for the Drôme filières', () => {
    const byId = new Map(products.map((p) => [p.id, p]));
    const lineage = (id: string): string[] => (id ? [id, ...lineage(byId.get(id)?.broaderId ?? '')] : []);
    expect(products.length).toBeGreaterThanOrEqual(120);
    expect(lineage('farine-ble-t80')).toEqual(['farine-ble-t80', 'farine-ble', 'farine']);
    expect(lineage('picodon')).toEqual(['picodon', 'fromage-de-chevre', 'fromage', 'produits-laitiers']);
    expect(byId.get('raviole-du-dauphine')?.madeFromIds).toEqual(expect.arrayContaining(['farine-ble', 'oeufs', 'comte', 'fromage-blanc']));
    expect(byId.get('nougat-de-montelimar')?.madeFromIds).toEqual(expect.arrayContaining(['amande', 'miel']));
    expect(byId.get('farine-ble-t80')?.name).toBe('Farine de blé T80');
  });

  it('gives every product a kingdom, inherited from its broader product unless it declares its own', () => {
    const kingdoms = resolveProductKingdoms(products);
    expect(products.filter((p) => !kingdoms.get(p.id)).map((p) => p.id)).toEqual([]);
    const of = (ids: string[]) => ids.map((id) => kingdoms.get(id));
    // Plants: vegetables, fruit, grain, flour, bread, feed; animals: meat, charcuterie, dairy, eggs, fish, honey.
    expect(of(['carotte', 'abricot', 'ble-tendre', 'farine-ble-t80', 'pain-complet', 'aliment-ruminants'])).toEqual(Array(6).fill('PLANT'));
    expect(of(['agneau-de-sisteron', 'caillette', 'picodon', 'oeufs', 'truite', 'miel-de-lavande'])).toEqual(Array(6).fill('ANIMAL'));
    // Both: butter or eggs in the dough, honey in the nougat, a whole meal.
    expect(of(['pogne-de-romans', 'croissant', 'raviole-du-dauphine', 'pates-fraiches', 'nougat-de-montelimar', 'repas'])).toEqual(
      Array(6).fill('MIXED'),
    );
  });

  it('refuses a top-level product without a kingdom, and an unknown kingdom', () => {
    const family = products[0].family;
    const problems = validateCatalog(
      [
        { id: 'top', name: 'Top', family, broaderId: null, madeFromIds: [] },
        { id: 'odd', name: 'Odd', family, broaderId: 'top', madeFromIds: [], kingdom: 'FUNGUS' as ProductKingdom },
      ],
      labels.filter((l) => l.productIds.length === 0),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'product top is at the top of the taxonomy and declares no kingdom',
        'product odd has unknown kingdom FUNGUS',
      ]),
    );
  });
});

describe('the record files the repository ships (seeds/examples)', () => {
  const examples = path.join(__dirname, '..', 'seeds', 'examples');
  const csvActors = (file: string, delimiter: string) =>
    parse(fs.readFileSync(path.join(examples, file), 'utf8'), { columns: true, delimiter, bom: true }) as Record<string, string>[];
  const shipped = [
    ...csvActors('actors.csv', ',').map((r) => ['actors.csv', r.name, r.siret, r.fictitious]),
    ...csvActors('invalid-actors.csv', ';').map((r) => ['invalid-actors.csv', r.name, r.siret, r.fictitious]),
    ...(JSON.parse(fs.readFileSync(path.join(examples, 'members.json'), 'utf8')) as { actors: Record<string, unknown>[] }).actors.map(
      (a) => ['members.json', a.name, a.siret, String(a.fictitious)],
    ),
  ];

  it('lists every example actor', () => {
    expect(shipped.length).toBe(5 + 11 + 3);
    expect(fs.readdirSync(examples).filter((f) => !['actors.csv', 'invalid-actors.csv', 'members.json'].includes(f))).toEqual([
      'needs.csv',
      'offers.csv',
      'supply-links.csv',
    ]);
  });

  it('marks every example firm fictitious, with a SIREN beginning with 0 that no real firm is known to hold', () => {
    // The example firms are invented: none may carry a SIREN a real company could hold (1-2: public bodies, 3-9: companies).
    expect(shipped.filter(([, , siret, fictitious]) => fictitious !== 'true' || !String(siret).startsWith('0'))).toEqual([]);
  });
});

describe('the Drôme seed', () => {
  it('is deterministic: two runs give the same bundle', () => {
    expect(buildDromeSeed(communes, products, labels)).toEqual(seed);
  });

  it('has at least 400 actors and 1,500 supply links, with offers and needs', () => {
    expect(seed.actors.length).toBeGreaterThanOrEqual(400);
    expect(seed.supplyLinks.length).toBeGreaterThanOrEqual(1500);
    expect(seed.offers.length).toBeGreaterThan(seed.actors.length);
    expect(seed.needs.length).toBeGreaterThan(50);
  });

  it('is mostly farms, mostly in the Drôme, with some neighbours (Lyon-Corbas, Ardèche, Isère...)', () => {
    const farms = seed.actors.filter((a) => a.roles.includes(ActorRole.FARM)).length / seed.actors.length;
    expect(farms).toBeGreaterThan(0.5);
    expect(farms).toBeLessThan(0.65);
    const outside = seed.actors.filter((a) => communeByInsee.get(a.communeInsee)?.department !== '26').length / seed.actors.length;
    expect(outside).toBeGreaterThan(0.03);
    expect(outside).toBeLessThan(0.1);
    expect(seed.actors.some((a) => a.communeInsee === '69273' && a.roles.includes(ActorRole.WHOLESALER))).toBe(true);
  });

  it('has the Valence Romans Agglo central kitchen in Valence, and canteens it serves', () => {
    const kitchen = seed.actors.find((a) => a.name === 'Cuisine centrale de Valence Romans Agglo');
    expect(kitchen).toMatchObject({ communeInsee: '26362', roles: [ActorRole.CENTRAL_KITCHEN] });
    const canteens = seed.supplyLinks.filter((l) => l.supplierId === kitchen?.id && l.productId === 'repas');
    expect(canteens.length).toBeGreaterThanOrEqual(5);
  });

  it('has an organic-only grain cooperative at Chabeuil', () => {
    const coop = seed.actors.find((a) => a.communeInsee === '26064' && a.roles.includes(ActorRole.COOPERATIVE));
    expect(coop).toBeDefined();
    const sales = seed.supplyLinks.filter((l) => l.supplierId === coop?.id);
    expect(sales.length).toBeGreaterThan(0);
    expect(sales.every((l) => l.labelIds.includes('ab'))).toBe(true);
  });

  expectSoundBundle(() => seed, 'act-', 'sl-');

  it('locates each actor within 5 km of its commune centroid', () => {
    for (const a of seed.actors) {
      const c = communeByInsee.get(a.communeInsee) as CommuneRef;
      expect(haversineKm(a.latitude as number, a.longitude as number, c.latitude, c.longitude)).toBeLessThanOrEqual(5);
    }
  });

  it('gives an Agence Bio number to certified organic operators only, and contact details that reach no one', () => {
    const organicSuppliers = new Set(seed.offers.filter((o) => o.labelIds.includes('ab')).map((o) => o.actorId));
    for (const a of seed.actors) {
      if (organicSuppliers.has(a.id) && a.roles.includes(ActorRole.FARM)) expect(a.agenceBioNumber).toMatch(/^\d+$/);
      expect(a.email).toMatch(/@exemple\.fr$/);
      expect(a.phone).toMatch(/^0(4 65 71|6 39 98) \d\d \d\d$/);
      expect(a.description?.length).toBeGreaterThan(10);
    }
    const members = seed.actors.filter((a) => a.clubMember).length / seed.actors.length;
    expect(members).toBeGreaterThan(0.25);
    expect(members).toBeLessThan(0.5);
  });

  it('gives real public bodies their real SIREN and marks every invented operator fictitious, with a SIREN no company can hold', () => {
    const byName = new Map(seed.actors.map((a) => [a.name, a]));
    // SIRENs of the EPCIs, as in seeds/communes-drome-and-neighbours.csv.
    expect(byName.get('Valence Romans Agglo')).toMatchObject({ fictitious: false, siret: expect.stringMatching(/^200068781/) });
    expect(byName.get('Cuisine centrale de Valence Romans Agglo')).toMatchObject({
      fictitious: false,
      siret: expect.stringMatching(/^200068781/),
    });
    expect(byName.get('Montélimar Agglomération')?.siret).toMatch(/^200040459/);
    expect(byName.get('Communauté de communes du Val de Drôme en Biovallée')?.siret).toMatch(/^242600252/);
    expect(communes.find((c) => c.insee === '26362')?.epciSiren).toBe('200068781');
    // The Département's seat, as in SIRENE.
    expect(byName.get('Département de la Drôme')).toMatchObject({ fictitious: false, siret: '22260001700016' });
    const companies = seed.actors.filter(
      (a) => !a.roles.some((r) => [ActorRole.INSTITUTION, ActorRole.CANTEEN, ActorRole.CENTRAL_KITCHEN].includes(r)),
    );
    expect(companies.filter((a) => a.fictitious !== true).map((a) => a.name)).toEqual([]);
    // A SIREN beginning with 0: none is found in the SIRENE register (docs/model.md).
    expect(seed.actors.filter((a) => a.fictitious && !a.siret.startsWith('0')).map((a) => a.name)).toEqual([]);
    expect(seed.actors.filter((a) => a.fictitious === false).length).toBeGreaterThanOrEqual(30);
  });

  it('marks fictitious every actor with an invented SIREN (beginning with 0), except the real public bodies docs/model.md lists', () => {
    const modelDoc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'model.md'), 'utf8').replace(/\s+/g, ' ');
    const placeholders = seed.actors.filter((a) => a.siret.startsWith('0'));
    const realBodies = placeholders.filter((a) => a.fictitious !== true);
    // Real chambers, central kitchens, collèges and hospitals whose SIREN the repository does not hold.
    expect(realBodies.length).toBeGreaterThanOrEqual(20);
    expect(realBodies.filter((a) => !modelDoc.includes(a.name)).map((a) => a.name)).toEqual([]);
    const publicRoles = [ActorRole.INSTITUTION, ActorRole.CANTEEN, ActorRole.CENTRAL_KITCHEN];
    expect(realBodies.filter((a) => !a.roles.some((r) => publicRoles.includes(r))).map((a) => a.name)).toEqual([]);
    // And the other way round: every actor that is not fictitious either has a real SIREN or is one of them.
    expect(
      seed.actors.filter((a) => a.fictitious !== true && !a.siret.startsWith('0') && !/^[12]/.test(a.siret)).map((a) => a.name),
    ).toEqual([]);
  });

  it('writes French contractions: "au Pègue", "aux Pilles", "du Poët-Laval", never "à Le" or "de Les"', () => {
    const texts = seed.actors.flatMap((a) => [a.name, a.description ?? '']);
    expect(texts.filter((t) => /\b(à|de) (Le|Les) /.test(t))).toEqual([]);
  });

  it('has the missing links of Drôme chains: abattoirs, the Biovallée central kitchen at Eurre, a contract caterer, supermarkets', () => {
    expect(seed.actors.filter((a) => a.roles.includes(ActorRole.SLAUGHTERHOUSE)).length).toBeGreaterThanOrEqual(3);
    expect(seed.actors.find((a) => a.name === 'Cuisine centrale de la Biovallée')).toMatchObject({ communeInsee: '26125' });
    expect(seed.actors.find((a) => a.name === CONTRACT_CATERER)).toMatchObject({ fictitious: true, roles: [ActorRole.CENTRAL_KITCHEN] });
    expect(seed.actors.filter((a) => a.name.startsWith('Supermarché') || a.name.startsWith('Supérette')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(KNOWN_CHAINS.map((c) => [c.name, c]))('builds the known chain %s end to end', (_name, chain) => {
    const links = chain.linkIds.map((id) => linkById.get(id) as SupplyLinkRecord);
    expect(links.every(Boolean)).toBe(true);
    expect(links[0].sourcedFromIds).toEqual([]);
    const first = seed.actors.find((a) => a.id === links[0].supplierId);
    expect(first?.roles).toContain(ActorRole.FARM);
    for (let i = 0; i + 1 < links.length; i += 1) {
      expect(links[i].buyerId).toBe(links[i + 1].supplierId);
      expect(links[i + 1].sourcedFromIds).toContain(links[i].id);
    }
  });

  it('names the headline chain: organic wheat near Chabeuil to the Valence Romans Agglo central kitchen', () => {
    const [headline] = KNOWN_CHAINS;
    const links = headline.linkIds.map((id) => linkById.get(id) as SupplyLinkRecord);
    expect(links.map((l) => l.productId)).toEqual(['ble-tendre', 'ble-tendre', 'farine-ble-t80', 'pain-de-campagne']);
    expect(links.every((l) => l.labelIds.includes('ab'))).toBe(true);
    const actor = (id: string) => seed.actors.find((a) => a.id === id);
    expect(actor(links[1].supplierId)?.communeInsee).toBe('26064');
    expect(actor(links[3].buyerId)?.name).toBe('Cuisine centrale de Valence Romans Agglo');
  });

  it('contains a broken organic chain: an organic link sourced from a conventional one', () => {
    const organic = new Set(labels.filter((l) => l.organic).map((l) => l.id));
    const isOrganic = (l: SupplyLinkRecord) => l.labelIds.some((id) => organic.has(id));
    const broken = seed.supplyLinks.filter(
      (l) => isOrganic(l) && l.sourcedFromIds.some((id) => !isOrganic(linkById.get(id) as SupplyLinkRecord)),
    );
    expect(broken.map((l) => l.id)).toContain(BROKEN_ORGANIC_CHAIN.brokenLinkId);
    const chain = BROKEN_ORGANIC_CHAIN.linkIds.map((id) => linkById.get(id) as SupplyLinkRecord);
    for (let i = 0; i + 1 < chain.length; i += 1) expect(chain[i + 1].sourcedFromIds).toContain(chain[i].id);
  });

  it('contains organic poultry raised on conventional feed: an AB sale sourced from an unlabelled feed purchase', () => {
    const organic = new Set(labels.filter((l) => l.organic).map((l) => l.id));
    const feed = linkById.get(CONVENTIONAL_FEED_BREAK.feedLinkId) as SupplyLinkRecord;
    const sale = linkById.get(CONVENTIONAL_FEED_BREAK.brokenLinkId) as SupplyLinkRecord;
    const actor = (id: string) => seed.actors.find((a) => a.id === id);
    expect(sale.sourcedFromIds).toContain(feed.id);
    expect(feed.buyerId).toBe(sale.supplierId);
    expect(isSameOrNarrower(feed.productId, 'aliments-animaux')).toBe(true);
    expect(feed.labelIds.filter((id) => organic.has(id))).toEqual([]);
    expect(sale.labelIds).toContain('ab');
    expect(kingdomOf.get(sale.productId)).toBe('ANIMAL');
    expect(actor(sale.supplierId)).toMatchObject({ name: 'Volailles de la Magnanerie', roles: [ActorRole.FARM] });
    expect(actor(sale.supplierId)?.agenceBioNumber).toBeTruthy();
    expect(actor(feed.supplierId)).toMatchObject({ name: 'Aliments Drôme-Vivarais' });
  });

  it('has needs that no offer anywhere meets (product or narrower, with the required labels)', () => {
    const unmet = seed.needs.filter(
      (n) =>
        !seed.offers.some((o) => isSameOrNarrower(o.productId, n.productId) && n.requiredLabelIds.every((l) => o.labelIds.includes(l))),
    );
    expect(unmet.length).toBeGreaterThan(0);
    expect(unmet.map((n) => n.id)).toEqual(expect.arrayContaining([...UNMET_NEED_IDS]));
  });

  it('puts appellations only on the products they name', () => {
    const byId = new Map(labels.map((l) => [l.id, l]));
    for (const item of [...seed.offers, ...seed.supplyLinks]) {
      for (const labelId of item.labelIds) {
        const scope = byId.get(labelId)?.productIds ?? [];
        if (scope.length > 0) expect(scope.some((p) => isSameOrNarrower(item.productId, p))).toBe(true);
      }
    }
  });

  it('keeps chains between one and five links long', () => {
    const depths = depthsOf(seed.supplyLinks);
    expect(Math.max(...depths.values())).toBeLessThanOrEqual(5);
    expect([...depths.values()].filter((d) => d >= 4).length).toBeGreaterThan(20);
  });
});

describe('the synthetic graph', () => {
  const options = { actors: 2000, seed: 7 };
  const synthetic = generateSyntheticGraph(options, communes, products, labels);

  it('is deterministic and has the requested number of actors', () => {
    expect(synthetic.actors).toHaveLength(2000);
    expect(generateSyntheticGraph(options, communes, products, labels)).toEqual(synthetic);
  });

  it('changes with the seed', () => {
    const other = generateSyntheticGraph({ actors: 200, seed: 8 }, communes, products, labels);
    expect(other.actors.map((a) => a.name)).not.toEqual(
      generateSyntheticGraph({ actors: 200, seed: 7 }, communes, products, labels).actors.map((a) => a.name),
    );
  });

  it('has about four supply links per actor', () => {
    const perActor = synthetic.supplyLinks.length / synthetic.actors.length;
    expect(perActor).toBeGreaterThan(3);
    expect(perActor).toBeLessThan(6);
  });

  it('never reuses a seed id or SIRET', () => {
    const seedSirets = new Set(seed.actors.map((a) => a.siret));
    expect(synthetic.actors.some((a) => seedSirets.has(a.siret))).toBe(false);
    expect(synthetic.actors[0].id).toBe('syn-000001');
  });

  expectSoundBundle(() => synthetic, 'syn-', 'syn-sl-');
});

/** The checks every generated bundle passes: ids, SIRETs, references, provenance. */
function expectSoundBundle(get: () => ImportBundle, actorPrefix: string, linkPrefix: string): void {
  it('has unique ids and valid, unique SIRETs', () => {
    const bundle = get();
    const ids = [...bundle.actors, ...bundle.offers, ...bundle.needs, ...bundle.supplyLinks].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(bundle.actors.every((a) => a.id.startsWith(actorPrefix))).toBe(true);
    expect(bundle.supplyLinks.every((l) => l.id.startsWith(linkPrefix))).toBe(true);
    const sirets = bundle.actors.map((a) => a.siret);
    expect(sirets.filter((s) => !isValidSiret(s))).toEqual([]);
    expect(new Set(sirets).size).toBe(sirets.length);
  });

  it('resolves every reference: actors, products, labels, communes, EPCIs, sourced-from links', () => {
    const bundle = get();
    const actorIds = new Set(bundle.actors.map((a) => a.id));
    const productIds = new Set(products.map((p) => p.id));
    const labelIds = new Set(labels.map((l) => l.id));
    const epcis = new Set(communes.map((c) => c.epciSiren));
    const linkIds = new Set(bundle.supplyLinks.map((l) => l.id));
    const missing: string[] = [];
    const need = (ok: boolean, what: string) => ok || missing.push(what);
    for (const a of bundle.actors) need(communeByInsee.has(a.communeInsee), `commune ${a.communeInsee} of ${a.id}`);
    for (const o of bundle.offers) {
      need(actorIds.has(o.actorId) && productIds.has(o.productId), `offer ${o.id}`);
      for (const l of o.labelIds) need(labelIds.has(l), `label ${l} of ${o.id}`);
      for (const c of o.deliveryCommunes ?? []) need(communeByInsee.has(c), `delivery commune ${c} of ${o.id}`);
      for (const e of o.deliveryEpcis ?? []) need(epcis.has(e), `delivery EPCI ${e} of ${o.id}`);
      need(o.months.length > 0 && o.months.every((m) => m >= 1 && m <= 12), `months of ${o.id}`);
    }
    for (const n of bundle.needs) {
      need(actorIds.has(n.actorId) && productIds.has(n.productId), `need ${n.id}`);
      for (const l of n.requiredLabelIds) need(labelIds.has(l), `label ${l} of ${n.id}`);
    }
    for (const s of bundle.supplyLinks) {
      need(actorIds.has(s.supplierId) && actorIds.has(s.buyerId) && s.supplierId !== s.buyerId, `actors of ${s.id}`);
      need(productIds.has(s.productId), `product of ${s.id}`);
      for (const l of s.labelIds) need(labelIds.has(l), `label ${l} of ${s.id}`);
      for (const f of s.sourcedFromIds) need(linkIds.has(f), `sourcedFrom ${f} of ${s.id}`);
      need(s.volume > 0 && (s.valueEur ?? 0) > 0, `volume and value of ${s.id}`);
      need(/^20(1[5-9]|2[0-5])-\d\d-\d\d$/.test(s.since ?? ''), `since of ${s.id}`);
    }
    expect(missing).toEqual([]);
  });

  it('has consistent provenance: bought by the supplier, same product or an input of it, no cycle', () => {
    const bundle = get();
    const byId = new Map(bundle.supplyLinks.map((l) => [l.id, l]));
    const problems: string[] = [];
    for (const link of bundle.supplyLinks) {
      for (const id of link.sourcedFromIds) {
        const source = byId.get(id) as SupplyLinkRecord;
        if (source.buyerId !== link.supplierId) problems.push(`${link.id} is sourced from ${id}, bought by someone else`);
        if (!canBeSourcedFrom(link.productId, source.productId))
          problems.push(`${link.id} (${link.productId}) cannot come from ${id} (${source.productId})`);
      }
    }
    expect(problems).toEqual([]);
    expect(() => depthsOf(bundle.supplyLinks)).not.toThrow();
  });
}

// ── The rules, written independently of tools/seed ─────────────────────────────────────────────

const productById = new Map(products.map((p) => [p.id, p]));
const kingdomOf = resolveProductKingdoms(products);
const childrenOf = new Map<string, string[]>();
for (const p of products) if (p.broaderId) childrenOf.set(p.broaderId, [...(childrenOf.get(p.broaderId) ?? []), p.id]);

function ancestorsOrSelf(id: string): string[] {
  const out: string[] = [];
  for (let p: ProductRecord | undefined = productById.get(id); p; p = p.broaderId ? productById.get(p.broaderId) : undefined)
    out.push(p.id);
  return out;
}

function isSameOrNarrower(id: string, broader: string): boolean {
  return ancestorsOrSelf(id).includes(broader);
}

function descendantsOrSelf(id: string): string[] {
  return [id, ...(childrenOf.get(id) ?? []).flatMap(descendantsOrSelf)];
}

/** A product's recipe: its madeFromIds, or its nearest broader product's. */
function recipeOf(id: string): string[] {
  return (
    ancestorsOrSelf(id)
      .map((a) => productById.get(a)?.madeFromIds ?? [])
      .find((m) => m.length > 0) ?? []
  );
}

/**
 * Goods of `output` may come from goods of `input` when `input` is the same product or something
 * it is made from, transitively (narrower products' recipes included), broader or narrower matching.
 */
function canBeSourcedFrom(output: string, input: string): boolean {
  // Feed is an input of livestock products (EU 2018/848 counts it): eggs, milk or meat may come from feed.
  if (isSameOrNarrower(input, 'aliments-animaux') && kingdomOf.get(output) === 'ANIMAL') return true;
  return [...possibleInputs(output)].some((t) => isSameOrNarrower(input, t) || isSameOrNarrower(t, input));
}

const inputsCache = new Map<string, Set<string>>();

function possibleInputs(output: string): Set<string> {
  const cached = inputsCache.get(output);
  if (cached) return cached;
  const targets = new Set([output]);
  const queue = [output];
  while (queue.length > 0) {
    for (const narrower of descendantsOrSelf(queue.pop() as string)) {
      for (const m of recipeOf(narrower)) {
        if (!targets.has(m)) {
          targets.add(m);
          queue.push(m);
        }
      }
    }
  }
  inputsCache.set(output, targets);
  return targets;
}

/** Longest provenance chain ending with each link; throws on a cycle. */
function depthsOf(links: readonly SupplyLinkRecord[]): Map<string, number> {
  const byId = new Map(links.map((l) => [l.id, l]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) throw new Error(`provenance cycle through ${id}`);
    visiting.add(id);
    const d = 1 + Math.max(0, ...(byId.get(id) as SupplyLinkRecord).sourcedFromIds.map(visit));
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const l of links) visit(l.id);
  return depth;
}

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}
