import { ActorRole } from '../../src/actor';
import type { LabelRecord, NeedRecord } from '../../src/records';
import { SupplyChannel } from '../../src/records';
import { Economics, SCHOOL_MONTHS } from './economics';
import type { LinkInfo, SeedActor } from './model';
import type { Random } from './random';
import type { ProductTaxonomy } from './taxonomy';

/**
 * Quantities that add up, applied once every link of the graph exists (the links' topology comes
 * from supply-graph.ts; this pass only sets volumes, values and purchase channels):
 *  - a kitchen buys what its meals eat: meals a year × grams per meal × how often the dish is on
 *    the menu (PORTIONS), for the months it is in season and open;
 *  - a processor buys the inputs its output needs (CONVERSIONS: 1.3 t of wheat per t of flour,
 *    5.5 L of goat milk per kg of Picodon...), for what it sells in the graph plus what it sells
 *    to buyers the seed does not hold (OFF_GRAPH_SHARE); a reseller buys at least what it resells;
 *  - each link keeps the unit price it was drawn with, so its value is its new volume × that price.
 * Buyers are handled from the end of the chains back to the fields: a supplier's sales are final
 * before its own purchases are sized.
 */

/** Who eats: portions differ for a child, a teenager and an adult (GEMRCN). */
export type Eater = 'child' | 'teen' | 'adult';

/**
 * Quantity bought per meal served, by product group, averaged over the menu cycle: the GEMRCN
 * portion (Groupe d'étude des marchés de restauration collective et nutrition, recommendation
 * nutrition 2015, annex 2: grammages by age) × the dish's frequency over 20 successive meals
 * (GEMRCN frequency grid), raised to the raw weight bought (peelings, cooking losses).
 * Units: those of economics.ts (kg; dozens for eggs; meals for meals).
 *
 *   group         portion served (child / teen / adult)   on the menu     bought per meal
 *   pain          40 / 50 / 50 g                            every meal      40 / 50 / 50 g
 *   legumes       crudités 70-100 g + vegetable side 120-150 g, ~every meal, +20 % raw  130 / 160 / 160 g
 *   fruits        fresh fruit 100-150 g                     ~8 of 20        50 / 60 / 60 g
 *   fromage       16-30 g                                   ~8 of 20        8 / 12 / 12 g
 *   yaourt        125 g                                     ~6 of 20        30 / 40 / 40 g
 *   fromage-blanc 100 g                                     ~2 of 20        10 g
 *   oeufs         2 eggs (egg dishes) + cooking             ~1 of 20        0.01 dozen
 *   viandes       70-100 g cooked, ~130 g raw               ~6 of 20        30 / 45 / 40 g
 *   volailles     70-100 g cooked                           ~4 of 20        20 / 25 / 25 g
 *   poissons      70-100 g                                  4 of 20         15 / 20 / 20 g
 *   pates         50-70 g dry (or ravioles, 150 g)          ~3 of 20        8 / 10 / 10 g
 *   legumes-secs  50 g dry                                  ~2 of 20        5 g
 *   compote       100 g                                     ~2 of 20        10 g
 *   charcuterie   30-50 g                                   ~1 of 20        2 / 3 / 3 g
 *   repas         a satellite canteen buys its meals        every meal      1 meal
 */
export const PORTIONS: Readonly<Record<string, Readonly<Record<Eater, number>>>> = {
  pain: { child: 0.04, teen: 0.05, adult: 0.05 },
  legumes: { child: 0.13, teen: 0.16, adult: 0.16 },
  fruits: { child: 0.05, teen: 0.06, adult: 0.06 },
  fromage: { child: 0.008, teen: 0.012, adult: 0.012 },
  yaourt: { child: 0.03, teen: 0.04, adult: 0.04 },
  'fromage-blanc': { child: 0.01, teen: 0.01, adult: 0.01 },
  oeufs: { child: 0.01, teen: 0.01, adult: 0.01 },
  viandes: { child: 0.03, teen: 0.045, adult: 0.04 },
  volailles: { child: 0.02, teen: 0.025, adult: 0.025 },
  poissons: { child: 0.015, teen: 0.02, adult: 0.02 },
  pates: { child: 0.008, teen: 0.01, adult: 0.01 },
  'legumes-secs': { child: 0.005, teen: 0.005, adult: 0.005 },
  compote: { child: 0.01, teen: 0.01, adult: 0.01 },
  charcuterie: { child: 0.002, teen: 0.003, adult: 0.003 },
  repas: { child: 1, teen: 1, adult: 1 },
};

