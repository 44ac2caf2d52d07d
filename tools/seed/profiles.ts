import { ActorRole, MemberGroup } from '../../src/actor';
import type { ZoneKey } from './zones';

/**
 * The kinds of actor of the Drôme food system, as data: where they sit, what they sell, what they
 * buy and from whom. The Drôme seed places `seedCount` of each (named anchors first, see
 * drome-seed.ts); the synthetic generator keeps the same proportions at any size.
 */

/** Processing order: an actor buys only goods that actors of a lower tier are already able to sell. */
export const Tier = {
  FARM: 0,
  COLLECTION: 1,
  FIRST_PROCESSING: 2,
  SECOND_PROCESSING: 3,
  WHOLESALE: 4,
  HUB: 5,
  RETAIL: 6,
  KITCHEN: 7,
  END: 8,
} as const;

/**
 * What a line of goods is: the farm's own produce, something the actor makes from bought inputs
 * (the recipe is the product's madeFromIds), or goods bought outside the graph (Comté, sea fish).
 * Resold lines are not declared here: they appear when a reseller buys (see `resells`).
 */
export type LineKind = 'farm' | 'make' | 'import';

export interface LineSpec {
  productId: string;
  kind: LineKind;
  /** Chance the actor has this line (1 when absent). */
  chance?: number;
  /** Labels always carried (appellations, "fermier"); the appellation must list the product. */
  labels?: readonly string[];
  /** One set drawn among these, in addition to `labels` (an IGP, IGP + Label Rouge, or nothing). */
  labelChoices?: readonly (readonly string[])[];
  /** 'never' keeps designed gaps of the seed open (nobody sells organic butter or organic dried pasta). */
  organic?: 'allowed' | 'never';
  /** Suppliers per input of a made line. */
  suppliers?: readonly [number, number];
  /** For lines that are never organic themselves (meals): chance each input purchase is organic. */
  inputOrganicShare?: number;
  /** Roles an input may come from (all lower tiers when absent). */
  inputFrom?: readonly ActorRole[];
  inputMaxKm?: number;
}

/**
 * Raw materials sold only to those who process them: a purchase of "fruits" never brings wine
 * grapes, one of "produits laitiers" never raw milk; only a purchase naming them does (a wine
 * cellar's grapes, a dairy's milk).
 */
export const RAW_MATERIALS: readonly string[] = ['cereales', 'oleagineux', 'lait', 'raisin-de-cuve', 'olive', 'lavande', 'lavandin'];

/** A purchase an actor makes: `suppliers` distinct suppliers of the product or a narrower one. */
export interface WantSpec {
  productId: string;
  suppliers: readonly [number, number];
  chance?: number;
  /** Chance the purchase must be organic goods. */
  organicShare?: number;
  from?: readonly ActorRole[];
  maxKm?: number;
  /** When nothing is within maxKm, buy from the nearest supplier anywhere (imports, Lyon's market). */
  anywhere?: boolean;  /** Prefer suppliers of the buyer's own EPCI (a satellite canteen and its agglomeration's central kitchen). */
  sameEpci?: boolean;
}

/** A need a kitchen or a restaurant posts (Agrilocal-style): product, labels required. */
export interface NeedSpec {
  productId: string;
  chance: number;
  /** Chance the need requires organic goods (["ab"]). */
  organicShare?: number;
  /** Labels required when the need is not organic (Label Rouge poultry, Picodon AOP). */
  labels?: readonly string[];
}

/** One area an actor of this kind may sit in, with lines specific to that area. */
export interface Placement {
  zone: ZoneKey;
  weight: number;
  lines?: readonly LineSpec[];
}

export interface ActorProfile {
  key: string;
  roles: readonly ActorRole[];
  tier: number;
  group: MemberGroup;
  /** How many the Drôme seed holds, anchors included; the synthetic graph keeps these proportions. */
  seedCount: number;
  clubShare: number;
  /** Share of actors certified organic (AB). */
  organicShare: number;
  /** Share of an organic actor's lines that are organic: the others are conventional lines of a mixed operator. */
  organicLineShare?: number;
  /** Share of conventional farms certified HVE. */
  hveShare?: number;
  /** Share of farms in conversion to organic farming. */
  conversionShare?: number;
  /** Share of organic actors who also hold a private organic mark. */
  privateOrganic?: { labelId: 'nature-et-progres' | 'demeter'; share: number };
  placements: readonly Placement[];
  lines?: readonly LineSpec[];
  resells?: readonly WantSpec[];
  buys?: readonly WantSpec[];
  /** Purchases from any tier, made once every line exists (a poultry farm's feed). */
  lateBuys?: readonly WantSpec[];
  needs?: readonly NeedSpec[];
  /** Multiplies the reference volumes of what it buys (a mill buys 8 times a bakery's scale). */
  scale: number;
  deliveryKm: number;
  /** Name templates; see identity.ts for the placeholders. */
  names: readonly string[];
  /** First words of the French description. */
  summary: string;
}

const R = ActorRole;
const G = MemberGroup;

export const farm = (productId: string, chance = 1, extra: Partial<LineSpec> = {}): LineSpec => ({ productId, kind: 'farm', chance, ...extra });
export const make = (productId: string, chance = 1, extra: Partial<LineSpec> = {}): LineSpec => ({ productId, kind: 'make', chance, ...extra });
export const imported = (productId: string, labels: readonly string[] = []): LineSpec => ({ productId, kind: 'import', labels, organic: 'never' });
/** A wine a cooperative cellar makes from its members' grapes, under its appellation. */
export const wine = (productId: string, appellation: string, chance = 1): LineSpec => make(productId, chance, { labels: [appellation], suppliers: [4, 8], inputMaxKm: 30 });
const want = (productId: string, suppliers: readonly [number, number], extra: Partial<WantSpec> = {}): WantSpec => ({ productId, suppliers, ...extra });
const need = (productId: string, chance: number, extra: Partial<NeedSpec> = {}): NeedSpec => ({ productId, chance, ...extra });

/** Where processors, kitchens and the catering trade buy (not from shops). */
const TRADE_SOURCES = [R.FARM, R.COOPERATIVE, R.MILL, R.BAKERY, R.DAIRY, R.PROCESSOR, R.WHOLESALER, R.FOOD_HUB] as const;
/** Shops restock from producers and wholesalers, not from the hubs that serve kitchens. */
const SHOP_SOURCES = [R.FARM, R.COOPERATIVE, R.MILL, R.BAKERY, R.DAIRY, R.PROCESSOR, R.WHOLESALER] as const;

const FARM_NAMES = ['EARL {lieu}', 'GAEC {lieu}', 'SCEA {lieu}', 'Ferme {lieu}', 'EARL {famille}', 'GAEC {famille}'];

const VEGETABLES: readonly LineSpec[] = [
  farm('salade', 0.7), farm('tomate', 0.6), farm('courgette', 0.6), farm('carotte', 0.5), farm('pomme-de-terre', 0.5),
  farm('courge', 0.5), farm('poireau', 0.4), farm('chou', 0.3), farm('haricot-vert', 0.3), farm('betterave', 0.3),
  farm('oignon', 0.3), farm('epinard', 0.25), farm('poivron', 0.25), farm('aubergine', 0.25), farm('asperge', 0.08),
  farm('melon', 0.1), farm('fraise', 0.1),
];

const POULTRY_LABELS = [['volailles-drome-igp'], ['volailles-drome-igp', 'volailles-drome-label-rouge'], []] as const;

/** What collective kitchens buy, by purchase family (ma-cantine's). */
const KITCHEN_BUYS = (organicShare: number): WantSpec[] => [
  want('pain', [1, 1], { from: [R.BAKERY], organicShare, maxKm: 30, anywhere: true }),
  want('legumes', [2, 4], { from: TRADE_SOURCES, organicShare, maxKm: 60 }),
  want('fruits', [1, 3], { from: TRADE_SOURCES, organicShare, maxKm: 80 }),
  want('fromage', [1, 2], { from: TRADE_SOURCES, organicShare, maxKm: 80 }),
  want('yaourt', [0, 1], { from: TRADE_SOURCES, organicShare, maxKm: 80 }),
  want('viandes', [1, 2], { from: TRADE_SOURCES, organicShare: organicShare / 2, maxKm: 80 }),
  want('volailles', [1, 1], { from: TRADE_SOURCES, organicShare: organicShare / 2, maxKm: 80 }),
  want('oeufs', [0, 1], { from: TRADE_SOURCES, organicShare, maxKm: 60 }),
  want('pates', [0, 1], { from: TRADE_SOURCES, maxKm: 100, anywhere: true }),
  want('legumes-secs', [0, 1], { from: TRADE_SOURCES, organicShare, maxKm: 100 }),
  want('poissons', [0, 1], { from: [R.WHOLESALER, R.FARM], maxKm: 60, anywhere: true }),
  want('compote', [0, 1], { from: TRADE_SOURCES, maxKm: 100 }),
];

