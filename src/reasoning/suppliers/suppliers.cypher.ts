import { ActorRole } from '../../actor';
import { cypherList } from '../../common';
import { ORGANIC_CLAIM_KINDS } from '../../label';

/**
 * "Who can supply X to Y" in Cypher: a short pipeline of small statements (SUPPLIER_STATEMENTS,
 * below; why a pipeline and not one statement: see "Step" comments and docs/benchmarks.md, "Planning
 * time"). The GraphQL question resolves its references first (RESOLVE_SUPPLIER_QUESTION); the
 * question and the unmet-needs matchmaking then share the matching steps, for a batch of requests
 * at once (matchRequests in suppliers.service.ts).
 *
 * How the matches are found, cheapest step first:
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
 *     of the offer's own goods (its product or a narrower one) through 1 to 3 resellers: a
 *     quantified path pattern whose bound (3) is a literal and whose predicates prune each hop
 *     during the expansion; the parameter maxIntermediaries filters
 *     after. Relationship uniqueness and the distinct-actors check stop cycles. The last reseller
 *     must deliver the buyer: an offer of the goods it bought (or of a broader product: a
 *     wholesaler's "wheat flour" line covers the T80 it buys) covering the buyer, in season and with
 *     the labels, or an existing sale to the buyer. Of the ways found, the best only: fewest
 *     intermediaries, then shortest, then by ids. So one match per supplier and offer;
 *  5. order by (intermediaries, distance, supplier id, offer id), count, keyset-slice: the offers
 *     whose delivery radius reaches the buyer (direct, most of them) in Neo4j, which sends their
 *     number and the first of the page only; the others, with their ways, in the service. Only then
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

/** Whether x is legally organic, from its labels (`ls` in carriesLabels). */
const ORGANIC_FROM_LABELS = `any(lab IN ls WHERE lab.organic)`;

/**
 * `x` (an Offer or a SupplyLink) carries every label of req.labelIds, is legally organic as
 * req.organic asks, and claims organic (any organic label, certified or private) as req.organicClaim
 * asks. `organicKey` says whether x is organic: without it, its labels (`ls`, the list below); an
 * offer's organic key (SET_OFFER_KEYS in offer.cypher.ts) spares the traversal. The labels of x are
 * read once, in one pattern comprehension bound by a one-element list (`[ls IN [...] | ...][0]`),
 * and the three checks are list predicates on it: one subquery for the planner, where one EXISTS
 * per check made three (planning time, docs/benchmarks.md). The CASE spares the runtime the
 * traversal when no label is needed: nothing asked, or (with the organic key) only organic, the
 * headline question's case, where reading the labels of its 2,001 candidate offers on the 100k
 * graph cost more than the rest of the statement.
 */
export const carriesLabels = (x: string, organicKey?: string) => {
  const organic = organicKey ?? ORGANIC_FROM_LABELS;
  const nothingToRead = organicKey
    ? `size(req.labelIds) = 0 AND req.organicClaim IS NULL THEN (req.organic IS NULL OR req.organic = ${organicKey})`
    : 'size(req.labelIds) = 0 AND req.organic IS NULL AND req.organicClaim IS NULL THEN true';
  return `(CASE WHEN ${nothingToRead}
      ELSE [ls IN [[(${x})-[:CERTIFIED]->(xl:Label) | {
          id: xl.id,
          organic: coalesce(xl.organic = true, false),
          claim: coalesce(xl.organic = true OR xl.kind IN ${cypherList(ORGANIC_CLAIM_KINDS)}, false)}]] |
        all(labelId IN req.labelIds WHERE any(lab IN ls WHERE lab.id = labelId))
        AND (req.organic IS NULL OR req.organic = ${organic})
        AND (req.organicClaim IS NULL OR req.organicClaim = any(lab IN ls WHERE lab.claim))][0] END)`;
};

/** `x` (an Offer) is available in every month of req.months. */
export const inSeason = (x: string) => `(size(req.months) = 0 OR all(month IN req.months WHERE month IN ${x}.months))`;

/**
 * Where actor `x` stands: its point, else its commune's centroid (null when it has neither). A CASE,
 * not coalesce(): the planner then reads the commune only for the rare actor without a point.
 */
