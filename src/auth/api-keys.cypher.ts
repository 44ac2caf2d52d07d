import type { SchemaStatement } from '../db';

export const ACCOUNT_SCHEMA: SchemaStatement[] = [
  { name: 'account_id', kind: 'constraint', cypher: 'CREATE CONSTRAINT account_id IF NOT EXISTS FOR (a:Account) REQUIRE a.id IS UNIQUE' },
  { name: 'api_key_id', kind: 'constraint', cypher: 'CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE' },
];

/**
 * Creates an account with its first key. Params: $account {id, name, role, actorId}, $key {id,
 * prefix, hash, salt, kdf, expiresAt (ISO or null)}. Returns nothing. CREATE, so a taken id fails
 * on the uniqueness constraints.
 */
export const CREATE_ACCOUNT_WITH_KEY = /* cypher */ `
  CREATE (a:Account {id: $account.id, name: $account.name, role: $account.role, actorId: $account.actorId, createdAt: datetime()})
  CREATE (a)-[:HAS_KEY]->(k:ApiKey {
    id: $key.id, prefix: $key.prefix, hash: $key.hash, salt: $key.salt, kdf: $key.kdf,
    createdAt: datetime(), expiresAt: CASE WHEN $key.expiresAt IS NULL THEN null ELSE datetime($key.expiresAt) END
  })`;

/** The actor a member account speaks for must exist. Params: $actorId. Returns one row when it does. */
export const ACTOR_EXISTS = /* cypher */ `
  MATCH (a:Actor {id: $actorId}) RETURN a.id AS id`;

/**
 * A key with its account, for verification. Params: $keyId. Returns one row (hash, salt, kdf,
 * expiresAt, revokedAt, account {id, name, role, actorId}) or none.
 */
export const API_KEY_FOR_VERIFICATION = /* cypher */ `
  MATCH (a:Account)-[:HAS_KEY]->(k:ApiKey {id: $keyId})
  RETURN k.hash AS hash, k.salt AS salt, k.kdf AS kdf, k.expiresAt AS expiresAt, k.revokedAt AS revokedAt,
         a {.id, .name, .role, .actorId} AS account`;

/** Every key with its account, newest first; never the hash. Returns rows: key, account. */
export const LIST_API_KEYS = /* cypher */ `
  MATCH (a:Account)-[:HAS_KEY]->(k:ApiKey)
  RETURN k {.id, .prefix, .createdAt, .expiresAt, .revokedAt} AS key, a {.id, .name, .role, .actorId} AS account
  ORDER BY k.createdAt DESC, k.id`;

/**
 * Revokes a key (once: the first revocation time stays). Params: $keyId. Returns one row
 * (revokedAt, wasRevoked, accountId) or none when unknown.
 */
export const REVOKE_API_KEY = /* cypher */ `
  MATCH (a:Account)-[:HAS_KEY]->(k:ApiKey {id: $keyId})
  WITH a, k, k.revokedAt IS NOT NULL AS wasRevoked
  SET k.revokedAt = coalesce(k.revokedAt, datetime())
  RETURN k.revokedAt AS revokedAt, wasRevoked, a.id AS accountId`;
