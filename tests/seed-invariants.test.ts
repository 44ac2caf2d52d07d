import { ActorRole } from '../src/actor/actor.enums';
import type { Database } from '../src/db';
import type { ProductRecord } from '../src/records';
import {
  appellationArea,
  BROKEN_ORGANIC_CHAIN,
  CONTRACT_CATERER,
  CONVENTIONAL_FEED_BREAK,
  CONVERSIONS,
  FLOUR_RESALE_CHAINS,
  isInArea,
  readCommunes,
  readProducts,
  UNCERTIFIED_ORGANIC_RESELLERS,
} from '../tools/seed';
import { resolveProductKingdoms } from '../src/product';
import { findBuyerPlaces, findSupplierMatches } from '../src/reasoning';
import { connectTestDb } from './helpers/db';
import { seededGraph } from './helpers/seeded';
import { createRunner, graphql } from './helpers/graphql';

/**
 * Invariants of the Drôme seed as loaded in Neo4j: the numbers an analyst would check first. Every
 * figure is recomputed here from the graph (one read of every link), with bounds stated in this
 * file from the published references (GEMRCN portions, milling yield, Picodon specification,
 * EGalim results), never from the generator's own tables, except the conversion factors, which are
 * the seed's stated assumptions (docs/model.md) and are checked against the bounds below.
 */

type LinkRow = {
  id: string;
  supplierId: string;
  supplierRoles: ActorRole[];
  supplierBio: string | null;
  supplierName: string;
  supplierInsee: string;
  buyerId: string;
  buyerRoles: ActorRole[];
  buyerName: string;
  buyerDescription: string;
  productId: string;
  family: string;
  volume: number;
  unit: string;
  valueEur: number;
  channel: string | null;
  labels: { id: string; kind: string; egalim: boolean }[];
  sourcedFrom: string[];
};

const ALL_LINKS = /* cypher */ `
  MATCH (s:Actor)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(b:Actor), (l)-[:OF_PRODUCT]->(p:Product)
  RETURN l.id AS id, s.id AS supplierId, s.roles AS supplierRoles, s.agenceBioNumber AS supplierBio, s.name AS supplierName,
         [(s)-[:LOCATED_IN]->(c:Commune) | c.insee][0] AS supplierInsee,
         b.id AS buyerId, b.roles AS buyerRoles, b.name AS buyerName, coalesce(b.description, '') AS buyerDescription,
         p.id AS productId, p.family AS family, l.volume AS volume, l.unit AS unit, l.valueEur AS valueEur, l.channel AS channel,
         [(l)-[:CERTIFIED]->(x:Label) | {id: x.id, kind: x.kind, egalim: x.egalim}] AS labels,
         [(l)-[:SOURCED_FROM]->(i:SupplyLink) | i.id] AS sourcedFrom`;

const products = readProducts();
const productById = new Map(products.map((p) => [p.id, p]));
const ancestorsOrSelf = (id: string): string[] => {
  const out: string[] = [];
  for (let p: ProductRecord | undefined = productById.get(id); p; p = p.broaderId ? productById.get(p.broaderId) : undefined)
    out.push(p.id);
  return out;
};
const isUnder = (id: string, broader: string) => ancestorsOrSelf(id).includes(broader);
const recipeOf = (id: string): string[] =>
  ancestorsOrSelf(id)
    .map((a) => productById.get(a)?.madeFromIds ?? [])
    .find((m) => m.length > 0) ?? [];

const kingdomOf = resolveProductKingdoms(products);

/** EGalim counts EU organic only (AB, EU leaf, and conversion for plant products), not the private marks. */
const isLegalOrganic = (l: LinkRow) =>
  l.labels.some((x) => x.kind === 'ORGANIC' || (x.kind === 'ORGANIC_CONVERSION' && kingdomOf.get(l.productId) === 'PLANT'));
const isQuality = (l: LinkRow) => isLegalOrganic(l) || l.labels.some((x) => x.egalim && x.kind !== 'PRIVATE_ORGANIC');

/** Meals a year, as the kitchen's description says it ("… 54 600 repas par an", "12 000 couverts par an"). */
function mealsOf(description: string): number | null {
  const m = /([\d\s\u202f]+) (?:repas|couverts) par an/.exec(description);
  return m ? Number(m[1].replace(/[\s\u202f]/g, '')) : null;
}

/**
 * Upper bounds of what a kitchen may buy per meal served, by product group (kg, or dozens for
 * eggs), about 1.3 × the GEMRCN portion × its menu frequency: bread 40-50 g every meal, vegetables
 * 120-160 g, fresh fruit 100-150 g about 8 meals in 20, cheese 16-30 g about 8 in 20, meat about
 * 100 g raw 6 in 20, poultry 4 in 20, fish 4 in 20 at 70-100 g.
 */
