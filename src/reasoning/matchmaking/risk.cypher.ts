import { ActorScopeKind, SCOPE_FRAGMENTS } from '../scope';
import { NEED_COVERAGE, NEED_REQUIRED_LABELS } from './matchmaking.cypher';

/** The territories a supply-risk report covers. */
export type TerritoryKind = ActorScopeKind.EPCI | ActorScopeKind.DEPARTMENT;

/**
 * Supply risk in a territory, in one round trip. Params: $scopeId (an EPCI's SIREN or a department
 * code). One row:
 * - `found`, `scopeName`;
 * - `checked` (needs of the territory's buyers) and `covered` (needs with at least one covering
 *   link, the rule of NEED_COVERAGE);
 * - `single`: the covered needs whose covering links all come from one supplier,
 *   in no particular order (need, buyer, product, supplier, coveredVolume);
 * - `outside`: over the supply links bought by actors of the territory, `links`, `outsideLinks`
 *   (whose supplier is not located in the territory), `valueEur` and `outsideValueEur` (sums of
 *   the known valueEur), `linksWithoutValue`.
 */
export const SUPPLY_RISK: Readonly<Record<TerritoryKind, string>> = Object.fromEntries(
  [ActorScopeKind.EPCI, ActorScopeKind.DEPARTMENT].map((kind) => [
    kind,
    /* cypher */ `
  ${SCOPE_FRAGMENTS[kind].scope}
  CALL () {
    ${SCOPE_FRAGMENTS[kind].actors}
    MATCH (b)-[:NEEDS]->(n:Need)-[:OF_PRODUCT]->(p:Product)
    ${NEED_REQUIRED_LABELS}
    ${NEED_COVERAGE}
    WITH b, n, p, coveringLinks, coveredVolume, supplierIds
    OPTIONAL MATCH (only:Actor {id: CASE WHEN size(supplierIds) = 1 THEN supplierIds[0] END})
    RETURN count(n) AS checked,
           count(CASE WHEN coveringLinks > 0 THEN 1 END) AS covered,
           collect(CASE WHEN only IS NOT NULL THEN {
             need: n {.*}, buyer: b {.*}, product: p {.*}, supplier: only {.*}, coveredVolume: coveredVolume
           } END) AS single
  }
  CALL () {
    ${SCOPE_FRAGMENTS[kind].actors}
    MATCH (s:Actor)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(b)
    WITH l, NOT EXISTS { ${SCOPE_FRAGMENTS[kind].contains('s')} } AS outside
    RETURN {
      links: count(l),
      outsideLinks: count(CASE WHEN outside THEN 1 END),
      valueEur: toFloat(sum(coalesce(l.valueEur, 0))),
      outsideValueEur: toFloat(sum(CASE WHEN outside THEN coalesce(l.valueEur, 0) ELSE 0 END)),
      linksWithoutValue: count(CASE WHEN l.valueEur IS NULL THEN 1 END)
    } AS outside
  }
  RETURN t IS NOT NULL AS found, t.name AS scopeName, checked, covered, single, outside`,
  ]),
) as Record<TerritoryKind, string>;
