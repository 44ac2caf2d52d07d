import { createHash } from 'node:crypto';
import type { Actor } from '../../actor';
import { decodeCursor, DEFAULT_PAGE_SIZE, toConnection } from '../../common';
import type { GeoPoint } from '../../common';
import { toCypherPoint, type Database } from '../../db';
import { BadUserInputError, NotFoundError } from '../../errors';
import type { Product } from '../../product';
import type { Commune, Department, Epci } from '../../territory';
import { RESOLVE_SUPPLIER_QUESTION } from './suppliers.cypher';
import { describeLocal, findRegionOfDepartment, LocalScope, toLocalSpec, type LocalDefinitionSpec } from '../local';
import { DEFAULT_MAX_INTERMEDIARIES, type SupplierPageArgs, type SupplierSearchInput } from './suppliers.input';
import { matchRequests, toCriteriaParams, toMatchRow, toRequestParams, type SupplierMatchKey } from './suppliers.service';
import type { LocalDefinition, SupplierSearch } from './suppliers.type';

/**
 * The GraphQL question "who can supply X to Y", as a client asks it: a product id or name, a buyer
 * or a place, and the page. Checks the input, resolves and answers in one round trip
 * (RESOLVE_SUPPLIER_QUESTION), turns what did not resolve into NOT_FOUND or BAD_USER_INPUT, then
 * runs the matching pipeline of the service (matchRequests) for the one resolved request.
 */

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
    input.organicClaim ?? null,
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

/**
 * Words of a product name that name a sign of quality, not the product: "Picodon AOP" is the product
 * Picodon (the label is asked with labelIds). Products are named without them in the taxonomy.
 */
const SIGN_OF_QUALITY_WORDS = new Set(['aop', 'aoc', 'igp', 'stg']);

/**
 * The French singular a plural word may stand for: "abricots" → "abricot", "choux" → "chou",
 * "pommes" → "pomme". Only the regular plurals (-s, -x) of words of more than 3 letters ("noix",
 * "pois" stay as they are too: the word itself is always searched as well).
 */
function toSingular(word: string): string | null {
  return word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : null;
}

/**
 * A Lucene query for the product_name_fulltext index from a product name as people write it:
 * accents and case folded, signs of quality dropped ("Picodon AOP"), each word matched as itself,
 * as a prefix, or through its singular ("abricots", "pommes de terre"), with the French elisions the
 * analyzer keeps in a token ("d'abricot"). Every remaining word must match. null when no word is
 * left: `empty` says whether the name held no word at all, or only signs of quality.
 */
export function toProductNameQuery(name: string): { query: string | null; empty: boolean } {
  const words = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  const kept = words.filter((w) => !SIGN_OF_QUALITY_WORDS.has(w));
  if (kept.length === 0) return { query: null, empty: words.length === 0 };
  const forms = (w: string) => [w, toSingular(w)].filter((f): f is string => f !== null);
  const clause = (w: string) =>
    `(${forms(w)
      .flatMap((f) => [f, `${f}*`, `d'${f}*`, `l'${f}*`])
      .join(' OR ')})`;
  return { query: kept.map(clause).join(' AND '), empty: false };
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

/**
 * The $question parameter of RESOLVE_SUPPLIER_QUESTION, before any round trip. The input is valid
 * (exactly one product, one buyer or place, one way to name the place, numbers in range:
 * SupplierSearchInput's rules); names still have to hold a word.
 */
function toQuestionParams(input: SupplierSearchInput) {
  let productQuery: string | null = null;
  if (input.productName != null) {
    const { query, empty } = toProductNameQuery(input.productName);
    if (!query) {
      throw new BadUserInputError(
        empty
          ? `productName must contain a letter or digit; got ${JSON.stringify(input.productName)}`
          : `productName must name a product, not only a sign of quality (AOP, AOC, IGP, STG); got ${JSON.stringify(input.productName)}`,
        { field: 'productName' },
      );
    }
    productQuery = query;
  }
  const place = input.place;
  let communeNamePattern: string | null = null;
  if (place?.communeName != null) {
    communeNamePattern = toCommuneNamePattern(place.communeName);
    if (!communeNamePattern)
      throw new BadUserInputError(`place.communeName must contain a letter; got ${JSON.stringify(place.communeName)}`);
  }
  return {
    productId: input.productId ?? null,
    productQuery,
    buyerId: input.buyerId ?? null,
    communeInsee: place?.communeInsee ?? null,
    communeNamePattern,
    point: place?.point ? toCypherPoint(place.point) : null,
    labelIds: input.labelIds ?? [],
  };
}

/** NOT_FOUND or BAD_USER_INPUT for what the question named but the graph does not hold or cannot answer. */
function ensureResolved(
  input: SupplierSearchInput,
  local: LocalDefinitionSpec,
  r: Resolution,
): asserts r is Resolution & { product: Product; point: GeoPoint } {
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
      throw new BadUserInputError(
        `Several communes are named ${JSON.stringify(place.communeName)}: ${list}; give place.communeInsee instead`,
        {
          candidates: r.communeCandidates,
        },
      );
    }
  }
  if (local.scope !== LocalScope.RADIUS) {
    if (!r.commune) {
      throw new BadUserInputError(
        `local scope ${local.scope} needs the buyer's commune, and this point is more than 20 km from every commune centroid in the graph; use local.radiusKm`,
        { scope: local.scope },
      );
    }
    if (local.scope === LocalScope.REGION && !findRegionOfDepartment(r.department?.code)) {
      throw new BadUserInputError(
        `local scope REGION: the region of department ${r.department?.code ?? '(none)'} is not known; use another scope`,
        { scope: local.scope },
      );
    }
    if (local.scope === LocalScope.EPCI && !r.epci) {
      throw new BadUserInputError(
        `local scope EPCI: commune ${r.commune.name} (${r.commune.insee}) belongs to no EPCI; use another scope`,
        {
          scope: local.scope,
        },
      );
    }
  }
}

