import { COUNTS_AS_ORGANIC } from '../../records';
import { ActorScopeKind, SCOPE_FRAGMENTS } from '../scope';

/**
 * Matchmaking: unmet needs and potential buyers. The coverage rule (NEED_COVERAGE) is shared with
 * the supply-risk statements (risk.cypher.ts), so "covered" means the same thing everywhere.
 */

/**
 * Whether label `c`, carried by goods of product `gp`, meets required label `r`: for a required
 * legal organic label (`organic`: AB, EU organic leaf, in conversion), any label that makes these
 * goods organic in law (COUNTS_AS_ORGANIC: in conversion only for plant products, EU 2018/848 art.
 * 30, as EGalim counts them); for any other label, the same label. A private mark (Nature &
 * Progrès, Demeter) meets only itself: it is not organic in law, so goods carrying it alone never
 * cover an AB need, and in-conversion lamb never covers one either.
 */
const MEETS = `CASE WHEN r.organic THEN ${COUNTS_AS_ORGANIC('c', 'gp')} ELSE c = r END`;

/**
 * `x` (a SupplyLink or an Offer) carries every label of `required` (MEETS, judged for its own product).
 * The one coverage rule of labels: need coverage, supply risk, potential buyers and the reports use it.
 */
export const CARRIES_REQUIRED = (x: string) =>
  `all(r IN required WHERE EXISTS { MATCH (${x})-[:CERTIFIED]->(c:Label), (${x})-[:OF_PRODUCT]->(gp:Product) WHERE ${MEETS} })`;

/**
 * Binds `required`, the labels need `n` requires (a list of nodes).
 */
export const NEED_REQUIRED_LABELS = /* cypher */ `
  CALL (n) { OPTIONAL MATCH (n)-[:REQUIRES]->(r:Label) RETURN collect(r) AS required }`;

/**
 * The coverage of need `n` of buyer `b` for product `p` with `required` labels: the supply links to
 * the buyer of the product or a narrower one (IS_A*0..6) carrying every required label (CARRIES_REQUIRED).
 * Binds `coveringLinks` (count), `coveredVolume` (the sum of their volumes in the need's unit; links
 * in another unit cover but add nothing) and `supplierIds` (their distinct suppliers, sorted).
 * Always one row: the aggregation runs over no link too.
 */
export const NEED_COVERAGE = /* cypher */ `
  CALL (n, b, p, required) {
    OPTIONAL MATCH (s:Actor)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(b)
    WHERE EXISTS { (l)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(p) }
      AND ${CARRIES_REQUIRED('l')}
    WITH n, s, l ORDER BY s.id
    RETURN count(l) AS coveringLinks,
           toFloat(sum(CASE WHEN l.unit = n.unit THEN l.volume ELSE 0 END)) AS coveredVolume,
           collect(DISTINCT s.id) AS supplierIds
  }`;

/**
 * The needs of a scope's actors that are not (or, with $includePartial, not fully) covered, in one
 * round trip. Params: $scopeId, $includePartial. One row: `found` (the scope exists), `checked`,
 * `unmet` and `partial` (counts over every need of the scope), and `needs` (by buyer id, then need
 * id): need, buyer, product, requiredLabels, coverage, coveringLinks, coveredVolume, and `place`
 * (the buyer's BuyerPlace, as findBuyerPlaces builds it, for the candidate search).
 */
