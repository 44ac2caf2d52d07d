import type { Actor } from '../../actor';
import type { Database } from '../../db';
import { NotFoundError } from '../../errors';
import type { Need } from '../../need';
import type { VolumeUnit, Product } from '../../product';
import { SUPPLY_RISK, type TerritoryKind } from './risk.cypher';
import type { RiskScopeInput, SupplyRiskArgs } from './risk.input';
import { ActorScopeKind, toScope, toScopeParams, type ScopeField } from '../scope';
import type { CriticalActor, OutsideShare, SingleSupplierNeed, SupplyRisk } from './risk.type';

const RISK_SCOPES = [
  { field: 'epciSiren', kind: ActorScopeKind.EPCI, entity: 'Epci' },
  { field: 'departmentCode', kind: ActorScopeKind.DEPARTMENT, entity: 'Department' },
] as const satisfies readonly ScopeField<keyof RiskScopeInput, TerritoryKind>[];

type SingleRow = { need: Need; buyer: Actor; product: Product; supplier: Actor; coveredVolume: number };
type OutsideRow = Omit<OutsideShare, 'linkShare' | 'valueShare'>;

/** What the ranking reads of a single-supplier need (the reports pass only these fields). */
type RankedRow = { need: Pick<Need, 'unit' | 'volume'>; buyer: Pick<Actor, 'id'>; supplier: Pick<Actor, 'id'> };
/** A critical actor, with the supplier and needs as the rows gave them (CriticalActor for SingleRow). */
type RankedActor<R extends RankedRow> = Omit<CriticalActor, 'actor' | 'needs'> & { actor: R['supplier']; needs: R['need'][] };

const byBuyerThenNeed = (a: SingleRow, b: SingleRow) =>
  a.buyer.id < b.buyer.id ? -1 : a.buyer.id > b.buyer.id ? 1 : a.need.id < b.need.id ? -1 : a.need.id > b.need.id ? 1 : 0;

/**
 * Per supplier, the needs it alone covers, ranked by needs, then buyers, then supplier id: volumes
 * in different units cannot be added, so the count of needs (each a whole need left uncovered) is
 * the ranking's measure and the volumes are given per unit.
 */
export function toCriticalActors<R extends RankedRow>(single: R[], top: number): RankedActor<R>[] {
  const bySupplier = new Map<string, R[]>();
  for (const row of single) bySupplier.set(row.supplier.id, [...(bySupplier.get(row.supplier.id) ?? []), row]);
  const critical = [...bySupplier.values()].map((rows): RankedActor<R> => {
    const volumes = new Map<VolumeUnit, number>();
    for (const r of rows) volumes.set(r.need.unit, (volumes.get(r.need.unit) ?? 0) + r.need.volume);
    return {
      actor: rows[0].supplier,
      needsAffected: rows.length,
      buyersAffected: new Set(rows.map((r) => r.buyer.id)).size,
      uncoveredVolumes: [...volumes].sort(([a], [b]) => a.localeCompare(b)).map(([unit, volume]) => ({ unit, volume })),
      needs: rows.map((r) => r.need),
    };
  });
  critical.sort((a, b) => b.needsAffected - a.needsAffected || b.buyersAffected - a.buyersAffected || a.actor.id.localeCompare(b.actor.id));
  return critical.slice(0, top);
}

/**
 * The supply risks of an EPCI or a department, in one round trip: single-supplier needs, the top
 * critical actors, and the share bought from outside. Arguments checked at the edge (SupplyRiskArgs);
 * NOT_FOUND for an unknown EPCI or department.
 */
export async function findSupplyRisk(db: Database, args: SupplyRiskArgs): Promise<SupplyRisk> {
  const scope = toScope(args.scope, RISK_SCOPES);
  const [row] = await db.read<{
    found: boolean;
    scopeName: string | null;
    checked: number;
    covered: number;
    single: SingleRow[];
    outside: OutsideRow;
  }>(SUPPLY_RISK[scope.kind], toScopeParams(scope));
  if (!row.found) throw new NotFoundError(scope.entity, scope.id);
  const single = [...row.single].sort(byBuyerThenNeed);
  const singleSupplierNeeds: SingleSupplierNeed[] = single.map((r) => ({ ...r, volume: r.need.volume, unit: r.need.unit }));
  const { outside } = row;
  return {
    scopeName: row.scopeName ?? scope.id,
    checkedNeeds: row.checked,
    coveredNeeds: row.covered,
    singleSupplierNeeds,
    criticalActors: toCriticalActors(single, args.top),
    outsideShare: {
      ...outside,
      linkShare: outside.links > 0 ? outside.outsideLinks / outside.links : null,
      valueShare: outside.valueEur > 0 ? outside.outsideValueEur / outside.valueEur : null,
    },
  };
}
