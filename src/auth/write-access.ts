import type { Viewer } from '../context';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { isStaff } from './rules';

export type WriteOperation = 'create' | 'update' | 'delete';

/** What a record kind declares about who owns it (src/records RecordSpec). */
export interface OwnedRecord {
  /** How messages name the record: "offer", "supply link". */
  noun: string;
  /** The ids of the actors a record (as an import row declares it) belongs to. */
  ownersOf(fields: Record<string, unknown>): string[];
  /** What a member may do to its own records of this kind. */
  memberOperations: readonly WriteOperation[];
}

function sameOwners(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().every((id, i) => id === [...b].sort()[i]);
}

/**
 * The ownership rule of members' writes, checked inside the write transaction on the record as it
 * is (`before`, null for a creation) and as it would become (`after`, null for a deletion): a
 * member changes only records of its own actor, and never moves one to other actors (the owners
 * stay the same). Editors and admins may write everything. UNAUTHENTICATED without a viewer (the
 * mutations' `@Authorized` rule refuses that earlier; this is the engine's own guard).
 */
export function ensureMayWrite(
  viewer: Viewer | null,
  record: OwnedRecord,
  operation: WriteOperation,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): void {
  if (viewer === null) throw new UnauthenticatedError('Changing the graph needs an account: send Authorization: Bearer <API key or token>');
  if (isStaff(viewer)) return;
  const actorId = viewer.actorId;
  if (viewer.role !== 'member' || actorId === null) throw new ForbiddenError();
  if (!record.memberOperations.includes(operation)) {
    throw new ForbiddenError(`A member account may not ${operation} an ${record.noun}: ask a club editor`);
  }
  // A record is judged by its owners as it is; a new one by its owners as it would be.
  const current = record.ownersOf((before ?? after)!);
  if (!current.includes(actorId)) {
    throw new ForbiddenError(`Your account speaks for actor "${actorId}": it may only write that actor's own ${record.noun}s`);
  }
  if (before !== null && after !== null && !sameOwners(current, record.ownersOf(after))) {
    throw new ForbiddenError(`A member account may not move a ${record.noun} to other actors: ask a club editor`);
  }
}