export const locationOf = (x: string) =>
  `CASE WHEN ${x}.location IS NULL THEN COLLECT { MATCH (${x})-[:LOCATED_IN]->(xc:Commune) RETURN xc.location }[0] ELSE ${x}.location END`;

/** The ids of product `productId` and its narrower products (IS_A, at most 6 levels): the goods an offer or a link of it carries. */
export const sameOrNarrowerProductIds = (productId: string) =>
  `COLLECT { MATCH (own:Product)-[:IS_A*0..6]->(:Product {id: ${productId}}) RETURN own.id }`;

/** Offer `x` of an actor at `distance` metres from the buyer reaches it within its delivery radius (null without a radius). */
export const withinDeliveryRadius = (x: string, distance: string) => `${distance} <= ${x}.deliveryRadiusKm * 1000`;

/**
 * Offer `x` of an actor at `distance` metres from the buyer covers the buyer: within its radius, or
 * listing the buyer's commune or EPCI. A CASE, not OR: the planner then reads the delivery area only
 * for the offers whose radius does not reach (most do), instead of passing every row through it;
 * the commune and the EPCI in one subquery (one plan less to build).
 */
export const coversBuyer = (x: string, distance: string) => `CASE WHEN ${withinDeliveryRadius(x, distance)} THEN true
      ELSE EXISTS { (${x})-[:DELIVERS_TO]->(area)
        WHERE (area:Commune AND area.insee = req.buyerCommuneInsee) OR (area:Epci AND area.siren = req.buyerEpciSiren) } END`;

/**
 * The actor at the end of pattern `seller` already sells the buyer (an actor) the offer's goods (its
 * product or a narrower one, offerProductIds: an existing sale counts for the offers of its product)
 * with the labels. The product is part of the pattern rather than a nested EXISTS: the same
 * answer, one subquery less to plan.
 */
export const alreadySuppliesBuyer = (seller: string) => `(buyer IS NOT NULL AND EXISTS {
      MATCH ${seller}-[:SUPPLIES]->(bl:SupplyLink)-[:TO]->(buyer), (bl)-[:OF_PRODUCT]->(blp:Product)
      WHERE blp.id IN offerProductIds AND ${carriesLabels('bl')}
    })`;

/**
 * Why the question is a short pipeline of small statements, not one (issue 13, docs/benchmarks.md
 * "Planning time"): Neo4j plans a statement as a whole, and the former single statement (10.5 KB,
 * 44 subqueries) took 5-13 s to plan cold on this machine, after every Neo4j restart or
 * `db.clearQueryCaches()`; each statement below plans in well under a second, and a round trip
 * costs about a millisecond. The rules are the same, fragment for fragment; what does not need the
 * graph (merging the ways, the order, the count, the page) is done by the service in Node.
 *
 *  1. RESOLVE_SUPPLIER_QUESTION (the GraphQL question only): product, buyer, place, territory, labels;
 *  2. SUPPLIER_CANDIDATES: per request, the offers of the products asked (or narrower) that pass the
 *     offer's own filters, the origin rule and the local definition, with their distance: those
 *     within their delivery radius counted and paged, the others all;
 *  3. DIRECT_CANDIDATES: which candidates reach the buyer directly (delivery area or existing sale);
 *  4. WAY_PATHS then RESELLERS_DELIVERING: for the others, when intermediaries are allowed, the ways
 *     through resellers, then which of their last resellers deliver the buyer (the best way is chosen
 *     in Node);
 *  5. SUPPLIER_MATCH_MAPS: the maps of the page only (supplier, product, labels, path steps).
 *
 * Requests travel as $requests, a map from each request's key to its fields (see toRequestParams in
 * suppliers.service.ts: key, buyerId, buyerPoint, buyerCommuneInsee, buyerEpciSiren,
 * buyerDepartmentCode, buyerRegionDepartmentCodes, productIds, labelIds, organic, organicClaim,
 * months, minVolume, localScope, localRadiusM, maxIntermediaries, limit, after); candidates as
 * $candidates: [{key, offerId, productId, distanceM}].
 */