export const UNMET_NEEDS: Readonly<Record<ActorScopeKind, string>> = Object.fromEntries(
  Object.values(ActorScopeKind).map((kind) => [
    kind,
    /* cypher */ `
  ${SCOPE_FRAGMENTS[kind].scope}
  CALL () {
    ${SCOPE_FRAGMENTS[kind].actors}
    MATCH (b)-[:NEEDS]->(n:Need)-[:OF_PRODUCT]->(p:Product)
    ${NEED_REQUIRED_LABELS}
    ${NEED_COVERAGE}
    WITH b, n, p, required, coveringLinks, coveredVolume,
         CASE WHEN coveringLinks = 0 THEN 'UNMET' WHEN coveredVolume < n.volume THEN 'PARTIAL' ELSE 'COVERED' END AS coverage
    OPTIONAL MATCH (b)-[:LOCATED_IN]->(bc:Commune)
    OPTIONAL MATCH (bc)-[:IN_EPCI]->(be:Epci)
    OPTIONAL MATCH (bc)-[:IN_DEPARTMENT]->(bd:Department)
    WITH b, n, p, required, coveringLinks, coveredVolume, coverage, bc, be, bd
    ORDER BY b.id, n.id
    RETURN count(n) AS checked,
           count(CASE WHEN coverage = 'UNMET' THEN 1 END) AS unmet,
           count(CASE WHEN coverage = 'PARTIAL' THEN 1 END) AS partial,
           collect(CASE WHEN coverage = 'UNMET' OR (coverage = 'PARTIAL' AND $includePartial) THEN {
             need: n {.*}, buyer: b {.*}, product: p {.*},
             requiredLabels: [r IN required | r {.*}],
             coverage: coverage, coveringLinks: coveringLinks, coveredVolume: coveredVolume,
             place: {actorId: b.id, point: coalesce(b.location, bc.location), communeInsee: bc.insee, epciSiren: be.siren, departmentCode: bd.code}
           } END) AS needs
  }
  RETURN t IS NOT NULL AS found, t.name AS scopeName, checked, unmet, partial, needs`,
  ]),
) as Record<ActorScopeKind, string>;

/**
 * Buyers within $radiusM metres of the producer that need what it offers and do not buy it from
 * it, in one round trip. Params: $producerId, $radiusM, $first (neo4j.int). A need qualifies when
 * one of the producer's offers is of the need's product or a narrower one (IS_A*0..6), carries
 * every required label (CARRIES_REQUIRED), and shares a month with the need (a need or offer with no months
 * is taken as all year); and the producer has no supply link to the buyer of the need's product or
 * a narrower one, whatever its labels. One row: `found`, `located` (the producer has a point),
 * `producer`, `total`, and `rows` (the first $first, nearest first, then buyer id, need id): need,
 * buyer, product, requiredLabels, offers (by id), distanceM, coverage, coveredVolume.
 */
export const POTENTIAL_BUYERS = /* cypher */ `
  OPTIONAL MATCH (s:Actor {id: $producerId})
  OPTIONAL MATCH (s)-[:LOCATED_IN]->(sc:Commune)
  WITH s, coalesce(s.location, sc.location) AS origin
  CALL (s, origin) {
    MATCH (s)-[:OFFERS]->(o:Offer)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(p:Product)<-[:OF_PRODUCT]-(n:Need)<-[:NEEDS]-(b:Actor)
    WHERE b <> s AND origin IS NOT NULL
      AND (size(coalesce(n.months, [])) = 0 OR size(coalesce(o.months, [])) = 0 OR any(m IN n.months WHERE m IN o.months))
    ${NEED_REQUIRED_LABELS}
    WITH s, origin, o, p, n, b, required
    WHERE ${CARRIES_REQUIRED('o')}
      AND NOT EXISTS {
        (s)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(b)
        WHERE EXISTS { (l)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(p) }
      }
    OPTIONAL MATCH (b)-[:LOCATED_IN]->(bc:Commune)
    WITH o, p, n, b, required, point.distance(origin, coalesce(b.location, bc.location)) AS distanceM
    WHERE distanceM <= $radiusM
    WITH p, n, b, required, distanceM, o ORDER BY o.id
    WITH p, n, b, required, distanceM, collect(o {.*}) AS offers
    ${NEED_COVERAGE}
    WITH p, n, b, required, distanceM, offers, coveringLinks, coveredVolume
    ORDER BY distanceM, b.id, n.id
    WITH collect({
      need: n {.*}, buyer: b {.*}, product: p {.*}, requiredLabels: [r IN required | r {.*}], offers: offers,
      distanceM: distanceM, coveredVolume: coveredVolume,
      coverage: CASE WHEN coveringLinks = 0 THEN 'UNMET' WHEN coveredVolume < n.volume THEN 'PARTIAL' ELSE 'COVERED' END
    }) AS matched
    RETURN size(matched) AS total, matched[0..$first] AS rows
  }
  RETURN s IS NOT NULL AS found, origin IS NOT NULL AS located, s {.*} AS producer, total, rows`;
