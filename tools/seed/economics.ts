import { VolumeUnit } from '../../src/product';
import { DeliveryFrequency } from '../../src/supply';
import type { ProductTaxonomy } from './taxonomy';

/**
 * Trade terms of each product: the unit it is counted in, an indicative producer price excl. VAT
 * (2023-2024 orders of magnitude: wheat ~240 €/t, flour ~1.2 €/kg, bread ~4 €/kg, Picodon ~25 €/kg)
 * and a reference yearly volume, the volume a buyer of scale 1 takes from one supplier.
 * A product without an entry takes its nearest broader product's.
 */
interface TradeTerms {
  unit: VolumeUnit;
  price: number;
  volume: number;
}

const { KG, TONNE, LITRE, DOZEN, MEAL } = VolumeUnit;

const TERMS: Record<string, TradeTerms> = {
  cereales: { unit: TONNE, price: 240, volume: 25 },
  'ble-dur': { unit: TONNE, price: 330, volume: 25 },
  epeautre: { unit: TONNE, price: 450, volume: 15 },
  'petit-epeautre': { unit: TONNE, price: 1200, volume: 6 },
  mais: { unit: TONNE, price: 200, volume: 40 },
  orge: { unit: TONNE, price: 210, volume: 20 },
  seigle: { unit: TONNE, price: 250, volume: 15 },
  oleagineux: { unit: TONNE, price: 460, volume: 20 },
  'legumes-secs': { unit: KG, price: 2.3, volume: 3000 },
  farine: { unit: TONNE, price: 1200, volume: 30 },
  'farine-epeautre': { unit: TONNE, price: 1900, volume: 8 },
  'farine-petit-epeautre': { unit: TONNE, price: 3500, volume: 4 },
  semoule: { unit: TONNE, price: 1000, volume: 30 },
  'produits-boulangerie': { unit: KG, price: 4, volume: 8000 },
  'pain-complet': { unit: KG, price: 4.6, volume: 3000 },
  'pain-epeautre': { unit: KG, price: 7, volume: 1500 },
  'pain-petit-epeautre': { unit: KG, price: 9, volume: 800 },
  viennoiseries: { unit: KG, price: 10, volume: 1500 },
  'pogne-de-romans': { unit: KG, price: 11, volume: 1500 },
  'suisse-de-valence': { unit: KG, price: 16, volume: 400 },
  pates: { unit: KG, price: 3, volume: 4000 },
  'pates-seches': { unit: KG, price: 2.2, volume: 5000 },
  'pates-fraiches': { unit: KG, price: 7, volume: 1500 },
  raviole: { unit: KG, price: 14, volume: 2000 },
  lait: { unit: LITRE, price: 0.48, volume: 20000 },
  'lait-de-chevre': { unit: LITRE, price: 1.1, volume: 20000 },
  'lait-de-brebis': { unit: LITRE, price: 1.6, volume: 10000 },
  fromage: { unit: KG, price: 17, volume: 1200 },
  picodon: { unit: KG, price: 25, volume: 1200 },
  'saint-marcellin': { unit: KG, price: 20, volume: 1000 },
  comte: { unit: KG, price: 17, volume: 2000 },
  'fromage-blanc': { unit: KG, price: 4, volume: 2500 },
  yaourt: { unit: KG, price: 4.5, volume: 3000 },
  beurre: { unit: KG, price: 9, volume: 800 },
  creme: { unit: KG, price: 5, volume: 800 },
  oeufs: { unit: DOZEN, price: 3.2, volume: 3000 },
  viandes: { unit: KG, price: 12, volume: 1500 },
  boeuf: { unit: KG, price: 13, volume: 1500 },
  veau: { unit: KG, price: 17, volume: 800 },
  agneau: { unit: KG, price: 15, volume: 1000 },
  'agneau-de-sisteron': { unit: KG, price: 17, volume: 1000 },
  porc: { unit: KG, price: 7, volume: 2500 },
  charcuterie: { unit: KG, price: 19, volume: 800 },
  caillette: { unit: KG, price: 15, volume: 800 },
  volailles: { unit: KG, price: 9, volume: 2000 },
  pintade: { unit: KG, price: 12, volume: 1000 },
  pintadeau: { unit: KG, price: 13, volume: 800 },
  poissons: { unit: KG, price: 13, volume: 1500 },
  truite: { unit: KG, price: 13, volume: 800 },
  'aliments-animaux': { unit: TONNE, price: 420, volume: 60 },
  fruits: { unit: KG, price: 2.8, volume: 5000 },
  abricot: { unit: KG, price: 3.2, volume: 5000 },
  cerise: { unit: KG, price: 6, volume: 3000 },
  fraise: { unit: KG, price: 8, volume: 1500 },
  framboise: { unit: KG, price: 14, volume: 500 },
  figue: { unit: KG, price: 7, volume: 500 },
  olive: { unit: KG, price: 2.5, volume: 4000 },
  'raisin-de-cuve': { unit: KG, price: 1.4, volume: 15000 },
  'raisin-de-table': { unit: KG, price: 3.5, volume: 2000 },
  'fruits-a-coque': { unit: KG, price: 5, volume: 3000 },
  noix: { unit: KG, price: 4.2, volume: 3000 },
  'noix-cerneaux': { unit: KG, price: 15, volume: 800 },
  amande: { unit: KG, price: 11, volume: 1000 },
  legumes: { unit: KG, price: 2.2, volume: 4000 },
  ail: { unit: KG, price: 5.5, volume: 2000 },
  asperge: { unit: KG, price: 9, volume: 500 },
  'truffe-noire': { unit: KG, price: 800, volume: 5 },
  huiles: { unit: LITRE, price: 8, volume: 500 },
  'huile-olive': { unit: LITRE, price: 24, volume: 400 },
  'huile-de-noix': { unit: LITRE, price: 30, volume: 150 },
  'huile-tournesol': { unit: LITRE, price: 3, volume: 1000 },
  epicerie: { unit: KG, price: 14, volume: 400 },
  tapenade: { unit: KG, price: 28, volume: 100 },
  'fruits-transformes': { unit: KG, price: 7, volume: 800 },
  compote: { unit: KG, price: 3.5, volume: 2000 },
  boissons: { unit: LITRE, price: 3, volume: 3000 },
  vin: { unit: LITRE, price: 6, volume: 3000 },
  'clairette-de-die': { unit: LITRE, price: 8, volume: 3000 },
  'cremant-de-die': { unit: LITRE, price: 11, volume: 1500 },
  hermitage: { unit: LITRE, price: 45, volume: 300 },
  'crozes-hermitage': { unit: LITRE, price: 13, volume: 1500 },
  'cotes-du-rhone': { unit: LITRE, price: 5, volume: 4000 },
  vinsobres: { unit: LITRE, price: 10, volume: 1500 },
  'grignan-les-adhemar': { unit: LITRE, price: 7, volume: 2000 },
  'vin-igp-drome': { unit: LITRE, price: 4, volume: 4000 },
  'jus-de-fruits': { unit: LITRE, price: 2.8, volume: 3000 },
  biere: { unit: LITRE, price: 4.5, volume: 2000 },
  'tisane-tilleul': { unit: KG, price: 60, volume: 30 },
  miel: { unit: KG, price: 12, volume: 300 },
  'miel-de-lavande': { unit: KG, price: 16, volume: 300 },
  confiserie: { unit: KG, price: 24, volume: 800 },
  'nougat-de-montelimar': { unit: KG, price: 28, volume: 800 },
  'plantes-aromatiques': { unit: KG, price: 8, volume: 300 },
  lavande: { unit: KG, price: 2.5, volume: 5000 },
  lavandin: { unit: KG, price: 0.8, volume: 10000 },
  tilleul: { unit: KG, price: 45, volume: 100 },
  'huiles-essentielles': { unit: KG, price: 70, volume: 40 },
  'huile-essentielle-lavande': { unit: KG, price: 130, volume: 20 },
  'huile-essentielle-lavandin': { unit: KG, price: 35, volume: 80 },
  repas: { unit: MEAL, price: 3.2, volume: 60000 },
};