/**
 * Share of a group that one product of it takes on the menu: a kitchen buying leeks or lamb does
 * not serve them at every meal (vegetables rotate among five or six, meats among three or four).
 * A purchase named by the group itself ("légumes" from a wholesaler's mixed range) takes it all.
 */
const MENU_SHARE: Readonly<Record<string, number>> = {
  // Garlic seasons dishes: a few grams a meal.
  ail: 0.02,
  legumes: 0.2,
  fruits: 0.3,
  fromage: 0.35,
  viandes: 0.3,
  volailles: 0.7,
  poissons: 0.7,
  pates: 0.5,
  'legumes-secs': 0.5,
  compote: 0.6,
  charcuterie: 0.5,
};

/** Share of a kitchen's needs of a group that its suppliers in the seed cover (the rest comes from outside the Drôme graph). */
const SEED_COVERAGE = 0.85;

/** Kitchens and restaurants: who eats there, and how many meals a year they serve. */
interface MealPlan {
  eater: Eater;
  /** Meals a year, drawn once per actor when the seed does not fix it. */
  draw(rng: Random, actor: SeedActor): number;
  /** How the description says it (French). */
  describe(meals: number): string;
}

/** School days a year with a lunch: 4 days a week (no Wednesday lunch for most), 35 weeks. */
export const SCHOOL_DAYS = 140;

const thousands = (n: number): string =>
  Math.round(n)
    .toLocaleString('fr-FR')
    .replace(/\u202f/g, ' ');

export const MEAL_PLANS: Readonly<Record<string, MealPlan>> = {
  'central-kitchen': {
    eater: 'child',
    draw: (rng) => Math.round(rng.between(1500, 3000) / 50) * 50 * SCHOOL_DAYS,
    describe: (m) => `${thousands(m)} repas par an (${thousands(m / SCHOOL_DAYS)} par jour scolaire).`,
  },
  'caterer-kitchen': {
    eater: 'adult',
    // Schools on school days, care homes every day: about 1,500 to 3,000 meals a day.
    draw: (rng) => Math.round(rng.between(1500, 3000) / 50) * 50 * 250,
    describe: (m) => `${thousands(m)} repas par an (écoles et EHPAD).`,
  },
  canteen: {
    eater: 'child',
    draw: (rng) => rng.int(6, 25) * 10 * SCHOOL_DAYS,
    describe: (m) => `${thousands(m / SCHOOL_DAYS)} enfants à midi, ${thousands(m)} repas par an.`,
  },
  college: {
    eater: 'teen',
    draw: (rng) => rng.int(20, 55) * 10 * SCHOOL_DAYS,
    describe: (m) => `${thousands(m / SCHOOL_DAYS)} demi-pensionnaires, ${thousands(m)} repas par an.`,
  },
  hospital: {
    eater: 'adult',
    // Two main meals a patient a day plus the staff restaurant: about 1,200 a day at scale 1.
    draw: (rng, actor) => Math.round((1200 * actor.scale * rng.between(0.9, 1.1)) / 10) * 10 * 365,
    describe: (m) => `${thousands(m / 365)} repas par jour (patients et personnel), ${thousands(m)} repas par an.`,
  },
  'care-home': {
    eater: 'adult',
    // 50 to 110 residents, lunch and dinner every day.
    draw: (rng) => rng.int(50, 110) * 2 * 365,
    describe: (m) => `${thousands(m / 730)} résidents, ${thousands(m)} repas par an.`,
  },
  restaurant: {
    eater: 'adult',
    draw: (rng) => rng.int(25, 70) * 10 * 30,
    describe: (m) => `${thousands(m)} couverts par an.`,
  },
};

