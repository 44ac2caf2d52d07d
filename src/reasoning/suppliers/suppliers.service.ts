import { RESELLER_ONLY_ROLES, type ActorRole } from '../../actor';
import type { Actor } from '../../actor';
import { firstInOrder, type GeoPoint } from '../../common';
import { int, toCypherPoint, type Database, type Tx } from '../../db';
import { BadUserInputError } from '../../errors';
import type { Label } from '../../label';
import type { Offer } from '../../offer';
import type { Product } from '../../product';
import {
  BUYER_PLACES,
  DIRECT_CANDIDATES,
  MAX_INTERMEDIARIES,
  RESELLERS_DELIVERING,
  SUPPLIER_CANDIDATES,
  SUPPLIER_MATCH_MAPS,
  WAY_PATHS,
} from './suppliers.cypher';
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

/** The Cypher parameter of one request of the matching statements (see the header of suppliers.cypher.ts). */
export function toRequestParams(request: SupplierRequest) {
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

type RequestParams = ReturnType<typeof toRequestParams>;

/** What the matching statements return of a candidate offer, then of its way to the buyer. */
type Candidate = {
  key: string;
  offerId: string;
  productId: string;
  supplierId: string;
  distanceM: number;
  /** The offer's delivery radius reaches the buyer: direct, without step 3. */
  withinRadius: boolean;
};
type Way = {
  key: string;
  offerId: string;
  resellerIds: string[];
  linkIds: string[];
  legs: (number | null)[];
};

/** A match before its maps are read: what the order, the count and the page need. */
type LocatedMatch = Omit<Candidate, 'withinRadius'> & Omit<Way, 'key' | 'offerId'>;

/** The order of matches: intermediaries, distance, supplier id, offer id (as SupplierMatchKey). */
function compareMatches(a: LocatedMatch, b: LocatedMatch): number {
  return (
    a.resellerIds.length - b.resellerIds.length ||
    a.distanceM - b.distanceM ||
    (a.supplierId < b.supplierId ? -1 : a.supplierId > b.supplierId ? 1 : 0) ||
    (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0)
  );
}

/** Whether `m` comes after the cursor `after` in the order (compareMatches). */
function isAfter(m: LocatedMatch, after: SupplierMatchKey): boolean {
  const key: SupplierMatchKey = [m.resellerIds.length, m.distanceM, m.supplierId, m.offerId];
  for (let i = 0; i < key.length; i += 1) {
    if (key[i] > after[i]) return true;
    if (key[i] < after[i]) return false;
  }
  return false;
}

const keyOf = (key: string, offerId: string) => `${key}\u0000${offerId}`;

/** A way as WAY_PATHS returns it, before the check of its last reseller. */
type WayPath = Way & { productId: string; lastId: string; lastLinkId: string };

const sumOfLegs = (legs: (number | null)[]) => legs.reduce<number>((sum, leg) => sum + (leg ?? 0), 0);

/** Lists of ids compared element by element, as Cypher orders lists. */
function compareIdLists(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

/** The order of the ways of one candidate: fewest intermediaries, then shortest, then by reseller ids and link ids. */
function compareWays(a: Way, b: Way): number {
  return (
    a.resellerIds.length - b.resellerIds.length ||
    sumOfLegs(a.legs) - sumOfLegs(b.legs) ||
    compareIdLists(a.resellerIds, b.resellerIds) ||
    compareIdLists(a.linkIds, b.linkIds)
  );
}

function uniqueBy<T>(items: T[], idOf: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [idOf(item), item])).values()];
}

/**
 * The best way of each candidate through resellers (steps 4a and 4b of suppliers.cypher.ts): every
 * way along supply links of each offer's goods (one statement), then which last resellers deliver
 * the buyer; of the ways whose last reseller does, the first in compareWays'
 * order. Two round trips at most, none when no candidate needs a way.
 */
