import type { Actor } from '../../actor/actor.type';
import { int, type Database } from '../../db';
import { BadUserInputError, NotFoundError, type EntityName } from '../../errors';
import type { Label } from '../../label/label.type';
import type { Need } from '../../need/need.type';
import type { Offer } from '../../offer/offer.type';
import type { Product } from '../../product/product.type';
import {
  DEFAULT_LOCAL_RADIUS_KM,
  DEFAULT_MAX_INTERMEDIARIES,
  findSupplierMatches,
  LocalScope,
  MAX_INTERMEDIARIES,
  type BuyerPlace,
  type LocalDefinitionSpec,
  type SupplierRequest,
} from '../../supply-search';
import { MAX_LOCAL_RADIUS_KM, type LocalInput } from '../../supply-search/supply-search.input';
import { ActorScopeKind, POTENTIAL_BUYERS, UNMET_NEEDS } from './matchmaking.cypher';
import { NeedCoverage } from './matchmaking.enums';
import {
  DEFAULT_BUYER_RADIUS_KM,
  DEFAULT_CANDIDATES,
  DEFAULT_POTENTIAL_BUYERS,
  MAX_BUYER_RADIUS_KM,
  MAX_CANDIDATES,
  MAX_POTENTIAL_BUYERS,
  type MatchmakingScopeInput,
} from './matchmaking.input';
import type { MatchmakingLocal, PotentialBuyers, UnmetNeed, UnmetNeeds } from './matchmaking.type';

/** A scope field, the statement it selects and the entity named by NOT_FOUND. */
interface ScopeField<F extends string> {
  field: F;
  kind: ActorScopeKind;
  entity: EntityName;
}

/**
 * The one scope field given, among `fields`; BAD_USER_INPUT naming what came when none or several.
 * Shared with src/risk/ (which offers the territory fields only).
 */
export function toActorScope<F extends string>(
  scope: Partial<Record<F, string | null>>,
  fields: readonly ScopeField<F>[],
): { kind: ActorScopeKind; id: string; entity: EntityName } {
  const given = fields.filter((f) => scope[f.field] != null);
  if (given.length !== 1) {
    const names = fields.map((f) => f.field);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
    throw new BadUserInputError(
      `Give exactly one scope: ${list}; got ${given.length === 0 ? 'none' : given.map((f) => f.field).join(' and ')}`,
      { given: given.map((f) => f.field) },
    );
  }
  const [chosen] = given;
  return { kind: chosen.kind, id: scope[chosen.field]!, entity: chosen.entity };
}

const MATCHMAKING_SCOPES = [
  { field: 'actorId', kind: ActorScopeKind.ACTOR, entity: 'Actor' },
  { field: 'epciSiren', kind: ActorScopeKind.EPCI, entity: 'Epci' },
  { field: 'departmentCode', kind: ActorScopeKind.DEPARTMENT, entity: 'Department' },
] as const satisfies readonly ScopeField<keyof MatchmakingScopeInput>[];