const ALL_YEAR = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const span = (from: number, to: number): number[] =>
  from <= to ? ALL_YEAR.slice(from - 1, to) : [...ALL_YEAR.slice(from - 1), ...ALL_YEAR.slice(0, to)];

/** Months in season or available (stored crops: all year); nearest broader product's otherwise, else all year. */
const SEASONS: Record<string, number[]> = {
  abricot: span(6, 8),
  peche: span(6, 9),
  nectarine: span(6, 9),
  cerise: span(5, 7),
  fraise: span(4, 6),
  framboise: span(6, 9),
  pomme: span(8, 4),
  poire: span(8, 2),
  prune: span(7, 9),
  'raisin-de-table': span(8, 10),
  'raisin-de-cuve': span(8, 10),
  olive: span(11, 1),
  kiwi: span(11, 3),
  figue: span(8, 10),
  melon: span(6, 9),
  noix: span(10, 6),
  chataigne: span(10, 12),
  tomate: span(6, 10),
  courgette: span(6, 9),
  salade: span(3, 11),
  'pomme-de-terre': span(6, 4),
  courge: span(9, 2),
  poireau: span(9, 3),
  chou: span(10, 3),
  'haricot-vert': span(6, 9),
  asperge: span(3, 5),
  epinard: span(10, 4),
  poivron: span(7, 10),
  aubergine: span(7, 10),
  ail: span(6, 3),
  'truffe-noire': span(12, 2),
  lavande: span(7, 8),
  lavandin: span(7, 8),
  tilleul: span(6, 7),
  thym: span(4, 10),
  chevreau: span(2, 5),
};

