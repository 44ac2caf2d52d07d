import { cypherList } from '../../common';
import {
  alreadySuppliesBuyer,
  carriesLabels,
  coversBuyer,
  inSeason,
  INTERMEDIARY_ROLES,
  locationOf,
  sameOrNarrowerProductIds,
} from '../suppliers';
import { NEED_COVERAGE, NEED_REQUIRED_LABELS } from './matchmaking.cypher';

/**
 * The territory reports' questions on needs (sections 5 and 6), asked of a list of communes: the
 * needs with their coverage, and the candidate leads of the unmet ones. They answer what the
 * GraphQL questions `unmetNeeds` and `supplyRisk` answer for the same buyers, with their rules
 * (NEED_COVERAGE; the supplier search's fragments), in fewer statements and rows: tests check
 * both against those questions on the Drôme seed.
 */

/**
 * The needs of the actors located in $insees, each with its coverage by the rule of NEED_COVERAGE
 * (the graph as it is, no year), in one pass that serves both the unmet needs (UNMET_NEEDS) and the
 * needs held by one supplier (SUPPLY_RISK's `single`; the report computes the outside share from its
 * own purchases, so not that half). Params: $insees. One row: `checked` and `covered` (needs, needs
 * with a covering link), `needs` (unmet and partial, by buyer id then need id, as UNMET_NEEDS gives
 * them but with only the fields a report reads: need {id, volume, unit, months}, buyer {id}, product
 * {id, name, family}, requiredLabels [{id, organic}], coverage, coveringLinks, coveredVolume, place)
 * and `single` (covered by the links of one supplier, by buyer id then need id: need {id, volume,
 * unit}, buyer {id}, product {id, name, family}, supplier {id}, coveredVolume).
 */
export const TERRITORY_NEEDS = /* cypher */ `
  UNWIND $insees AS insee
  MATCH (bc:Commune {insee: insee})<-[:LOCATED_IN]-(b:Actor)-[:NEEDS]->(n:Need)-[:OF_PRODUCT]->(p:Product)
  ${NEED_REQUIRED_LABELS}
  ${NEED_COVERAGE}
  WITH b, bc, n, p, required, coveringLinks, coveredVolume, supplierIds,
       CASE WHEN coveringLinks = 0 THEN 'UNMET' WHEN coveredVolume < n.volume THEN 'PARTIAL' ELSE 'COVERED' END AS coverage
  OPTIONAL MATCH (only:Actor {id: CASE WHEN size(supplierIds) = 1 THEN supplierIds[0] END})
  WITH b, bc, n, p, required, coveringLinks, coveredVolume, coverage, only
  ORDER BY b.id, n.id
  RETURN count(n) AS checked,
         count(CASE WHEN coveringLinks > 0 THEN 1 END) AS covered,
         collect(CASE WHEN coverage <> 'COVERED' THEN {
           need: n {.id, .volume, .unit, .months}, buyer: b {.id}, product: p {.id, .name, .family},
           requiredLabels: [r IN required | r {.id, .organic}],
           coverage: coverage, coveringLinks: coveringLinks, coveredVolume: coveredVolume,
           place: {actorId: b.id, point: coalesce(b.location, bc.location), communeInsee: bc.insee,
                   epciSiren: COLLECT { MATCH (bc)-[:IN_EPCI]->(be:Epci) RETURN be.siren }[0],
                   departmentCode: COLLECT { MATCH (bc)-[:IN_DEPARTMENT]->(bd:Department) RETURN bd.code }[0]}
         } END) AS needs,
         collect(CASE WHEN only IS NOT NULL THEN {
           need: n {.id, .volume, .unit}, buyer: b {.id}, product: p {.id, .name, .family}, supplier: only {.id}, coveredVolume: coveredVolume
         } END) AS single`;

/**
 * The candidate leads of needs, for the territory reports' "Pistes d'action": the same matches as
 * the supplier search of findUnmetNeeds asks with at most one intermediary and a radius as local
 * definition (the report's question), in one statement, returning only what a lead prints.
 *
 * Why a statement of its own: the report needs, per need, the first `limit` matches in the
 * supplier search's order (intermediaries, distance, supplier id, offer id), not their explained
 * paths. With at most one intermediary that order only asks whether a candidate offer reaches the
 * buyer directly, else whether some way through one reseller does (which way is best does not
 * matter: every way has one intermediary, and the distance ordered on is the supplier's). So the
 * candidates are taken in (distance, supplier id, offer id) order and read lazily: the first `limit`
 * that reach the buyer directly; only when there are fewer, the first that reach it through one
 * reseller (an EXISTS per candidate, stopped at `limit`), instead of every way of every candidate
 * being listed, shipped and compared (the pipeline's DIRECT_CANDIDATES, WAY_PATHS and
 * RESELLERS_DELIVERING); and no path map is built. The rules are the pipeline's own fragments
 * (suppliers.cypher.ts: carriesLabels, inSeason, coversBuyer, alreadySuppliesBuyer, locationOf),
 * and a test checks the leads equal findUnmetNeeds' candidates for every need of the Drôme seed.
 *
 * Params: $requests [{key (need id), buyerId, buyerPoint, buyerCommuneInsee, buyerEpciSiren,
 * productIds, labelIds (required labels that are not legal organic), organic (true or null),
 * organicClaim (null), months}], $localRadiusM (metres), $limit (neo4j.int). Returns one row per
 * lead, in order within each key: key, supplierId, product {id, name, family}, distanceM,
 * intermediaries (0 or 1), labelIds (the offer's, sorted).
 */