/** A whole number in [min, max], or BAD_USER_INPUT naming the field. */
function ensureWhole(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${field} must be a whole number from ${min} to ${max}; got ${value}`, { field, value });
  }
  return value;
}

/** The local definition asked for (the suppliers query's LocalInput) and how to state it. */
function toLocal(input: LocalInput | null | undefined): { spec: LocalDefinitionSpec; local: MatchmakingLocal } {
  if (!input || (input.radiusKm == null && input.scope == null)) {
    return {
      spec: { scope: LocalScope.RADIUS, radiusKm: DEFAULT_LOCAL_RADIUS_KM },
      local: {
        scope: LocalScope.RADIUS,
        radiusKm: DEFAULT_LOCAL_RADIUS_KM,
        isDefault: true,
        description: `within ${DEFAULT_LOCAL_RADIUS_KM} km of each buyer (great circle), the default`,
      },
    };
  }
  const scope = input.scope ?? LocalScope.RADIUS;
  switch (scope) {
    case LocalScope.RADIUS: {
      const radiusKm = input.radiusKm ?? DEFAULT_LOCAL_RADIUS_KM;
      if (!(Number.isFinite(radiusKm) && radiusKm > 0 && radiusKm <= MAX_LOCAL_RADIUS_KM)) {
        throw new BadUserInputError(`local.radiusKm must be more than 0 and at most ${MAX_LOCAL_RADIUS_KM} km; got ${radiusKm}`, {
          field: 'local.radiusKm',
          value: radiusKm,
        });
      }
      return { spec: { scope, radiusKm }, local: { scope, radiusKm, isDefault: false, description: `within ${radiusKm} km of each buyer (great circle)` } };
    }
    case LocalScope.DEPARTMENT:
    case LocalScope.DEPARTMENT_AND_NEIGHBOURS:
    case LocalScope.EPCI: {
      if (input.radiusKm != null) throw new BadUserInputError(`local: give radiusKm (a radius) or scope ${scope}, not both`, { field: 'local' });
      const words = {
        [LocalScope.DEPARTMENT]: "in each buyer's department",
        [LocalScope.DEPARTMENT_AND_NEIGHBOURS]: "in each buyer's department or a neighbouring one",
        [LocalScope.EPCI]: "in each buyer's EPCI",
      }[scope];
      return { spec: { scope }, local: { scope, radiusKm: null, isDefault: false, description: words } };
    }
    default: {
      const unreachable: never = scope;
      throw new Error(`unknown local scope ${JSON.stringify(unreachable)}`);
    }
  }
}

type NeedRow = {
  need: Need;
  buyer: Actor;
  product: Product;
  requiredLabels: Label[];
  coverage: NeedCoverage.UNMET | NeedCoverage.PARTIAL;
  coveringLinks: number;
  coveredVolume: number;
  place: BuyerPlace;
};

/**
 * The candidate search for a need: its product (narrower ones match), its labels (an organic
 * required label asks for any organic label, as coverage does), its months; no capacity filter,
 * since capacities are not converted between units and a supplier of part of the need is a lead too.
 */
function toCandidateRequest(row: NeedRow, spec: LocalDefinitionSpec, maxIntermediaries: number, limit: number): SupplierRequest {
  const organic = row.requiredLabels.some((l) => l.organic);
  return {
    key: row.need.id,
    buyer: row.place,
    productIds: [row.product.id],
    labelIds: row.requiredLabels.filter((l) => !l.organic).map((l) => l.id),
    organic: organic ? true : null,
    months: row.need.months,
    local: spec,
    maxIntermediaries,
    limit,
  };
}

/**
 * The needs of a buyer, EPCI or department that existing supply links do not cover (with
 * includePartial, also those covered in part), each with its best candidate suppliers. Two round
 * trips at most: the needs with their coverage, then one batched supplier search for all of them.
 * BAD_USER_INPUT for not exactly one scope or out-of-range numbers; NOT_FOUND for an unknown scope.
 */
export async function findUnmetNeeds(
  db: Database,
  args: { scope: MatchmakingScopeInput; includePartial: boolean; candidates: number; local?: LocalInput | null; maxIntermediaries: number },
): Promise<UnmetNeeds> {
  const scope = toActorScope(args.scope, MATCHMAKING_SCOPES);
  const candidates = ensureWhole('candidates', args.candidates, 0, MAX_CANDIDATES);
  const { spec, local } = toLocal(args.local);
  const maxIntermediaries = ensureWhole('maxIntermediaries', args.maxIntermediaries, 0, MAX_INTERMEDIARIES);
  const [row] = await db.read<{ found: boolean; scopeName: string | null; checked: number; unmet: number; partial: number; needs: NeedRow[] }>(
    UNMET_NEEDS[scope.kind],
    { scopeId: scope.id, includePartial: args.includePartial },
  );
  if (!row.found) throw new NotFoundError(scope.entity, scope.id);
  const searchable = candidates > 0 ? row.needs.filter((n) => n.place.point !== null) : [];
  const matches = await findSupplierMatches(db, searchable.map((n) => toCandidateRequest(n, spec, maxIntermediaries, candidates)));
  const needs: UnmetNeed[] = row.needs.map((n) => ({
    need: n.need,
    buyer: n.buyer,
    product: n.product,
    requiredLabels: n.requiredLabels,
    volume: n.need.volume,
    unit: n.need.unit,
    coverage: n.coverage,
    coveringLinks: n.coveringLinks,
    coveredVolume: n.coveredVolume,
    gap: Math.max(0, n.need.volume - n.coveredVolume),
    candidates: matches.get(n.need.id) ?? [],
  }));
  return {
    scopeName: row.scopeName ?? scope.id,
    local,
    maxIntermediaries,
    checkedNeeds: row.checked,
    unmetCount: row.unmet,
    partialCount: row.partial,
    needs,
  };
}

type PotentialBuyerRow = Omit<PotentialBuyers['buyers'][number], 'distanceKm' | 'offers'> & { offers: Offer[]; distanceM: number };

/**
 * Buyers within radiusKm of a producer whose needs its offers meet and who do not buy that product
 * from it, nearest first; one round trip. NOT_FOUND for an unknown producer; BAD_USER_INPUT for a
 * radius or page size out of range, or a producer with no place.
 */
export async function findPotentialBuyers(db: Database, args: { producerId: string; radiusKm: number; first: number }): Promise<PotentialBuyers> {
  const { producerId, radiusKm } = args;
  if (!(Number.isFinite(radiusKm) && radiusKm > 0 && radiusKm <= MAX_BUYER_RADIUS_KM)) {
    throw new BadUserInputError(`radiusKm must be more than 0 and at most ${MAX_BUYER_RADIUS_KM} km; got ${radiusKm}`, { field: 'radiusKm', value: radiusKm });
  }
  const first = ensureWhole('first', args.first, 1, MAX_POTENTIAL_BUYERS);
  const [row] = await db.read<{ found: boolean; located: boolean; producer: Actor | null; total: number; rows: PotentialBuyerRow[] }>(POTENTIAL_BUYERS, {
    producerId,
    radiusM: radiusKm * 1000,
    first: int(first),
  });
  if (!row.found) throw new NotFoundError('Actor', producerId);
  if (!row.located) {
    throw new BadUserInputError(`Actor ${JSON.stringify(producerId)} has neither a location nor a commune, so distances cannot be measured`, { producerId });
  }
  return {
    producer: row.producer!,
    radiusKm,
    totalCount: row.total,
    buyers: row.rows.map(({ distanceM, ...rest }) => ({ ...rest, distanceKm: Math.round(distanceM / 100) / 10 })),
  };
}

export { DEFAULT_BUYER_RADIUS_KM, DEFAULT_CANDIDATES, DEFAULT_MAX_INTERMEDIARIES, DEFAULT_POTENTIAL_BUYERS };