/** The school year: no purchases for school kitchens in July and August. */
export const SCHOOL_MONTHS = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12];

/** Crops sold once a year, at harvest, by the farm. */
const HARVESTED = [
  'cereales',
  'oleagineux',
  'legumes-secs',
  'raisin-de-cuve',
  'olive',
  'noix',
  'lavande',
  'lavandin',
  'amande',
  'chataigne',
];

/** How often goods of a product move; nearest broader product's otherwise. */
const FREQUENCIES: Record<string, DeliveryFrequency> = {
  cereales: DeliveryFrequency.MONTHLY,
  oleagineux: DeliveryFrequency.MONTHLY,
  farine: DeliveryFrequency.FORTNIGHTLY,
  semoule: DeliveryFrequency.MONTHLY,
  'produits-boulangerie': DeliveryFrequency.DAILY,
  pates: DeliveryFrequency.FORTNIGHTLY,
  raviole: DeliveryFrequency.WEEKLY,
  lait: DeliveryFrequency.DAILY,
  'produits-laitiers': DeliveryFrequency.WEEKLY,
  oeufs: DeliveryFrequency.WEEKLY,
  viandes: DeliveryFrequency.WEEKLY,
  volailles: DeliveryFrequency.WEEKLY,
  poissons: DeliveryFrequency.WEEKLY,
  fruits: DeliveryFrequency.WEEKLY,
  legumes: DeliveryFrequency.WEEKLY,
  'truffe-noire': DeliveryFrequency.OCCASIONAL,
  'fruits-a-coque': DeliveryFrequency.MONTHLY,
  'aliments-animaux': DeliveryFrequency.MONTHLY,
  boissons: DeliveryFrequency.MONTHLY,
  repas: DeliveryFrequency.DAILY,
};

/** Lookups by product with the broader-product fallback, memoised per product. */
export class Economics {
  private readonly termsCache = new Map<string, TradeTerms>();
  private readonly frequencyCache = new Map<string, DeliveryFrequency>();

  constructor(private readonly taxonomy: ProductTaxonomy) {}

  terms(productId: string): TradeTerms {
    const cached = this.termsCache.get(productId);
    if (cached) return cached;
    const found = this.nearest(productId, TERMS) ?? { unit: KG, price: 5, volume: 500 };
    this.termsCache.set(productId, found);
    return found;
  }

  months(productId: string): number[] {
    return this.nearest(productId, SEASONS) ?? ALL_YEAR;
  }

  /** A farm sells its harvest once a year; everyone else at the product's usual pace. */
  frequency(productId: string, soldByFarm: boolean): DeliveryFrequency {
    const key = `${productId}|${soldByFarm}`;
    let frequency = this.frequencyCache.get(key);
    if (frequency === undefined) {
      const lineage = this.taxonomy.ancestorsOrSelf(productId);
      const harvest = soldByFarm && HARVESTED.some((h) => lineage.includes(h));
      frequency = harvest ? DeliveryFrequency.SEASONAL : (this.nearest(productId, FREQUENCIES) ?? DeliveryFrequency.MONTHLY);
      this.frequencyCache.set(key, frequency);
    }
    return frequency;
  }

  private nearest<T>(productId: string, table: Record<string, T>): T | undefined {
    for (const id of this.taxonomy.ancestorsOrSelf(productId)) {
      if (Object.prototype.hasOwnProperty.call(table, id)) return table[id];
    }
    return undefined;
  }
}

/** Rounds a volume to what a person would write: 320 t, 12.5 t, 4,300 kg, 45 kg. */
export function roundVolume(volume: number, unit: VolumeUnit): number {
  if (unit === VolumeUnit.TONNE) return volume >= 10 ? Math.round(volume) : Math.max(0.1, Math.round(volume * 10) / 10);
  if (volume >= 10000) return Math.round(volume / 500) * 500;
  if (volume >= 1000) return Math.round(volume / 50) * 50;
  if (volume >= 100) return Math.round(volume / 5) * 5;
  return Math.max(1, Math.round(volume));
}
