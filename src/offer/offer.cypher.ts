import type { Backfill, SchemaStatement } from '../db';
import { SET_OFFER_KEYS } from '../records';

export const OFFER_SCHEMA: SchemaStatement[] = [
  { name: 'offer_id', kind: 'constraint', cypher: 'CREATE CONSTRAINT offer_id IF NOT EXISTS FOR (o:Offer) REQUIRE o.id IS UNIQUE' },
  {
    name: 'offer_product_organic',
    kind: 'index',
    cypher: 'CREATE INDEX offer_product_organic IF NOT EXISTS FOR (o:Offer) ON (o.productId, o.organic)',
  },
];

/**
 * Fills the search keys of at most $batchSize offers that lack them (a graph written before they
 * existed). Returns one row: changed. The migration step runs it until it changes nothing.
 */
const BACKFILL_OFFER_KEYS = /* cypher */ `
  MATCH (o:Offer) WHERE o.organic IS NULL OR o.supplierIsOrigin IS NULL
  WITH o LIMIT $batchSize
  ${SET_OFFER_KEYS}
  RETURN count(o) AS changed`;

export const OFFER_BACKFILLS: Backfill[] = [{ name: 'offer_search_keys', cypher: BACKFILL_OFFER_KEYS }];

/** Communes an offer lists in its delivery area. Params: $keys (offer ids). Returns rows: key, value (list). */
export const DELIVERY_COMMUNES_OF_OFFERS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Offer {id: key})-[:DELIVERS_TO]->(c:Commune)
  WITH key, c ORDER BY c.name
  RETURN key, collect(c {.*}) AS value`;

/** EPCIs an offer lists in its delivery area. Params: $keys (offer ids). Returns rows: key, value (list). */
export const DELIVERY_EPCIS_OF_OFFERS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Offer {id: key})-[:DELIVERS_TO]->(e:Epci)
  WITH key, e ORDER BY e.name
  RETURN key, collect(e {.*}) AS value`;

/**
 * One offer as an import row would declare it, for partial updates. Params: $id. Returns one row:
 * record (OfferRecord), or none when unknown.
 */
export const OFFER_RECORD = /* cypher */ `
  MATCH (a:Actor)-[:OFFERS]->(o:Offer {id: $id})-[:OF_PRODUCT]->(p:Product)
  RETURN o {
    .id, actorId: a.id, productId: p.id,
    labelIds: COLLECT { MATCH (o)-[:CERTIFIED]->(l:Label) RETURN l.id ORDER BY l.id },
    .months, .capacity, .capacityUnit, .deliveryRadiusKm,
    deliveryCommunes: COLLECT { MATCH (o)-[:DELIVERS_TO]->(c:Commune) RETURN c.insee ORDER BY c.insee },
    deliveryEpcis: COLLECT { MATCH (o)-[:DELIVERS_TO]->(e:Epci) RETURN e.siren ORDER BY e.siren },
    .priceEur
  } AS record`;

/** Offers by id. Params: $keys. Returns rows: key, value. */
export const OFFERS_BY_ID = /* cypher */ `
  UNWIND $keys AS key
  MATCH (o:Offer {id: key})
  RETURN key, o {.*} AS value`;

/**
 * Creates the node of a new offer before UPSERT_OFFERS fills it: CREATE, not MERGE, so a
 * concurrent create of the same id fails on the offer_id constraint (CONFLICT). Params: $id.
 */
export const CLAIM_OFFER_ID = /* cypher */ `
  CREATE (:Offer {id: $id})`;

/** Deletes an offer and its relationships. Params: $id. Returns one row: id, or none when unknown. */
export const DELETE_OFFER = /* cypher */ `
  MATCH (o:Offer {id: $id})
  DETACH DELETE o
  RETURN $id AS id`;

/** Offers of each actor, by product name. Params: $keys (actor ids), $max (neo4j.int). Returns rows: key, value (list of at most $max). */
export const OFFERS_OF_ACTORS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Actor {id: key})-[:OFFERS]->(o:Offer)-[:OF_PRODUCT]->(p:Product)
  WITH key, o ORDER BY p.name, o.id
  RETURN key, collect(o {.*})[..$max] AS value`;
