import type { Viewer } from '../context';

/**
 * The rules named in `@Authorized(...)`. Mutations and staff queries name an operation rule
 * (SIGNED_IN, STAFF): a viewer that does not pass gets an error. Fields of records name a field
 * rule (OWNER, VOLUME): a viewer that does not pass reads null. docs/security.md lists who passes.
 */
export enum AccessRule {
  /** Any account (member, editor, admin). A member's writes are further confined to its own actor by the mutation engine. */
  SIGNED_IN = 'SIGNED_IN',
  /** Club staff: editors and admins (imports, the audit trail). */
  STAFF = 'STAFF',
  /** A private field: the owning actor's member accounts and staff see it, others read null. */
  OWNER = 'OWNER',
  /** A volume: public unless an owning actor set `confidentialVolumes`; then as OWNER. */
  VOLUME = 'VOLUME',
}

export const OPERATION_RULES: ReadonlySet<AccessRule> = new Set([AccessRule.SIGNED_IN, AccessRule.STAFF]);

/** Schema description of every private field, so clients know why they may read null. */
export const PRIVATE_FIELD_NOTE = "Private: visible to the actor's member accounts and club editors; null otherwise.";

/** Schema description of every volume an actor may make confidential. */
export const CONFIDENTIAL_VOLUME_NOTE =
  "Confidential when the actor (either party, for a supply link) sets confidentialVolumes: then visible to that actor's member accounts and club editors, null otherwise.";

/**
 * The VOLUME rule for values that are not GraphQL fields of their own (a GeoJSON feature's
 * properties): staff, the owners' members, or anyone when no owner hides its volumes.
 */
export function maySeeVolume(viewer: Viewer | null, ownerIds: readonly string[], confidential: boolean): boolean {
  if (!confidential || isStaff(viewer)) return true;
  return viewer?.role === 'member' && viewer.actorId !== null && ownerIds.includes(viewer.actorId);
}

/** Editors and admins: every record, imports, the audit trail (admins also manage accounts and keys). */
export function isStaff(viewer: Viewer | null): boolean {
  return viewer?.role === 'editor' || viewer?.role === 'admin';
}
