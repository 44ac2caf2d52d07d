import { RESELLER_ONLY_ROLES, type ActorRole } from '../../actor';
import type { Actor } from '../../actor';
import type { GeoPoint } from '../../common';
import { int, toCypherPoint, type Database } from '../../db';
import { BadUserInputError } from '../../errors';
import type { Label } from '../../label';
import type { Offer } from '../../offer';
import type { Product } from '../../product';
import { BUYER_PLACES, MAX_INTERMEDIARIES, SUPPLIER_MATCHES } from './suppliers.cypher';
import { FIRST_MONTH, LAST_MONTH } from '../../records';
import {
  DEFAULT_LOCAL,
  isLocalRadius,
  localRadiusMessage,
  LocalScope,
  REGION_DEPARTMENT_CODES,
  toLocalParams,
  type LocalDefinitionSpec,
} from '../local';
import { PathStepKind } from './suppliers.enums';
import { DEFAULT_MAX_INTERMEDIARIES, maxIntermediariesMessage, minVolumeMessage, monthMessage } from './suppliers.input';

/**
 * The matching service: "who can supply these products to these buyers", for many requests in one
 * round trip. The GraphQL question (suppliers.question.ts) shares its rules and its Cypher body.
 */

/** The most matches one request of a batch returns (the GraphQL query asks for a page at a time). */
export const MAX_MATCHES_PER_REQUEST = 500;

/** Where goods must arrive, resolved: what the matching compares delivery areas and local definitions with. */
export interface BuyerPlace {
  /** The buyer actor (never its own supplier or an intermediary; its existing purchases count as reach), or null for a bare place. */
  actorId: string | null;
  /** Distances are measured to this point. */
  point: GeoPoint;
  /** Delivery areas listing this commune, or its EPCI, cover the buyer; null when unknown. */
  communeInsee: string | null;
  epciSiren: string | null;
  /** Needed by the DEPARTMENT scopes. */
  departmentCode: string | null;
}

/** The position of a match in the order (intermediaries, distance in metres, supplier id, offer id): a keyset cursor. */
export type SupplierMatchKey = [intermediaries: number, distanceM: number, supplierId: string, offerId: string];

/** One request of a batch: "who can supply these products, with these labels, to this buyer". */
export interface SupplierRequest {
  /** Identifies the request in the result map (e.g. a need id); unique within the batch. */
  key: string;
  buyer: BuyerPlace;
  /** The products asked for; their narrower products (IS_A) match too. */
  productIds: string[];
  /** Labels the goods must all carry. */
  labelIds?: string[];
  /** true: goods carry a legal organic label (EU 2018/848: AB, EU leaf, in conversion); false: none; null or absent: either. */
  organic?: boolean | null;
  /** true: goods carry any organic label, certified or private (Nature & Progrès, Demeter); false: none; null or absent: either. */
  organicClaim?: boolean | null;
  /** The offer (and a delivering reseller's) must be available in every one of these months. */
  months?: number[];
  /** Smallest capacity of the supplier's offer, in the offer's unit (not converted). */
  minVolume?: number | null;
  /** Default: DEFAULT_LOCAL, a radius of 100 km. */
  local?: LocalDefinitionSpec;
  /** 0 to MAX_INTERMEDIARIES (3); default 1 (circuit court). */
  maxIntermediaries?: number;
  /** At most this many matches (1 to MAX_MATCHES_PER_REQUEST, the default). */
  limit?: number;
  /** Only the matches after this one in the order. */
  after?: SupplierMatchKey | null;
}

export interface PathStepRow {
  kind: PathStepKind;
  actor: Actor | null;
  role: ActorRole | null;
  product: Product;
  distanceKm: number | null;
}

