import { PurchaseFamily } from '../records';

/**
 * EGalim's purchase thresholds (code rural et de la pêche maritime, art. L230-5-1, from the EGalim
 * law of 30 October 2018, raised by the Climat et Résilience law of 22 August 2021), in one place so
 * the rules, the reports and their wording quote the same numbers. All shares are of purchase value
 * excluding VAT over a calendar year, per kitchen; docs/reasoning.md ("EGalim") states the basis.
 *
 * "Local" and "circuit court" never count toward any of them: only the labels whose `egalim` flag
 * is true (quality share) and whose `organic` flag is true (legal EU organic, organic share) do.
 */

/** At least 50 % "sustainable and quality" purchases (organic counts here too), since 1 January 2022. */
export const EGALIM_QUALITY_SHARE = 0.5;

/** Of all purchases, at least 20 % certified organic under EU 2018/848 (incl. products in conversion), since 1 January 2022. */
export const EGALIM_ORGANIC_SHARE = 0.2;

/** At least 60 % sustainable and quality purchases in meat and fish, since 1 January 2024 (100 % for State restaurants). */
export const EGALIM_MEAT_FISH_SHARE = 0.6;

/**
 * The purchase families the 60 % meat-and-fish rule counts, per family and together: meat and
 * poultry, and seafood. Charcuterie is a family of its own in ma-cantine and is not counted.
 */
export const EGALIM_MEAT_FISH_FAMILIES: readonly PurchaseFamily[] = Object.freeze([PurchaseFamily.MEAT_POULTRY, PurchaseFamily.SEAFOOD]);

/** Whether a purchase family falls under the 60 % meat-and-fish rule. */
export function isEgalimMeatFishFamily(family: PurchaseFamily): boolean {
  return EGALIM_MEAT_FISH_FAMILIES.includes(family);
}
