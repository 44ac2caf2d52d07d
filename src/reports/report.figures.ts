import { PURCHASE_FAMILIES, PURCHASE_FAMILY_NAMES_FR, PurchaseFamily } from '../records';
import { EGALIM_MEAT_FISH_FAMILIES, EGALIM_MEAT_FISH_SHARE, EGALIM_ORGANIC_SHARE, EGALIM_QUALITY_SHARE } from '../reasoning';
import type { EgalimFigures, FamilyEgalim, LocalSupplyFigures } from './report.type';

/**
 * The report's arithmetic: the EGalim and local-supply figures from the purchase groups the
 * PURCHASES statement returns, and the rule that withholds aggregates of too few private actors.
 * Pure functions, so each can be checked by hand.
 */

// The thresholds and families of EGalim are the reasoning module's (docs/reasoning.md, "EGalim").
export { EGALIM_MEAT_FISH_SHARE, EGALIM_ORGANIC_SHARE, EGALIM_QUALITY_SHARE } from '../reasoning';

/** The families of EGalim's meat-and-fish target (charcuterie is its own family, outside it). */
export const MEAT_FISH_FAMILIES: readonly PurchaseFamily[] = EGALIM_MEAT_FISH_FAMILIES;

/** An aggregate of fewer actors than this, one of them private, is withheld (secret statistique, INSEE and Agreste's rule of three). */
export const MIN_CONTRIBUTORS = 3;

/** One group of the PURCHASES statement: one buyer's purchases of one family in the year. */
export type PurchaseGroup = {
  buyerId: string;
  kitchen: boolean;
  family: PurchaseFamily;
  links: number;
  linksWithoutValue: number;
  valueEur: number;
  qualityValueEur: number;
  organicValueEur: number;
  agrilocalValueEur: number;
  localValueEur: number;
  circuitCourtValueEur: number;
  outsideValueEur: number;
  kg: number | null;
  kgMetres: number | null;
};

type Summed = Omit<PurchaseGroup, 'buyerId' | 'kitchen' | 'family'>;

const ZERO: Summed = {
  links: 0,
  linksWithoutValue: 0,
  valueEur: 0,
  qualityValueEur: 0,
  organicValueEur: 0,
  agrilocalValueEur: 0,
  localValueEur: 0,
  circuitCourtValueEur: 0,
  outsideValueEur: 0,
  kg: 0,
  kgMetres: 0,
};

/** The groups added up. */
function sum(groups: readonly PurchaseGroup[]): Summed {
  return groups.reduce<Summed>(
    (t, g) => ({
      links: t.links + g.links,
      linksWithoutValue: t.linksWithoutValue + g.linksWithoutValue,
      valueEur: t.valueEur + g.valueEur,
      qualityValueEur: t.qualityValueEur + g.qualityValueEur,
      organicValueEur: t.organicValueEur + g.organicValueEur,
      agrilocalValueEur: t.agrilocalValueEur + g.agrilocalValueEur,
      localValueEur: t.localValueEur + g.localValueEur,
      circuitCourtValueEur: t.circuitCourtValueEur + g.circuitCourtValueEur,
      outsideValueEur: t.outsideValueEur + g.outsideValueEur,
      kg: (t.kg ?? 0) + (g.kg ?? 0),
      kgMetres: (t.kgMetres ?? 0) + (g.kgMetres ?? 0),
    }),
    ZERO,
  );
}

/** part / whole, or null when there is no whole. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The euros of purchases that must move from unlabelled to labelled to reach a target share (0 when reached). */
export const gapEur = (target: number, whole: number, part: number): number => Math.max(0, target * whole - part);

/**
 * Whether an aggregate may be shown: it gathers at least MIN_CONTRIBUTORS actors, or only public
 * ones (whose figures are public anyway).
 */
export const isDisclosable = (contributors: number, privateContributors: number): boolean =>
  privateContributors === 0 || contributors >= MIN_CONTRIBUTORS;

/** The EGalim figures of a set of purchase groups (one kitchen's, or all the kitchens'). */
export function toEgalimFigures(groups: readonly PurchaseGroup[]): EgalimFigures {
  const t = sum(groups);
  const meatFish = sum(groups.filter((g) => MEAT_FISH_FAMILIES.includes(g.family)));
  const byFamily: FamilyEgalim[] = PURCHASE_FAMILIES.flatMap((family) => {
    const inFamily = groups.filter((g) => g.family === family);
    if (inFamily.length === 0) return [];
    const f = sum(inFamily);
    return [
      {
        family,
        familyName: PURCHASE_FAMILY_NAMES_FR[family],
        purchaseValueEur: f.valueEur,
        qualityValueEur: f.qualityValueEur,
        qualityShare: share(f.qualityValueEur, f.valueEur),
        organicValueEur: f.organicValueEur,
        organicShare: share(f.organicValueEur, f.valueEur),
      },
    ];
  });
  return {
    purchaseValueEur: t.valueEur,
    links: t.links,
    linksWithoutValue: t.linksWithoutValue,
    qualityValueEur: t.qualityValueEur,
    qualityShare: share(t.qualityValueEur, t.valueEur),
    qualityGapEur: gapEur(EGALIM_QUALITY_SHARE, t.valueEur, t.qualityValueEur),
    organicValueEur: t.organicValueEur,
    organicShare: share(t.organicValueEur, t.valueEur),
    organicGapEur: gapEur(EGALIM_ORGANIC_SHARE, t.valueEur, t.organicValueEur),
    meatFishValueEur: meatFish.valueEur,
    meatFishQualityValueEur: meatFish.qualityValueEur,
    meatFishQualityShare: share(meatFish.qualityValueEur, meatFish.valueEur),
    meatFishGapEur: gapEur(EGALIM_MEAT_FISH_SHARE, meatFish.valueEur, meatFish.qualityValueEur),
    agrilocalValueEur: t.agrilocalValueEur,
    agrilocalShare: share(t.agrilocalValueEur, t.valueEur),
    byFamily,
  };
}

/**
 * The local-supply figures of a set of purchase groups; withheld (euros 0, shares null) when they
 * are the purchases of too few buyers, one of them private (`isPublic` tells which).
 */
export function toLocalSupplyFigures(groups: readonly PurchaseGroup[], isPublic: (buyerId: string) => boolean): LocalSupplyFigures {
  const buyers = new Set(groups.map((g) => g.buyerId));
  const privateBuyers = [...buyers].filter((id) => !isPublic(id)).length;
  const withheld = !isDisclosable(buyers.size, privateBuyers);
  const t = withheld ? { ...ZERO, links: sum(groups).links } : sum(groups);
  const kg = t.kg ?? 0;
  return {
    links: t.links,
    purchaseValueEur: t.valueEur,
    localValueEur: t.localValueEur,
    localShare: share(t.localValueEur, t.valueEur),
    circuitCourtValueEur: t.circuitCourtValueEur,
    circuitCourtShare: share(t.circuitCourtValueEur, t.valueEur),
    weightedDistanceKm: kg > 0 ? (t.kgMetres ?? 0) / kg / 1000 : null,
    outsideValueEur: t.outsideValueEur,
    outsideShare: share(t.outsideValueEur, t.valueEur),
    buyers: buyers.size,
    withheld,
  };
}