/**
 * Whether candidate map `c` (intermediaries 0: a direct match) comes after the request's cursor
 * req.after [intermediaries, distanceM, supplierId, offerId] in the order of the matches: a cursor
 * with intermediaries is after every direct match.
 */
const directAfterCursor = (c: string) => `(req.after IS NULL OR (req.after[0] = 0 AND (${c}.distanceM > req.after[1]
      OR (${c}.distanceM = req.after[1] AND (${c}.supplierId > req.after[2]
        OR (${c}.supplierId = req.after[2] AND ${c}.offerId > req.after[3]))))))`;

/**
 * Step 2. Params: $requests (key → request), $keys (the keys to answer). Returns one row per request
 * with candidates: key; withinCount, how many candidates reach the buyer within their offer's
 * delivery radius (the first test of coversBuyer: direct, whatever else holds); and candidates
 * [{offerId, productId, supplierId, distanceM (to the buyer's point), withinRadius}]: of those within
 * their radius only the first req.limit after the cursor in the order (distance, supplier id, offer
 * id: a direct match has no intermediary), then every other candidate, whose way the next steps
 * look for. Why: most candidates are within their radius (1,996 of the 2,001 of the headline
 * question on the 100k graph), and the page and the count need only those first ones and their
 * number; shipping all of them to Node and ordering them there cost most of the question's time.
 */
export const SUPPLIER_CANDIDATES = /* cypher */ `
  UNWIND $keys AS key
  WITH $requests[key] AS req
  CALL (req) {
    WITH req, COLLECT {
        MATCH (narrower:Product)-[:IS_A*0..6]->(asked:Product) WHERE asked.id IN req.productIds
        RETURN DISTINCT narrower.id
      } AS productIds,
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
    WITH req, localDepartments, o, point.distance(o.supplierLocation, req.buyerPoint) AS distanceM
    WHERE distanceM IS NOT NULL AND o.supplierIsOrigin AND (req.buyerId IS NULL OR o.supplierId <> req.buyerId)
      AND CASE req.localScope
        WHEN 'RADIUS' THEN distanceM <= req.localRadiusM
        WHEN 'EPCI' THEN EXISTS { (o)<-[:OFFERS]-(:Actor)-[:LOCATED_IN]->(:Commune)-[:IN_EPCI]->(:Epci {siren: req.buyerEpciSiren}) }
        ELSE EXISTS { (o)<-[:OFFERS]-(:Actor)-[:LOCATED_IN]->(:Commune)-[:IN_DEPARTMENT]->(d:Department) WHERE d.code IN localDepartments }
      END
    WITH req, {offerId: o.id, productId: o.productId, supplierId: o.supplierId, distanceM: distanceM,
               withinRadius: coalesce(${withinDeliveryRadius('o', 'distanceM')}, false)} AS c
    ORDER BY c.distanceM, c.supplierId, c.offerId
    WITH req, collect(c) AS found
    WITH req, found, [c IN found WHERE c.withinRadius] AS within
    RETURN size(within) AS withinCount,
           [c IN within WHERE ${directAfterCursor('c')}][0..req.limit] + [c IN found WHERE NOT c.withinRadius] AS candidates
  }
  RETURN req.key AS key, withinCount, candidates`;

/** Binds, for a candidate `c` of request `req`: its offer `o`, the buyer actor `buyer` (or null), and `offerProductIds`. */
const CANDIDATE_OFFER = /* cypher */ `
  UNWIND $candidates AS c
  WITH c, $requests[c.key] AS req
  MATCH (o:Offer {id: c.offerId})
  OPTIONAL MATCH (buyer:Actor {id: req.buyerId})
  WITH c, req, o, buyer,
       ${sameOrNarrowerProductIds('o.productId')} AS offerProductIds`;

/**
 * Step 3. The candidates that reach the buyer without an intermediary: the offer covers the buyer, or
 * the supplier already sells it the offer's goods. The service sends only the candidates whose
 * delivery radius does not reach the buyer (step 2's withinRadius). Params: $requests, $candidates.
 * Returns rows: key, offerId, direct.
 */