export const NEED_CANDIDATE_LEADS = /* cypher */ `
  UNWIND $requests AS req
  CALL (req) {
    WITH req, COLLECT {
        MATCH (narrower:Product)-[:IS_A*0..6]->(asked:Product) WHERE asked.id IN req.productIds
        RETURN DISTINCT narrower.id
      } AS productIds
    OPTIONAL MATCH (buyer:Actor {id: req.buyerId})
    MATCH (o:Offer) USING INDEX o:Offer(productId, organic)
    WHERE o.productId IN productIds
      AND o.organic IN CASE WHEN req.organic IS NULL THEN [true, false] ELSE [req.organic] END
      AND ${inSeason('o')}
      AND ${carriesLabels('o', 'o.organic')}
    WITH req, buyer, o, point.distance(o.supplierLocation, req.buyerPoint) AS distanceM
    WHERE distanceM IS NOT NULL AND distanceM <= $localRadiusM AND o.supplierIsOrigin AND o.supplierId <> req.buyerId
    WITH req, buyer, o, distanceM ORDER BY distanceM, o.supplierId, o.id
    WITH req, buyer, collect({o: o, distanceM: distanceM}) AS candidates
    WITH req, buyer, candidates, COLLECT {
        UNWIND candidates AS c
        WITH req, buyer, c, c.o AS o,
             ${sameOrNarrowerProductIds('c.o.productId')} AS offerProductIds
        WHERE CASE WHEN ${coversBuyer('o', 'c.distanceM')} THEN true ELSE ${alreadySuppliesBuyer('(o)<-[:OFFERS]-(:Actor)')} END
        RETURN c LIMIT $limit
      } AS direct
    WITH req, buyer, candidates, direct, COLLECT {
        WITH req, buyer, candidates, direct WHERE size(direct) < $limit
        UNWIND candidates AS c
        WITH req, buyer, c, c.o AS o,
             ${sameOrNarrowerProductIds('c.o.productId')} AS offerProductIds
        WHERE NOT c IN direct AND EXISTS {
          MATCH (o)<-[:OFFERS]-(s:Actor)-[:SUPPLIES]->(link:SupplyLink)-[:TO]->(reseller:Actor),
                (link)-[:OF_PRODUCT]->(lp:Product)
          WHERE reseller <> s AND reseller.id <> req.buyerId
            AND any(role IN reseller.roles WHERE role IN ${cypherList(INTERMEDIARY_ROLES)})
            AND lp.id IN offerProductIds
            AND ${carriesLabels('link')}
            AND (EXISTS {
                  MATCH (reseller)-[:OFFERS]->(ro:Offer)-[:OF_PRODUCT]->(rp:Product)
                  WHERE EXISTS { (lp)-[:IS_A*0..6]->(rp) }
                    AND ${inSeason('ro')}
                    AND ${carriesLabels('ro', 'ro.organic')}
                    AND (${coversBuyer('ro', `point.distance(${locationOf('reseller')}, req.buyerPoint)`)})
                } OR ${alreadySuppliesBuyer('(reseller)')})
        }
        RETURN c LIMIT $limit
      } AS throughReseller
    UNWIND range(0, size(direct) + size(throughReseller) - 1) AS rank
    WITH req, rank, CASE WHEN rank < size(direct) THEN direct[rank] ELSE throughReseller[rank - size(direct)] END AS c,
         CASE WHEN rank < size(direct) THEN 0 ELSE 1 END AS intermediaries
    WHERE rank < $limit
    WITH rank, c.o AS o, c.distanceM AS distanceM, intermediaries
    OPTIONAL MATCH (p:Product {id: o.productId})
    RETURN o.supplierId AS supplierId, p {.id, .name, .family} AS product, distanceM, intermediaries,
           COLLECT { MATCH (o)-[:CERTIFIED]->(label:Label) RETURN label.id ORDER BY label.id } AS labelIds
    ORDER BY rank
  }
  RETURN req.key AS key, supplierId, product, distanceM, intermediaries, labelIds`;