/**
 * Input bought per unit of output, in the units of economics.ts (flour and grain in tonnes, bread
 * in kg, milk in litres...), by output product (or its nearest broader product) and recipe input.
 * Sources: milling yield 75-80 % (1.25-1.33 t of grain per t of flour), durum semolina ~70 %; a
 * kilo of bread takes ~0.65 kg of flour; Picodon 5-6 L of goat milk per kg (Picodon AOP
 * specification: a 60 g cheese from ~0.33 L), soft goat cheese ~6 L, tommes 8-10 L, Saint-
 * Marcellin ~7 L, Comté ~10 L, butter ~22 L, cream ~10 L, yoghurt ~1.1 L, fromage blanc ~4 L;
 * dried sausage ~1.6 kg of pork per kg (drying loss), caillette ~0.75 kg of pork (the rest is
 * chard and herbs); olive oil 5-6 kg of Nyons tanche olives per litre; walnut kernels ~2.2 kg of
 * nuts per kg, walnut oil ~4.5 kg; jam ~0.6 kg of fruit per kg; wine 1.3-1.4 kg of grapes per
 * litre (crémant: 150 kg for 100 L); nectar 0.5 kg of fruit per litre; beer ~0.25 kg of barley
 * per litre; nougat de Montélimar 30 % almonds (IGP) and ~15 % honey; lavender essential oil
 * ~120 kg of flowers per kg, lavandin ~40 kg.
 */
export const CONVERSIONS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  farine: { cereales: 1.3, 'ble-tendre': 1.3 },
  'farine-epeautre': { epeautre: 1.45 },
  'farine-petit-epeautre': { 'petit-epeautre': 1.6 },
  'farine-seigle': { seigle: 1.3 },
  semoule: { cereales: 1.4, 'ble-dur': 1.4 },
  pain: {
    farine: 0.00065,
    'farine-ble': 0.00065,
    'farine-ble-t150': 0.00065,
    'farine-epeautre': 0.00065,
    'farine-petit-epeautre': 0.00065,
  },
  'pain-de-seigle': { 'farine-seigle': 0.0004, 'farine-ble': 0.00025 },
  viennoiseries: { 'farine-ble': 0.00045, beurre: 0.25, oeufs: 0.1 },
  'pogne-de-romans': { 'farine-ble': 0.0005, oeufs: 0.33, beurre: 0.12 },
  'suisse-de-valence': { 'farine-ble': 0.0006, beurre: 0.2, oeufs: 0.15 },
  'pates-seches': { 'semoule-ble-dur': 0.00102 },
  'pates-fraiches': { 'farine-ble': 0.0006, oeufs: 0.5 },
  raviole: { 'farine-ble': 0.0004, oeufs: 0.2, fromage: 0.3, comte: 0.15, 'fromage-blanc': 0.2 },
  fromage: { lait: 8 },
  'fromage-de-chevre': { 'lait-de-chevre': 6 },
  picodon: { 'lait-de-chevre': 5.5 },
  'tomme-de-chevre': { 'lait-de-chevre': 9 },
  'fromage-de-vache': { 'lait-de-vache': 8 },
  'saint-marcellin': { 'lait-de-vache': 7 },
  comte: { 'lait-de-vache': 10 },
  'bleu-du-vercors': { 'lait-de-vache': 9 },
  'tomme-de-vache': { 'lait-de-vache': 9 },
  tomme: { lait: 9 },
  'fromage-de-brebis': { 'lait-de-brebis': 5 },
  'fromage-blanc': { lait: 4 },
  yaourt: { lait: 1.1 },
  beurre: { 'lait-de-vache': 22 },
  creme: { 'lait-de-vache': 10 },
  charcuterie: { porc: 1.6 },
  caillette: { porc: 0.75 },
  'jambon-sec': { porc: 1.5 },
  'aliment-volaille': { mais: 0.45, 'ble-tendre': 0.25, orge: 0.1, soja: 0.2 },
  'aliment-ruminants': { orge: 0.4, mais: 0.35, soja: 0.2 },
  'noix-cerneaux': { noix: 2.2 },
  'huile-olive': { olive: 5.5 },
  'huile-de-noix': { noix: 4.5 },
  'huile-tournesol': { tournesol: 0.0025 },
  'olives-de-table': { olive: 1.15 },
  tapenade: { 'olives-de-table': 0.7 },
  confiture: { fruits: 0.6 },
  'confiture-abricot': { abricot: 0.6 },
  'confiture-cerise': { cerise: 0.6 },
  compote: { fruits: 1.1 },
  'compote-pomme': { pomme: 1.1 },
  'compote-pomme-abricot': { pomme: 0.6, abricot: 0.5 },
  'creme-de-marrons': { chataigne: 0.7 },
  vin: { 'raisin-de-cuve': 1.35 },
  'cremant-de-die': { 'raisin-de-cuve': 1.5 },
  'jus-de-fruits': { fruits: 1.5 },
  'jus-de-pomme': { pomme: 1.5 },
  'jus-de-raisin': { raisin: 1.4 },
  'nectar-abricot': { abricot: 0.5 },
  'nectar-peche': { peche: 0.5 },
  biere: { orge: 0.00025 },
  'tisane-tilleul': { tilleul: 1 },
  nougat: { amande: 0.3, miel: 0.15 },
  'huiles-essentielles': { 'plantes-aromatiques': 50 },
  'huile-essentielle-lavande': { lavande: 120 },
  'huile-essentielle-lavandin': { lavandin: 40 },
};

