import type { SchemaStatement } from '../db';
import { OFFER_IS_ORGANIC } from '../records';

export const PRODUCT_SCHEMA: SchemaStatement[] = [
  { name: 'product_id', kind: 'constraint', cypher: 'CREATE CONSTRAINT product_id IF NOT EXISTS FOR (p:Product) REQUIRE p.id IS UNIQUE' },
  {
    // Product names only, analysed as in name_fulltext: a product asked by name resolves among a
    // few hundred products instead of among every actor name as well.
    name: 'product_name_fulltext',
    kind: 'index',
    cypher: `CREATE FULLTEXT INDEX product_name_fulltext IF NOT EXISTS FOR (p:Product) ON EACH [p.name]
             OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`,
  },
];

/** The properties a product holds (UPSERT_PRODUCTS sets them all), which its GraphQL type reads. */
export const PRODUCT_PROPERTIES = ['id', 'name', 'nameEn', 'family', 'kingdom'] as const;

/**
 * Upserts products. Params: $products [{id, name, nameEn, family, kingdom}], each kingdom resolved
 * (resolveProductKingdoms: inherited from the broader product). When a product's kingdom changes,
 * its offers' organic key follows (an in-conversion label counts for plant products only: see
 * COUNTS_AS_ORGANIC in records/records.cypher.ts).
 */
export const UPSERT_PRODUCTS = /* cypher */ `
  UNWIND $products AS row
  MERGE (p:Product {id: row.id})
  WITH p, row, coalesce(p.kingdom, '') <> coalesce(row.kingdom, '') AS kingdomChanged
  SET p.name = row.name, p.nameEn = row.nameEn, p.family = row.family, p.kingdom = row.kingdom
  WITH p, kingdomChanged
  CALL (p, kingdomChanged) {
    WITH p WHERE kingdomChanged
    MATCH (p)<-[:OF_PRODUCT]-(o:Offer)
    SET o.organic = ${OFFER_IS_ORGANIC}
  }`;

/**
 * Sets each product's broader product and its inputs (transformations), removing links no longer
 * declared. Params: $products [{id, broaderId, madeFromIds}].
 */
export const LINK_PRODUCTS = /* cypher */ `
  UNWIND $products AS row
  MATCH (p:Product {id: row.id})
  CALL (p, row) {
    OPTIONAL MATCH (p)-[old:IS_A]->(b:Product) WHERE b.id <> coalesce(row.broaderId, '')
    DELETE old
  }
  CALL (p, row) {
    OPTIONAL MATCH (p)-[old:MADE_FROM]->(i:Product) WHERE NOT i.id IN row.madeFromIds
    DELETE old
  }
  CALL (p, row) {
    MATCH (b:Product {id: row.broaderId})
    MERGE (p)-[:IS_A]->(b)
  }
  CALL (p, row) {
    UNWIND row.madeFromIds AS inputId
    MATCH (i:Product {id: inputId})
    MERGE (p)-[:MADE_FROM]->(i)
  }`;

/** Products by id. Params: $keys. Returns rows: key, value. */
export const PRODUCTS_BY_ID = /* cypher */ `
  UNWIND $keys AS key
  MATCH (p:Product {id: key})
  RETURN key, p {.*} AS value`;

/** The broader product of each product. Params: $keys. Returns rows: key, value. */
export const BROADER_OF_PRODUCTS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Product {id: key})-[:IS_A]->(b:Product)
  RETURN key, b {.*} AS value`;

/** The direct narrower products. Params: $keys. Returns rows: key, value (list, by name). */
export const NARROWER_OF_PRODUCTS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Product {id: key})<-[:IS_A]-(n:Product)
  WITH key, n ORDER BY n.name
  RETURN key, collect(n {.*}) AS value`;

/** The inputs each product is made from. Params: $keys. Returns rows: key, value (list). */
export const INPUTS_OF_PRODUCTS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Product {id: key})-[:MADE_FROM]->(i:Product)
  WITH key, i ORDER BY i.name
  RETURN key, collect(i {.*}) AS value`;

/** The products each product is used in. Params: $keys. Returns rows: key, value (list). */
export const OUTPUTS_OF_PRODUCTS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Product {id: key})<-[:MADE_FROM]-(o:Product)
  WITH key, o ORDER BY o.name
  RETURN key, collect(o {.*}) AS value`;

/** The product of each offer. Params: $keys (offer ids). Returns rows: key, value. */
export const PRODUCT_OF_OFFERS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Offer {id: key})-[:OF_PRODUCT]->(p:Product)
  RETURN key, p {.*} AS value`;

/** The product of each need. Params: $keys (need ids). Returns rows: key, value. */
export const PRODUCT_OF_NEEDS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Need {id: key})-[:OF_PRODUCT]->(p:Product)
  RETURN key, p {.*} AS value`;

/** The product of each supply link. Params: $keys (link ids). Returns rows: key, value. */
export const PRODUCT_OF_SUPPLY_LINKS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:SupplyLink {id: key})-[:OF_PRODUCT]->(p:Product)
  RETURN key, p {.*} AS value`;

/** Top-level products (no broader one), by name. Returns rows: product. */
export const ROOT_PRODUCTS = /* cypher */ `
  MATCH (p:Product) WHERE NOT (p)-[:IS_A]->(:Product)
  RETURN p {.*} AS product ORDER BY p.name`;