/** The local definition as the answer states it, with the buyer's territory as resolved. */
function toLocalDefinition(spec: LocalDefinitionSpec, isDefault: boolean, r: Resolution): LocalDefinition {
  const description = describeLocal(spec, isDefault, { department: r.department, neighbourCodes: r.neighbourCodes, epci: r.epci });
  const base = { scope: spec.scope, radiusKm: null, departmentCodes: [] as string[], epci: null, isDefault, description };
  switch (spec.scope) {
    case LocalScope.RADIUS:
      return { ...base, radiusKm: spec.radiusKm };
    case LocalScope.DEPARTMENT:
      return { ...base, departmentCodes: [r.department!.code] };
    case LocalScope.DEPARTMENT_AND_NEIGHBOURS:
      return { ...base, departmentCodes: [r.department!.code, ...r.neighbourCodes] };
    case LocalScope.EPCI:
      return { ...base, epci: r.epci };
    case LocalScope.REGION:
      return { ...base, departmentCodes: [...findRegionOfDepartment(r.department?.code)!.departmentCodes] };
    default: {
      const unreachable: never = spec;
      throw new Error(`unknown local scope ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * "Who can supply X to Y" as the GraphQL query asks it, in one round trip: resolves the product
 * (id or name), the buyer or place, checks the labels, and returns a page of matches after the
 * cursor with the definitions applied. The input was checked at the edge (SupplierSearchInput,
 * SupplierPageArgs); NOT_FOUND for an unknown product, label, actor or commune; BAD_USER_INPUT for a
 * name without a word, an ambiguous commune name, or a buyer or place the local definition cannot use.
 */
export async function answerSupplierQuestion(
  db: Database,
  input: SupplierSearchInput,
  pageArgs: SupplierPageArgs,
): Promise<SupplierSearch> {
  const size = pageArgs.first ?? DEFAULT_PAGE_SIZE;
  const order = toMatchOrder(input);
  const after = pageArgs.after ? (decodeCursor(pageArgs.after, order, ['number', 'number', 'string', 'string']) as SupplierMatchKey) : null;
  const { spec, isDefault } = toLocalSpec(input.local);
  const question = toQuestionParams(input);
  const request = {
    labelIds: input.labelIds ?? [],
    organic: input.organic,
    organicClaim: input.organicClaim,
    months: input.months ?? [],
    minVolume: input.minVolume,
    local: spec,
    maxIntermediaries: input.maxIntermediaries ?? DEFAULT_MAX_INTERMEDIARIES,
    limit: size + 1,
    after,
  };
  toCriteriaParams(request); // BAD_USER_INPUT before any round trip, as for a batch request
  const [{ resolution }] = await db.read<{ resolution: Resolution }>(RESOLVE_SUPPLIER_QUESTION, { question });
  ensureResolved(input, spec, resolution);
  const resolved = {
    ...request,
    key: 'question',
    buyer: {
      actorId: resolution.buyer?.id ?? null,
      point: resolution.point,
      communeInsee: resolution.commune?.insee ?? null,
      epciSiren: resolution.epci?.siren ?? null,
      departmentCode: resolution.department?.code ?? null,
    },
    productIds: [resolution.product.id],
  };
  // A place that resolved to no point (a buyer without location or commune is refused above) matches nothing.
  const answered = resolution.point
    ? (await matchRequests(db, [toRequestParams(resolved)])).byKey.get('question')!
    : { total: 0, matches: [] };
  const page = { direction: 'forward' as const, size, cursor: pageArgs.after ?? null };
  const connection = toConnection(
    answered.matches.map((m) => toMatchRow(m, resolution.buyer)),
    page,
    order,
    (m) => m.key,
    async () => answered.total,
  );
  const matches = { ...connection, totalCount: answered.total };
  return {
    product: resolution.product,
    buyer: resolution.buyer,
    place: { point: resolution.point, commune: resolution.commune, epci: resolution.epci, department: resolution.department },
    local: toLocalDefinition(spec, isDefault, resolution),
    maxIntermediaries: input.maxIntermediaries ?? DEFAULT_MAX_INTERMEDIARIES,
    matches,
  };
}
