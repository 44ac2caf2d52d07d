import { volumeConfidential } from '../common';
import { COUNTS_AS_ORGANIC } from '../records';
import type { Backfill, SchemaStatement } from '../db';

export const SUPPLY_SCHEMA: SchemaStatement[] = [
  {
    name: 'supply_link_id',
    kind: 'constraint',
    cypher: 'CREATE CONSTRAINT supply_link_id IF NOT EXISTS FOR (l:SupplyLink) REQUIRE l.id IS UNIQUE',
  },
  { name: 'supply_link_volume', kind: 'index', cypher: 'CREATE INDEX supply_link_volume IF NOT EXISTS FOR (l:SupplyLink) ON (l.volume)' },
];

/**
 * Fills the productId key (the id of its OF_PRODUCT product, written with it by UPSERT_SUPPLY_LINKS
 * and CREATE_SUPPLY_LINKS) of at most $batchSize supply links that lack it: a graph written before
 * the key existed. The suppliers question prunes the ways through resellers with it (WAY_PATHS).
 * Returns one row: changed. The migration step runs it until it changes nothing.
 */
const BACKFILL_SUPPLY_LINK_KEYS = /* cypher */ `
  MATCH (l:SupplyLink) WHERE l.productId IS NULL AND EXISTS { (l)-[:OF_PRODUCT]->(:Product) }
  WITH l LIMIT $batchSize
  SET l.productId = COLLECT { MATCH (l)-[:OF_PRODUCT]->(p:Product) RETURN p.id }[0]
  RETURN count(l) AS changed`;

export const SUPPLY_BACKFILLS: Backfill[] = [{ name: 'supply_link_product_key', cypher: BACKFILL_SUPPLY_LINK_KEYS }];

/** A supply link as the API returns it: its properties and both ends' ids. */
const LINK_MAP = `l {.*, supplierId: s.id, buyerId: b.id, volumeConfidential: ${volumeConfidential('s', 'b')}}`;

/** Supply links by id. Params: $keys. Returns rows: key, value. */
export const SUPPLY_LINKS_BY_ID = /* cypher */ `
  UNWIND $keys AS key
  MATCH (s:Actor)-[:SUPPLIES]->(l:SupplyLink {id: key})-[:TO]->(b:Actor)
  RETURN key, ${LINK_MAP} AS value`;