async function findBestWays(
  tx: Tx,
  requests: Record<string, RequestParams>,
  candidates: { key: string; offerId: string; productId: string; distanceM: number }[],
): Promise<Way[]> {
  if (candidates.length === 0) return [];
  const paths = await tx.run<WayPath>(WAY_PATHS, {
    requests,
    candidates: candidates.map(({ key, offerId, productId }) => ({ key, offerId, productId })),
  });
  if (paths.length === 0) return [];
  const endOf = (p: { key: string; productId: string; lastId: string; lastLinkId: string }) =>
    [p.key, p.productId, p.lastId, p.lastLinkId].join('\u0000');
  const ends = uniqueBy(
    paths.map(({ key, productId, lastId, lastLinkId }) => ({ key, productId, lastId, lastLinkId })),
    endOf,
  );
  const delivering = await tx.run<{
    key: string;
    productId: string;
    lastId: string;
    lastLinkId: string;
    offersToBuyer: boolean;
    sellsToBuyer: boolean;
  }>(RESELLERS_DELIVERING, { requests, ends });
  const delivers = new Set(delivering.filter((d) => d.offersToBuyer || d.sellsToBuyer).map(endOf));
  const best = new Map<string, Way>();
  for (const path of paths) {
    if (!delivers.has(endOf(path))) continue;
    const id = keyOf(path.key, path.offerId);
    const known = best.get(id);
    if (!known || compareWays(path, known) < 0) best.set(id, path);
  }
  return [...best.values()];
}

/**
 * A candidate on its way (null: direct). Written out field by field: on the 100k graph the headline
 * question locates 2,000 candidates, and object rest and spread cost more there than the rest of
 * the merge.
 */
function toLocatedMatch(c: Candidate, way: Way | null): LocatedMatch {
  return {
    key: c.key,
    offerId: c.offerId,
    productId: c.productId,
    supplierId: c.supplierId,
    distanceM: c.distanceM,
    resellerIds: way ? way.resellerIds : [],
    linkIds: way ? way.linkIds : [],
    legs: way ? way.legs : [c.distanceM],
  };
}

/** One request's answer: all its matches counted, the page after its cursor in order. */
export interface MatchedRequest {
  total: number;
  matches: RawMatch[];
}

/**
 * Runs the matching pipeline (suppliers.cypher.ts: candidates, direct ones, ways, then the maps of
 * the pages) for resolved requests: five statements at most, whatever the number of requests, each
 * small enough to plan in well under a second. The candidates within their delivery radius are
 * counted and paged by Neo4j (only the first of each page travel); the others, with their ways, are
 * merged into the page and counted here. `buyerIds`: actors whose maps (effective location) are
 * wanted too, in `buyers`.
 */
export function matchRequests(
  db: Database,
  requests: RequestParams[],
  buyerIds: string[] = [],
): Promise<{ byKey: Map<string, MatchedRequest>; buyers: Actor[] }> {
  // One read transaction for the whole pipeline: a transaction per statement cost a BEGIN and a
  // COMMIT (socket writes, a round trip) five times per question.
  return db.transaction('READ', (tx) => matchInTransaction(tx, requests, buyerIds));
}

async function matchInTransaction(
  tx: Tx,
  requests: RequestParams[],
  buyerIds: string[],
): Promise<{ byKey: Map<string, MatchedRequest>; buyers: Actor[] }> {
  const byKey = new Map<string, MatchedRequest>(requests.map((r) => [r.key, { total: 0, matches: [] }]));
  const asked = requests.filter((r) => r.productIds.length > 0);
  const requestMap = Object.fromEntries(asked.map((r) => [r.key, r]));
  const { withinCountOf, candidates } = await findCandidates(tx, requestMap);
  // Within their delivery radius: direct. Only those after the cursor, the first of the page, came.
  const firstWithinRadius = candidates.filter((c) => c.withinRadius).map((c) => toLocatedMatch(c, null));
  const outsideRadius = await locateOutsideRadius(tx, requestMap, candidates);
  const pages = new Map<string, LocatedMatch[]>();
  for (const request of asked) {
    const after = request.after;
    const outside = outsideRadius.filter((m) => m.key === request.key);
    const afterCursor = [
      ...firstWithinRadius.filter((m) => m.key === request.key),
      ...(after ? outside.filter((m) => isAfter(m, after)) : outside),
    ];
    pages.set(request.key, firstInOrder(afterCursor, request.limit.toNumber(), compareMatches));
    byKey.set(request.key, { total: (withinCountOf.get(request.key) ?? 0) + outside.length, matches: [] });
  }
  const page = [...pages.values()].flat();
  if (page.length === 0 && buyerIds.length === 0) return { byKey, buyers: [] };
  const [maps] = await tx.run<{ matches: (RawMatch & { key: string; offerId: string })[]; buyers: Actor[] }>(SUPPLIER_MATCH_MAPS, {
    page: page.map(({ key, offerId, distanceM, resellerIds, linkIds, legs }) => ({ key, offerId, distanceM, resellerIds, linkIds, legs })),
    buyerIds,
  });
  const mapOf = new Map(maps.matches.map(({ key, offerId, ...raw }) => [keyOf(key, offerId), raw]));
  for (const [key, entries] of pages) byKey.get(key)!.matches = entries.map((m) => mapOf.get(keyOf(m.key, m.offerId))!);
  return { byKey, buyers: maps.buyers };
}