/** One match, as the GraphQL type SupplierMatch shows it, plus its exact distance and cursor key. */
export interface SupplierMatchRow {
  supplier: Actor;
  offer: Offer;
  product: Product;
  labels: Label[];
  /** Rounded to 0.1 km. */
  distanceKm: number;
  /** Exact great-circle distance in metres (the order's key). */
  distanceM: number;
  intermediaries: number;
  circuitCourt: boolean;
  path: PathStepRow[];
  capacity: number | null;
  capacityUnit: Offer['capacityUnit'];
  months: number[];
  clubMember: boolean;
  key: SupplierMatchKey;
}

type RawStep = { actor: Actor; role: ActorRole | null; product: Product; distanceM: number | null };

/** One match as the matching statements return it: the supplier and buyer steps of its path are built by toMatchRow. */
export type RawMatch = {
  supplier: Actor;
  offer: Offer;
  product: Product;
  labels: Label[];
  distanceM: number;
  /** The intermediaries, in order from the supplier; each step's distance is from the actor before it. */
  steps: RawStep[];
  /** From the last intermediary (or the supplier) to the buyer. */
  lastLegM: number | null;
};

const toKm = (metres: number) => Math.round(metres / 100) / 10;
const toKmOrNull = (metres: number | null) => (metres === null ? null : toKm(metres));

/** The role a supplier is shown with: its first role that is not reselling only. */
const originRoleOf = (supplier: Actor) =>
  supplier.roles.find((role) => !(RESELLER_ONLY_ROLES as readonly ActorRole[]).includes(role)) ?? null;

/**
 * The match in its GraphQL shape. `buyer` is the buyer actor (its effective location), or null when
 * the question gave a place: the path runs supplier, intermediaries, buyer.
 */
export function toMatchRow(raw: RawMatch, buyer: Actor | null): SupplierMatchRow {
  const intermediaries = raw.steps.length;
  const path: PathStepRow[] = [
    { kind: PathStepKind.SUPPLIER, actor: raw.supplier, role: originRoleOf(raw.supplier), product: raw.product, distanceKm: null },
    ...raw.steps.map((step) => ({
      kind: PathStepKind.INTERMEDIARY,
      actor: step.actor,
      role: step.role,
      product: step.product,
      distanceKm: toKmOrNull(step.distanceM),
    })),
    {
      kind: PathStepKind.BUYER,
      actor: buyer,
      role: buyer?.roles[0] ?? null,
      product: raw.steps.at(-1)?.product ?? raw.product,
      distanceKm: toKmOrNull(raw.lastLegM),
    },
  ];
  return {
    supplier: raw.supplier,
    offer: raw.offer,
    product: raw.product,
    labels: raw.labels,
    distanceKm: toKm(raw.distanceM),
    distanceM: raw.distanceM,
    intermediaries,
    circuitCourt: intermediaries <= 1,
    path,
    capacity: raw.offer.capacity ?? null,
    capacityUnit: raw.offer.capacityUnit ?? null,
    months: raw.offer.months,
    clubMember: raw.supplier.clubMember === true,
    key: [intermediaries, raw.distanceM, raw.supplier.id, raw.offer.id],
  };
}

/**
 * The request fields every form of the question shares, as Cypher parameters. The GraphQL question
 * arrives checked (SupplierSearchInput); a batch request built in code (findSupplierMatches) is
 * checked here with the same rules and wording: BAD_USER_INPUT names the field, the rule and the value.
 */