export const DIRECT_CANDIDATES = /* cypher */ `
  ${CANDIDATE_OFFER}
  RETURN c.key AS key, c.offerId AS offerId,
         CASE WHEN ${coversBuyer('o', 'c.distanceM')} THEN true ELSE ${alreadySuppliesBuyer('(o)<-[:OFFERS]-(:Actor)')} END AS direct`;

/**
 * Step 4a. For each candidate that is not direct (of a request that allows intermediaries): every
 * way from its supplier along supply links of the offer's goods through 1 to 3 resellers: a
 * quantified path pattern whose bound (3) is a literal and whose predicates prune each hop during
 * the expansion; the request's maxIntermediaries filters after. A link carries the offer's goods
 * when it is of the offer's product or a narrower one (its productId key, set by the statements that
 * write its OF_PRODUCT: a link of another matching product, the supplier's picodon under its tomme
 * offer, does not carry this offer's goods) and has the labels asked. The labels are checked on the
 * ways found, after the expansion (the same ways: every hop must pass), so that the pattern holds no
 * subquery. Before, the links of the goods were collected first, with their labels: 10,348 links
 * read on the 100k graph for the headline question, whose five candidates outside their radius walk
 * a few dozen. Relationship uniqueness and the distinct-actors check stop cycles. Params: $requests,
 * $candidates [{key, offerId, productId}]. Returns one row per way: key, offerId, productId,
 * resellerIds, linkIds, lastId (the last reseller), lastLinkId (the link it bought on), legs
 * (metres, supplier to buyer).
 */
export const WAY_PATHS = /* cypher */ `
  UNWIND $candidates AS c
  WITH c, $requests[c.key] AS req
  MATCH (o:Offer {id: c.offerId})<-[:OFFERS]-(s:Actor)
  WITH c, req, o, s, ${sameOrNarrowerProductIds('c.productId')} AS goodsProductIds
  MATCH (s)((seller:Actor)-[:SUPPLIES]->(link:SupplyLink)-[:TO]->(reseller:Actor)
            WHERE any(role IN reseller.roles WHERE role IN ${cypherList(INTERMEDIARY_ROLES)})
              AND (req.buyerId IS NULL OR reseller.id <> req.buyerId)
              AND link.productId IN goodsProductIds){1,${MAX_INTERMEDIARIES}}(last:Actor)
  WHERE size(reseller) <= req.maxIntermediaries
    AND NOT s IN reseller
    AND all(i IN range(0, size(reseller) - 2) WHERE NOT reseller[i] IN reseller[i + 1..])
    AND all(hop IN link WHERE ${carriesLabels('hop')})
  WITH c, o, last, reseller, link, [o.supplierLocation] + [r IN reseller | ${locationOf('r')}] + [req.buyerPoint] AS stops
  RETURN c.key AS key, c.offerId AS offerId, c.productId AS productId,
         [r IN reseller | r.id] AS resellerIds, [l IN link | l.id] AS linkIds, last.id AS lastId, last(link).id AS lastLinkId,
         [i IN range(1, size(stops) - 1) | point.distance(stops[i - 1], stops[i])] AS legs`;

/**
 * Step 4b. Whether the last reseller of a way delivers the buyer: an offer of the goods it bought
 * (or of a broader product: a wholesaler's "wheat flour" line covers the T80 it buys) covering the
 * buyer, in season and with the labels, or an existing sale to the buyer of the original offer's
 * goods (productId or narrower). Params: $requests, $ends [{key, productId, lastId, lastLinkId}].
 * Returns rows: key, productId, lastId, lastLinkId, offersToBuyer, sellsToBuyer: the reseller
 * delivers when either is true. Two columns, not one OR: an OR of two subqueries made the planner
 * weigh every way of combining them, and doubled the statement's planning time.
 */
