import { ActorRole } from '../../actor';
import { cypherList } from '../../common';
import { ORGANIC_CLAIM_KINDS } from '../../label';

/**
 * "Who can supply X to Y" in Cypher. Two statements share one body:
 *
 * - SUPPLIER_MATCHES answers a batch of resolved requests (`UNWIND $requests AS req`), one result
 *   row per request: the GraphQL query and the unmet-needs matchmaking both use it.
 * - SUPPLIER_QUESTION first resolves one question as a client asks it (a product id or name, a buyer
 *   or a commune or a point), then runs the same body: one round trip per question.
 *
 * How the body finds matches, cheapest step first:
 *  1. the asked products and their narrower ones (IS_A, at most 6 levels: the taxonomy is 4 deep);
 *  2. their offers through the offer_product_organic index (the offers' productId and organic
 *     keys): the product is the selective start (a radius of 100 km around Valence holds most of
 *     the Drôme's actors, so a point-index scan would return nearly all of them), and the index
 *     skips the needs and supply links that also point at a product, and the non-organic offers
 *     when organic is asked. Offers out of season, too small or without the labels are dropped
 *     before any traversal;
 *  3. the local definition on the supplier (radius, or department(s) or EPCI of its commune), and
 *     the rule that an actor that only resells is no origin, read from the offer's supplier keys
 *     (supplierLocation, supplierIsOrigin, supplierId): no supplier is visited before the page;
 *  4. the ways to the buyer: direct (the offer covers the buyer, or the supplier already sells it
 *     the offer's goods); otherwise, and only then (a direct way always wins), along supply links
 *     of the offer's own goods (its product or a narrower one, offerProductIds) through 1 to 3 resellers: a quantified path pattern whose bound (3) is a literal and whose
 *     predicates prune each hop during the expansion; the parameter maxIntermediaries filters
 *     after. Relationship uniqueness and the distinct-actors check stop cycles. The last reseller
 *     must deliver the buyer: an offer of the goods it bought (or of a broader product: a
 *     wholesaler's "wheat flour" line covers the T80 it buys) covering the buyer, in season and with
 *     the labels, or an existing sale to the buyer. Of the ways found, the best only: fewest
 *     intermediaries, then shortest, then by ids. So one match per supplier and offer;
 *  5. order by (intermediaries, distance, supplier id, offer id), count, keyset-slice, and only then
 *     read the suppliers and build the maps of the page (product, labels, intermediary steps).
 */

/**
 * Roles that make an actor an intermediary when it buys a matching product on a supply link and
 * passes it on: the resellers, and a cooperative reselling what it collects. In this order of
 * preference for the role shown on a path step.
 */
export const INTERMEDIARY_ROLES = [
  ActorRole.WHOLESALER,
  ActorRole.FOOD_HUB,
  ActorRole.MARKET,
  ActorRole.RETAILER,
  ActorRole.COOPERATIVE,
] as const;

/** The most intermediaries a question may allow; also the literal bound of the path pattern. */
export const MAX_INTERMEDIARIES = 3;

/**
 * `x` (an Offer or a SupplyLink) carries every label of req.labelIds, is legally organic as
 * req.organic asks, and claims organic (any organic label, certified or private) as req.organicClaim asks. `organic` says whether x is organic: by default its labels; an offer's organic key
 * (SET_OFFER_KEYS in offer.cypher.ts) spares the traversal. The size() guards spare the runtime a
 * nested plan per row when no label or month is asked.
 */
const carriesLabels = (x: string, organic = `EXISTS { (${x})-[:CERTIFIED]->(:Label {organic: true}) }`) =>
  `((size(req.labelIds) = 0 OR all(labelId IN req.labelIds WHERE EXISTS { (${x})-[:CERTIFIED]->(:Label {id: labelId}) }))
      AND (req.organic IS NULL OR req.organic = ${organic})
      AND (req.organicClaim IS NULL OR req.organicClaim = EXISTS {
        (${x})-[:CERTIFIED]->(claim:Label) WHERE claim.organic OR claim.kind IN ${cypherList(ORGANIC_CLAIM_KINDS)} }))`;

