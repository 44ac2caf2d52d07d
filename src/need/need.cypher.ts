import type { SchemaStatement } from '../db';

export const NEED_SCHEMA: SchemaStatement[] = [
  { name: 'need_id', kind: 'constraint', cypher: 'CREATE CONSTRAINT need_id IF NOT EXISTS FOR (n:Need) REQUIRE n.id IS UNIQUE' },
];

/**
 * One need as an import row would declare it, for partial updates. Params: $id. Returns one row:
 * record (NeedRecord), or none when unknown.
 */
export const NEED_RECORD = /* cypher */ `
  MATCH (a:Actor)-[:NEEDS]->(n:Need {id: $id})-[:OF_PRODUCT]->(p:Product)
  RETURN n {
    .id, actorId: a.id, productId: p.id, .volume, .unit,
    requiredLabelIds: COLLECT { MATCH (n)-[:REQUIRES]->(l:Label) RETURN l.id ORDER BY l.id },
    .months
  } AS record`;

/** Needs by id. Params: $keys. Returns rows: key, value. */
export const NEEDS_BY_ID = /* cypher */ `
  UNWIND $keys AS key
  MATCH (n:Need {id: key})
  RETURN key, n {.*} AS value`;

/**
 * Creates the node of a new need before UPSERT_NEEDS fills it: CREATE, not MERGE, so a concurrent
 * create of the same id fails on the need_id constraint (CONFLICT). Params: $id.
 */
export const CLAIM_NEED_ID = /* cypher */ `
  CREATE (:Need {id: $id})`;

/** Deletes a need and its relationships. Params: $id. Returns one row: id, or none when unknown. */
export const DELETE_NEED = /* cypher */ `
  MATCH (n:Need {id: $id})
  DETACH DELETE n
  RETURN $id AS id`;

/** Needs of each actor. Params: $keys (actor ids), $max (neo4j.int). Returns rows: key, value (list of at most $max). */
export const NEEDS_OF_ACTORS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Actor {id: key})-[:NEEDS]->(n:Need)-[:OF_PRODUCT]->(p:Product)
  WITH key, n ORDER BY p.name, n.id
  RETURN key, collect(n {.*})[..$max] AS value`;
