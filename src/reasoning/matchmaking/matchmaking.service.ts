import type { Actor } from '../../actor';
import { int, type Database } from '../../db';
import { BadUserInputError, NotFoundError } from '../../errors';
import type { Label } from '../../label';
import type { Need } from '../../need';
import type { Offer } from '../../offer';
import type { Product } from '../../product';
import { describeLocal, LocalScope, toLocalSpec, type LocalDefinitionSpec, type LocalInput } from '../local';
import { ActorScopeKind, toScope, toScopeParams, type ScopeField } from '../scope';
import { findSupplierMatches, type BuyerPlace, type SupplierMatchRow, type SupplierRequest } from '../suppliers';
import { POTENTIAL_BUYERS, UNMET_NEEDS } from './matchmaking.cypher';
import { NeedCoverage } from './matchmaking.enums';
import type { MatchmakingScopeInput, PotentialBuyersArgs, UnmetNeedsArgs } from './matchmaking.input';
import type { MatchmakingLocal, PotentialBuyers, UnmetNeed, UnmetNeeds } from './matchmaking.type';

const MATCHMAKING_SCOPES = [
  { field: 'actorId', kind: ActorScopeKind.ACTOR, entity: 'Actor' },
  { field: 'epciSiren', kind: ActorScopeKind.EPCI, entity: 'Epci' },
  { field: 'departmentCode', kind: ActorScopeKind.DEPARTMENT, entity: 'Department' },
] as const satisfies readonly ScopeField<keyof MatchmakingScopeInput, ActorScopeKind>[];

/** The local definition asked for (the suppliers query's LocalInput, checked at the edge) and how to state it for many buyers. */
function toLocal(input: LocalInput | null | undefined): { spec: LocalDefinitionSpec; local: MatchmakingLocal } {
  const { spec, isDefault } = toLocalSpec(input);
  const radiusKm = spec.scope === LocalScope.RADIUS ? spec.radiusKm : null;
  return { spec, local: { scope: spec.scope, radiusKm, isDefault, description: describeLocal(spec, isDefault) } };
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
 * The candidate search for a need: its product (narrower ones match), its labels (a required legal
 * organic label asks for any legal organic label, as coverage does), its months; no capacity filter,
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
 * Candidate searches per statement. A department's report asks for about 180 needs at once: one
 * statement runs on one Neo4j thread (Community has no parallel runtime) and was the report's long
 * pole, so beyond this many needs the batched search is cut into slices asked concurrently (the
 * per-request admission, DB_REQUEST_CONCURRENCY, bounds how many run at once). Each request's
 * matches do not depend on the others', so the answer is the same.
 */
export const CANDIDATE_SEARCH_SLICE = 60;

/** The supplier search for every request, in slices of CANDIDATE_SEARCH_SLICE asked concurrently, merged in request order. */
async function findCandidates(db: Database, requests: SupplierRequest[], sliceSize: number): Promise<Map<string, SupplierMatchRow[]>> {
  const slices: SupplierRequest[][] = [];
  const count = Math.ceil(requests.length / sliceSize);
  // Even slices (180 needs: 3 × 60; 70 needs: 35 + 35), so no slice waits alone at the end.
  const size = Math.ceil(requests.length / Math.max(1, count));
  for (let start = 0; start < requests.length; start += size) slices.push(requests.slice(start, start + size));
  const answers = await Promise.all(slices.map((slice) => findSupplierMatches(db, slice)));
  return new Map(answers.flatMap((answer) => [...answer]));
}

/**
 * The needs of a buyer, EPCI or department that existing supply links do not cover (with
 * includePartial, also those covered in part), each with its best candidate suppliers: the needs
 * with their coverage in one round trip, then the batched supplier search for all of them (one
 * statement up to `sliceSize` (CANDIDATE_SEARCH_SLICE) needs, concurrent slices beyond).
 * Its arguments are checked at the edge (UnmetNeedsArgs); NOT_FOUND for an unknown scope.
 */
export async function findUnmetNeeds(db: Database, args: UnmetNeedsArgs, sliceSize = CANDIDATE_SEARCH_SLICE): Promise<UnmetNeeds> {
  const scope = toScope(args.scope, MATCHMAKING_SCOPES);
  const { candidates, maxIntermediaries } = args;
  const { spec, local } = toLocal(args.local);
  const [row] = await db.read<{
    found: boolean;
    scopeName: string | null;
    checked: number;
    unmet: number;
    partial: number;
    needs: NeedRow[];
  }>(UNMET_NEEDS[scope.kind], { ...toScopeParams(scope), includePartial: args.includePartial });
  if (!row.found) throw new NotFoundError(scope.entity, scope.id);
  const searchable = candidates > 0 ? row.needs.filter((n) => n.place.point !== null) : [];
  const matches = await findCandidates(
    db,
    searchable.map((n) => toCandidateRequest(n, spec, maxIntermediaries, candidates)),
    sliceSize,
  );
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
 * from it, nearest first; one round trip (arguments checked at the edge: PotentialBuyersArgs).
 * NOT_FOUND for an unknown producer; BAD_USER_INPUT for a producer with no place.
 */
export async function findPotentialBuyers(db: Database, args: PotentialBuyersArgs): Promise<PotentialBuyers> {
  const { producerId, radiusKm, first } = args;
  const [row] = await db.read<{ found: boolean; located: boolean; producer: Actor | null; total: number; rows: PotentialBuyerRow[] }>(
    POTENTIAL_BUYERS,
    {
      producerId,
      radiusM: radiusKm * 1000,
      first: int(first),
    },
  );
  if (!row.found) throw new NotFoundError('Actor', producerId);
  if (!row.located) {
    throw new BadUserInputError(
      `Actor ${JSON.stringify(producerId)} has neither a location nor a commune, so distances cannot be measured`,
      { producerId },
    );
  }
  return {
    producer: row.producer!,
    radiusKm,
    totalCount: row.total,
    buyers: row.rows.map(({ distanceM, ...rest }) => ({ ...rest, distanceKm: Math.round(distanceM / 100) / 10 })),
  };
}