/** `x` (an Offer) is available in every month of req.months. */
const inSeason = (x: string) => `(size(req.months) = 0 OR all(month IN req.months WHERE month IN ${x}.months))`;

/**
 * `x` (a SupplyLink) carries the offer's own goods: its product is the offer's or a narrower one
 * (offerProductIds). A link of another matching product (the supplier's picodon under its tomme
 * offer, a kiwi link under a cherry offer) does not carry this offer's goods.
 */
const ofOfferGoods = (x: string) => `EXISTS { (${x})-[:OF_PRODUCT]->(xp:Product) WHERE xp.id IN offerProductIds }`;

/**
 * Where actor `x` stands: its point, else its commune's centroid (null when it has neither). A CASE,
 * not coalesce(): the planner then reads the commune only for the rare actor without a point.
 */
const locationOf = (x: string) =>
  `CASE WHEN ${x}.location IS NULL THEN COLLECT { MATCH (${x})-[:LOCATED_IN]->(xc:Commune) RETURN xc.location }[0] ELSE ${x}.location END`;

/**
 * Offer `x` of an actor at `distance` metres from the buyer covers the buyer: within its radius, or
 * listing the buyer's commune or EPCI. A CASE, not OR: the planner then reads the delivery area only
 * for the offers whose radius does not reach (most do), instead of passing every row through it.
 */
const coversBuyer = (x: string, distance: string) => `CASE WHEN ${distance} <= ${x}.deliveryRadiusKm * 1000 THEN true
      ELSE EXISTS { (${x})-[:DELIVERS_TO]->(:Commune {insee: req.buyerCommuneInsee}) }
        OR EXISTS { (${x})-[:DELIVERS_TO]->(:Epci {siren: req.buyerEpciSiren}) } END`;

/**
 * The actor at the end of pattern `seller` already sells the buyer (an actor) the offer's goods (its
 * product or a narrower one: an existing sale counts for the offers of its product) with the labels.
 */
const alreadySuppliesBuyer = (seller: string) => `(buyer IS NOT NULL AND EXISTS {
      MATCH ${seller}-[:SUPPLIES]->(bl:SupplyLink)-[:TO]->(buyer)
      WHERE ${ofOfferGoods('bl')} AND ${carriesLabels('bl')}
    })`;

/**
 * The matches of one resolved request `req`, as a subquery that always yields one row: total (all
 * matches) and ordered (every match, light: nodes and numbers, in the final order).
 */
