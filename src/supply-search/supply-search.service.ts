import { createHash } from 'node:crypto';
import type { ActorRole } from '../actor/actor.enums';
import type { Actor } from '../actor/actor.type';
import { decodeCursor } from '../common/cursor';
import type { GeoPoint } from '../common/geo.type';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, toConnection } from '../common/pagination';
import { int, toCypherPoint, type Database } from '../db';
import { BadUserInputError, NotFoundError } from '../errors';
import type { Label } from '../label/label.type';
import type { Offer } from '../offer/offer.type';
import type { Product } from '../product/product.type';
import { toLuceneQuery } from '../search/lucene';
import type { Commune, Department, Epci } from '../territory/territory.type';
import { BUYER_PLACES, MAX_INTERMEDIARIES, SUPPLIER_MATCHES, SUPPLIER_QUESTION } from './supply-search.cypher';
import { LocalScope, type PathStepKind } from './supply-search.enums';
import {
  DEFAULT_LOCAL_RADIUS_KM,
  DEFAULT_MAX_INTERMEDIARIES,
  MAX_LOCAL_RADIUS_KM,
  type SupplierPageArgs,
  type SupplierSearchInput,
} from './supply-search.input';
import type { LocalDefinition, SupplierSearch } from './supply-search.type';

/** The most matches one request of a batch returns (the GraphQL query asks for a page at a time). */
export const MAX_MATCHES_PER_REQUEST = 500;

/**
 * The ordering a supplier-match cursor belongs to: the order is always the same, but a cursor only
 * makes sense for the question that returned it, so the question's digest is part of it.
 */
function toMatchOrder(input: SupplierSearchInput): string {
  const { place, local } = input;
  const canonical = [
    input.productId ?? null,
    input.productName ?? null,
    [...(input.labelIds ?? [])].sort(),
    input.organic ?? null,
    input.buyerId ?? null,
    place?.communeInsee ?? null,
    place?.communeName ?? null,
    place?.point ? [place.point.latitude, place.point.longitude] : null,
    local?.radiusKm ?? null,
    local?.scope ?? null,
    input.maxIntermediaries ?? null,
    [...(input.months ?? [])].sort((a, b) => a - b),
    input.minVolume ?? null,
  ];
  const digest = createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 16);
  return `suppliers:${digest}`;
}

/** What "local" means for one request: a radius from the buyer, or the buyer's department(s) or EPCI. */
export type LocalDefinitionSpec =
  | { scope: LocalScope.RADIUS; radiusKm: number }
  | { scope: LocalScope.DEPARTMENT | LocalScope.DEPARTMENT_AND_NEIGHBOURS | LocalScope.EPCI };

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
  /** true: goods carry an organic label; false: none; null or absent: either. */
  organic?: boolean | null;
  /** The offer (and a delivering reseller's) must be available in every one of these months. */
  months?: number[];
  /** Smallest capacity of the supplier's offer, in the offer's unit (not converted). */
  minVolume?: number | null;
  /** Default: a radius of DEFAULT_LOCAL_RADIUS_KM (100 km). */
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

type RawPathStep = Omit<PathStepRow, 'distanceKm'> & { distanceM: number | null };
type RawMatch = {
  supplier: Actor;
  offer: Offer;
  product: Product;
  labels: Label[];
  distanceM: number;
  intermediaries: number;
  path: RawPathStep[];
};

const toKm = (metres: number) => Math.round(metres / 100) / 10;

function toMatchRow(raw: RawMatch): SupplierMatchRow {
  return {
    supplier: raw.supplier,
    offer: raw.offer,
    product: raw.product,
    labels: raw.labels,
    distanceKm: toKm(raw.distanceM),
    distanceM: raw.distanceM,
    intermediaries: raw.intermediaries,
    circuitCourt: raw.intermediaries <= 1,
    path: raw.path.map(({ distanceM, ...step }) => ({ ...step, distanceKm: distanceM === null ? null : toKm(distanceM) })),
    capacity: raw.offer.capacity ?? null,
    capacityUnit: raw.offer.capacityUnit ?? null,
    months: raw.offer.months,
    clubMember: raw.supplier.clubMember === true,
    key: [raw.intermediaries, raw.distanceM, raw.supplier.id, raw.offer.id],
  };
}

