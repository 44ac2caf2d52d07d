import { actorMap } from '../actor';
import type { SchemaStatement } from '../db';

/**
 * One full-text index over actor and product names. The `standard-folding` analyzer lower-cases
 * and folds accents (ASCII folding), so "drome" finds "Drôme" and "FARINE" finds "Farine de blé T80".
 */
export const SEARCH_SCHEMA: SchemaStatement[] = [
  {
    name: 'name_fulltext',
    kind: 'index',
    cypher: `CREATE FULLTEXT INDEX name_fulltext IF NOT EXISTS FOR (n:Actor|Product) ON EACH [n.name]
             OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`,
  },
];

/** Full-text search over actor and product names. Params: $query (Lucene syntax, escaped), $limit. Returns: kind, id, name, score. */
export const SEARCH_NAMES = /* cypher */ `
  CALL db.index.fulltext.queryNodes('name_fulltext', $query) YIELD node, score
  RETURN CASE WHEN node:Actor THEN 'Actor' ELSE 'Product' END AS kind, node.id AS id, node.name AS name, score
  ORDER BY score DESC, name
  LIMIT $limit`;

/**
 * The search query of the API: actors and products whose names match, each returned with the
 * properties its GraphQL type reads (so the hit needs no second round trip; an actor without its
 * `createdAt`, a DateTime no field reads and the costliest value to decode: actorMap), best Lucene
 * score first, then by name and id so that ties come in a stable order. Params: $query (from
 * toLuceneQuery), $kinds (['ACTOR', 'PRODUCT'] or a subset; null for both), $limit (neo4j.int).
 * Returns rows: kind ('ACTOR' | 'PRODUCT'), score, hit (map).
 */
export const SEARCH_HITS = /* cypher */ `
  CALL db.index.fulltext.queryNodes('name_fulltext', $query) YIELD node, score
  WITH node, score, CASE WHEN node:Actor THEN 'ACTOR' ELSE 'PRODUCT' END AS kind
  WHERE $kinds IS NULL OR kind IN $kinds
  WITH node, score, kind ORDER BY score DESC, node.name, node.id LIMIT $limit
  RETURN kind, score, CASE kind WHEN 'ACTOR' THEN ${actorMap('node')} ELSE node {.*} END AS hit`;
