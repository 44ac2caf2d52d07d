import type { SchemaStatement } from '../db';

export const AUDIT_SCHEMA: SchemaStatement[] = [
  {
    name: 'audit_entry_id',
    kind: 'constraint',
    cypher: 'CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (e:AuditEntry) REQUIRE e.id IS UNIQUE',
  },
  { name: 'audit_entry_at', kind: 'index', cypher: 'CREATE INDEX audit_entry_at IF NOT EXISTS FOR (e:AuditEntry) ON (e.at)' },
  { name: 'audit_entry_record', kind: 'index', cypher: 'CREATE INDEX audit_entry_record IF NOT EXISTS FOR (e:AuditEntry) ON (e.recordId)' },
  {
    name: 'audit_entry_account',
    kind: 'index',
    cypher: 'CREATE INDEX audit_entry_account IF NOT EXISTS FOR (e:AuditEntry) ON (e.accountId)',
  },
];

/**
 * Appends one entry to the audit trail, in the caller's write transaction (so it commits or rolls
 * back with the write). `at` is the transaction's clock truncated to the millisecond, the precision
 * the API returns and cursors carry. Params: $entry {id, accountId, accountName, role, via,
 * operation, recordKind, recordId, before, after, fileSha256, counts}. Returns nothing.
 */
export const APPEND_AUDIT_ENTRY = /* cypher */ `
  CREATE (e:AuditEntry)
  SET e = $entry, e.at = datetime.truncate('millisecond', datetime.transaction())`;

/**
 * A page of the trail, newest first (at, then id, descending), after the cursor position when
 * given. Params: $recordId, $accountId, $since (ISO date-time or null), $afterAt (ISO or null),
 * $afterId, $limit. Returns rows: entry.
 */
export const AUDIT_TRAIL_PAGE = /* cypher */ `
  MATCH (e:AuditEntry)
  WHERE ($recordId IS NULL OR e.recordId = $recordId)
    AND ($accountId IS NULL OR e.accountId = $accountId)
    AND ($since IS NULL OR e.at >= datetime($since))
    AND ($afterAt IS NULL OR e.at < datetime($afterAt) OR (e.at = datetime($afterAt) AND e.id < $afterId))
  RETURN e {.*} AS entry
  ORDER BY e.at DESC, e.id DESC
  LIMIT $limit`;

/** Entries matching the filters. Params: $recordId, $accountId, $since. Returns one row: total. */
export const COUNT_AUDIT_ENTRIES = /* cypher */ `
  MATCH (e:AuditEntry)
  WHERE ($recordId IS NULL OR e.recordId = $recordId)
    AND ($accountId IS NULL OR e.accountId = $accountId)
    AND ($since IS NULL OR e.at >= datetime($since))
  RETURN count(e) AS total`;