const MAX_PER_MEAL: Record<string, number> = {
  pain: 0.065,
  legumes: 0.21,
  fruits: 0.08,
  fromage: 0.016,
  yaourt: 0.055,
  viandes: 0.06,
  volailles: 0.035,
  poissons: 0.03,
  oeufs: 0.015,
};

const INTEGRITY = graphql(`
  query SeedLabelIntegrity($scope: IntegrityScopeInput!) {
    labelIntegrity(scope: $scope, organic: true) {
      summary {
        checked
        broken
      }
      brokenChains {
        link {
          id
        }
        kind
        breaksAt {
          id
        }
        depth
      }
    }
  }
`);

describe('the Drôme seed in Neo4j: numbers that add up', () => {
  let db: Database;
  let links: LinkRow[];

  beforeAll(async () => {
    // Two minutes instead of 15 s: loading the whole seed and reading every link on a shared, busy machine.
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await seededGraph(db);
    links = await db.read<LinkRow>(ALL_LINKS);
  }, 240_000);

  afterAll(async () => {
    await db.close();
  });

  it('states conversion factors within the issue bounds: flour 0.75-0.8 of the grain, Picodon 5-6 L of goat milk per kg', () => {
    expect(1 / CONVERSIONS.farine['ble-tendre']).toBeGreaterThanOrEqual(0.75);
    expect(1 / CONVERSIONS.farine['ble-tendre']).toBeLessThanOrEqual(0.8);
    expect(CONVERSIONS.picodon['lait-de-chevre']).toBeGreaterThanOrEqual(5);
    expect(CONVERSIONS.picodon['lait-de-chevre']).toBeLessThanOrEqual(6);
  });

  it('balances mass at every processor: it buys at least the inputs its sales need', () => {
    const factor = (output: string, input: string): number => {
      for (const o of ancestorsOrSelf(output)) {
        const row = CONVERSIONS[o];
        if (row) for (const i of ancestorsOrSelf(input)) if (row[i] !== undefined) return row[i];
      }
      throw new Error(`no factor ${input} -> ${output}`);
    };
    const processors = new Set(
      links
        .filter((l) => l.supplierRoles.some((r) => [ActorRole.MILL, ActorRole.DAIRY, ActorRole.PROCESSOR, ActorRole.BAKERY].includes(r)))
        .filter((l) => !l.supplierRoles.includes(ActorRole.FARM) && !l.supplierRoles.includes(ActorRole.RETAILER))
        .map((l) => l.supplierId),
    );
    const problems: string[] = [];
    let checked = 0;
    for (const id of processors) {
      const bought = links.filter((l) => l.buyerId === id);
      const boughtProducts = new Set(bought.map((l) => l.productId));
      const made = links.filter((l) => l.supplierId === id && !boughtProducts.has(l.productId));
      const required = new Map<string, number>();
      for (const sale of made)
        for (const input of recipeOf(sale.productId))
          required.set(input, (required.get(input) ?? 0) + factor(sale.productId, input) * sale.volume);
      for (const [input, need] of required) {
        const has = bought.filter((l) => isUnder(l.productId, input)).reduce((s, l) => s + l.volume, 0);
        // Inputs the seed holds no supplier for are bought outside the graph: nothing to balance.
        if (has === 0) continue;
        checked += 1;
        if (has < need * 0.999) problems.push(`${made[0].supplierName}: ${has} of ${input} for sales needing ${need.toFixed(2)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  it('never lets a mill sell more flour than its grain allows (at most 0.8 t of flour per t of wheat)', () => {
    const mills = new Set(links.filter((l) => l.supplierRoles.includes(ActorRole.MILL)).map((l) => l.supplierId));
    let withGrain = 0;
    for (const id of mills) {
      const grain = links.filter((l) => l.buyerId === id && isUnder(l.productId, 'ble-tendre')).reduce((s, l) => s + l.volume, 0);
      const flour = links.filter((l) => l.supplierId === id && isUnder(l.productId, 'farine-ble')).reduce((s, l) => s + l.volume, 0);
      if (grain === 0) continue;
      withGrain += 1;
      expect(flour).toBeLessThanOrEqual(grain * 0.8);
    }
    expect(withGrain).toBeGreaterThanOrEqual(4);
  });

  it('never lets a reseller sell more of a product than it bought', () => {
    const problems: string[] = [];
    for (const sale of links.filter((l) => l.sourcedFrom.length > 0)) {
      const sources = links.filter((l) => sale.sourcedFrom.includes(l.id) && l.productId === sale.productId);
      if (sources.length === 0) continue;
      const resold = links
        .filter((l) => l.supplierId === sale.supplierId && l.productId === sale.productId)
        .reduce((s, l) => s + l.volume, 0);
      const bought = links.filter((l) => l.buyerId === sale.supplierId && l.productId === sale.productId).reduce((s, l) => s + l.volume, 0);
      if (resold > bought * 1.001) problems.push(`${sale.supplierName} resells ${resold} of ${sale.productId}, bought ${bought}`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('gives every kitchen and restaurant a meal count in its description, matching its kind', () => {
    const kitchens = new Map(
      links
        .filter((l) => l.buyerRoles.some((r) => [ActorRole.CANTEEN, ActorRole.CENTRAL_KITCHEN, ActorRole.RESTAURANT].includes(r)))
        .map((l) => [l.buyerId, l]),
    );
    expect(kitchens.size).toBeGreaterThan(60);
    for (const k of kitchens.values()) {
      const meals = mealsOf(k.buyerDescription);
      expect({ name: k.buyerName, hasMeals: meals !== null }).toEqual({ name: k.buyerName, hasMeals: true });
      // A collège of 100 to 700 half-boarders, 4 days a week over the school year.
      if (k.buyerName.startsWith('Collège')) expect(meals).toBeGreaterThanOrEqual(100 * 130);
      if (k.buyerName.startsWith('Collège')) expect(meals).toBeLessThanOrEqual(700 * 150);
      if (k.buyerName === 'Cuisine centrale de Valence Romans Agglo') expect(meals).toBe(6000 * 140);
    }
  });

  it('sizes kitchens purchases on their meals: per meal, each group stays within its GEMRCN bound', () => {
    const problems: string[] = [];
    const perKitchen = new Map<string, LinkRow[]>();
    for (const l of links)
      if (l.buyerRoles.includes(ActorRole.CANTEEN) || l.buyerRoles.includes(ActorRole.CENTRAL_KITCHEN))
        perKitchen.set(l.buyerId, [...(perKitchen.get(l.buyerId) ?? []), l]);
    for (const bought of perKitchen.values()) {
      const meals = mealsOf(bought[0].buyerDescription) as number;
      for (const [group, max] of Object.entries(MAX_PER_MEAL)) {
        const total = bought.filter((l) => isUnder(l.productId, group)).reduce((s, l) => s + l.volume, 0);
        if (total / meals > max) problems.push(`${bought[0].buyerName}: ${(total / meals).toFixed(3)} of ${group} per meal`);
      }
      const food = bought.filter((l) => l.unit === 'KG').reduce((s, l) => s + l.volume, 0) / meals;
      if (food > 0.6) problems.push(`${bought[0].buyerName}: ${food.toFixed(2)} kg of food per meal`);
    }
    expect(problems).toEqual([]);
    // The example: a 670-pupil collège (94,000 meals) may not buy 1.9 t of Picodon.
    for (const bought of perKitchen.values()) {
      const meals = mealsOf(bought[0].buyerDescription) as number;
      const picodon = bought.filter((l) => l.productId === 'picodon').reduce((s, l) => s + l.volume, 0);
      expect(picodon / meals).toBeLessThan(0.016);
    }
  });

  it("sets a channel on every public kitchen's purchase and none on private buyers'", () => {
    // The contract caterer is a private firm: its purchases go through no public procedure.
    const publicKitchen = (l: LinkRow) =>
      (l.buyerRoles.includes(ActorRole.CANTEEN) || l.buyerRoles.includes(ActorRole.CENTRAL_KITCHEN)) && l.buyerName !== CONTRACT_CATERER;
    const bought = links.filter(publicKitchen);
    expect(bought.length).toBeGreaterThan(150);
    expect(bought.filter((l) => l.channel === null)).toEqual([]);
    expect(links.filter((l) => !publicKitchen(l) && l.channel !== null)).toEqual([]);
    const value = (ls: LinkRow[]) => ls.reduce((s, l) => s + l.valueEur, 0);
    const food = bought.filter((l) => l.productId !== 'repas');
    const tender = value(food.filter((l) => l.channel === 'PUBLIC_TENDER')) / value(food);
    const agrilocal = value(food.filter((l) => l.channel === 'AGRILOCAL')) / value(food);
    // Mostly contracts with wholesalers and platforms; Agrilocal a real but minor channel.
    expect(tender).toBeGreaterThan(0.5);
    expect(agrilocal).toBeGreaterThan(0.05);
    expect(agrilocal).toBeLessThan(0.35);
    // Public kitchens buy wholesalers' and platforms' goods under a tender, never through Agrilocal.
    const contract = food.filter((l) => l.supplierRoles.includes(ActorRole.WHOLESALER));
    expect(contract.every((l) => l.channel === 'PUBLIC_TENDER')).toBe(true);
  });

  it('gives EGalim shares by kind of kitchen in line with published figures', () => {
    const share = (kind: RegExp, test: (l: LinkRow) => boolean): number => {
      const food = links.filter((l) => kind.test(l.buyerName) && l.buyerRoles.includes(ActorRole.CANTEEN) && l.productId !== 'repas');
      const total = food.reduce((s, l) => s + l.valueEur, 0);
      return food.filter(test).reduce((s, l) => s + l.valueEur, 0) / total;
    };
    // The Drôme's collèges: above 60 % sustainable and quality, about half organic (Département, 2023).
    expect(share(/^Collège/, isQuality)).toBeGreaterThan(0.6);
    expect(share(/^Collège/, isLegalOrganic)).toBeGreaterThan(0.4);
    expect(share(/^Collège/, isLegalOrganic)).toBeLessThan(0.7);
    // Hospitals and care homes: far lower (health and social care, EGalim results: about 20 % and 6-8 % organic).
    expect(share(/^(Centre hospitalier|Hôpitaux|EHPAD)/, isQuality)).toBeLessThan(0.35);
    expect(share(/^(Centre hospitalier|Hôpitaux|EHPAD)/, isLegalOrganic)).toBeLessThan(0.15);
    expect(share(/^(Centre hospitalier|Hôpitaux|EHPAD)/, isLegalOrganic)).toBeGreaterThan(0.03);
  });

  it('has every organic resale made by a certified operator, except the deliberate breaks', () => {
    const resales = links.filter((l) => isLegalOrganic(l) && !l.supplierRoles.includes(ActorRole.FARM));
    expect(resales.length).toBeGreaterThan(50);
    const uncertified = [...new Set(resales.filter((l) => l.supplierBio === null).map((l) => l.supplierName))];
    expect(uncertified.sort()).toEqual([...UNCERTIFIED_ORGANIC_RESELLERS].sort());
  });

  it('reports each kind of organic integrity break through labelIntegrity, conventional feed included', async () => {
    const runner = await createRunner(db);
    try {
      const res = await runner.run(INTEGRITY, { scope: { departmentCode: '26' } });
      expect(res.errors).toBeUndefined();
      const breaks = res.data!.labelIntegrity.brokenChains.map((b) => [b.link.id, b.kind, b.breaksAt.id, b.depth]);
      // The organic chicken on conventional feed: the sale, two links deep to the feed bought from the feed mill.
      const { feedLinkId, brokenLinkId } = CONVENTIONAL_FEED_BREAK;
      expect(breaks.filter(([, kind]) => kind === 'CONVENTIONAL_FEED')).toEqual([[brokenLinkId, 'CONVENTIONAL_FEED', feedLinkId, 2]]);
      // The feed link is the Magnanerie's purchase from the feed mill, with no organic label.
      const feed = links.find((l) => l.id === feedLinkId)!;
      expect([feed.supplierName, feed.buyerName, isLegalOrganic(feed)]).toEqual([
        'Aliments Drôme-Vivarais',
        'Volailles de la Magnanerie',
        false,
      ]);
      // The other two kinds: AB bread from conventional flour, AB cherries resold by an uncertified operator.
      expect(breaks).toContainEqual([BROKEN_ORGANIC_CHAIN.brokenLinkId, 'LABEL_LOST', BROKEN_ORGANIC_CHAIN.linkIds[2], 2]);
      const uncertified = new Set(links.filter((l) => UNCERTIFIED_ORGANIC_RESELLERS.includes(l.supplierName)).map((l) => l.id));
      expect(breaks.some(([link, kind]) => kind === 'UNCERTIFIED_OPERATOR' && uncertified.has(link as string))).toBe(true);
    } finally {
      await runner.stop();
    }
  });

  it("draws every appellation's inputs from the appellation's area, not from a radius", () => {
    const communes = new Map(readCommunes().map((c) => [c.insee, c]));
    const byId = new Map(links.map((l) => [l.id, l]));
    const outside: string[] = [];
    const checked = new Map<string, number>();
    for (const sale of links) {
      for (const label of sale.labels) {
        const area = appellationArea(label.id);
        if (!area) continue;
        for (const input of sale.sourcedFrom.map((id) => byId.get(id) as LinkRow)) {
          // A resale of the appellation's goods is not an input: the maker upstream was checked.
          if (input.productId === sale.productId) continue;
          checked.set(label.id, (checked.get(label.id) ?? 0) + 1);
          const commune = communes.get(input.supplierInsee);
          if (!commune || !isInArea(area, commune)) outside.push(`${sale.id} ${label.id} <- ${input.supplierName} (${commune?.name})`);
        }
      }
    }
    expect(outside).toEqual([]);
    // Vinsobres wine from grapes of Vinsobres (the appellation is that one commune), and the others.
    expect(checked.get('vinsobres-aop')).toBeGreaterThan(0);
    for (const id of ['picodon-aop', 'clairette-de-die-aoc', 'crozes-hermitage-aop', 'huile-olive-nyons-aop'])
      expect(checked.get(id)).toBeGreaterThan(0);
    for (const input of links
      .filter((l) => l.labels.some((x) => x.id === 'vinsobres-aop'))
      .flatMap((l) => l.sourcedFrom.map((id) => byId.get(id) as LinkRow)))
      if (input.productId === 'raisin-de-cuve') expect(input.supplierInsee).toBe('26377');
  });

  it('sends meat from farms through abattoirs to butchers, wholesalers and kitchens', () => {
    const abattoirs = new Set(links.filter((l) => l.supplierRoles.includes(ActorRole.SLAUGHTERHOUSE)).map((l) => l.supplierId));
    expect(abattoirs.size).toBeGreaterThanOrEqual(3);
    const fromFarms = links.filter((l) => abattoirs.has(l.buyerId) && l.supplierRoles.includes(ActorRole.FARM));
    const onwards = links.filter((l) => abattoirs.has(l.supplierId) && fromFarms.some((f) => l.sourcedFrom.includes(f.id)));
    expect(onwards.some((l) => l.buyerRoles.includes(ActorRole.RETAILER))).toBe(true);
    expect(onwards.every((l) => isUnder(l.productId, 'viandes'))).toBe(true);
  });

  it('answers the headline question differently for 0, 1, 2 and 3 intermediaries: organic flour for the Valence kitchen', async () => {
    const [kitchen] = await db.read<{ id: string }>(`MATCH (a:Actor {name: 'Cuisine centrale de Valence Romans Agglo'}) RETURN a.id AS id`);
    const buyer = (await findBuyerPlaces(db, [kitchen.id])).get(kitchen.id)!;
    const requests = [0, 1, 2, 3].map((n) => ({ key: String(n), buyer, productIds: ['farine'], organic: true, maxIntermediaries: n }));
    const answers = await findSupplierMatches(db, requests);
    const ways = (n: number) => answers.get(String(n))!.map((m) => `${m.supplier.name}/${m.product.id}/${m.intermediaries}`);
    const counts = [0, 1, 2, 3].map((n) => ways(n).length);
    expect(counts[0]).toBeGreaterThan(0);
    for (let n = 1; n <= 3; n += 1) expect(counts[n]).toBeGreaterThan(counts[n - 1]);
    // The mills deliver within 15-25 km only: their flours come one, two and three resellers away, never direct.
    FLOUR_RESALE_CHAINS.forEach((chain, i) => {
      const way = `${chain.mill}/${chain.productId}/${chain.resellers.length}`;
      for (const n of [0, 1, 2, 3]) expect(ways(n).filter((w) => w.startsWith(`${chain.mill}/`) && w.endsWith('/0'))).toEqual([]);
      expect(ways(i).filter((w) => w.startsWith(`${chain.mill}/${chain.productId}/`))).toEqual([]);
      for (let n = i + 1; n <= 3; n += 1) expect(ways(n)).toContain(way);
    });
    const [, , third] = FLOUR_RESALE_CHAINS;
    const threeWay = answers.get('3')!.find((m) => m.product.id === third.productId && m.supplier.name === third.mill)!;
    expect(threeWay.path.map((step) => step.actor?.name)).toEqual([
      third.mill,
      ...third.resellers,
      'Cuisine centrale de Valence Romans Agglo',
    ]);
    expect(threeWay.circuitCourt).toBe(false);
  });

  it('never has a producers market buy anything: it is a place of direct sale', () => {
    expect(links.filter((l) => l.buyerRoles.includes(ActorRole.MARKET))).toEqual([]);
  });

  it('has restaurants buy from producers, processors, wholesalers and platforms, not mostly from shops', () => {
    const bought = links.filter((l) => l.buyerRoles.includes(ActorRole.RESTAURANT));
    const fromShops = bought.filter((l) => l.supplierRoles.includes(ActorRole.RETAILER) && !l.supplierRoles.includes(ActorRole.PROCESSOR));
    expect(fromShops.length / bought.length).toBeLessThan(0.15);
  });
});
