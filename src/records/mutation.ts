import { randomUUID } from 'node:crypto';
import { authorOf, changedFields, ensureMayWrite, recordAudit, type OwnedRecord, type WriteOperation } from '../auth';
import type { Context } from '../context';
import type { Row, Tx } from '../db';
import { BadUserInputError, ConflictError, NotFoundError, type EntityName } from '../errors';
import type { DeletionCounts } from '../common';
import type { ImportIssue, RawRow, RecordKind } from './fields';
import type { ImportBundle } from './record.types';
import { fetchReferences } from './references';
import { validateRows, type ReferenceData } from './validate';
import { writeBundle } from './write';

/**
 * The create / update / delete mutations of actors, offers, needs and supply links share one
 * flow: each runs in one write transaction that turns the input into an import row, checks it
 * with the importer's own rules (validateRows, against references read in that transaction),
 * writes it with the importer's upserts (writeBundle) and reads the record back. So a record
 * the API accepts is one an import would accept, and the other way round.
 *
 * The same transaction checks the ownership rule of members' writes (ensureMayWrite, on the record
 * as it is and as it would become, with the owners the spec declares) and appends the write to the
 * audit trail, so a refused write changes nothing and no write commits unrecorded.
 */

/** The fields of an import row (see RECORD_COLUMNS in fields.ts); null clears an optional field. */
export type Fields = Record<string, unknown>;

/** How one kind of record is read, checked, written, deleted, and who owns it. */
export interface RecordSpec extends OwnedRecord {
  kind: RecordKind;
  entity: EntityName;
  /** Start of generated ids: `act` gives `act-<uuid>`. */
  idPrefix: string;
  /** Cypher, $id: one row `record` holding the record as an import row would declare it, none when unknown. */
  recordQuery: string;
  /** Cypher, $id: CREATEs the bare node, so a concurrent create of the same id fails on the uniqueness constraint. */
  claimQuery: string;
  /** Cypher, $keys: rows `key`, `value`: the object the mutation returns (the T of createRecord<T>), as by-id loaders return it. */
  byIdQuery: string;
  /** Cypher, $id: deletes the record and what depends on it; one row of counts, none when unknown. */
  deleteQuery: string;
  toCascade(row: Row): DeletionCounts;
  /** Where an input field differs from the import column it becomes (the actor's location is latitude and longitude). */
  inputFieldOf?: Readonly<Record<string, string>>;
  /** Clashes with other records (CONFLICT rather than BAD_USER_INPUT), checked before the importer's rules. */
  findConflict?(fields: Fields, refs: ReferenceData): ConflictError | undefined;
}