/**
 * What a maker or reseller sells to buyers the seed does not hold (shoppers at the counter, shops
 * and caterers elsewhere, export), as a multiple of its reference volume (economics.ts × its
 * scale), by role: a bakery sells most of its bread over the counter, a mill a third of its flour
 * to bakeries outside the graph. At least 0.2 for every role.
 */
export const OFF_GRAPH_SHARE: Partial<Record<ActorRole, number>> = {
  [ActorRole.BAKERY]: 0.6,
  [ActorRole.MILL]: 0.3,
  [ActorRole.DAIRY]: 0.4,
  [ActorRole.PROCESSOR]: 0.4,
  [ActorRole.SLAUGHTERHOUSE]: 0.3,
  [ActorRole.COOPERATIVE]: 0.4,
  [ActorRole.WHOLESALER]: 0.5,
  [ActorRole.FOOD_HUB]: 0.2,
  [ActorRole.RETAILER]: 0.8,
  [ActorRole.CENTRAL_KITCHEN]: 0,
};

/** Products that only the seed's named conversions may size; their absence is a bug in the table. */
export function conversionFactor(taxonomy: ProductTaxonomy, outputId: string, inputId: string): number {
  for (const id of taxonomy.ancestorsOrSelf(outputId)) {
    const row = CONVERSIONS[id];
    if (!row) continue;
    for (const input of taxonomy.ancestorsOrSelf(inputId)) if (row[input] !== undefined) return row[input];
  }
  throw new Error(`no conversion factor from ${inputId} to ${outputId}: add one to CONVERSIONS`);
}

/** The PORTIONS group a product belongs to ('' when a kitchen's meals do not size it: wine, honey...). */
export function portionGroup(taxonomy: ProductTaxonomy, productId: string): string {
  return taxonomy.ancestorsOrSelf(productId).find((id) => PORTIONS[id] !== undefined) ?? '';
}

/**
 * How much of a group a kitchen buys from labelled goods relative to plain ones: hospitals and care
 * homes spend about 2 € of food per meal and keep labels for a few products (EGalim results of
 * health and social care: about 20 % of purchases, 6-8 % organic, against 60 % in the Drôme's
 * collèges), so a labelled supplier gets that fraction of the share a plain one would.
 */
const LABEL_APPETITE: Readonly<Record<string, number>> = { hospital: 0.3, 'care-home': 0.35 };

/** Suppliers a public kitchen holds a contract with after a tender: wholesalers, platforms, and its bakery (bread is tendered yearly). */
const CONTRACT_ROLES: readonly ActorRole[] = [ActorRole.WHOLESALER, ActorRole.FOOD_HUB, ActorRole.BAKERY];

/** The public kitchens, whose purchases are public procurement. */
const PUBLIC_KITCHENS = new Set(['central-kitchen', 'canteen', 'college', 'hospital', 'care-home']);
/** Kitchens that follow the school year. */
const SCHOOL_KITCHENS = new Set(['central-kitchen', 'canteen', 'college']);

/** Weight of a supplier's share of a kitchen's group: public kitchens buy most through wholesalers' contracts. */
function supplierWeight(link: LinkInfo, roleOf: (id: string) => readonly ActorRole[]): number {
  const roles = roleOf(link.record.supplierId);
  if (roles.includes(ActorRole.WHOLESALER) || roles.includes(ActorRole.FOOD_HUB)) return 4;
  if (roles.includes(ActorRole.CENTRAL_KITCHEN)) return 2;
  return 1;
}

export class Quantities {
  constructor(
    private readonly taxonomy: ProductTaxonomy,
    private readonly economics: Economics,
    private readonly labels: ReadonlyMap<string, LabelRecord>,
    private readonly rng: Random,
  ) {}