const MATCHES_OF_REQUEST = /* cypher */ `
  CALL (req) {
    WITH req, COLLECT {
        MATCH (narrower:Product)-[:IS_A*0..6]->(asked:Product) WHERE asked.id IN req.productIds
        RETURN DISTINCT narrower.id
      } AS productIds
    OPTIONAL MATCH (buyer:Actor {id: req.buyerId})
    WITH req, productIds, buyer,
         CASE req.localScope
           WHEN 'DEPARTMENT' THEN [req.buyerDepartmentCode]
           WHEN 'DEPARTMENT_AND_NEIGHBOURS' THEN [req.buyerDepartmentCode] +
             COLLECT { MATCH (:Department {code: req.buyerDepartmentCode})-[:NEIGHBOUR_OF]-(n:Department) RETURN n.code }
           WHEN 'REGION' THEN req.buyerRegionDepartmentCodes
           ELSE [] END AS localDepartments
    MATCH (o:Offer) USING INDEX o:Offer(productId, organic)
    WHERE o.productId IN productIds
      AND o.organic IN CASE WHEN req.organic IS NULL THEN [true, false] ELSE [req.organic] END
      AND ${inSeason('o')}
      AND (req.minVolume IS NULL OR o.capacity >= req.minVolume)
      AND ${carriesLabels('o', 'o.organic')}
    WITH req, productIds, buyer, localDepartments, o, point.distance(o.supplierLocation, req.buyerPoint) AS distanceM
    WHERE distanceM IS NOT NULL AND o.supplierIsOrigin AND (req.buyerId IS NULL OR o.supplierId <> req.buyerId)
      AND CASE req.localScope
        WHEN 'RADIUS' THEN distanceM <= req.localRadiusM
        WHEN 'EPCI' THEN EXISTS { (o)<-[:OFFERS]-(:Actor)-[:LOCATED_IN]->(:Commune)-[:IN_EPCI]->(:Epci {siren: req.buyerEpciSiren}) }
        ELSE EXISTS { (o)<-[:OFFERS]-(:Actor)-[:LOCATED_IN]->(:Commune)-[:IN_DEPARTMENT]->(d:Department) WHERE d.code IN localDepartments }
      END
    WITH req, buyer, o, distanceM,
         COLLECT { MATCH (own:Product)-[:IS_A*0..6]->(:Product {id: o.productId}) RETURN own.id } AS offerProductIds
    WITH req, buyer, o, distanceM, offerProductIds,
         CASE WHEN ${coversBuyer('o', 'distanceM')} THEN true ELSE ${alreadySuppliesBuyer('(o)<-[:OFFERS]-(:Actor)')} END AS direct
    WITH o, distanceM, direct, CASE WHEN direct OR req.maxIntermediaries < 1 THEN null ELSE COLLECT {
      MATCH (o)<-[:OFFERS]-(s:Actor)
      MATCH (s)((seller:Actor)-[:SUPPLIES]->(link:SupplyLink)-[:TO]->(reseller:Actor)
                WHERE any(role IN reseller.roles WHERE role IN ${cypherList(INTERMEDIARY_ROLES)})
                  AND (buyer IS NULL OR reseller <> buyer)
                  AND ${ofOfferGoods('link')}
                  AND ${carriesLabels('link')}){1,${MAX_INTERMEDIARIES}}(last:Actor)
      WITH *, last(link) AS lastLink
      WHERE size(reseller) <= req.maxIntermediaries
        AND NOT s IN reseller
        AND all(i IN range(0, size(reseller) - 2) WHERE NOT reseller[i] IN reseller[i + 1..])
        AND (EXISTS {
              MATCH (last)-[:OFFERS]->(ro:Offer)-[:OF_PRODUCT]->(rp:Product)
              WHERE EXISTS { (lastLink)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(rp) }
                AND ${inSeason('ro')}
                AND ${carriesLabels('ro', 'ro.organic')}
                AND (${coversBuyer('ro', `point.distance(${locationOf('last')}, req.buyerPoint)`)})
            } OR ${alreadySuppliesBuyer('(last)')})
      WITH reseller AS resellers, link AS links, [o.supplierLocation] + [r IN reseller | ${locationOf('r')}] + [req.buyerPoint] AS stops
      WITH resellers, links, [i IN range(1, size(stops) - 1) | point.distance(stops[i - 1], stops[i])] AS legs
      RETURN {resellers: resellers, links: links, legs: legs} AS way
      ORDER BY size(resellers), reduce(sum = 0.0, leg IN legs | sum + coalesce(leg, 0.0)), [r IN resellers | r.id], [l IN links | l.id]
      LIMIT 1
    }[0] END AS way
    WITH o, distanceM, direct, way.resellers AS resellers, way.links AS links, way.legs AS legs
    WHERE direct OR resellers IS NOT NULL
    WITH o, distanceM, coalesce(resellers, []) AS resellers, coalesce(links, []) AS links, coalesce(legs, [distanceM]) AS legs
    ORDER BY size(resellers), distanceM, o.supplierId, o.id
    RETURN count(*) AS total,
           collect({offer: o, distanceM: distanceM, resellers: resellers, links: links, legs: legs}) AS ordered
  }`;

/** The matches after the cursor req.after ([intermediaries, distanceM, supplierId, offerId], or null), at most req.limit. */
const PAGE_OF_REQUEST = /* cypher */ `
  [m IN ordered WHERE req.after IS NULL
     OR size(m.resellers) > req.after[0]
     OR (size(m.resellers) = req.after[0] AND (m.distanceM > req.after[1]
       OR (m.distanceM = req.after[1] AND (m.offer.supplierId > req.after[2]
         OR (m.offer.supplierId = req.after[2] AND m.offer.id > req.after[3])))))][..req.limit]`;

/**
 * Builds the returned maps of a page (product, labels, intermediary steps), in the page's order;
 * always one row. Actors carry their effective location (their point, else their commune's
 * centroid). The supplier and buyer steps of a path are left to the service (toMatchRow), which
 * has both maps already: the maps of a page are what the driver decodes on every question.
 */
