import type { SchemaStatement } from '../db';
import { OFFER_IS_ORGANIC } from '../records';

export const LABEL_SCHEMA: SchemaStatement[] = [
  { name: 'label_id', kind: 'constraint', cypher: 'CREATE CONSTRAINT label_id IF NOT EXISTS FOR (l:Label) REQUIRE l.id IS UNIQUE' },
];

/** The properties a label holds (UPSERT_LABELS sets them all), which its GraphQL type reads. */
export const LABEL_PROPERTIES = ['id', 'name', 'kind', 'egalim', 'organic', 'description'] as const;

/**
 * Upserts labels and the products an appellation may be carried by. When a label's organic flag
 * changes, its offers' organic key follows (see SET_OFFER_KEYS in records/records.cypher.ts). Params: $labels [LabelRecord].
 */
export const UPSERT_LABELS = /* cypher */ `
  UNWIND $labels AS row
  MERGE (l:Label {id: row.id})
  WITH l, row, coalesce(l.organic <> row.organic, false) AS organicChanged
  SET l.name = row.name, l.kind = row.kind, l.egalim = row.egalim, l.organic = row.organic,
      l.description = row.description
  WITH l, row, organicChanged
  CALL (l, row) {
    OPTIONAL MATCH (l)-[old:FOR_PRODUCT]->(p:Product) WHERE NOT p.id IN row.productIds
    DELETE old
  }
  CALL (l, row) {
    UNWIND row.productIds AS productId
    MATCH (p:Product {id: productId})
    MERGE (l)-[:FOR_PRODUCT]->(p)
  }
  CALL (l, organicChanged) {
    WITH l WHERE organicChanged
    MATCH (l)<-[:CERTIFIED]-(o:Offer)
    SET o.organic = ${OFFER_IS_ORGANIC}
  }`;

/** Labels by id. Params: $keys. Returns rows: key, value. */
export const LABELS_BY_ID = /* cypher */ `
  UNWIND $keys AS key
  MATCH (l:Label {id: key})
  RETURN key, l {.*} AS value`;

/** Labels of each offer. Params: $keys (offer ids). Returns rows: key, value (list). */
export const LABELS_OF_OFFERS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Offer {id: key})-[:CERTIFIED]->(l:Label)
  WITH key, l ORDER BY l.name
  RETURN key, collect(l {.*}) AS value`;

/** Labels carried by the goods of each supply link. Params: $keys (link ids). Returns rows: key, value (list). */
export const LABELS_OF_SUPPLY_LINKS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:SupplyLink {id: key})-[:CERTIFIED]->(l:Label)
  WITH key, l ORDER BY l.name
  RETURN key, collect(l {.*}) AS value`;

/** Labels each need requires. Params: $keys (need ids). Returns rows: key, value (list). */
export const LABELS_REQUIRED_BY_NEEDS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Need {id: key})-[:REQUIRES]->(l:Label)
  WITH key, l ORDER BY l.name
  RETURN key, collect(l {.*}) AS value`;

/** Products an appellation may be carried by. Params: $keys, $max (neo4j.int). Returns rows: key, value (list of at most $max). */
export const PRODUCTS_OF_LABELS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Label {id: key})-[:FOR_PRODUCT]->(p:Product)
  WITH key, p ORDER BY p.name
  RETURN key, collect(p {.*})[..$max] AS value`;

/** Every label, by name. Returns rows: label. */
export const ALL_LABELS = /* cypher */ `
  MATCH (l:Label) RETURN l {.*} AS label ORDER BY l.name`;