/** The request fields every form of the question shares, checked; BAD_USER_INPUT names the field, the rule and the value. */
function toCriteriaParams(request: Omit<SupplierRequest, 'key' | 'buyer' | 'productIds'>) {
  const maxIntermediaries = request.maxIntermediaries ?? DEFAULT_MAX_INTERMEDIARIES;
  if (!Number.isInteger(maxIntermediaries) || maxIntermediaries < 0 || maxIntermediaries > MAX_INTERMEDIARIES) {
    throw new BadUserInputError(
      `maxIntermediaries must be a whole number from 0 (direct sales only) to ${MAX_INTERMEDIARIES} (the maximum); got ${maxIntermediaries}`,
      { field: 'maxIntermediaries', value: maxIntermediaries, max: MAX_INTERMEDIARIES },
    );
  }
  const local = request.local ?? { scope: LocalScope.RADIUS, radiusKm: DEFAULT_LOCAL_RADIUS_KM };
  if (local.scope === LocalScope.RADIUS && !(local.radiusKm > 0 && local.radiusKm <= MAX_LOCAL_RADIUS_KM)) {
    throw new BadUserInputError(`local.radiusKm must be more than 0 and at most ${MAX_LOCAL_RADIUS_KM} km; got ${local.radiusKm}`, {
      field: 'local.radiusKm',
      value: local.radiusKm,
    });
  }
  const months = [...new Set(request.months ?? [])].sort((a, b) => a - b);
  const badMonth = months.find((m) => !Number.isInteger(m) || m < 1 || m > 12);
  if (badMonth !== undefined) {
    throw new BadUserInputError(`months must be whole numbers from 1 (January) to 12 (December); got ${badMonth}`, { field: 'months', value: badMonth });
  }
  const minVolume = request.minVolume ?? null;
  if (minVolume !== null && !(minVolume >= 0 && Number.isFinite(minVolume))) {
    throw new BadUserInputError(`minVolume must be 0 or more; got ${minVolume}`, { field: 'minVolume', value: minVolume });
  }
  const limit = request.limit ?? MAX_MATCHES_PER_REQUEST;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MATCHES_PER_REQUEST) {
    throw new BadUserInputError(`limit must be from 1 to ${MAX_MATCHES_PER_REQUEST}; got ${limit}`, { field: 'limit', value: limit });
  }
  return {
    labelIds: [...new Set(request.labelIds ?? [])],
    organic: request.organic ?? null,
    months,
    minVolume,
    localScope: local.scope,
    localRadiusM: local.scope === LocalScope.RADIUS ? local.radiusKm * 1000 : null,
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
  const rows = await db.read<{ key: string; matches: RawMatch[] }>(SUPPLIER_MATCHES, { requests: requests.map(toRequestParams) });
  const byKey = new Map(rows.map((row) => [row.key, row.matches.map(toMatchRow)]));
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

// ── The GraphQL question ─────────────────────────────────────────────────────────────────────

/** Letters a commune name may carry with or without an accent. */
const ACCENTED: Record<string, string> = {
  a: 'aàâä',
  c: 'cç',
  e: 'eéèêë',
  i: 'iîï',
  o: 'oôö',
  u: 'uùûü',
  y: 'yÿ',
};

/**
 * A Java regular expression matching a commune's official name whatever its case and accents, and
 * with hyphens, apostrophes or spaces between words ("saint jean en royans" finds
 * "Saint-Jean-en-Royans"). Only letters and digits of the input reach the pattern. null when the
 * name holds no letter or digit.
 */
export function toCommuneNamePattern(name: string): string | null {
  const words = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  if (words.length === 0) return null;
  const toClass = (ch: string) => (ACCENTED[ch] ? `[${ACCENTED[ch]}]` : /^[a-z0-9]$/.test(ch) ? ch : `\\Q${ch}\\E`);
  return `(?iu)${words.map((w) => [...w].map(toClass).join('')).join("[-'’ ]+")}`;
}

/** The local definition a search asks for; BAD_USER_INPUT when it gives both a radius and another scope. */
function toLocalSpec(input: SupplierSearchInput['local']): { spec: LocalDefinitionSpec; isDefault: boolean } {
  if (!input || (input.radiusKm == null && input.scope == null)) {
    return { spec: { scope: LocalScope.RADIUS, radiusKm: DEFAULT_LOCAL_RADIUS_KM }, isDefault: true };
  }
  const scope = input.scope ?? LocalScope.RADIUS;
  if (scope === LocalScope.RADIUS) return { spec: { scope, radiusKm: input.radiusKm ?? DEFAULT_LOCAL_RADIUS_KM }, isDefault: false };
  if (input.radiusKm != null) {
    throw new BadUserInputError(`local: give radiusKm (a radius) or scope ${scope}, not both`, { field: 'local' });
  }
  return { spec: { scope }, isDefault: false };
}

type Resolution = {
  product: Product | null;
  buyer: Actor | null;
  commune: Commune | null;
  communeCandidates: { insee: string; name: string; departmentCode: string | null }[];
  point: GeoPoint | null;
  epci: Epci | null;
  department: Department | null;
  neighbourCodes: string[];
  unknownLabelIds: string[];
};

/** Exactly one of the fields named, or BAD_USER_INPUT saying which were given. */
function ensureExactlyOne(what: string, given: Record<string, unknown>): string {
  const present = Object.entries(given).filter(([, v]) => v != null).map(([k]) => k);
  if (present.length !== 1) {
    const names = Object.keys(given);
    const list = `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
    throw new BadUserInputError(`Give ${what} as exactly one of ${list}; got ${present.length === 0 ? 'none' : present.join(' and ')}`, {
      given: present,
    });
  }
  return present[0];
}

/** The $question parameter of SUPPLIER_QUESTION, checked before any round trip. */
function toQuestionParams(input: SupplierSearchInput, local: LocalDefinitionSpec, limit: number, after: SupplierMatchKey | null) {
  const productBy = ensureExactlyOne('the product', { productId: input.productId, productName: input.productName });
  let productQuery: string | null = null;
  if (productBy === 'productName') {
    productQuery = toLuceneQuery(input.productName!);
    if (!productQuery) throw new BadUserInputError(`productName must contain a letter or digit; got ${JSON.stringify(input.productName)}`);
  }
  ensureExactlyOne('the buyer', { buyerId: input.buyerId, place: input.place });
  const place = input.place;
  let communeNamePattern: string | null = null;
  if (place) {
    ensureExactlyOne('the place', { communeInsee: place.communeInsee, communeName: place.communeName, point: place.point });
    if (place.communeName != null) {
      communeNamePattern = toCommuneNamePattern(place.communeName);
      if (!communeNamePattern) throw new BadUserInputError(`place.communeName must contain a letter; got ${JSON.stringify(place.communeName)}`);
    }
  }
  return {
    productId: input.productId ?? null,
    productQuery,
    buyerId: input.buyerId ?? null,
    communeInsee: place?.communeInsee ?? null,
    communeNamePattern,
    point: place?.point ? toCypherPoint(place.point) : null,
    ...toCriteriaParams({
      labelIds: input.labelIds ?? [],
      organic: input.organic,
      months: input.months ?? [],
      minVolume: input.minVolume,
      local,
      maxIntermediaries: input.maxIntermediaries ?? DEFAULT_MAX_INTERMEDIARIES,
      limit,
      after,
    }),
  };
}

/** NOT_FOUND or BAD_USER_INPUT for what the question named but the graph does not hold or cannot answer. */
function ensureResolved(input: SupplierSearchInput, local: LocalDefinitionSpec, r: Resolution): asserts r is Resolution & { product: Product; point: GeoPoint } {
  if (!r.product) {
    if (input.productId != null) throw new NotFoundError('Product', input.productId);
    throw new NotFoundError('Product', input.productName!);
  }
  if (r.unknownLabelIds.length > 0) throw new NotFoundError('Label', r.unknownLabelIds[0]);
  if (input.buyerId != null) {
    if (!r.buyer) throw new NotFoundError('Actor', input.buyerId);
    if (!r.point) {
      throw new BadUserInputError(
        `Actor ${JSON.stringify(input.buyerId)} has neither a location nor a commune, so distances and delivery areas cannot be measured: give a place instead`,
        { buyerId: input.buyerId },
      );
    }
  }
  const place = input.place;
  if (place?.communeInsee != null && !r.commune) throw new NotFoundError('Commune', place.communeInsee);
  if (place?.communeName != null) {
    if (r.communeCandidates.length === 0) throw new NotFoundError('Commune', place.communeName);
    if (r.communeCandidates.length > 1) {
      const list = r.communeCandidates.map((c) => `${c.name} (${c.insee}, department ${c.departmentCode})`).join(', ');
      throw new BadUserInputError(`Several communes are named ${JSON.stringify(place.communeName)}: ${list}; give place.communeInsee instead`, {
        candidates: r.communeCandidates,
      });
    }
  }
  if (local.scope !== LocalScope.RADIUS) {
    if (!r.commune) {
      throw new BadUserInputError(
        `local scope ${local.scope} needs the buyer's commune, and this point is more than 20 km from every commune centroid in the graph; use local.radiusKm`,
        { scope: local.scope },
      );
    }
    if (local.scope === LocalScope.EPCI && !r.epci) {
      throw new BadUserInputError(`local scope EPCI: commune ${r.commune.name} (${r.commune.insee}) belongs to no EPCI; use another scope`, {
        scope: local.scope,
      });
    }
  }
}