export function toCriteriaParams(request: Omit<SupplierRequest, 'key' | 'buyer' | 'productIds'>) {
  const maxIntermediaries = request.maxIntermediaries ?? DEFAULT_MAX_INTERMEDIARIES;
  if (!Number.isInteger(maxIntermediaries) || maxIntermediaries < 0 || maxIntermediaries > MAX_INTERMEDIARIES) {
    throw new BadUserInputError(maxIntermediariesMessage(maxIntermediaries), {
      field: 'maxIntermediaries',
      value: maxIntermediaries,
      max: MAX_INTERMEDIARIES,
    });
  }
  const local = request.local ?? DEFAULT_LOCAL;
  if (local.scope === LocalScope.RADIUS && !isLocalRadius(local.radiusKm)) {
    throw new BadUserInputError(localRadiusMessage(local.radiusKm), {
      field: 'local.radiusKm',
      value: local.radiusKm,
    });
  }
  const months = [...new Set(request.months ?? [])].sort((a, b) => a - b);
  const badMonth = months.find((m) => !Number.isInteger(m) || m < FIRST_MONTH || m > LAST_MONTH);
  if (badMonth !== undefined) throw new BadUserInputError(monthMessage(badMonth), { field: 'months', value: badMonth });
  const minVolume = request.minVolume ?? null;
  if (minVolume !== null && !(minVolume >= 0 && Number.isFinite(minVolume))) {
    throw new BadUserInputError(minVolumeMessage(minVolume), { field: 'minVolume', value: minVolume });
  }
  const limit = request.limit ?? MAX_MATCHES_PER_REQUEST;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MATCHES_PER_REQUEST) {
    throw new BadUserInputError(`limit must be from 1 to ${MAX_MATCHES_PER_REQUEST}; got ${limit}`, { field: 'limit', value: limit });
  }
  return {
    labelIds: [...new Set(request.labelIds ?? [])],
    organic: request.organic ?? null,
    organicClaim: request.organicClaim ?? null,
    months,
    minVolume,
    ...toLocalParams(local),
    maxIntermediaries: int(maxIntermediaries),
    limit: int(limit),
    after: request.after ?? null,
  };
}

/** The Cypher parameter of one request of SUPPLIER_MATCHES. */
function toRequestParams(request: SupplierRequest) {
  const { buyer } = request;
  if (request.productIds.length === 0) throw new BadUserInputError('productIds must name at least one product', { key: request.key });
  return {
    key: request.key,
    buyerId: buyer.actorId,
    buyerPoint: toCypherPoint(buyer.point),
    buyerCommuneInsee: buyer.communeInsee,
    buyerEpciSiren: buyer.epciSiren,
    buyerDepartmentCode: buyer.departmentCode,
    buyerRegionDepartmentCodes: REGION_DEPARTMENT_CODES[buyer.departmentCode ?? ''] ?? [],
    productIds: request.productIds,
    ...toCriteriaParams(request),
  };
}

/**
 * Who can supply what each request asks, for many requests in one round trip (the GraphQL query and
 * the matchmaking of unmet needs). Per request key: at most `limit` (default and maximum
 * MAX_MATCHES_PER_REQUEST, 500) matches, ordered by intermediaries, distance, supplier id, offer id;
 * every key of `requests` is in the map. BAD_USER_INPUT for a request out of range (see
 * SupplierRequest); unknown product or label ids simply match nothing.
 */
export async function findSupplierMatches(db: Database, requests: SupplierRequest[]): Promise<Map<string, SupplierMatchRow[]>> {
  if (requests.length === 0) return new Map();
  if (new Set(requests.map((r) => r.key)).size !== requests.length) throw new Error('findSupplierMatches: request keys must be unique');
  const rows = await db.read<{ key: string; buyer: Actor | null; matches: RawMatch[] }>(SUPPLIER_MATCHES, {
    requests: requests.map(toRequestParams),
  });
  const byKey = new Map(rows.map((row) => [row.key, row.matches.map((m) => toMatchRow(m, row.buyer))]));
  return new Map(requests.map((r) => [r.key, byKey.get(r.key) ?? []]));
}

/**
 * The buyer place of each actor, for building requests from needs: its location (its commune's
 * centroid when it has none), commune, EPCI and department. null for an unknown actor or one with
 * neither a location nor a commune. One round trip.
 */
export async function findBuyerPlaces(db: Database, actorIds: string[]): Promise<Map<string, BuyerPlace | null>> {
  const rows = await db.read<{ key: string; value: BuyerPlace }>(BUYER_PLACES, { keys: [...new Set(actorIds)] });
  const byKey = new Map(rows.map((r) => [r.key, r.value.point ? r.value : null]));
  return new Map(actorIds.map((id) => [id, byKey.get(id) ?? null]));
}