  /** Sets every link's volume and value and every public kitchen's channels; says each kitchen's meals in its description. */
  apply(actors: readonly SeedActor[], links: readonly LinkInfo[]): void {
    const byId = new Map(actors.map((a) => [a.record.id, a]));
    const roleOf = (id: string) => (byId.get(id) as SeedActor).record.roles;
    const sales = new Map<string, LinkInfo[]>();
    const purchases = new Map<string, LinkInfo[]>();
    for (const link of links) {
      push(sales, link.record.supplierId, link);
      push(purchases, link.record.buyerId, link);
    }
    const unitPrice = new Map(links.map((l) => [l, (l.record.valueEur ?? 0) / l.record.volume]));
    for (const actor of actors) this.planMeals(actor);
    const ordered = [...actors].sort((a, b) => b.tier - a.tier || a.index - b.index);
    for (const actor of ordered) {
      const bought = purchases.get(actor.record.id) ?? [];
      if (bought.length === 0) continue;
      if (actor.meals) this.sizeKitchenPurchases(actor, bought, roleOf);
      else this.sizeInputs(actor, sales.get(actor.record.id) ?? []);
    }
    for (const link of links) {
      const price = unitPrice.get(link) as number;
      link.record.valueEur = Math.max(1, Math.round(link.record.volume * price));
    }
    for (const actor of actors)
      if (PUBLIC_KITCHENS.has(actor.profile.key))
        this.setChannels(actor, purchases.get(actor.record.id) ?? [], roleOf, (id) => byId.get(id)?.record.fictitious === true);
    for (const actor of actors) updateSoldVolumes(actor, sales.get(actor.record.id) ?? []);
  }

  /** Needs of kitchens sized on their meals: a consultation covers a part of a group's yearly quantity. */
  sizeNeeds(needs: NeedRecord[], actors: readonly SeedActor[]): void {
    const byId = new Map(actors.map((a) => [a.record.id, a]));
    for (const need of needs) {
      const actor = byId.get(need.actorId);
      const group = portionGroup(this.taxonomy, need.productId);
      if (!actor?.meals || group === '' || group === 'repas') continue;
      const plan = MEAL_PLANS[actor.profile.key];
      const yearly = actor.meals * PORTIONS[group][plan.eater] * this.seasonShare(actor, need.productId);
      need.volume = roundUp(yearly * this.rng.between(0.2, 0.45), need.unit);
    }
  }

  private planMeals(actor: SeedActor): void {
    const plan = MEAL_PLANS[actor.profile.key];
    if (!plan) return;
    actor.meals ??= plan.draw(this.rng, actor);
    actor.record.description = `${actor.record.description ?? ''} ${plan.describe(actor.meals)}`.trim();
  }

  /** Meals × portion per group, for the months the product is in season while the kitchen is open, spread over the group's suppliers. */
  private sizeKitchenPurchases(actor: SeedActor, bought: readonly LinkInfo[], roleOf: (id: string) => readonly ActorRole[]): void {
    const eater = MEAL_PLANS[actor.profile.key].eater;
    const byGroup = new Map<string, LinkInfo[]>();
    for (const link of bought) {
      const group = portionGroup(this.taxonomy, link.record.productId);
      if (group !== '') push(byGroup, group, link);
    }
    for (const [group, groupLinks] of byGroup) {
      const appetite = LABEL_APPETITE[actor.profile.key] ?? 1;
      const weights = groupLinks.map((l) => supplierWeight(l, roleOf) * this.rng.between(0.8, 1.2));
      const total = weights.reduce((s, w) => s + w, 0);
      const yearly = (actor.meals as number) * PORTIONS[group][eater] * SEED_COVERAGE;
      groupLinks.forEach((link, i) => {
        const season = group === 'repas' ? 1 : this.seasonShare(actor, link.record.productId);
        const menu = link.record.productId === group ? 1 : (MENU_SHARE[link.record.productId] ?? MENU_SHARE[group] ?? 1);
        // A labelled supplier of a kitchen with little appetite for labels gets a smaller share; the rest is plain goods bought off the graph.
        const labelled = this.isEgalim(link) ? appetite : 1;
        link.record.volume = roundUp((yearly * season * menu * labelled * weights[i]) / total, link.record.unit);
      });
    }
  }