export const RESELLERS_DELIVERING = /* cypher */ `
  UNWIND $ends AS e
  WITH e, $requests[e.key] AS req
  MATCH (last:Actor {id: e.lastId})
  MATCH (lastLink:SupplyLink {id: e.lastLinkId})
  OPTIONAL MATCH (buyer:Actor {id: req.buyerId})
  WITH e, req, last, lastLink, buyer,
       ${sameOrNarrowerProductIds('e.productId')} AS offerProductIds
  RETURN e.key AS key, e.productId AS productId, e.lastId AS lastId, e.lastLinkId AS lastLinkId,
         EXISTS {
            MATCH (last)-[:OFFERS]->(ro:Offer)-[:OF_PRODUCT]->(rp:Product)
            WHERE EXISTS { (lastLink)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(rp) }
              AND ${inSeason('ro')}
              AND ${carriesLabels('ro', 'ro.organic')}
              AND (${coversBuyer('ro', `point.distance(${locationOf('last')}, req.buyerPoint)`)})
          } AS offersToBuyer,
         ${alreadySuppliesBuyer('(last)')} AS sellsToBuyer`;

/**
 * Step 5. The maps of a page (product, labels, intermediary steps), and of the buyers. Actors carry
 * their effective location (their point, else their commune's centroid). The supplier and buyer
 * steps of a path are left to the service (toMatchRow), which has both maps already. Params: $page
 * [{key, offerId, distanceM, resellerIds, linkIds, legs}], $buyerIds. Returns one row: matches
 * (key, offerId and the RawMatch fields, in no particular order), buyers (actor maps).
 */
export const SUPPLIER_MATCH_MAPS = /* cypher */ `
  CALL () {
    UNWIND $page AS m
    MATCH (o:Offer {id: m.offerId})<-[:OFFERS]-(s:Actor)
    OPTIONAL MATCH (p:Product {id: o.productId})
    WITH m, s, o, p,
         [id IN m.linkIds | COLLECT { MATCH (:SupplyLink {id: id})-[:OF_PRODUCT]->(lp:Product) RETURN properties(lp) }[0]] AS linkProducts,
         [id IN m.resellerIds | COLLECT { MATCH (r:Actor {id: id}) RETURN r {.*, location: ${locationOf('r')}} }[0]] AS resellerMaps
    RETURN collect({
      key: m.key,
      offerId: m.offerId,
      supplier: s {.*, location: ${locationOf('s')}},
      offer: properties(o),
      product: properties(p),
      labels: COLLECT { MATCH (o)-[:CERTIFIED]->(label:Label) RETURN properties(label) AS label ORDER BY label.id },
      distanceM: m.distanceM,
      steps: [i IN range(0, size(resellerMaps) - 1) | {
        actor: resellerMaps[i],
        role: head([role IN ${cypherList(INTERMEDIARY_ROLES)} WHERE role IN resellerMaps[i].roles]),
        product: linkProducts[i],
        distanceM: m.legs[i]}],
      lastLegM: last(m.legs)
    }) AS matches
  }
  CALL () {
    UNWIND $buyerIds AS buyerId
    MATCH (b:Actor {id: buyerId})
    RETURN collect(b {.*, location: ${locationOf('b')}}) AS buyers
  }
  RETURN matches, buyers`;

/**
 * Step 1: one question as a client asks it, resolved. Params: $question {productId, productQuery
 * (Lucene, for a product name), buyerId, communeInsee, communeNamePattern (a Java regex built by the
 * service), point, labelIds}.
 *
 * A product name resolves to the best full-text hit among products (shortest name on a tie: "farine"
 * is Farine, not Farine de blé T80), from the product-only index: the shared name index would rank
 * a hundred thousand actor names too. A point's commune is the nearest commune centroid within
 * 20 km (point index); a buyer without a commune gets its point's. Returns one row: resolution (what
 * each given reference resolved to: the service's NOT_FOUND and BAD_USER_INPUT errors, and the
 * buyer place of steps 2 to 5).
 */
export const RESOLVE_SUPPLIER_QUESTION = /* cypher */ `
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
  } AS resolution`;

/** Every statement of the matching pipeline, in the order a question runs them (tests, snapshots, the planning bench). */
export const SUPPLIER_STATEMENTS = {
  RESOLVE_SUPPLIER_QUESTION,
  SUPPLIER_CANDIDATES,
  DIRECT_CANDIDATES,
  WAY_PATHS,
  RESELLERS_DELIVERING,
  SUPPLIER_MATCH_MAPS,
} as const;

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
