import { ActorRole } from '../../src/actor';
import type { NeedRecord, OfferRecord } from '../../src/records';
import { Economics, roundVolume, SCHOOL_MONTHS } from './economics';
import { ORGANIC_LABEL, type IdScheme, type Line, type SeedActor } from './model';
import type { NeedSpec } from './profiles';
import type { Random } from './random';

/** Offers (one per line an actor sells) and needs (what kitchens and restaurants ask for). */

/** Kitchens that close in July and August (hospitals and care homes do not). */
const SCHOOL_PROFILES = new Set(['central-kitchen', 'canteen', 'college']);
const DISTRIBUTOR_ROLES = new Set<ActorRole>([ActorRole.WHOLESALER, ActorRole.FOOD_HUB, ActorRole.COOPERATIVE, ActorRole.CENTRAL_KITCHEN]);

/** One offer per line: capacity above what it already sells, its season, where it delivers, often a price. */
export function buildOffers(actors: readonly SeedActor[], economics: Economics, ids: IdScheme, rng: Random): OfferRecord[] {
  const offers: OfferRecord[] = [];
  for (const actor of actors) {
    for (const line of actor.lines) offers.push(offerOf(line, offers.length + 1, economics, ids, rng));
  }
  return offers;
}

function offerOf(line: Line, n: number, economics: Economics, ids: IdScheme, rng: Random): OfferRecord {
  const { actor } = line;
  const terms = economics.terms(line.productId);
  const capacity = roundVolume(Math.max(line.soldVolume * rng.between(1.1, 1.6), terms.volume * rng.between(1, 3)), terms.unit);
  const schoolMeals = line.productId === 'repas';
  return {
    id: ids.offer(n),
    actorId: actor.record.id,
    productId: line.productId,
    labelIds: line.labelIds,
    months: schoolMeals ? SCHOOL_MONTHS : economics.months(line.productId),
    capacity,
    capacityUnit: terms.unit,
    ...deliveryArea(line, rng),
    priceEur: rng.chance(0.75)
      ? Math.round(terms.price * (line.organic ? 1.3 : 1) * (line.origin === 'resell' ? 1.25 : 1) * rng.between(0.9, 1.15) * 100) / 100
      : null,
  };
}

/**
 * A radius for most; distributors and central kitchens also name the EPCIs they serve, and some
 * farms the communes of their customers (where the delivery round goes).
 */
function deliveryArea(line: Line, rng: Random): Pick<OfferRecord, 'deliveryRadiusKm' | 'deliveryCommunes' | 'deliveryEpcis'> {
  const { actor } = line;
  if (actor.deliveryKm !== undefined) return { deliveryRadiusKm: actor.deliveryKm, deliveryCommunes: [], deliveryEpcis: [] };
  const radius = Math.max(5, Math.round((actor.profile.deliveryKm * rng.between(0.8, 1.2)) / 5) * 5);
  const buyerCommunes = [...new Set(line.buyers.map((b) => b.commune))];
  if (actor.record.roles.some((r) => DISTRIBUTOR_ROLES.has(r)) && rng.chance(0.6)) {
    const epcis = [...new Set([actor.commune.epciSiren, ...buyerCommunes.map((c) => c.epciSiren)])].filter(Boolean).slice(0, 4);
    return { deliveryRadiusKm: rng.chance(0.5) ? radius : null, deliveryEpcis: epcis, deliveryCommunes: [] };
  }
  if (actor.tier === 0 && buyerCommunes.length > 0 && rng.chance(0.3)) {
    return { deliveryRadiusKm: radius, deliveryCommunes: buyerCommunes.slice(0, 3).map((c) => c.insee), deliveryEpcis: [] };
  }
  return { deliveryRadiusKm: radius, deliveryCommunes: [], deliveryEpcis: [] };
}

/** Needs drawn from each buyer's profile, after the preset ones (not repeating them); school kitchens buy during the school year only. */
export function buildNeeds(
  actors: readonly SeedActor[],
  economics: Economics,
  ids: IdScheme,
  rng: Random,
  preset: readonly NeedRecord[] = [],
): NeedRecord[] {
  const needs: NeedRecord[] = [];
  const firstNumber = preset.length + 1;
  const posted = new Set(preset.map((n) => `${n.actorId}|${n.productId}`));
  for (const actor of actors) {
    for (const spec of actor.profile.needs ?? []) {
      if (!rng.chance(spec.chance) || posted.has(`${actor.record.id}|${spec.productId}`)) continue;
      needs.push(needOf(actor, spec, firstNumber + needs.length, economics, ids, rng));
    }
  }
  return needs;
}

function needOf(actor: SeedActor, spec: NeedSpec, n: number, economics: Economics, ids: IdScheme, rng: Random): NeedRecord {
  const terms = economics.terms(spec.productId);
  const organic = rng.chance(spec.organicShare ?? 0);
  return {
    id: ids.need(n),
    actorId: actor.record.id,
    productId: spec.productId,
    volume: roundVolume(terms.volume * actor.scale * rng.between(0.6, 1.4), terms.unit),
    unit: terms.unit,
    requiredLabelIds: organic ? [ORGANIC_LABEL] : [...(spec.labels ?? [])],
    months: monthsFor(actor, spec.productId, economics),
  };
}

/** The product's months, within the school year for school kitchens. */
export function monthsFor(actor: SeedActor, productId: string, economics: Economics): number[] {
  const season = economics.months(productId);
  if (!SCHOOL_PROFILES.has(actor.profile.key)) return season;
  const inSchool = season.filter((m) => SCHOOL_MONTHS.includes(m));
  return inSchool.length > 0 ? inSchool : SCHOOL_MONTHS;
}