/**
 * Step 2 (SUPPLIER_CANDIDATES): per request key, how many candidates are within their delivery
 * radius, and the candidates that came: the first of those within their radius, every other one.
 */
async function findCandidates(
  tx: Tx,
  requests: Record<string, RequestParams>,
): Promise<{ withinCountOf: Map<string, number>; candidates: Candidate[] }> {
  const keys = Object.keys(requests);
  if (keys.length === 0) return { withinCountOf: new Map(), candidates: [] };
  const found = await tx.run<{ key: string; withinCount: number; candidates: Omit<Candidate, 'key'>[] }>(SUPPLIER_CANDIDATES, {
    requests,
    keys,
  });
  const candidates: Candidate[] = [];
  for (const f of found) for (const c of f.candidates) candidates.push({ ...c, key: f.key });
  return { withinCountOf: new Map(found.map((f) => [f.key, f.withinCount])), candidates };
}

/**
 * Steps 3 and 4 for the candidates outside their delivery radius: direct when their delivery area
 * lists the buyer or they already sell to it (DIRECT_CANDIDATES), else on their best way through
 * resellers when the request allows intermediaries, else not a match.
 */
async function locateOutsideRadius(tx: Tx, requests: Record<string, RequestParams>, candidates: Candidate[]): Promise<LocatedMatch[]> {
  const unsure = candidates
    .filter((c) => !c.withinRadius)
    .map(({ key, offerId, productId, distanceM }) => ({ key, offerId, productId, distanceM }));
  if (unsure.length === 0) return [];
  const direct = await tx.run<{ key: string; offerId: string; direct: boolean }>(DIRECT_CANDIDATES, { requests, candidates: unsure });
  const isDirect = new Set(direct.filter((d) => d.direct).map((d) => keyOf(d.key, d.offerId)));
  const others = unsure.filter((c) => !isDirect.has(keyOf(c.key, c.offerId)) && requests[c.key].maxIntermediaries.toNumber() >= 1);
  const ways = await findBestWays(tx, requests, others);
  const wayOf = new Map(ways.map((w) => [keyOf(w.key, w.offerId), w]));
  const located: LocatedMatch[] = [];
  for (const c of candidates) {
    if (c.withinRadius) continue;
    const id = keyOf(c.key, c.offerId);
    const way = isDirect.has(id) ? null : wayOf.get(id);
    if (way !== undefined) located.push(toLocatedMatch(c, way));
  }
  return located;
}

/**
 * Who can supply what each request asks, for many requests in few round trips (the GraphQL query and
 * the matchmaking of unmet needs): at most five statements, whatever the number of requests. Per
 * request key: at most `limit` (default and maximum MAX_MATCHES_PER_REQUEST, 500) matches, ordered
 * by intermediaries, distance, supplier id, offer id; every key of `requests` is in the map.
 * BAD_USER_INPUT for a request out of range (see SupplierRequest); unknown product or label ids
 * simply match nothing.
 */
export async function findSupplierMatches(db: Database, requests: SupplierRequest[]): Promise<Map<string, SupplierMatchRow[]>> {
  if (requests.length === 0) return new Map();
  if (new Set(requests.map((r) => r.key)).size !== requests.length) throw new Error('findSupplierMatches: request keys must be unique');
  const params = requests.map(toRequestParams);
  const buyerIds = [...new Set(requests.map((r) => r.buyer.actorId).filter((id): id is string => id !== null))];
  const { byKey, buyers } = await matchRequests(db, params, buyerIds);
  const buyerById = new Map(buyers.map((b) => [b.id, b]));
  return new Map(
    requests.map((r) => {
      const buyer = r.buyer.actorId === null ? null : (buyerById.get(r.buyer.actorId) ?? null);
      return [r.key, byKey.get(r.key)!.matches.map((m) => toMatchRow(m, buyer))];
    }),
  );
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
