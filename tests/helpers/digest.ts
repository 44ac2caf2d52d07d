import type { Database } from '../../src/db';

/**
 * A content fingerprint of the whole graph: every node (labels, properties) and every relationship
 * (its ends by business key, type, properties), sorted. Equal fingerprints mean nothing changed,
 * whatever internal ids Neo4j assigned. The audit trail is a log of writes, not part of the data
 * graph: its entries are left out, so "nothing changed" still means the data did not.
 */
const NODE_LINES = /* cypher */ `
  MATCH (n) WHERE NOT n:AuditEntry
  RETURN labels(n) AS labels, properties(n) AS props`;

const RELATIONSHIP_LINES = /* cypher */ `
  MATCH (a)-[r]->(b) WHERE NOT a:AuditEntry
  RETURN coalesce(a.id, a.insee, a.siren, a.code) AS from, type(r) AS type,
         coalesce(b.id, b.insee, b.siren, b.code) AS to, properties(r) AS props`;

function stable(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${k}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function graphDigest(db: Database): Promise<string[]> {
  const nodes = await db.read<{ labels: string[]; props: Record<string, unknown> }>(NODE_LINES);
  const rels = await db.read<{ from: string; type: string; to: string; props: Record<string, unknown> }>(RELATIONSHIP_LINES);
  return [
    ...nodes.map((n) => `N ${[...n.labels].sort().join(':')} ${stable(n.props)}`),
    ...rels.map((r) => `R ${r.from} ${r.type} ${r.to} ${stable(r.props)}`),
  ].sort();
}