/** The fields an input object holds: left-out fields (undefined) are not part of it, explicit nulls are. */
export function definedFields(input: object): Fields {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/**
 * Empties every per-request DataLoader cache. A write can change what any of them has loaded (a
 * deleted actor disappears from its partners' sales, a moved offer from its old actor's offers), and
 * listing the keys each mutation touches would be fragile; the caches live for one request, so
 * reloading after a mutation costs a few queries at most.
 */
export function clearLoaders(loaders: Context['loaders']): void {
  for (const group of Object.values(loaders)) {
    for (const loader of Object.values(group) as Array<{ clearAll(): unknown }>) loader.clearAll();
  }
}

/**
 * Creates a record; its id is the given one or a new `<prefix>-<uuid>`. CONFLICT when the id is
 * taken by a different record. A create whose id exists with exactly the fields given (after the
 * importer's normalisation) returns that record: the replay of a create whose answer was lost
 * (WRITE_OUTCOME_UNKNOWN) is safe (docs/reliability.md).
 */
export async function createRecord<T>(ctx: Context, spec: RecordSpec, fields: Fields): Promise<T> {
  const id = typeof fields.id === 'string' ? fields.id : `${spec.idPrefix}-${randomUUID()}`;
  const created = await ctx.db.transaction('WRITE', async (tx) => {
    ensureMayWrite(ctx.viewer, spec, 'create', null, { ...fields, id });
    const existing = await findRecord(tx, spec, id);
    if (existing && (await isSameRecord(tx, spec, existing, { ...fields, id }))) return readBack<T>(tx, spec, id);
    if (existing) {
      throw new ConflictError(
        `${capitalized(spec.noun)} "${id}" already exists (expected a new id; to change it, use update${spec.entity})`,
        {
          entity: spec.entity,
          id,
        },
      );
    }
    const bundle = await checkRecord(tx, spec, { ...fields, id });
    await tx.run(spec.claimQuery, { id });
    await writeBundle(tx, bundle);
    await auditWrite(ctx, tx, spec, 'create', id, null, await findRecord(tx, spec, id));
    return readBack<T>(tx, spec, id);
  });
  clearLoaders(ctx.loaders);
  return created;
}

/** Changes the given fields of a record and leaves the others as they are. NOT_FOUND when unknown. */
export async function updateRecord<T>(ctx: Context, spec: RecordSpec, id: string, changes: Fields): Promise<T> {
  const updated = await ctx.db.transaction('WRITE', async (tx) => {
    const current = await findRecord(tx, spec, id);
    if (!current) throw new NotFoundError(spec.entity, id);
    ensureMayWrite(ctx.viewer, spec, 'update', current, { ...current, ...changes, id });
    const bundle = await checkRecord(tx, spec, { ...current, ...changes, id });
    await writeBundle(tx, bundle);
    await auditWrite(ctx, tx, spec, 'update', id, current, await findRecord(tx, spec, id));
    return readBack<T>(tx, spec, id);
  });
  clearLoaders(ctx.loaders);
  return updated;
}

/** Deletes a record and what cannot outlive it; returns the counts. NOT_FOUND when unknown. */
export async function deleteRecord(ctx: Context, spec: RecordSpec, id: string): Promise<{ id: string; cascade: DeletionCounts }> {
  const cascade = await ctx.db.transaction('WRITE', async (tx) => {
    const current = await findRecord(tx, spec, id);
    if (!current) throw new NotFoundError(spec.entity, id);
    ensureMayWrite(ctx.viewer, spec, 'delete', current, null);
    const [row] = await tx.run(spec.deleteQuery, { id });
    if (!row) throw new NotFoundError(spec.entity, id);
    await auditWrite(ctx, tx, spec, 'delete', id, current, null);
    return spec.toCascade(row);
  });
  clearLoaders(ctx.loaders);
  return { id, cascade };
}

const AUDIT_OPERATIONS = { create: 'CREATE', update: 'UPDATE', delete: 'DELETE' } as const;

/** Records the write in the audit trail with the fields it changed, as an import row names them. */
async function auditWrite(
  ctx: Context,
  tx: Tx,
  spec: RecordSpec,
  operation: WriteOperation,
  id: string,
  before: Fields | null,
  after: Fields | null,
): Promise<void> {
  // ensureMayWrite refused anonymous writes already.
  if (ctx.viewer === null) throw new Error('write without a viewer reached the audit trail');
  await recordAudit(tx, authorOf(ctx.viewer), {
    operation: AUDIT_OPERATIONS[operation],
    recordKind: spec.entity,
    recordId: id,
    ...changedFields(before, after),
  });
}

/**
 * True when writing `fields` over the record `existing` would leave it as it is (both checked and
 * normalised as import rows): every field the create gives has its stored value. Fields the create
 * leaves out are not compared, since the store fills some of them with defaults
 * (`confidentialVolumes: false`) and an editor may have added others since the first attempt.
 */
async function isSameRecord(tx: Tx, spec: RecordSpec, existing: Fields, fields: Fields): Promise<boolean> {
  const rows: RawRow[] = [
    { kind: spec.kind, line: 1, fields: existing },
    { kind: spec.kind, line: 1, fields: { ...existing, ...fields } },
  ];
  const refs = await fetchReferences(tx, rows);
  const asStored = validateRows([rows[0]], refs);
  const asGiven = validateRows([rows[1]], refs);
  if (asStored.issues.length > 0 || asGiven.issues.length > 0) return false;
  return canonical(asStored.bundle) === canonical(asGiven.bundle);
}

/** A comparable text of a value: keys sorted, absent and null fields alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

async function findRecord(tx: Tx, spec: RecordSpec, id: string): Promise<Fields | null> {
  const [row] = await tx.run<{ record: Fields }>(spec.recordQuery, { id });
  return row?.record ?? null;
}

async function readBack<T>(tx: Tx, spec: RecordSpec, id: string): Promise<T> {
  const [row] = await tx.run<{ key: string; value: T }>(spec.byIdQuery, { keys: [id] });
  // Unreachable after a validated upsert; an Error (not an AppError) rolls back and is masked.
  if (!row) throw new Error(`${spec.entity} ${id} missing after its upsert`);
  return row.value;
}

/**
 * Checks one record as the importer checks a row: conflicts first (CONFLICT), then every rule of
 * validateRows (BAD_USER_INPUT listing each reason). Returns the bundle to write.
 */
async function checkRecord(tx: Tx, spec: RecordSpec, fields: Fields): Promise<ImportBundle> {
  const rows: RawRow[] = [{ kind: spec.kind, line: 1, fields }];
  const refs = await fetchReferences(tx, rows);
  const conflict = spec.findConflict?.(fields, refs);
  if (conflict) throw conflict;
  const { bundle, issues } = validateRows(rows, refs);
  if (issues.length > 0) throw toBadUserInput(spec, issues);
  return bundle;
}

/** One problem of a mutation's input, in `extensions.issues` of its BAD_USER_INPUT error. */
export interface InputIssue {
  /** The input field. */
  field: string;
  /** What was expected and what came. */
  reason: string;
  /** The value as given, when the problem is about one value. */
  value?: string;
}

function toBadUserInput(spec: RecordSpec, issues: ImportIssue[]): BadUserInputError {
  const listed = issues.map((issue): InputIssue => ({
    field: spec.inputFieldOf?.[issue.column] ?? issue.column,
    reason: issue.reason,
    ...(issue.value !== undefined && { value: issue.value }),
  }));
  const reasons = listed.map((issue) => `${issue.field}: ${issue.reason}`).join('; ');
  return new BadUserInputError(`The ${spec.noun} was not written: ${reasons}`, { issues: listed });
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
