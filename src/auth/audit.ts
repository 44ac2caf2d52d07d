import { randomUUID } from 'node:crypto';
import type { Viewer } from '../context';
import type { Tx } from '../db';
import { APPEND_AUDIT_ENTRY } from './audit.cypher';

/** Who wrote: an authenticated viewer, or the operator of a command-line tool. */
export interface AuditAuthor {
  accountId: string;
  name: string;
  role: string;
  via: Viewer['via'] | 'cli';
}

export type AuditOperation = 'CREATE' | 'UPDATE' | 'DELETE' | 'IMPORT' | 'CREATE_API_KEY' | 'REVOKE_API_KEY';

export interface AuditEvent {
  operation: AuditOperation;
  /** Actor, Offer, Need, SupplyLink, Import, ApiKey. */
  recordKind: string;
  recordId: string | null;
  /** The changed fields before the write (null for a creation). */
  before?: Record<string, unknown> | null;
  /** The changed fields after the write (null for a deletion). */
  after?: Record<string, unknown> | null;
  /** An import's SHA-256 of its content, hex. */
  fileSha256?: string | null;
  /** An import's record counts. */
  counts?: Record<string, number> | null;
}

export function authorOf(viewer: Viewer): AuditAuthor {
  return { accountId: viewer.id, name: viewer.name, role: viewer.role, via: viewer.via };
}

/** Appends an entry to the audit trail inside the write's own transaction: no write commits without it. */
export async function recordAudit(tx: Tx, author: AuditAuthor, event: AuditEvent): Promise<void> {
  await tx.run(APPEND_AUDIT_ENTRY, {
    entry: {
      id: `aud-${randomUUID()}`,
      accountId: author.accountId,
      accountName: author.name,
      role: author.role,
      via: author.via,
      operation: event.operation,
      recordKind: event.recordKind,
      recordId: event.recordId,
      before: event.before == null ? null : JSON.stringify(event.before),
      after: event.after == null ? null : JSON.stringify(event.after),
      fileSha256: event.fileSha256 ?? null,
      counts: event.counts == null ? null : JSON.stringify(event.counts),
    },
  });
}

/**
 * The fields whose values differ between two versions of a record, each side holding only those
 * fields (compared as JSON, so lists compare by content). A creation (before null) or a deletion
 * (after null) keeps every field of the side that exists.
 */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (before === null || after === null) return { before, after };
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      changedBefore[key] = before[key] ?? null;
      changedAfter[key] = after[key] ?? null;
    }
  }
  return { before: changedBefore, after: changedAfter };
}