const MATCH_MAPS_OF_PAGE = /* cypher */ `
  CALL (page) {
    UNWIND page AS m
    WITH m, m.offer AS o
    MATCH (o)<-[:OFFERS]-(s:Actor)
    OPTIONAL MATCH (p:Product {id: o.productId})
    WITH m, s, o, p,
         [link IN m.links | COLLECT { MATCH (link)-[:OF_PRODUCT]->(lp:Product) RETURN properties(lp) }[0]] AS linkProducts,
         [r IN m.resellers | r {.*, location: ${locationOf('r')}}] AS resellerMaps
    RETURN collect({
      supplier: s {.*, location: ${locationOf('s')}},
      offer: properties(o),
      product: properties(p),
      labels: COLLECT { MATCH (o)-[:CERTIFIED]->(label:Label) RETURN properties(label) AS label ORDER BY label.id },
      distanceM: m.distanceM,
      steps: [i IN range(0, size(m.resellers) - 1) | {
        actor: resellerMaps[i],
        role: head([role IN ${cypherList(INTERMEDIARY_ROLES)} WHERE role IN m.resellers[i].roles]),
        product: linkProducts[i],
        distanceM: m.legs[i]}],
      lastLegM: last(m.legs)
    }) AS matches
  }`;

/**
 * The matches of a batch of resolved requests. Params: $requests (see toRequestParams in
 * suppliers.service.ts: key, buyerId, buyerPoint, buyerCommuneInsee, buyerEpciSiren,
 * buyerDepartmentCode, buyerRegionDepartmentCodes, productIds, labelIds, organic, organicClaim, months,
 * minVolume, localScope, localRadiusM,
 * maxIntermediaries, limit, after). Returns one row per request: key, buyer (the buyer actor's map, or
 * null), total (all matches), matches (the page after req.after, at most req.limit, in order).
 */
export const SUPPLIER_MATCHES = /* cypher */ `
  UNWIND $requests AS req
  ${MATCHES_OF_REQUEST}
  WITH req, total, ${PAGE_OF_REQUEST} AS page
  ${MATCH_MAPS_OF_PAGE}
  RETURN req.key AS key, total, matches,
         COLLECT { MATCH (b:Actor {id: req.buyerId}) RETURN b {.*, location: ${locationOf('b')}} }[0] AS buyer`;

/**
 * One question as a client asks it, resolved and answered in one round trip. Params: $question
 * {productId, productQuery (Lucene, for a product name), buyerId, communeInsee, communeNamePattern
 * (a Java regex built by the service), point, and the request fields labelIds, organic, months,
 * minVolume, localScope, localRadiusM, maxIntermediaries, limit, after; organicClaim; and regionDepartmentCodes, a
 * map from each department code to the codes of its region, REGION_DEPARTMENT_CODES}.
 *
 * A product name resolves to the best full-text hit among products (shortest name on a tie: "farine"
 * is Farine, not Farine de blé T80), from the product-only index: the shared name index would rank
 * a hundred thousand actor names too. A point's commune is the
 * nearest commune centroid within 20 km (point index); a buyer without a commune gets its point's. Returns one row: resolution (what each
 * given reference resolved to, for the service's NOT_FOUND and BAD_USER_INPUT errors), total, matches.
 * Matching is skipped (no product ids) when the product or the place did not resolve.
 */