/** The input links of each link (provenance). Params: $keys, $max (neo4j.int). Returns rows: key, value (list of at most $max). */
export const INPUTS_OF_SUPPLY_LINKS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:SupplyLink {id: key})-[:SOURCED_FROM]->(l:SupplyLink)
  MATCH (s:Actor)-[:SUPPLIES]->(l)-[:TO]->(b:Actor)
  WITH key, l, s, b ORDER BY l.id
  RETURN key, collect(${LINK_MAP})[..$max] AS value`;

/**
 * Filters of a supply-link list; every parameter may be null. Params: $productId, $labelIds, $organic,
 * $supplierId, $buyerId. $organic is legal organic as EGalim counts it (COUNTS_AS_ORGANIC: in
 * conversion for plant products only).
 */
const SUPPLY_LINK_FILTERS = /* cypher */ `
      ($supplierId IS NULL OR s.id = $supplierId)
  AND ($buyerId IS NULL OR b.id = $buyerId)
  AND ($productId IS NULL OR EXISTS { (l)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(:Product {id: $productId}) })
  AND ($labelIds IS NULL OR all(labelId IN $labelIds WHERE EXISTS { (l)-[:CERTIFIED]->(:Label {id: labelId}) }))
  AND ($organic IS NULL OR $organic = EXISTS {
        MATCH (l)-[:CERTIFIED]->(ll:Label {organic: true}), (l)-[:OF_PRODUCT]->(lp:Product)
        WHERE ${COUNTS_AS_ORGANIC('ll', 'lp')} })`;

/** A forward page of links by volume, largest first, then id. Params: filters, $afterVolume (null on the first page), $afterId, $limit. */
export const SUPPLY_LINKS_BY_VOLUME_FORWARD = /* cypher */ `
  MATCH (s:Actor)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(b:Actor)
  WHERE ($afterVolume IS NULL OR l.volume < $afterVolume OR (l.volume = $afterVolume AND l.id > $afterId))
    AND ${SUPPLY_LINK_FILTERS}
  RETURN ${LINK_MAP} AS link
  ORDER BY l.volume DESC, l.id
  LIMIT $limit`;

/** A backward page by volume. Params: filters, $beforeVolume (null for the last page), $beforeId, $limit. */
export const SUPPLY_LINKS_BY_VOLUME_BACKWARD = /* cypher */ `
  MATCH (s:Actor)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(b:Actor)
  WHERE ($beforeVolume IS NULL OR l.volume > $beforeVolume OR (l.volume = $beforeVolume AND l.id < $beforeId))
    AND ${SUPPLY_LINK_FILTERS}
  RETURN ${LINK_MAP} AS link
  ORDER BY l.volume ASC, l.id DESC
  LIMIT $limit`;

/** How many links pass the filters. Returns one row: total. */
export const COUNT_SUPPLY_LINKS = /* cypher */ `
  MATCH (s:Actor)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(b:Actor)
  WHERE ${SUPPLY_LINK_FILTERS}
  RETURN count(l) AS total`;

/**
 * One supply link as an import row would declare it, for partial updates; since comes back as an
 * ISO date. Params: $id. Returns one row: record (SupplyLinkRecord), or none when unknown.
 */
export const SUPPLY_LINK_RECORD = /* cypher */ `
  MATCH (s:Actor)-[:SUPPLIES]->(l:SupplyLink {id: $id})-[:TO]->(b:Actor)
  MATCH (l)-[:OF_PRODUCT]->(p:Product)
  RETURN l {
    .id, supplierId: s.id, buyerId: b.id, productId: p.id,
    labelIds: COLLECT { MATCH (l)-[:CERTIFIED]->(x:Label) RETURN x.id ORDER BY x.id },
    .volume, .unit, .valueEur, .since, .frequency, .channel,
    sourcedFromIds: COLLECT { MATCH (l)-[:SOURCED_FROM]->(i:SupplyLink) RETURN i.id ORDER BY i.id }
  } AS record`;

/**
 * Creates the node of a new supply link before UPSERT_SUPPLY_LINKS fills it: CREATE, not MERGE, so
 * a concurrent create of the same id fails on the supply_link_id constraint (CONFLICT). Params: $id.
 */
export const CLAIM_SUPPLY_LINK_ID = /* cypher */ `
  CREATE (:SupplyLink {id: $id})`;

/**
 * Deletes a supply link with its relationships, SOURCED_FROM ones to and from other links
 * included (counted in `provenance`). Params: $id. Returns one row: provenance, or none when unknown.
 */
export const DELETE_SUPPLY_LINK = /* cypher */ `
  MATCH (l:SupplyLink {id: $id})
  CALL (l) { OPTIONAL MATCH (l)-[p:SOURCED_FROM]-(:SupplyLink) RETURN count(p) AS provenance }
  DETACH DELETE l
  RETURN provenance`;

/**
 * Supply links passing the filters, for a map: both ends' points, the product and the label ids,
 * largest volume first (so a cap keeps the largest flows), at most $limit. Params: filters, $limit
 * (neo4j.int). Returns rows: id, supplierId, buyerId, productId, productName, volume, unit, labels,
 * from, to (points), distanceKm.
 */
export const SUPPLY_LINKS_FOR_MAP = /* cypher */ `
  MATCH (s:Actor)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(b:Actor)
  WHERE ${SUPPLY_LINK_FILTERS}
  MATCH (l)-[:OF_PRODUCT]->(p:Product)
  RETURN l.id AS id, s.id AS supplierId, b.id AS buyerId, p.id AS productId, p.name AS productName,
         l.volume AS volume, l.unit AS unit, ${volumeConfidential('s', 'b')} AS volumeConfidential,
         COLLECT { MATCH (l)-[:CERTIFIED]->(x:Label) RETURN x.id ORDER BY x.id } AS labels,
         s.location AS from, b.location AS to, point.distance(s.location, b.location) / 1000.0 AS distanceKm
  ORDER BY l.volume DESC, l.id
  LIMIT $limit`;

/** Links each actor buys on, with the supplier's id. Params: $keys, $max (neo4j.int). Returns rows: key, value (the $max largest link maps, with supplierId, buyerId). */
export const PURCHASES_OF_ACTORS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (s:Actor)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(b:Actor {id: key})
  WITH key, l, s, b ORDER BY l.volume DESC, l.id
  RETURN key, collect(l {.*, supplierId: s.id, buyerId: key, volumeConfidential: ${volumeConfidential('s', 'b')}})[..$max] AS value`;