/** The local definition as the answer states it. */
function toLocalDefinition(spec: LocalDefinitionSpec, isDefault: boolean, r: Resolution): LocalDefinition {
  switch (spec.scope) {
    case LocalScope.RADIUS:
      return {
        scope: spec.scope,
        radiusKm: spec.radiusKm,
        departmentCodes: [],
        epci: null,
        isDefault,
        description: `within ${spec.radiusKm} km of the buyer (great circle)${isDefault ? ', the default' : ''}`,
      };
    case LocalScope.DEPARTMENT:
      return {
        scope: spec.scope,
        radiusKm: null,
        departmentCodes: [r.department!.code],
        epci: null,
        isDefault,
        description: `in the buyer's department (${r.department!.code} ${r.department!.name})`,
      };
    case LocalScope.DEPARTMENT_AND_NEIGHBOURS:
      return {
        scope: spec.scope,
        radiusKm: null,
        departmentCodes: [r.department!.code, ...r.neighbourCodes],
        epci: null,
        isDefault,
        description: `in the buyer's department (${r.department!.code} ${r.department!.name}) or a neighbouring one (${r.neighbourCodes.join(', ')})`,
      };
    case LocalScope.EPCI:
      return { scope: spec.scope, radiusKm: null, departmentCodes: [], epci: r.epci, isDefault, description: `in the buyer's EPCI (${r.epci!.name})` };
    default: {
      const unreachable: never = spec;
      throw new Error(`unknown local scope ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The page size asked for; BAD_USER_INPUT outside 1..MAX_PAGE_SIZE. */
function toPageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be from 1 to ${MAX_PAGE_SIZE}; got ${size}`, { field: 'first', value: size });
  }
  return size;
}

/**
 * "Who can supply X to Y" as the GraphQL query asks it, in one round trip: resolves the product
 * (id or name), the buyer or place, checks the labels, and returns a page of matches after the
 * cursor with the definitions applied. NOT_FOUND for an unknown product, label, actor or commune;
 * BAD_USER_INPUT for inconsistent or out-of-range input.
 */
export async function answerSupplierQuestion(db: Database, input: SupplierSearchInput, pageArgs: SupplierPageArgs): Promise<SupplierSearch> {
  const size = toPageSize(pageArgs.first);
  const order = toMatchOrder(input);
  const after = pageArgs.after ? (decodeCursor(pageArgs.after, order) as SupplierMatchKey) : null;
  const { spec, isDefault } = toLocalSpec(input.local);
  const question = toQuestionParams(input, spec, size + 1, after);
  const [row] = await db.read<{ resolution: Resolution; total: number; matches: RawMatch[] }>(SUPPLIER_QUESTION, { question });
  const { resolution } = row;
  ensureResolved(input, spec, resolution);
  const page = { direction: 'forward' as const, size, cursor: pageArgs.after ?? null };
  const connection = toConnection(row.matches.map(toMatchRow), page, order, (m) => m.key, async () => row.total);
  const matches = { ...connection, totalCount: row.total };
  return {
    product: resolution.product,
    buyer: resolution.buyer,
    place: { point: resolution.point, commune: resolution.commune, epci: resolution.epci, department: resolution.department },
    local: toLocalDefinition(spec, isDefault, resolution),
    maxIntermediaries: input.maxIntermediaries ?? DEFAULT_MAX_INTERMEDIARIES,
    matches,
  };
}