/** What school kitchens ask for on Agrilocal-like consultations. */
const SCHOOL_NEEDS: readonly NeedSpec[] = [
  need('pain', 0.5, { organicShare: 0.7 }),
  need('pates-seches', 0.35, { organicShare: 0.6 }),
  need('yaourt', 0.5, { organicShare: 0.7 }),
  need('pomme', 0.5, { organicShare: 0.6 }),
  need('carotte', 0.4, { organicShare: 0.6 }),
  need('pomme-de-terre', 0.35, { organicShare: 0.4 }),
  need('poulet', 0.45, { organicShare: 0.2, labels: ['volailles-drome-label-rouge'] }),
  need('boeuf', 0.3, { organicShare: 0.3 }),
  need('oeufs', 0.3, { organicShare: 0.8 }),
  need('lentille', 0.25, { organicShare: 0.7 }),
  need('raviole-du-dauphine', 0.25, { labels: ['raviole-dauphine-igp'] }),
  need('picodon', 0.2, { labels: ['picodon-aop'] }),
  need('abricot', 0.2, { organicShare: 0.3 }),
  need('fromage-blanc', 0.25, { organicShare: 0.6 }),
  need('filet-poisson-blanc', 0.15, { labels: ['ecolabel-peche-durable'] }),
];

const CARE_NEEDS: readonly NeedSpec[] = [
  need('pain', 0.4, { organicShare: 0.3 }),
  need('yaourt', 0.5, { organicShare: 0.4 }),
  need('compote-pomme', 0.4, { organicShare: 0.3 }),
  need('pomme', 0.4, { organicShare: 0.3 }),
  need('poulet', 0.4, { labels: ['volailles-drome-igp'] }),
  need('veau', 0.2),
  need('fromage-de-chevre', 0.3),
  need('salade', 0.3, { organicShare: 0.4 }),
  need('filet-poisson-blanc', 0.2, { labels: ['ecolabel-peche-durable'] }),
];

const RESTAURANT_NEEDS: readonly NeedSpec[] = [
  need('picodon', 0.35, { labels: ['picodon-aop'] }),
  need('agneau-de-sisteron', 0.2, { labels: ['agneau-sisteron-igp'] }),
  need('huile-olive', 0.25, { labels: ['huile-olive-nyons-aop'] }),
  need('tomate', 0.3, { organicShare: 0.5 }),
  need('abricot', 0.2, { labels: ['abricot-baronnies-igp'] }),
  need('clairette-de-die', 0.2, { labels: ['clairette-de-die-aoc'] }),
  need('truite', 0.15),
  need('pintadeau', 0.15, { labels: ['pintadeau-drome-igp'] }),
  need('raviole-du-dauphine', 0.2, { labels: ['raviole-dauphine-igp'] }),
];