/** Links each actor sells on, with the buyer's id. Params: $keys, $max (neo4j.int). Returns rows: key, value (the $max largest links). */
export const SALES_OF_ACTORS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (s:Actor {id: key})-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(b:Actor)
  WITH key, l, s, b ORDER BY l.volume DESC, l.id
  RETURN key, collect(l {.*, supplierId: key, buyerId: b.id, volumeConfidential: ${volumeConfidential('s', 'b')}})[..$max] AS value`;

/**
 * The partners of one actor `a` (its suppliers or customers, as `side` says), as a subquery body:
 * its $max largest links on that side (the links `purchases`/`sales` list: volume DESC, then id),
 * grouped by the actor on the other end, partners ordered by their largest link, each with its
 * link ids in that same order. Grouping in Cypher ships one small row per partner instead of every
 * link map to Node, and the partner's id rather than its actor: the loaders' path loads each
 * partner's actor once per request (actorPropertiesById), not once per buyer. Aggregates, so it
 * returns exactly one row: partners (a list of {actorId, linkIds}). With `actorValues` (the name of
 * a parameter listing actor properties), each partner is instead a list [actorId, linkIds, values]:
 * its actor's values of only those properties, in that order, for a page that ships its partners'
 * actors with its rows (src/prefetch) to save the second statement; a partner of several actors of
 * the page is then shipped once per buyer, which is why only the selected properties travel, and
 * why positionally (no key names to decode: a page of 50 carries some 300 partners).
 * Both sides and both parameter names are fixed text of ours, chosen from closed sets, never from input.
 */
function partnersOf(side: 'suppliers' | 'customers', actorValues?: '$supplierProperties' | '$customerProperties'): string {
  const linkIds = '[r IN rows WHERE r.partner = p | r.link]';
  const partner = actorValues ? `[p.id, ${linkIds}, [k IN ${actorValues} | p[k]]]` : `{actorId: p.id, linkIds: ${linkIds}}`;
  const pattern =
    side === 'suppliers' ? '(p:Actor)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(a)' : '(a)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(p:Actor)';
  return /* cypher */ `
    MATCH ${pattern}
    WITH p, l ORDER BY l.volume DESC, l.id LIMIT $max
    WITH collect({partner: p, link: l.id}) AS rows
    WITH rows, reduce(seen = [], r IN rows | CASE WHEN r.partner IN seen THEN seen ELSE seen + r.partner END) AS others
    RETURN [p IN others | ${partner}] AS partners`;
}

/** Body of a subquery over an actor `a`: who it buys from (see partnersOf). Returns one row: partners. */
export const SUPPLIERS_OF_ACTOR = partnersOf('suppliers');

/** Body of a subquery over an actor `a`: who it sells to (see partnersOf). Returns one row: partners. */
export const CUSTOMERS_OF_ACTOR = partnersOf('customers');

/** SUPPLIERS_OF_ACTOR with each supplier as [actorId, linkIds, its values of the actor properties $supplierProperties]. */
export const SUPPLIERS_WITH_ACTOR_VALUES = partnersOf('suppliers', '$supplierProperties');

/** CUSTOMERS_OF_ACTOR with each customer as [actorId, linkIds, its values of the actor properties $customerProperties]. */
export const CUSTOMERS_WITH_ACTOR_VALUES = partnersOf('customers', '$customerProperties');

/** The suppliers of each actor. Params: $keys (actor ids), $max (neo4j.int). Returns rows: key, value (partners). */
export const SUPPLIERS_OF_ACTORS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (a:Actor {id: key})
  CALL (a) { ${SUPPLIERS_OF_ACTOR} }
  RETURN key, partners AS value`;

/** The customers of each actor. Params: $keys (actor ids), $max (neo4j.int). Returns rows: key, value (partners). */
export const CUSTOMERS_OF_ACTORS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (a:Actor {id: key})
  CALL (a) { ${CUSTOMERS_OF_ACTOR} }
  RETURN key, partners AS value`;