  /**
   * What a maker or reseller buys: each line's output (its sales in the graph plus its sales
   * outside it) × the conversion factor of each input, spread over the purchases of that input.
   */
  private sizeInputs(actor: SeedActor, sold: readonly LinkInfo[]): void {
    const demand = new Map<LinkInfo, number>();
    const offGraph = Math.max(0.2, ...actor.record.roles.map((r) => OFF_GRAPH_SHARE[r] ?? 0));
    for (const line of actor.lines) {
      if (line.origin !== 'make' && line.origin !== 'resell') continue;
      const inGraph = sold.filter((l) => l.record.productId === line.productId && sameLabels(l.record.labelIds, line.labelIds));
      const soldVolume = inGraph.reduce((s, l) => s + l.record.volume, 0);
      // Sales outside the graph do not grow with those inside it (a butcher's counter does not
      // sell more lamb because a hospital buys some): added, not multiplied, so chains do not compound.
      const output = soldVolume + this.economics.terms(line.productId).volume * actor.scale * offGraph;
      for (const slot of line.slots) {
        if (slot.links.length === 0) continue;
        const factor = line.origin === 'resell' ? 1 : conversionFactor(this.taxonomy, line.productId, slot.inputId);
        const weights = slot.links.map(() => this.rng.between(0.6, 1.4));
        const total = weights.reduce((s, w) => s + w, 0);
        slot.links.forEach((link, i) => demand.set(link, (demand.get(link) ?? 0) + (output * factor * weights[i]) / total));
      }
    }
    for (const [link, volume] of demand) link.record.volume = roundUp(volume, link.record.unit);
  }

  private isEgalim(link: LinkInfo): boolean {
    return link.record.labelIds.some((id) => this.labels.get(id)?.egalim === true);
  }

  /** Share of the kitchen's service months in which the product is available. */
  private seasonShare(actor: SeedActor, productId: string): number {
    const open = SCHOOL_KITCHENS.has(actor.profile.key) ? SCHOOL_MONTHS : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const season = this.economics.months(productId);
    return Math.max(1, open.filter((m) => season.includes(m)).length) / open.length;
  }

  /**
   * Public procurement: wholesalers' and central kitchens' supplies come under a public tender
   * (framework contracts); local direct purchases of a Drôme kitchen go through Agrilocal (the
   * Département's platform) for a part, the rest are direct orders under the threshold.
   */
  private setChannels(
    actor: SeedActor,
    bought: readonly LinkInfo[],
    roleOf: (id: string) => readonly ActorRole[],
    fictitious: (id: string) => boolean,
  ): void {
    const agrilocalShare =
      actor.commune.department !== '26' ? 0 : actor.profile.key === 'college' ? 0.6 : actor.profile.key === 'hospital' ? 0.1 : 0.35;
    for (const link of bought) {
      const roles = roleOf(link.record.supplierId);
      let channel: SupplyChannel;
      // Meals from the kitchen of one's own authority are a service, not a purchase; from a contract caterer, a concession let by tender.
      if (roles.includes(ActorRole.CENTRAL_KITCHEN))
        channel = fictitious(link.record.supplierId) ? SupplyChannel.PUBLIC_TENDER : SupplyChannel.DIRECT_ORDER;
      else if (CONTRACT_ROLES.some((r) => roles.includes(r)) || actor.profile.key === 'hospital') channel = SupplyChannel.PUBLIC_TENDER;
      else channel = this.rng.chance(agrilocalShare) ? SupplyChannel.AGRILOCAL : SupplyChannel.DIRECT_ORDER;
      link.record.channel = channel;
    }
  }
}

/** Offers size their capacity on what a line sells: recount it with the new volumes. */
function updateSoldVolumes(actor: SeedActor, sold: readonly LinkInfo[]): void {
  for (const line of actor.lines) {
    line.soldVolume = sold
      .filter((l) => l.record.productId === line.productId && sameLabels(l.record.labelIds, line.labelIds))
      .reduce((s, l) => s + l.record.volume, 0);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Rounds up to what a person would write, never below the quantity needed (the mass balance must hold). */
export function roundUp(volume: number, unit: string): number {
  const step = unit === 'TONNE' ? (volume >= 10 ? 1 : 0.1) : volume >= 10000 ? 500 : volume >= 1000 ? 50 : volume >= 100 ? 5 : 1;
  return Math.round(Math.max(step, Math.ceil(volume / step - 1e-9) * step) * 10) / 10;
}