export const ACTOR_PROFILES: readonly ActorProfile[] = [
  // ── Farms ──────────────────────────────────────────────────────────────────────────────────
  {
    key: 'farm-cereal', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 34, clubShare: 0.25,
    organicShare: 0.35, hveShare: 0.2, conversionShare: 0.06,
    placements: [{ zone: 'valencePlain', weight: 0.5 }, { zone: 'valDeDrome', weight: 0.25 }, { zone: 'collines', weight: 0.15 }, { zone: 'valloire', weight: 0.1 }],
    lines: [farm('ble-tendre'), farm('mais', 0.6), farm('orge', 0.5), farm('tournesol', 0.3), farm('soja', 0.3), farm('seigle', 0.1), farm('epeautre', 0.1)],
    scale: 1, deliveryKm: 40, names: FARM_NAMES, summary: 'Exploitation de grandes cultures',
  },
  {
    key: 'farm-cereal-south', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 8, clubShare: 0.3,
    organicShare: 0.3, hveShare: 0.2,
    placements: [{ zone: 'tricastin', weight: 0.7 }, { zone: 'garlic', weight: 0.3 }],
    lines: [farm('ble-dur'), farm('ble-tendre', 0.6), farm('tournesol', 0.4), farm('pois-chiche', 0.3), farm('lentille', 0.2)],
    scale: 1, deliveryKm: 40, names: FARM_NAMES, summary: 'Exploitation céréalière (blé dur, blé tendre)',
  },
  {
    key: 'farm-mountain-grain', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 5, clubShare: 0.4,
    organicShare: 0.8,
    placements: [{ zone: 'diois', weight: 0.5 }, { zone: 'baronniesHigh', weight: 0.5 }],
    lines: [farm('petit-epeautre'), farm('lentille', 0.5), farm('epeautre', 0.4)],
    scale: 1, deliveryKm: 50, names: FARM_NAMES, summary: 'Ferme de céréales de montagne (petit épeautre, lentilles)',
  },
  {
    key: 'farm-baker', roles: [R.FARM, R.BAKERY], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 4, clubShare: 0.5,
    organicShare: 1, privateOrganic: { labelId: 'nature-et-progres', share: 0.4 },
    placements: [{ zone: 'valDeDrome', weight: 0.5 }, { zone: 'diois', weight: 0.3 }, { zone: 'dieulefit', weight: 0.2 }],
    lines: [farm('pain-de-campagne'), farm('pain-complet', 0.6), farm('pain-petit-epeautre', 0.3)],
    scale: 1, deliveryKm: 25, names: ['Le Pain {lieu}', 'Fournil paysan {lieu}', 'Ferme {lieu}'],
    summary: 'Paysan-boulanger : blé cultivé, moulu et panifié au levain à la ferme',
  },
  {
    key: 'farm-goat-milk', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 12, clubShare: 0.25,
    organicShare: 0.3,
    placements: [{ zone: 'diois', weight: 0.4 }, { zone: 'dieulefit', weight: 0.35 }, { zone: 'nyonsOlives', weight: 0.25 }, { zone: 'ardecheChestnut', weight: 0.12 }],
    lines: [farm('lait-de-chevre'), farm('chevreau', 0.4)],
    scale: 1, deliveryKm: 40, names: ['Chèvrerie {lieu}', 'GAEC {lieu}', 'EARL {famille}', 'Élevage caprin {lieu}'],
    summary: 'Élevage caprin laitier',
  },
  {
    key: 'farm-goat-cheese', roles: [R.FARM, R.DAIRY], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 16, clubShare: 0.3,
    organicShare: 0.4,
    placements: [{ zone: 'diois', weight: 0.4 }, { zone: 'dieulefit', weight: 0.35 }, { zone: 'nyonsOlives', weight: 0.25 }, { zone: 'ardecheChestnut', weight: 0.12 }],
    lines: [
      farm('picodon', 1, { labels: ['picodon-aop', 'fermier'] }), farm('fromage-de-chevre', 0.5, { labels: ['fermier'] }),
      farm('tomme-de-chevre', 0.4, { labels: ['fermier'] }), farm('chevreau', 0.3),
    ],
    scale: 1, deliveryKm: 40, names: ['Chèvrerie {lieu}', 'La Chèvrerie {deCommune}', 'GAEC {lieu}', 'Fromagerie fermière {lieu}'],
    summary: 'Chèvrerie fromagère, fabrication fermière au lait cru',
  },
  {
    key: 'farm-cow-milk', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 9, clubShare: 0.25,
    organicShare: 0.3,
    placements: [{ zone: 'vercors', weight: 0.4 }, { zone: 'collines', weight: 0.3 }, { zone: 'royansIsere', weight: 0.35 }],
    lines: [farm('lait-de-vache'), farm('veau', 0.4)],
    scale: 1, deliveryKm: 40, names: ['GAEC {lieu}', 'EARL {famille}', 'Ferme {lieu}'], summary: 'Élevage bovin laitier',
  },
  {
    key: 'farm-cow-cheese', roles: [R.FARM, R.DAIRY], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 3, clubShare: 0.4,
    organicShare: 0.3,
    placements: [
      { zone: 'vercors', weight: 0.5, lines: [farm('bleu-du-vercors', 0.5, { labels: ['fermier'] }), farm('tomme-de-vache', 0.8, { labels: ['fermier'] })] },
      { zone: 'royansDrome', weight: 0.5, lines: [farm('saint-marcellin', 1, { labels: ['saint-marcellin-igp', 'fermier'] })] },
    ],
    lines: [farm('fromage-blanc', 0.6, { labels: ['fermier'] }), farm('yaourt', 0.5, { labels: ['fermier'] })],
    scale: 1, deliveryKm: 40, names: ['Fromagerie fermière {lieu}', 'GAEC {lieu}'], summary: 'Élevage bovin et fromagerie fermière',
  },
  {
    key: 'farm-beef', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 8, clubShare: 0.3,
    organicShare: 0.3,
    placements: [{ zone: 'vercors', weight: 0.4 }, { zone: 'collines', weight: 0.35 }, { zone: 'diois', weight: 0.25 }],
    lines: [farm('boeuf'), farm('veau', 0.5)],
    scale: 1, deliveryKm: 60, names: ['GAEC {lieu}', 'EARL {famille}', 'Élevage {lieu}'], summary: 'Élevage bovin allaitant',
  },
  {
    key: 'farm-sheep', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 8, clubShare: 0.25,
    organicShare: 0.2,
    placements: [
      { zone: 'sisteronAlps', weight: 0.2, lines: [farm('agneau-de-sisteron', 1, { labels: ['agneau-sisteron-igp'] })] },
      { zone: 'sisteronHautesAlpes', weight: 0.2, lines: [farm('agneau-de-sisteron', 1, { labels: ['agneau-sisteron-igp'] })] },
      { zone: 'baronniesHigh', weight: 0.4, lines: [farm('agneau-de-sisteron', 1, { labels: ['agneau-sisteron-igp'] })] },
      { zone: 'diois', weight: 0.2, lines: [farm('agneau')] },
    ],
    scale: 1, deliveryKm: 80, names: ['Bergerie {lieu}', 'GAEC {lieu}', 'EARL {famille}'], summary: 'Élevage ovin',
  },
  {
    key: 'farm-pig', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 5, clubShare: 0.25,
    organicShare: 0.2,
    placements: [{ zone: 'collines', weight: 0.6 }, { zone: 'vercors', weight: 0.4 }],
    lines: [farm('porc')],
    lateBuys: [want('aliment-ruminants', [0, 1], { maxKm: 80, anywhere: true })],
    scale: 1, deliveryKm: 60, names: ['EARL {famille}', 'Élevage {lieu}', 'GAEC {lieu}'], summary: 'Élevage porcin sur paille',
  },
  {
    key: 'farm-poultry', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 13, clubShare: 0.3,
    organicShare: 0.25,
    placements: [{ zone: 'valDeDrome', weight: 0.45 }, { zone: 'valencePlain', weight: 0.25 }, { zone: 'collines', weight: 0.15 }, { zone: 'garlic', weight: 0.15 }],
    lines: [
      farm('poulet', 1, { labelChoices: POULTRY_LABELS }), farm('pintade', 0.5, { labelChoices: POULTRY_LABELS }),
      farm('pintadeau', 0.4, { labels: ['pintadeau-drome-igp'] }), farm('dinde', 0.15, { labels: ['volailles-drome-igp'] }), farm('oeufs', 0.3),
    ],
    lateBuys: [want('aliment-volaille', [1, 1], { maxKm: 80, anywhere: true })],
    scale: 1, deliveryKm: 60, names: ['Volailles {lieu}', 'Élevage {lieu}', 'EARL {famille}', 'Ferme avicole {lieu}'],
    summary: 'Élevage de volailles fermières en plein air',
  },
  {
    key: 'farm-eggs', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 7, clubShare: 0.3,
    organicShare: 0.5,
    placements: [{ zone: 'valencePlain', weight: 0.4 }, { zone: 'valDeDrome', weight: 0.4 }, { zone: 'collines', weight: 0.2 }],
    lines: [farm('oeufs')],
    lateBuys: [want('aliment-volaille', [1, 1], { maxKm: 80, anywhere: true })],
    scale: 1, deliveryKm: 50, names: ['Les Œufs {lieu}', 'Poulailler {lieu}', 'EARL {famille}'], summary: 'Élevage de poules pondeuses en plein air',
  },
  {
    key: 'farm-fruit', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 20, clubShare: 0.25,
    organicShare: 0.3, hveShare: 0.35, conversionShare: 0.05,
    placements: [{ zone: 'valloire', weight: 0.3 }, { zone: 'archeFruit', weight: 0.28 }, { zone: 'valDeDrome', weight: 0.18 }, { zone: 'tricastin', weight: 0.12 }, { zone: 'ardecheRhone', weight: 0.12 }],
    lines: [
      farm('abricot', 0.7), farm('peche', 0.6), farm('cerise', 0.5), farm('pomme', 0.45), farm('poire', 0.3), farm('nectarine', 0.3),
      farm('kiwi', 0.15), farm('prune', 0.15), farm('fraise', 0.1), farm('framboise', 0.05),
    ],
    scale: 1, deliveryKm: 60, names: ['Vergers {lieu}', 'Les Vergers {deCommune}', 'EARL {famille}', 'GAEC {lieu}'], summary: 'Exploitation arboricole',
  },
  {
    key: 'farm-fruit-baronnies', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 9, clubShare: 0.3,
    organicShare: 0.4,
    placements: [{ zone: 'nyonsOlives', weight: 0.6 }, { zone: 'baronniesHigh', weight: 0.4 }],
    lines: [farm('abricot', 1, { labels: ['abricot-baronnies-igp'] }), farm('cerise', 0.5), farm('olive', 0.2), farm('figue', 0.1), farm('raisin-de-table', 0.1)],
    scale: 1, deliveryKm: 60, names: ['Vergers {lieu}', 'EARL {famille}', 'Domaine {lieu}'], summary: 'Vergers d\'abricotiers des Baronnies',
  },
  {
    key: 'farm-fruit-processing', roles: [R.FARM, R.PROCESSOR], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 4, clubShare: 0.5,
    organicShare: 0.5,
    placements: [{ zone: 'valloire', weight: 0.5 }, { zone: 'archeFruit', weight: 0.25 }, { zone: 'nyonsOlives', weight: 0.25 }],
    lines: [farm('pomme', 0.8), farm('abricot', 0.6), farm('jus-de-pomme', 0.8), farm('nectar-abricot', 0.6), farm('confiture-abricot', 0.5), farm('compote-pomme', 0.3)],
    scale: 1, deliveryKm: 60, names: ['Vergers {lieu}', 'Domaine {lieu}', 'EARL {famille}'], summary: 'Arboriculteur transformateur (jus, nectars, confitures)',
  },
  {
    key: 'farm-vegetable', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 24, clubShare: 0.3,
    organicShare: 0.5, hveShare: 0.1, conversionShare: 0.06, privateOrganic: { labelId: 'nature-et-progres', share: 0.15 },
    placements: [
      { zone: 'valencePlain', weight: 0.3 }, { zone: 'valDeDrome', weight: 0.3 }, { zone: 'tricastin', weight: 0.15 },
      { zone: 'collines', weight: 0.1 }, { zone: 'garlic', weight: 0.1 }, { zone: 'diois', weight: 0.05 },
    ],
    lines: VEGETABLES,
    scale: 1, deliveryKm: 40, names: ['Les Jardins {lieu}', 'Les Jardins {deCommune}', 'Ferme maraîchère {lieu}', 'EARL {famille}', 'Maraîchage {famille}'],
    summary: 'Ferme maraîchère',
  },
  {
    key: 'farm-garlic', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 7, clubShare: 0.3,
    organicShare: 0.2, hveShare: 0.3,
    placements: [{ zone: 'garlic', weight: 1 }],
    lines: [farm('ail', 1, { labels: ['ail-drome-igp'] }), farm('oignon', 0.3), farm('ble-tendre', 0.3), farm('tournesol', 0.2)],
    scale: 1, deliveryKm: 60, names: FARM_NAMES, summary: 'Producteur d\'ail de la Drôme',
  },
  {
    key: 'farm-walnut', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 14, clubShare: 0.3,
    organicShare: 0.3,
    placements: [{ zone: 'royansDrome', weight: 0.5 }, { zone: 'royansIsere', weight: 0.5 }],
    lines: [
      farm('noix', 1, { labels: ['noix-de-grenoble-aop'] }), farm('noix-cerneaux', 0.3, { labels: ['noix-de-grenoble-aop'] }), farm('huile-de-noix', 0.15),
    ],
    scale: 1, deliveryKm: 50, names: ['Noyeraie {lieu}', 'Les Noyers {deCommune}', 'EARL {famille}', 'GAEC {lieu}'], summary: 'Nuciculteur (Noix de Grenoble)',
  },
  {
    key: 'farm-olive', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 8, clubShare: 0.3,
    organicShare: 0.35,
    placements: [{ zone: 'nyonsOlives', weight: 1 }],
    lines: [farm('olive'), farm('abricot', 0.2)],
    scale: 1, deliveryKm: 40, names: ['Oliveraie {lieu}', 'Domaine {lieu}', 'Mas {lieu}', 'EARL {famille}'], summary: 'Oléiculteur (variété tanche)',
  },
  {
    key: 'farm-olive-oil', roles: [R.FARM, R.PROCESSOR], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 3, clubShare: 0.5,
    organicShare: 0.4,
    placements: [{ zone: 'nyonsOlives', weight: 1 }],
    lines: [
      farm('huile-olive', 1, { labels: ['huile-olive-nyons-aop'] }), farm('olives-de-table', 0.7, { labels: ['olives-noires-nyons-aop'] }), farm('tapenade', 0.3),
    ],
    scale: 1, deliveryKm: 60, names: ['Domaine {lieu}', 'Oliveraie {lieu}', 'Mas {lieu}'], summary: 'Oléiculteur et moulin à huile à la ferme',
  },
  {
    key: 'farm-vine', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 22, clubShare: 0.2,
    organicShare: 0.35, hveShare: 0.4,
    placements: [
      { zone: 'clairette', weight: 0.4 }, { zone: 'hermitage', weight: 0.25 }, { zone: 'cdrSouthDrome', weight: 0.15 },
      { zone: 'cdrVaucluse', weight: 0.15 }, { zone: 'grignan', weight: 0.12 },
    ],
    lines: [farm('raisin-de-cuve')],
    scale: 1, deliveryKm: 30, names: ['EARL {lieu}', 'Vignobles {famille}', 'GAEC {lieu}', 'EARL {famille}'], summary: 'Viticulteur coopérateur',
  },
  {
    key: 'farm-wine-domain', roles: [R.FARM, R.PROCESSOR], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 7, clubShare: 0.35,
    organicShare: 0.4, privateOrganic: { labelId: 'demeter', share: 0.3 },
    placements: [
      { zone: 'clairette', weight: 0.3, lines: [farm('clairette-de-die', 1, { labels: ['clairette-de-die-aoc'] }), farm('cremant-de-die', 0.5, { labels: ['cremant-de-die-aoc'] })] },
      { zone: 'hermitage', weight: 0.3, lines: [farm('crozes-hermitage', 1, { labels: ['crozes-hermitage-aop'] }), farm('vin-igp-drome', 0.4, { labels: ['igp-drome'] })] },
      { zone: 'cdrSouthDrome', weight: 0.2, lines: [farm('cotes-du-rhone', 1, { labels: ['cotes-du-rhone-aop'] }), farm('vin-igp-drome', 0.3, { labels: ['igp-drome'] })] },
      { zone: 'grignan', weight: 0.2, lines: [farm('grignan-les-adhemar', 1, { labels: ['grignan-les-adhemar-aop'] }), farm('cotes-du-rhone', 0.5, { labels: ['cotes-du-rhone-aop'] })] },
      { zone: 'cdrVaucluse', weight: 0.15, lines: [farm('cotes-du-rhone', 1, { labels: ['cotes-du-rhone-aop'] })] },
    ],
    scale: 1, deliveryKm: 100, names: ['Domaine {lieu}', 'Domaine {famille}', 'Mas {lieu}', 'Château {lieu}'], summary: 'Domaine viticole, vinification et vente en bouteilles',
  },
  {
    key: 'farm-lavender', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 7, clubShare: 0.3,
    organicShare: 0.4,
    placements: [
      { zone: 'baronniesHigh', weight: 0.5, lines: [farm('lavande'), farm('lavandin', 0.4), farm('thym', 0.2)] },
      { zone: 'grignan', weight: 0.3, lines: [farm('lavandin'), farm('lavande', 0.3)] },
      { zone: 'diois', weight: 0.2, lines: [farm('lavande')] },
    ],
    scale: 1, deliveryKm: 60, names: ['Lavandes {lieu}', 'Les Lavandes {deCommune}', 'EARL {lieu}', 'GAEC {famille}'], summary: 'Lavandiculteur',
  },
  {
    key: 'farm-lavender-distiller', roles: [R.FARM, R.PROCESSOR], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 3, clubShare: 0.4,
    organicShare: 0.5,
    placements: [{ zone: 'baronniesHigh', weight: 1 }],
    lines: [
      farm('huile-essentielle-lavande', 1, { labels: ['he-lavande-haute-provence-aop'] }), farm('huile-essentielle-lavandin', 0.5), farm('lavande', 0.5),
    ],
    scale: 1, deliveryKm: 100, names: ['Lavandes {lieu}', 'Distillerie fermière {lieu}'], summary: 'Lavandiculteur distillateur',
  },
  {
    key: 'farm-beekeeper', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 6, clubShare: 0.3,
    organicShare: 0.35,
    placements: [
      { zone: 'baronniesHigh', weight: 0.35, lines: [farm('miel-de-lavande', 0.9)] },
      { zone: 'diois', weight: 0.35, lines: [farm('miel-de-lavande', 0.6)] },
      { zone: 'royansDrome', weight: 0.15, lines: [farm('miel-de-chataignier', 0.6)] },
      { zone: 'valencePlain', weight: 0.15 },
    ],
    lines: [farm('miel-toutes-fleurs')],
    scale: 1, deliveryKm: 80, names: ['Rucher {lieu}', 'Miellerie {lieu}', 'Les Ruchers {deCommune}', 'Apiculture {famille}'], summary: 'Apiculteur',
  },
  {
    key: 'farm-almond', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 5, clubShare: 0.35,
    organicShare: 0.4,
    placements: [{ zone: 'grignan', weight: 0.5 }, { zone: 'tricastin', weight: 0.3 }, { zone: 'nyonsOlives', weight: 0.2 }],
    lines: [farm('amande'), farm('olive', 0.2), farm('truffe-noire', 0.2)],
    scale: 1, deliveryKm: 80, names: ['Les Amandiers {deCommune}', 'Domaine {lieu}', 'EARL {famille}'], summary: 'Amandiculteur',
  },
  {
    key: 'farm-aromatic', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 4, clubShare: 0.3,
    organicShare: 0.7,
    placements: [{ zone: 'baronniesHigh', weight: 1 }],
    lines: [farm('tilleul', 0.8), farm('thym', 0.8), farm('romarin', 0.4), farm('tisane-tilleul', 0.3)],
    scale: 1, deliveryKm: 80, names: ['Les Simples {lieu}', 'EARL {lieu}', 'Herboristerie paysanne {lieu}'],
    summary: 'Producteur de plantes aromatiques et de tilleul des Baronnies',
  },
  {
    key: 'farm-truffle', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 2, clubShare: 0.3,
    organicShare: 0.2,
    placements: [{ zone: 'grignan', weight: 0.6 }, { zone: 'tricastin', weight: 0.4 }],
    lines: [farm('truffe-noire'), farm('amande', 0.3)],
    scale: 1, deliveryKm: 100, names: ['Truffière {lieu}', 'Domaine {lieu}'], summary: 'Trufficulteur (truffe noire du Tricastin)',
  },
  {
    key: 'farm-chestnut', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 4, clubShare: 0.15,
    organicShare: 0.6,
    placements: [{ zone: 'ardecheChestnut', weight: 1 }],
    lines: [farm('chataigne'), farm('miel-de-chataignier', 0.3)],
    scale: 1, deliveryKm: 80, names: ['Châtaigneraie {lieu}', 'EARL {famille}', 'Ferme {lieu}'], summary: 'Castanéiculteur ardéchois',
  },
  {
    key: 'farm-trout', roles: [R.FARM], tier: Tier.FARM, group: G.PRODUCERS, seedCount: 1, clubShare: 0.5,
    organicShare: 0,
    placements: [{ zone: 'royansDrome', weight: 1 }],
    lines: [farm('truite')],
    scale: 1, deliveryKm: 80, names: ['Pisciculture {lieu}', 'Truites {deCommune}'], summary: 'Pisciculture en eau de source (truite)',
  },

  // ── Collection ─────────────────────────────────────────────────────────────────────────────
  {
    key: 'coop-grain', roles: [R.COOPERATIVE], tier: Tier.COLLECTION, group: G.PRODUCERS, seedCount: 4, clubShare: 0.5,
    organicShare: 0,
    placements: [{ zone: 'valencePlain', weight: 0.4 }, { zone: 'valDeDrome', weight: 0.3 }, { zone: 'valloire', weight: 0.2 }, { zone: 'tricastin', weight: 0.1 }],
    resells: [
      want('ble-tendre', [5, 9], { from: [R.FARM], maxKm: 35, organicShare: 0.1 }), want('mais', [3, 6], { from: [R.FARM], maxKm: 35 }),
      want('orge', [2, 5], { from: [R.FARM], maxKm: 35 }), want('ble-dur', [2, 4], { from: [R.FARM], maxKm: 35 }),
      want('tournesol', [1, 3], { from: [R.FARM], maxKm: 35 }), want('soja', [1, 3], { from: [R.FARM], maxKm: 35 }),
    ],
    scale: 8, deliveryKm: 120, names: ['Coopérative agricole {deCommune}', 'Coopérative céréalière {riviere}'],
    summary: 'Coopérative de collecte et de stockage de céréales',
  },
  {
    key: 'coop-grain-organic', roles: [R.COOPERATIVE], tier: Tier.COLLECTION, group: G.PRODUCERS, seedCount: 1, clubShare: 1,
    organicShare: 1,
    placements: [{ zone: 'valencePlain', weight: 1 }],
    resells: [
      want('ble-tendre', [6, 10], { from: [R.FARM], maxKm: 50, organicShare: 1 }), want('mais', [2, 4], { from: [R.FARM], maxKm: 50, organicShare: 1 }),
      want('orge', [1, 3], { from: [R.FARM], maxKm: 50, organicShare: 1 }), want('soja', [1, 2], { from: [R.FARM], maxKm: 50, organicShare: 1 }),
      want('epeautre', [1, 2], { from: [R.FARM], maxKm: 60, organicShare: 1 }),
    ],
    scale: 8, deliveryKm: 120, names: ['Coopérative bio {riviere}'], summary: 'Coopérative céréalière 100 % bio avec silo dédié',
  },
  {
    key: 'coop-fruit', roles: [R.COOPERATIVE], tier: Tier.COLLECTION, group: G.PRODUCERS, seedCount: 3, clubShare: 0.5,
    organicShare: 0,
    placements: [{ zone: 'valloire', weight: 0.5 }, { zone: 'valDeDrome', weight: 0.25 }, { zone: 'nyonsOlives', weight: 0.25 }],
    resells: [
      want('abricot', [3, 6], { from: [R.FARM], maxKm: 40, organicShare: 0.25 }), want('peche', [2, 5], { from: [R.FARM], maxKm: 40 }),
      want('cerise', [2, 4], { from: [R.FARM], maxKm: 40 }), want('pomme', [2, 4], { from: [R.FARM], maxKm: 40, organicShare: 0.25 }),
      want('poire', [1, 3], { from: [R.FARM], maxKm: 40 }), want('nectarine', [1, 2], { from: [R.FARM], maxKm: 40 }),
      want('kiwi', [0, 2], { from: [R.FARM], maxKm: 40 }),
    ],
    scale: 6, deliveryKm: 200, names: ['Coopérative fruitière {deCommune}'], summary: 'Coopérative fruitière (station de conditionnement)',
  },

  // ── First processing ───────────────────────────────────────────────────────────────────────
  {
    key: 'coop-nut', roles: [R.COOPERATIVE, R.PROCESSOR], tier: Tier.FIRST_PROCESSING, group: G.PRODUCERS, seedCount: 1, clubShare: 1,
    organicShare: 0.5, organicLineShare: 0.5,
    placements: [{ zone: 'royansDrome', weight: 1 }],
    resells: [want('noix', [6, 10], { from: [R.FARM], maxKm: 40, organicShare: 0.3 })],
    lines: [make('noix-cerneaux', 1, { labels: ['noix-de-grenoble-aop'], suppliers: [3, 5], inputMaxKm: 40 }), make('huile-de-noix', 0.8, { suppliers: [2, 3], inputMaxKm: 40 })],
    scale: 8, deliveryKm: 200, names: ['Coopérative nucicole {deCommune}'], summary: 'Coopérative de collecte, de cassage et de conditionnement des noix',
  },
  {
    key: 'coop-olive', roles: [R.COOPERATIVE, R.PROCESSOR], tier: Tier.FIRST_PROCESSING, group: G.PROCESSORS, seedCount: 1, clubShare: 1,
    organicShare: 0.5, organicLineShare: 0.5,
    placements: [{ zone: 'nyonsOlives', weight: 1 }],
    lines: [
      make('huile-olive', 1, { labels: ['huile-olive-nyons-aop'], suppliers: [5, 8], inputMaxKm: 30 }),
      make('olives-de-table', 1, { labels: ['olives-noires-nyons-aop'], suppliers: [3, 5], inputMaxKm: 30 }), make('tapenade', 0.6),
    ],
    scale: 4, deliveryKm: 200, names: ['Moulin coopératif {riviere}'], summary: 'Moulin coopératif des oléiculteurs',
  },
  {
    key: 'coop-wine', roles: [R.COOPERATIVE, R.PROCESSOR], tier: Tier.FIRST_PROCESSING, group: G.PROCESSORS, seedCount: 5, clubShare: 0.6,
    organicShare: 0.4, organicLineShare: 0.5,
    placements: [
      { zone: 'clairette', weight: 0.4, lines: [wine('clairette-de-die', 'clairette-de-die-aoc'), wine('cremant-de-die', 'cremant-de-die-aoc', 0.6)] },
      { zone: 'hermitage', weight: 0.2, lines: [wine('crozes-hermitage', 'crozes-hermitage-aop'), wine('vin-igp-drome', 'igp-drome', 0.6)] },
      { zone: 'cdrSouthDrome', weight: 0.2, lines: [wine('cotes-du-rhone', 'cotes-du-rhone-aop')] },
      { zone: 'grignan', weight: 0.2, lines: [wine('grignan-les-adhemar', 'grignan-les-adhemar-aop'), wine('cotes-du-rhone', 'cotes-du-rhone-aop', 0.6)] },
    ],
    scale: 4, deliveryKm: 200, names: ['Cave coopérative {deCommune}', 'Cellier des vignerons {deCommune}'], summary: 'Cave coopérative',
  },
  {
    key: 'mill', roles: [R.MILL], tier: Tier.FIRST_PROCESSING, group: G.PROCESSORS, seedCount: 7, clubShare: 0.45,
    organicShare: 0.4, organicLineShare: 0.8,
    placements: [{ zone: 'valDeDrome', weight: 0.4 }, { zone: 'collines', weight: 0.3 }, { zone: 'ardecheRhone', weight: 0.3 }],
    lines: [
      make('farine-ble-t65', 1, { suppliers: [2, 4] }), make('farine-ble-t80', 0.8, { suppliers: [2, 4] }), make('farine-ble-t55', 0.6, { suppliers: [2, 4] }),
      make('farine-ble-t110', 0.4), make('farine-ble-t150', 0.3), make('farine-epeautre', 0.3), make('farine-seigle', 0.3),
    ],
    scale: 8, deliveryKm: 120, names: ['Moulin {riviere}', 'Minoterie {deCommune}', 'Minoterie {famille}'], summary: 'Minoterie',
  },
  {
    key: 'feed-mill', roles: [R.PROCESSOR], tier: Tier.FIRST_PROCESSING, group: G.PROCESSORS, seedCount: 1, clubShare: 0.5,
    organicShare: 0,
    placements: [{ zone: 'valencePlain', weight: 1 }],
    lines: [make('aliment-volaille', 1, { suppliers: [2, 3], organic: 'never' }), make('aliment-ruminants', 0.8, { suppliers: [1, 2], organic: 'never' })],
    scale: 4, deliveryKm: 120, names: ['Aliments {riviere}'], summary: 'Fabricant d\'aliments pour volailles et ruminants',
  },
  {
    key: 'dairy-goat', roles: [R.DAIRY], tier: Tier.FIRST_PROCESSING, group: G.PROCESSORS, seedCount: 4, clubShare: 0.5,
    organicShare: 0.5, organicLineShare: 0.5,
    placements: [{ zone: 'diois', weight: 0.4 }, { zone: 'dieulefit', weight: 0.4 }, { zone: 'nyonsOlives', weight: 0.2 }],
    lines: [
      make('picodon', 1, { labels: ['picodon-aop'], suppliers: [3, 6], inputMaxKm: 50 }), make('fromage-de-chevre', 0.7, { suppliers: [2, 3] }),
      make('tomme-de-chevre', 0.5, { suppliers: [1, 2] }),
    ],
    scale: 4, deliveryKm: 150, names: ['Fromagerie {lieu}', 'Fromagerie {riviere}'], summary: 'Fromagerie de lait de chèvre (Picodon AOP)',
  },
  {
    key: 'dairy-cow', roles: [R.DAIRY], tier: Tier.FIRST_PROCESSING, group: G.PROCESSORS, seedCount: 4, clubShare: 0.5,
    organicShare: 0.25,
    placements: [{ zone: 'vercors', weight: 0.4 }, { zone: 'collines', weight: 0.4 }, { zone: 'royansIsere', weight: 0.2 }],
    lines: [
      make('fromage-blanc', 1, { suppliers: [2, 4] }), make('yaourt', 0.7, { suppliers: [2, 3] }), make('tomme-de-vache', 0.5),
      make('beurre', 0.6, { organic: 'never' }), make('creme', 0.6, { organic: 'never' }),
    ],
    scale: 4, deliveryKm: 150, names: ['Laiterie {deCommune}', 'Fromagerie {lieu}'], summary: 'Laiterie-fromagerie de lait de vache',
  },
  {
    key: 'oil-mill', roles: [R.PROCESSOR], tier: Tier.FIRST_PROCESSING, group: G.PROCESSORS, seedCount: 2, clubShare: 0.5,
    organicShare: 0.5, organicLineShare: 0.6,
    placements: [{ zone: 'nyonsOlives', weight: 1 }],
    lines: [
      make('huile-olive', 1, { labels: ['huile-olive-nyons-aop'], suppliers: [3, 5], inputMaxKm: 30 }),
      make('olives-de-table', 0.8, { labels: ['olives-noires-nyons-aop'], suppliers: [2, 3], inputMaxKm: 30 }), make('tapenade', 0.5),
    ],
    scale: 4, deliveryKm: 200, names: ['Moulin à huile {lieu}', 'Huilerie {riviere}'], summary: 'Moulin à huile d\'olive',
  },
  {
    key: 'distillery', roles: [R.PROCESSOR], tier: Tier.FIRST_PROCESSING, group: G.PROCESSORS, seedCount: 3, clubShare: 0.4,
    organicShare: 0.3,
    placements: [{ zone: 'baronniesHigh', weight: 0.7 }, { zone: 'sisteronAlps', weight: 0.3 }],
    lines: [
      make('huile-essentielle-lavande', 1, { labels: ['he-lavande-haute-provence-aop'], suppliers: [3, 5], inputMaxKm: 60 }),
      make('huile-essentielle-lavandin', 0.8, { suppliers: [2, 4], inputMaxKm: 80 }),
    ],
    scale: 4, deliveryKm: 300, names: ['Distillerie {lieu}', 'Distillerie {deCommune}'], summary: 'Distillerie de lavande et de lavandin',
  },
  {
    key: 'nougat-maker', roles: [R.PROCESSOR], tier: Tier.FIRST_PROCESSING, group: G.PROCESSORS, seedCount: 4, clubShare: 0.5,
    organicShare: 0.25,
    placements: [{ zone: 'montelimarAgglo', weight: 1 }],
    lines: [make('nougat-de-montelimar', 1, { labels: ['nougat-montelimar-igp'], suppliers: [1, 3], inputMaxKm: 100 }), make('nougat', 0.3)],
    scale: 2, deliveryKm: 300, names: ['Nougaterie {famille}', 'Nougaterie {riviere}', 'Confiserie {lieu}'], summary: 'Nougaterie artisanale',
  },
  {
    key: 'cannery', roles: [R.PROCESSOR], tier: Tier.FIRST_PROCESSING, group: G.PROCESSORS, seedCount: 3, clubShare: 0.4,
    organicShare: 0.4, organicLineShare: 0.6,
    placements: [{ zone: 'valloire', weight: 0.4 }, { zone: 'nyonsOlives', weight: 0.3 }, { zone: 'royansDrome', weight: 0.3 }],
    lines: [
      make('confiture-abricot', 0.8, { suppliers: [2, 3] }), make('nectar-abricot', 0.7, { suppliers: [2, 3] }), make('jus-de-pomme', 0.6, { suppliers: [2, 3] }),
      make('compote-pomme', 0.6, { suppliers: [1, 3] }), make('confiture-cerise', 0.4), make('creme-de-marrons', 0.2),
    ],
    scale: 4, deliveryKm: 200, names: ['Conserverie {lieu}', 'Confiturerie {deCommune}', 'Jus et Nectars {riviere}'], summary: 'Conserverie de fruits (confitures, jus, compotes)',
  },
  {
    key: 'charcuterie', roles: [R.PROCESSOR], tier: Tier.FIRST_PROCESSING, group: G.PROCESSORS, seedCount: 2, clubShare: 0.5,
    organicShare: 0.2,
    placements: [{ zone: 'vercors', weight: 0.5 }, { zone: 'collines', weight: 0.5 }],
    lines: [make('caillette', 1, { suppliers: [2, 3] }), make('saucisson', 0.8), make('jambon-sec', 0.6)],
    scale: 3, deliveryKm: 150, names: ['Salaisons {lieu}', 'Charcuterie {famille}'], summary: 'Salaisons et charcuterie (caillettes, saucissons)',
  },
  {
    key: 'brewery', roles: [R.PROCESSOR], tier: Tier.FIRST_PROCESSING, group: G.PROCESSORS, seedCount: 1, clubShare: 0.5,
    organicShare: 0.6,
    placements: [{ zone: 'valDeDrome', weight: 1 }],
    lines: [make('biere', 1, { suppliers: [1, 2], inputMaxKm: 80 })],
    scale: 2, deliveryKm: 100, names: ['Brasserie artisanale {riviere}'], summary: 'Brasserie artisanale (orge de la Drôme)',
  },
  {
    key: 'nut-oil-mill', roles: [R.PROCESSOR], tier: Tier.FIRST_PROCESSING, group: G.PROCESSORS, seedCount: 1, clubShare: 0.3,
    organicShare: 0.3,
    placements: [{ zone: 'royansIsere', weight: 1 }],
    lines: [make('huile-de-noix', 1, { suppliers: [2, 4], inputMaxKm: 40 }), make('noix-cerneaux', 0.5, { labels: ['noix-de-grenoble-aop'], inputMaxKm: 40 })],
    scale: 3, deliveryKm: 200, names: ['Huilerie {lieu}'], summary: 'Huilerie artisanale de noix',
  },

  // ── Second processing ──────────────────────────────────────────────────────────────────────
  {
    key: 'bakery', roles: [R.BAKERY], tier: Tier.SECOND_PROCESSING, group: G.PROCESSORS, seedCount: 32, clubShare: 0.25,
    organicShare: 0.1, organicLineShare: 0.5,
    placements: [
      { zone: 'dromeTowns', weight: 0.75, lines: [make('pogne-de-romans', 0.15)] },
      { zone: 'romansValence', weight: 0.25, lines: [make('pogne-de-romans', 0.9), make('suisse-de-valence', 0.4)] },
    ],
    lines: [
      make('pain-de-campagne', 1, { inputMaxKm: 60 }), make('baguette', 0.9, { inputMaxKm: 60 }), make('pain-complet', 0.5, { inputMaxKm: 60 }),
      make('pain-de-seigle', 0.2), make('pain-epeautre', 0.2), make('croissant', 0.6), make('brioche', 0.3),
    ],
    scale: 1, deliveryKm: 20, names: ['Boulangerie {famille}', 'Au Fournil {deCommune}', 'Boulangerie-Pâtisserie {lieu}', 'Le Fournil {lieu}', 'La Mie {deCommune}'],
    summary: 'Boulangerie-pâtisserie artisanale',
  },
  {
    key: 'bakery-organic', roles: [R.BAKERY], tier: Tier.SECOND_PROCESSING, group: G.PROCESSORS, seedCount: 8, clubShare: 0.5,
    organicShare: 1, organicLineShare: 0.95,
    placements: [{ zone: 'dromeTowns', weight: 1 }],
    lines: [
      make('pain-de-campagne', 1, { inputMaxKm: 80 }), make('pain-complet', 0.7, { inputMaxKm: 80 }), make('pain-epeautre', 0.5, { inputMaxKm: 100 }),
      make('pain-petit-epeautre', 0.2, { inputMaxKm: 100 }), make('pain-de-seigle', 0.3, { inputMaxKm: 100 }), make('baguette', 0.6, { inputMaxKm: 80 }),
    ],
    scale: 1, deliveryKm: 25, names: ['Le Levain {deCommune}', 'Fournil bio {lieu}', 'Boulangerie bio {famille}'], summary: 'Boulangerie bio au levain',
  },
  {
    key: 'raviole-maker', roles: [R.PROCESSOR], tier: Tier.SECOND_PROCESSING, group: G.PROCESSORS, seedCount: 4, clubShare: 0.5,
    organicShare: 0,
    placements: [{ zone: 'romansValence', weight: 0.6 }, { zone: 'royansDrome', weight: 0.4 }],
    lines: [
      make('raviole-du-dauphine', 1, { labelChoices: [['raviole-dauphine-igp'], ['raviole-dauphine-igp', 'raviole-dauphine-label-rouge']], inputMaxKm: 80 }),
      make('pates-fraiches', 0.3),
    ],
    scale: 3, deliveryKm: 200, names: ['Ravioles {famille}', 'Ravioles {deCommune}', 'Atelier de la Raviole {lieu}'], summary: 'Fabricant de Raviole du Dauphiné',
  },
  {
    key: 'pasta-maker', roles: [R.PROCESSOR], tier: Tier.SECOND_PROCESSING, group: G.PROCESSORS, seedCount: 1, clubShare: 1,
    organicShare: 0,
    placements: [{ zone: 'valDeDrome', weight: 1 }],
    lines: [make('pates-seches', 1, { organic: 'never', suppliers: [1, 2], inputMaxKm: 120 }), make('pates-fraiches', 1, { organic: 'never' })],
    scale: 3, deliveryKm: 150, names: ['Atelier des Pâtes {lieu}'], summary: 'Fabricant de pâtes artisanales',
  },

  // ── Wholesale and hubs ─────────────────────────────────────────────────────────────────────
  {
    key: 'wholesaler-produce', roles: [R.WHOLESALER], tier: Tier.WHOLESALE, group: G.DISTRIBUTORS, seedCount: 3, clubShare: 0.6,
    organicShare: 0,
    placements: [{ zone: 'valencePlain', weight: 0.5 }, { zone: 'tricastin', weight: 0.5 }],
    resells: [
      want('fruits', [6, 10], { from: [R.FARM, R.COOPERATIVE], maxKm: 160, organicShare: 0.2 }),
      want('legumes', [5, 9], { from: [R.FARM, R.COOPERATIVE], maxKm: 120, organicShare: 0.2 }),
      want('ail', [1, 2], { from: [R.FARM], maxKm: 160 }),
    ],
    scale: 4, deliveryKm: 150, names: ['Primeurs {riviere}', '{famille} Primeurs', 'Comptoir des primeurs {deCommune}'], summary: 'Grossiste en fruits et légumes',
  },
  {
    key: 'wholesaler-cheese', roles: [R.WHOLESALER], tier: Tier.WHOLESALE, group: G.DISTRIBUTORS, seedCount: 1, clubShare: 1,
    organicShare: 0,
    placements: [{ zone: 'valenceRomansAgglo', weight: 1 }],
    lines: [imported('comte', ['comte-aop']), imported('beurre'), imported('creme')],
    resells: [
      want('picodon', [3, 5], { from: [R.DAIRY, R.FARM], maxKm: 120, organicShare: 0.3 }), want('fromage-de-chevre', [1, 2], { from: [R.DAIRY, R.FARM], maxKm: 120 }),
      want('saint-marcellin', [1, 2], { from: [R.DAIRY, R.FARM], maxKm: 120 }), want('bleu-du-vercors', [0, 1], { from: [R.DAIRY, R.FARM], maxKm: 120 }),
      want('fromage-de-vache', [1, 2], { from: [R.DAIRY, R.FARM], maxKm: 120 }), want('yaourt', [1, 2], { from: [R.DAIRY], maxKm: 120, organicShare: 0.5 }),
      want('fromage-blanc', [1, 1], { from: [R.DAIRY], maxKm: 120 }),
    ],
    scale: 4, deliveryKm: 150, names: ['Comptoir des fromages {riviere}'], summary: 'Grossiste en fromages et produits laitiers',
  },
  {
    key: 'wholesaler-grocery', roles: [R.WHOLESALER], tier: Tier.WHOLESALE, group: G.DISTRIBUTORS, seedCount: 1, clubShare: 1,
    organicShare: 0,
    placements: [{ zone: 'valenceRomansAgglo', weight: 1 }],
    lines: [imported('amande'), imported('huile-tournesol')],
    resells: [
      want('pates-seches', [1, 1], { from: [R.PROCESSOR], maxKm: 150 }), want('farine', [1, 2], { from: [R.MILL], maxKm: 100 }),
      want('huile-olive', [1, 2], { from: [R.PROCESSOR, R.COOPERATIVE], maxKm: 150 }), want('miel', [1, 3], { from: [R.FARM], maxKm: 150 }),
      want('nougat-de-montelimar', [1, 2], { from: [R.PROCESSOR], maxKm: 150 }), want('confiture', [1, 2], { from: [R.PROCESSOR], maxKm: 150 }),
      want('jus-de-fruits', [1, 2], { from: [R.PROCESSOR, R.FARM], maxKm: 150 }), want('legumes-secs', [1, 2], { from: [R.FARM, R.COOPERATIVE], maxKm: 150, organicShare: 0.5 }),
    ],
    scale: 4, deliveryKm: 150, names: ['{famille} Épicerie Distribution'], summary: 'Grossiste en épicerie',
  },
  {
    key: 'wholesaler-meat', roles: [R.WHOLESALER], tier: Tier.WHOLESALE, group: G.DISTRIBUTORS, seedCount: 1, clubShare: 0.5,
    organicShare: 0,
    placements: [{ zone: 'valenceRomansAgglo', weight: 1 }],
    resells: [
      want('boeuf', [2, 4], { from: [R.FARM], maxKm: 100 }), want('veau', [1, 2], { from: [R.FARM], maxKm: 100 }),
      want('agneau', [1, 3], { from: [R.FARM], maxKm: 150 }), want('porc', [1, 2], { from: [R.FARM], maxKm: 100 }),
      want('poulet', [2, 3], { from: [R.FARM], maxKm: 100 }), want('pintade', [1, 2], { from: [R.FARM], maxKm: 100 }),
      want('charcuterie', [1, 2], { from: [R.PROCESSOR], maxKm: 100 }),
    ],
    scale: 4, deliveryKm: 150, names: ['Viandes {riviere} en gros'], summary: 'Grossiste en viandes et volailles',
  },
  {
    key: 'wholesaler-seafood', roles: [R.WHOLESALER], tier: Tier.WHOLESALE, group: G.DISTRIBUTORS, seedCount: 1, clubShare: 0,
    organicShare: 0,
    placements: [{ zone: 'valenceRomansAgglo', weight: 1 }],
    lines: [imported('filet-poisson-blanc')],
    resells: [want('truite', [1, 1], { from: [R.FARM], maxKm: 200, anywhere: true })],
    scale: 4, deliveryKm: 250, names: ['Marée {riviere}'], summary: 'Mareyeur-grossiste en produits de la mer',
  },
  {
    key: 'wholesaler-wine', roles: [R.WHOLESALER], tier: Tier.WHOLESALE, group: G.DISTRIBUTORS, seedCount: 1, clubShare: 0.5,
    organicShare: 0,
    placements: [{ zone: 'hermitage', weight: 1 }],
    resells: [want('vin', [5, 9], { from: [R.COOPERATIVE, R.FARM], maxKm: 150, organicShare: 0.2 })],
    scale: 4, deliveryKm: 200, names: ['Vins et Terroirs {riviere}'], summary: 'Négoce et distribution de vins de la vallée du Rhône',
  },
  {
    key: 'food-hub', roles: [R.FOOD_HUB], tier: Tier.HUB, group: G.DISTRIBUTORS, seedCount: 4, clubShare: 0.75,
    organicShare: 0.3,
    placements: [{ zone: 'dromeTowns', weight: 1 }],
    resells: [
      want('fruits', [4, 7], { from: [R.FARM, R.COOPERATIVE, R.WHOLESALER], maxKm: 60, organicShare: 0.4 }),
      want('legumes', [5, 8], { from: [R.FARM, R.COOPERATIVE, R.WHOLESALER], maxKm: 60, organicShare: 0.4 }),
      want('fromage', [1, 3], { from: [R.FARM, R.DAIRY], maxKm: 80, organicShare: 0.4 }),
      want('yaourt', [0, 1], { from: [R.FARM, R.DAIRY], maxKm: 80, organicShare: 0.4 }),
      want('fromage-blanc', [0, 1], { from: [R.FARM, R.DAIRY], maxKm: 80, organicShare: 0.4 }),
      want('oeufs', [1, 2], { from: [R.FARM], maxKm: 60, organicShare: 0.5 }), want('viandes', [1, 2], { from: [R.FARM], maxKm: 80 }),
      want('volailles', [1, 2], { from: [R.FARM], maxKm: 80 }), want('farine', [0, 1], { from: [R.MILL], maxKm: 80, organicShare: 0.5 }),
      want('legumes-secs', [0, 1], { from: [R.FARM, R.COOPERATIVE], maxKm: 100 }), want('fruits-transformes', [0, 1], { from: [R.PROCESSOR, R.FARM], maxKm: 100 }),
      want('pates', [0, 1], { from: [R.PROCESSOR], maxKm: 100 }),
    ],
    scale: 1.5, deliveryKm: 60, names: ['Plateforme paysanne {deCommune}', 'Collectif {lieu}'], summary: 'Plateforme logistique de produits locaux',
  },

  // ── Retail ─────────────────────────────────────────────────────────────────────────────────
  {
    key: 'shop-organic', roles: [R.RETAILER], tier: Tier.RETAIL, group: G.DISTRIBUTORS, seedCount: 6, clubShare: 0.4,
    organicShare: 1, organicLineShare: 1,
    placements: [{ zone: 'dromeTowns', weight: 1 }],
    resells: [
      want('fruits', [3, 5], { from: SHOP_SOURCES, maxKm: 60, organicShare: 1 }), want('legumes', [3, 6], { from: SHOP_SOURCES, maxKm: 60, organicShare: 1 }),
      want('fromage', [1, 3], { from: SHOP_SOURCES, maxKm: 80, organicShare: 1 }),
      want('yaourt', [0, 1], { from: SHOP_SOURCES, maxKm: 80, organicShare: 1 }), want('pain', [1, 1], { from: [R.BAKERY], maxKm: 25, organicShare: 1 }),
      want('oeufs', [1, 1], { from: [R.FARM], maxKm: 50, organicShare: 1 }), want('miel', [1, 1], { from: [R.FARM], maxKm: 80, organicShare: 1 }),
      want('huile-olive', [0, 1], { from: SHOP_SOURCES, maxKm: 120, organicShare: 1 }), want('vin', [0, 2], { from: SHOP_SOURCES, maxKm: 100, organicShare: 1 }),
      want('farine', [0, 1], { from: [R.MILL], maxKm: 80, organicShare: 1 }), want('plantes-aromatiques', [0, 1], { from: [R.FARM], maxKm: 100, organicShare: 1 }),
    ],
    scale: 0.4, deliveryKm: 10, names: ['L\'Épicerie bio {deCommune}', 'Le Panier bio {lieu}', 'Biomarché {deCommune}'], summary: 'Magasin bio',
  },
  {
    key: 'shop-deli', roles: [R.RETAILER], tier: Tier.RETAIL, group: G.DISTRIBUTORS, seedCount: 4, clubShare: 0.4,
    organicShare: 0,
    placements: [{ zone: 'touristTowns', weight: 0.6 }, { zone: 'dromeTowns', weight: 0.4 }],
    resells: [
      want('huile-olive', [1, 2], { from: SHOP_SOURCES, maxKm: 120 }), want('olives-de-table', [0, 1], { from: SHOP_SOURCES, maxKm: 120 }),
      want('nougat-de-montelimar', [1, 1], { from: SHOP_SOURCES, maxKm: 150 }), want('miel', [1, 2], { from: SHOP_SOURCES, maxKm: 100 }),
      want('confiture', [1, 2], { from: SHOP_SOURCES, maxKm: 100 }), want('vin', [1, 3], { from: SHOP_SOURCES, maxKm: 100 }),
      want('noix-cerneaux', [0, 1], { from: SHOP_SOURCES, maxKm: 150 }), want('picodon', [0, 1], { from: SHOP_SOURCES, maxKm: 80 }),
      want('huiles-essentielles', [0, 1], { from: SHOP_SOURCES, maxKm: 150 }), want('plantes-aromatiques', [0, 1], { from: SHOP_SOURCES, maxKm: 100 }),
      want('tisane-tilleul', [0, 1], { from: SHOP_SOURCES, maxKm: 100 }),
    ],
    scale: 0.4, deliveryKm: 10, names: ['Épicerie fine {famille}', 'Les Saveurs {deCommune}', 'Comptoir {lieu}'], summary: 'Épicerie fine de produits drômois',
  },
  {
    key: 'butcher', roles: [R.RETAILER, R.PROCESSOR], tier: Tier.RETAIL, group: G.DISTRIBUTORS, seedCount: 4, clubShare: 0.3,
    organicShare: 0,
    placements: [{ zone: 'dromeTowns', weight: 1 }],
    lines: [make('caillette', 0.8, { suppliers: [1, 2], inputFrom: [R.FARM, R.WHOLESALER] })],
    resells: [
      want('boeuf', [1, 3], { from: [R.FARM, R.WHOLESALER], maxKm: 80 }), want('veau', [0, 2], { from: [R.FARM, R.WHOLESALER], maxKm: 80 }),
      want('agneau', [1, 2], { from: [R.FARM, R.WHOLESALER], maxKm: 120 }), want('poulet', [1, 2], { from: [R.FARM, R.WHOLESALER], maxKm: 80 }),
      want('pintade', [0, 1], { from: [R.FARM], maxKm: 80 }),
    ],
    scale: 0.5, deliveryKm: 15, names: ['Boucherie {famille}', 'Boucherie-Charcuterie {lieu}'], summary: 'Boucherie-charcuterie',
  },
  {
    key: 'cheese-shop', roles: [R.RETAILER], tier: Tier.RETAIL, group: G.DISTRIBUTORS, seedCount: 2, clubShare: 0.5,
    organicShare: 0,
    placements: [{ zone: 'dromeTowns', weight: 1 }],
    resells: [
      want('picodon', [2, 4], { from: SHOP_SOURCES, maxKm: 80 }), want('fromage', [3, 5], { from: SHOP_SOURCES, maxKm: 120 }),
      want('yaourt', [1, 2], { from: SHOP_SOURCES, maxKm: 80 }), want('beurre', [0, 1], { from: SHOP_SOURCES, maxKm: 80 }),
    ],
    scale: 0.4, deliveryKm: 10, names: ['Fromagerie {famille}', 'La Cloche à Fromages {deCommune}'], summary: 'Crémerie-fromagerie',
  },
  {
    key: 'wine-shop', roles: [R.RETAILER], tier: Tier.RETAIL, group: G.DISTRIBUTORS, seedCount: 3, clubShare: 0.3,
    organicShare: 0,
    placements: [{ zone: 'dromeTowns', weight: 1 }],
    resells: [
      want('vin', [5, 8], { from: SHOP_SOURCES, maxKm: 120 }), want('biere', [0, 1], { from: SHOP_SOURCES, maxKm: 80 }),
      want('jus-de-fruits', [0, 1], { from: SHOP_SOURCES, maxKm: 80 }),
    ],
    scale: 0.4, deliveryKm: 15, names: ['La Cave {deCommune}', 'Cave {famille}'], summary: 'Caviste',
  },
  {
    key: 'farm-shop', roles: [R.RETAILER], tier: Tier.RETAIL, group: G.PRODUCERS, seedCount: 3, clubShare: 0.5,
    organicShare: 0,
    placements: [{ zone: 'dromeTowns', weight: 1 }],
    resells: [
      want('fruits', [3, 5], { from: [R.FARM], maxKm: 40 }), want('legumes', [3, 5], { from: [R.FARM], maxKm: 40 }),
      want('fromage', [2, 3], { from: [R.FARM], maxKm: 50 }), want('viandes', [1, 3], { from: [R.FARM], maxKm: 50 }),
      want('volailles', [1, 2], { from: [R.FARM], maxKm: 50 }), want('oeufs', [1, 1], { from: [R.FARM], maxKm: 40 }),
      want('miel', [0, 1], { from: [R.FARM], maxKm: 60 }), want('pain', [0, 1], { from: [R.FARM], maxKm: 40 }),
      want('jus-de-fruits', [0, 1], { from: [R.FARM], maxKm: 60 }),
    ],
    scale: 0.4, deliveryKm: 10, names: ['Magasin de producteurs {deCommune}', 'Le Comptoir paysan {deCommune}'], summary: 'Magasin de producteurs',
  },
  {
    key: 'supermarket', roles: [R.RETAILER], tier: Tier.RETAIL, group: G.DISTRIBUTORS, seedCount: 2, clubShare: 0.5,
    organicShare: 0,
    placements: [{ zone: 'dromeTowns', weight: 1 }],
    resells: [
      want('fruits', [2, 4], { from: [R.COOPERATIVE, R.WHOLESALER], maxKm: 100, organicShare: 0.2 }),
      want('legumes', [2, 4], { from: [R.COOPERATIVE, R.WHOLESALER, R.FARM], maxKm: 100, organicShare: 0.2 }),
      want('fromage', [1, 3], { from: [R.DAIRY, R.WHOLESALER], maxKm: 100 }), want('vin', [2, 3], { from: [R.COOPERATIVE, R.WHOLESALER], maxKm: 120 }),
      want('nougat-de-montelimar', [1, 1], { from: [R.PROCESSOR, R.WHOLESALER], maxKm: 150 }), want('pates', [1, 1], { from: [R.PROCESSOR, R.WHOLESALER], maxKm: 150 }),
    ],
    scale: 2, deliveryKm: 10, names: ['Supermarché {deCommune}', 'Supérette {lieu}'], summary: 'Supermarché (rayon produits locaux)',
  },

  // ── Kitchens, restaurants, markets ─────────────────────────────────────────────────────────
  {
    key: 'central-kitchen', roles: [R.CENTRAL_KITCHEN], tier: Tier.KITCHEN, group: G.LOCAL_AUTHORITIES, seedCount: 2, clubShare: 1,
    organicShare: 0,
    placements: [{ zone: 'dromeTowns', weight: 1 }],
    lines: [make('repas', 1, { organic: 'never', suppliers: [1, 3], inputOrganicShare: 0.3, inputFrom: TRADE_SOURCES, inputMaxKm: 80 })],
    needs: SCHOOL_NEEDS,
    scale: 2, deliveryKm: 40, names: ['Cuisine centrale {deCommune}'], summary: 'Cuisine centrale en liaison froide pour les restaurants scolaires',
  },
  {
    key: 'canteen', roles: [R.CANTEEN], tier: Tier.END, group: G.LOCAL_AUTHORITIES, seedCount: 15, clubShare: 0.2,
    organicShare: 0,
    placements: [{ zone: 'valenceRomansAgglo', weight: 0.8 }, { zone: 'montelimarAgglo', weight: 0.2 }],
    buys: [
      want('repas', [1, 1], { from: [R.CENTRAL_KITCHEN], maxKm: 40, anywhere: true, sameEpci: true }),
      want('pain', [0, 1], { from: [R.BAKERY], maxKm: 15, organicShare: 0.5 }),
      want('fruits', [0, 1], { from: [R.FARM, R.FOOD_HUB], maxKm: 30, organicShare: 0.5 }),
    ],
    needs: [need('pain', 0.3, { organicShare: 0.6 }), need('pomme', 0.3, { organicShare: 0.6 }), need('yaourt', 0.2, { organicShare: 0.7 })],
    scale: 0.3, deliveryKm: 0, names: ['Restaurant scolaire {deCommune}', 'Restaurant scolaire {ecole} ({commune})'],
    summary: 'Restaurant scolaire satellite',
  },
  {
    key: 'college', roles: [R.CANTEEN], tier: Tier.END, group: G.LOCAL_AUTHORITIES, seedCount: 16, clubShare: 0.45,
    organicShare: 0,
    placements: [{ zone: 'dromeTowns', weight: 1 }],
    buys: KITCHEN_BUYS(0.5),
    needs: SCHOOL_NEEDS,
    scale: 0.6, deliveryKm: 0, names: ['Collège public {deCommune}'], summary: 'Collège public du Département, cuisine sur place',
  },
  {
    key: 'hospital', roles: [R.CANTEEN], tier: Tier.END, group: G.PARTNERS, seedCount: 7, clubShare: 0.3,
    organicShare: 0,
    placements: [{ zone: 'dromeTowns', weight: 1 }],
    buys: KITCHEN_BUYS(0.2),
    needs: CARE_NEEDS,
    scale: 1, deliveryKm: 0, names: ['Centre hospitalier {deCommune}'], summary: 'Centre hospitalier, cuisine de production',
  },
  {
    key: 'care-home', roles: [R.CANTEEN], tier: Tier.END, group: G.PARTNERS, seedCount: 10, clubShare: 0.2,
    organicShare: 0,
    placements: [{ zone: 'dromeTowns', weight: 1 }],
    buys: KITCHEN_BUYS(0.25).slice(0, 7),
    needs: CARE_NEEDS,
    scale: 0.4, deliveryKm: 0, names: ['EHPAD {ehpad} ({commune})'], summary: 'EHPAD, cuisine sur place',
  },
  {
    key: 'restaurant', roles: [R.RESTAURANT], tier: Tier.END, group: G.PARTNERS, seedCount: 28, clubShare: 0.2,
    organicShare: 0,
    placements: [{ zone: 'dromeTowns', weight: 0.7 }, { zone: 'touristTowns', weight: 0.3 }],
    buys: [
      want('legumes', [1, 3], { maxKm: 40, organicShare: 0.2 }), want('fruits', [1, 2], { maxKm: 40, organicShare: 0.2 }),
      want('fromage', [1, 2], { maxKm: 60 }), want('viandes', [1, 2], { maxKm: 60 }), want('volailles', [0, 1], { maxKm: 60 }),
      want('produits-boulangerie', [1, 1], { from: [R.BAKERY], maxKm: 15, anywhere: true }), want('vin', [1, 3], { maxKm: 80 }),
      want('huile-olive', [0, 1], { maxKm: 100 }), want('charcuterie', [0, 1], { maxKm: 60 }), want('raviole', [0, 1], { maxKm: 80 }),
      want('miel', [0, 1], { maxKm: 60 }), want('truite', [0, 1], { maxKm: 60 }), want('plantes-aromatiques', [0, 1], { from: [R.FARM], maxKm: 60 }),
    ],
    needs: RESTAURANT_NEEDS,
    scale: 0.2, deliveryKm: 0, names: ['Restaurant {lieu}', 'Le Bistrot {deCommune}', 'Auberge {lieu}', 'La Table {famille}', 'Brasserie {lieu}', 'Le Comptoir {lieu}'],
    summary: 'Restaurant',
  },
  {
    key: 'market', roles: [R.MARKET], tier: Tier.END, group: G.DISTRIBUTORS, seedCount: 5, clubShare: 0.2,
    organicShare: 0,
    placements: [{ zone: 'dromeTowns', weight: 0.6 }, { zone: 'touristTowns', weight: 0.4 }],
    buys: [
      want('fruits', [3, 5], { from: [R.FARM], maxKm: 30 }), want('legumes', [3, 5], { from: [R.FARM], maxKm: 30 }),
      want('fromage', [2, 3], { from: [R.FARM], maxKm: 40 }), want('miel', [1, 1], { from: [R.FARM], maxKm: 50 }),
      want('oeufs', [0, 1], { from: [R.FARM], maxKm: 30 }), want('volailles', [0, 1], { from: [R.FARM], maxKm: 40 }),
    ],
    scale: 0.3, deliveryKm: 0, names: ['Marché de producteurs {deCommune}', 'Marché hebdomadaire {deCommune}'],
    summary: 'Marché de plein vent (producteurs présents)',
  },
  {
    key: 'institution', roles: [R.INSTITUTION], tier: Tier.END, group: G.LOCAL_AUTHORITIES, seedCount: 7, clubShare: 1,
    organicShare: 0,
    placements: [{ zone: 'dromeTowns', weight: 1 }],
    scale: 0, deliveryKm: 0, names: ['Mairie {deCommune}'], summary: 'Collectivité',
  },
];

const BY_KEY = new Map(ACTOR_PROFILES.map((p) => [p.key, p]));

export function profileByKey(key: string): ActorProfile {
  const p = BY_KEY.get(key);
  if (!p) throw new Error(`unknown actor profile ${key}`);
  return p;
}