export const SUPPLIER_QUESTION = /* cypher */ `
  WITH $question AS q
  OPTIONAL MATCH (productById:Product {id: q.productId})
  WITH q, coalesce(productById, COLLECT {
      WITH q WHERE q.productQuery IS NOT NULL
      CALL db.index.fulltext.queryNodes('product_name_fulltext', q.productQuery, {limit: 50}) YIELD node, score
      RETURN node ORDER BY score DESC, size(node.name), node.id LIMIT 1
    }[0]) AS product
  OPTIONAL MATCH (buyerActor:Actor {id: q.buyerId})
  OPTIONAL MATCH (buyerActor)-[:LOCATED_IN]->(buyerCommune:Commune)
  OPTIONAL MATCH (inseeCommune:Commune {insee: q.communeInsee})
  WITH q, product, buyerActor, buyerCommune, inseeCommune,
       CASE WHEN q.communeNamePattern IS NULL THEN [] ELSE COLLECT {
         MATCH (c:Commune) WHERE c.name =~ q.communeNamePattern
         RETURN c ORDER BY c.population DESC, c.insee LIMIT 10
       } END AS named,
       coalesce(q.point, CASE WHEN buyerCommune IS NULL THEN buyerActor.location END) AS pointToPlace
  WITH q, product, buyerActor, buyerCommune, inseeCommune, named, CASE WHEN pointToPlace IS NULL THEN [] ELSE COLLECT {
         MATCH (c:Commune) WHERE point.distance(c.location, pointToPlace) <= 20000
         RETURN c ORDER BY point.distance(c.location, pointToPlace), c.insee LIMIT 1
       } END AS nearest
  WITH q, product, buyerActor, named,
       CASE
         WHEN q.communeInsee IS NOT NULL THEN inseeCommune
         WHEN q.communeNamePattern IS NOT NULL THEN CASE WHEN size(named) = 1 THEN named[0] END
         ELSE coalesce(buyerCommune, nearest[0])
       END AS commune
  WITH q, product, buyerActor, named, commune,
       CASE WHEN q.buyerId IS NOT NULL THEN coalesce(buyerActor.location, commune.location) ELSE coalesce(q.point, commune.location) END AS place
  OPTIONAL MATCH (commune)-[:IN_EPCI]->(epci:Epci)
  OPTIONAL MATCH (commune)-[:IN_DEPARTMENT]->(department:Department)
  WITH q, product, buyerActor, named, commune, place, epci, department, {
    key: 'question',
    buyerId: buyerActor.id,
    buyerPoint: place,
    buyerCommuneInsee: commune.insee,
    buyerEpciSiren: epci.siren,
    buyerDepartmentCode: department.code,
    productIds: CASE WHEN product IS NULL OR place IS NULL THEN [] ELSE [product.id] END,
    buyerRegionDepartmentCodes: coalesce(q.regionDepartmentCodes[department.code], []),
    labelIds: q.labelIds, organic: q.organic, organicClaim: q.organicClaim, months: q.months, minVolume: q.minVolume,
    localScope: q.localScope, localRadiusM: q.localRadiusM, maxIntermediaries: q.maxIntermediaries,
    limit: q.limit, after: q.after
  } AS req
  ${MATCHES_OF_REQUEST}
  WITH q, product, buyerActor, named, commune, place, epci, department, req, total, ${PAGE_OF_REQUEST} AS page
  ${MATCH_MAPS_OF_PAGE}
  RETURN {
    product: properties(product),
    buyer: CASE WHEN buyerActor IS NULL THEN null ELSE buyerActor {.*, location: place} END,
    commune: properties(commune),
    communeCandidates: [c IN named | {insee: c.insee, name: c.name,
      departmentCode: COLLECT { MATCH (c)-[:IN_DEPARTMENT]->(d:Department) RETURN d.code }[0]}],
    point: place,
    epci: properties(epci),
    department: properties(department),
    neighbourCodes: COLLECT { MATCH (department)-[:NEIGHBOUR_OF]-(n:Department) RETURN n.code ORDER BY n.code },
    unknownLabelIds: [id IN q.labelIds WHERE NOT EXISTS { MATCH (:Label {id: id}) }]
  } AS resolution, total, matches`;

/**
 * The buyer place of each actor: its location (its commune's centroid when it has none), commune,
 * EPCI and department. Params: $keys (actor ids). Returns rows: key, value (BuyerPlace; point null
 * when the actor has neither a location nor a commune).
 */
export const BUYER_PLACES = /* cypher */ `
  UNWIND $keys AS key
  MATCH (a:Actor {id: key})
  OPTIONAL MATCH (a)-[:LOCATED_IN]->(c:Commune)
  OPTIONAL MATCH (c)-[:IN_EPCI]->(e:Epci)
  OPTIONAL MATCH (c)-[:IN_DEPARTMENT]->(d:Department)
  RETURN key, {actorId: a.id, point: coalesce(a.location, c.location), communeInsee: c.insee, epciSiren: e.siren, departmentCode: d.code} AS value`;
