import { RESELLER_ONLY_ROLES } from '../actor/actor.enums';
import { cypherList } from '../common/cypher';
import type { Backfill, SchemaStatement } from '../db';

export const OFFER_SCHEMA: SchemaStatement[] = [
  { name: 'offer_id', kind: 'constraint', cypher: 'CREATE CONSTRAINT offer_id IF NOT EXISTS FOR (o:Offer) REQUIRE o.id IS UNIQUE' },
  {
    name: 'offer_product_organic',
    kind: 'index',
    cypher: 'CREATE INDEX offer_product_organic IF NOT EXISTS FOR (o:Offer) ON (o.productId, o.organic)',
  },
];

/** Offer `o` carries an organic label: the value of its organic key. */
export const OFFER_IS_ORGANIC = /* cypher */ `EXISTS { (o)-[:CERTIFIED]->(:Label {organic: true}) }`;

/**
 * Offer `o`'s supplier keys, from its actor `a`: supplierId, supplierLocation (the actor's point,
 * else its commune's centroid; null when it has neither) and supplierIsOrigin (the actor has a role
 * other than only trading: it can be the origin of goods). UPSERT_ACTORS runs this on an actor's
 * offers, so the copies follow the actor.
 */
export const SET_SUPPLIER_KEYS = /* cypher */ `
  SET o.supplierId = a.id,
      o.supplierLocation = coalesce(a.location, COLLECT { MATCH (a)-[:LOCATED_IN]->(ac:Commune) RETURN ac.location }[0]),
      o.supplierIsOrigin = coalesce(any(role IN a.roles WHERE NOT role IN ${cypherList(RESELLER_ONLY_ROLES)}), false)`;

/**
 * An offer's search keys, copies of what its relationships say, for the suppliers question:
 * productId (its OF_PRODUCT product) and organic (it carries an organic label), the keys of the
 * offer_product_organic index; and its supplier's keys (SET_SUPPLIER_KEYS). A product is a dense
 * node (every offer, need and supply link of it points there), so finding its offers by
 * relationship reads and discards all its needs and links too; the index goes straight to the
 * offers, organic or not, and the supplier keys let the question rank them without visiting each
 * supplier. Written by UPSERT_OFFERS, UPSERT_LABELS (organic) and UPSERT_ACTORS (supplier keys);
 * BACKFILL_OFFER_KEYS fills them in a graph written before they existed. organic and
 * supplierIsOrigin are never null once set.
 */
const SET_OFFER_KEYS = /* cypher */ `
  SET o.productId = COLLECT { MATCH (o)-[:OF_PRODUCT]->(kp:Product) RETURN kp.id }[0],
      o.organic = ${OFFER_IS_ORGANIC}
  WITH o
  OPTIONAL MATCH (o)<-[:OFFERS]-(a:Actor)
  ${SET_SUPPLIER_KEYS}`;

/**
 * Upserts offers with their actor, product, labels and delivery area; relationships no longer
 * declared are removed, so re-importing the same rows changes nothing. Params: $offers [OfferRecord].
 */
export const UPSERT_OFFERS = /* cypher */ `
  UNWIND $offers AS row
  MATCH (a:Actor {id: row.actorId})
  MATCH (p:Product {id: row.productId})
  MERGE (o:Offer {id: row.id})
  SET o.months = row.months,
      o.capacity = row.capacity,
      o.capacityUnit = row.capacityUnit,
      o.deliveryRadiusKm = row.deliveryRadiusKm,
      o.priceEur = row.priceEur
  WITH o, a, p, row
  CALL (o, a, p, row) {
    OPTIONAL MATCH (o)<-[r1:OFFERS]-(other:Actor) WHERE other <> a DELETE r1
    WITH DISTINCT o
    OPTIONAL MATCH (o)-[r2:OF_PRODUCT]->(q:Product) WHERE q <> p DELETE r2
    WITH DISTINCT o
    OPTIONAL MATCH (o)-[r3:CERTIFIED]->(l:Label) WHERE NOT l.id IN row.labelIds DELETE r3
    WITH DISTINCT o
    OPTIONAL MATCH (o)-[r4:DELIVERS_TO]->(c:Commune) WHERE NOT c.insee IN row.deliveryCommunes DELETE r4
    WITH DISTINCT o
    OPTIONAL MATCH (o)-[r5:DELIVERS_TO]->(e:Epci) WHERE NOT e.siren IN row.deliveryEpcis DELETE r5
  }
  MERGE (a)-[:OFFERS]->(o)
  MERGE (o)-[:OF_PRODUCT]->(p)
  WITH o, row
  CALL (o, row) { UNWIND row.labelIds AS id MATCH (l:Label {id: id}) MERGE (o)-[:CERTIFIED]->(l) }
  CALL (o, row) { UNWIND row.deliveryCommunes AS insee MATCH (c:Commune {insee: insee}) MERGE (o)-[:DELIVERS_TO]->(c) }
  CALL (o, row) { UNWIND row.deliveryEpcis AS siren MATCH (e:Epci {siren: siren}) MERGE (o)-[:DELIVERS_TO]->(e) }
  WITH o
  ${SET_OFFER_KEYS}`;

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
