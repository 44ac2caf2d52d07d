import { createHash } from 'node:crypto';
import { loadImportLimits, type ImportLimits } from '../config';
import { recordAudit, type AuditAuthor } from '../auth';
import { BULK_WRITE_TIMEOUT_MS, type Database, type Tx } from '../db';
import { BadUserInputError, ConflictError } from '../errors';
import {
  fetchReferences,
  validateRows,
  writeBundle,
  type ImportBundle,
  type ImportIssue,
  type RawRow,
  type RecordKind,
  type WriteProgress,
} from '../records';
import { ensureNoReplacementCharacter } from './encoding';
import { parseImport } from './parse';

export type ImportFormat = 'csv' | 'json';

export interface ImportOptions {
  format: ImportFormat;
  /** The record kind of a CSV file or a JSON array; detected from the columns when absent. */
  kind?: RecordKind;
  /** Validate only: report what would be written, write nothing. */
  dryRun?: boolean;
  onProgress?: (progress: WriteProgress) => void;
  /** Size, row and issue limits; those of the environment (IMPORT_MAX_*) when absent. */
  limits?: ImportLimits;
  /** Who imports: a written import is recorded in the audit trail (file digest and counts), in its own transaction. */
  author?: AuditAuthor;
}

export interface ImportReport {
  /** True when the file was valid (and, unless dry-run, written). */
  accepted: boolean;
  written: boolean;
  counts: { actors: number; offers: number; needs: number; supplyLinks: number };
  /** The first problems found (at most limits.maxIssues), by line; non-empty means nothing was written. */
  issues: ImportIssue[];
  /** How many problems were found in all. */
  issueCount: number;
  /** True when `issues` lists only the first of them. */
  issuesTruncated: boolean;
}

function countsOf(bundle: ImportBundle | null): ImportReport['counts'] {
  return {
    actors: bundle?.actors.length ?? 0,
    offers: bundle?.offers.length ?? 0,
    needs: bundle?.needs.length ?? 0,
    supplyLinks: bundle?.supplyLinks.length ?? 0,
  };
}

/** An import's audit entry: the SHA-256 of the file as received and the records it held. */
async function auditImport(tx: Tx, author: AuditAuthor, content: string, counts: ImportReport['counts']): Promise<void> {
  await recordAudit(tx, author, {
    operation: 'IMPORT',
    recordKind: 'Import',
    recordId: null,
    fileSha256: createHash('sha256').update(content, 'utf8').digest('hex'),
    counts: { ...counts },
  });
}

/** Thrown inside the transaction to roll it back when validation finds problems. */
class RejectedImport extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super('import rejected');
  }
}

/** Longest reason and value an issue carries: a reason quotes the value, which may be a whole file. */
const MAX_REASON_CHARS = 600;
const MAX_VALUE_CHARS = 200;

/** Keeps the start and the end of a long text (the end of a reason says what was expected). */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 3) / 2);
  return `${text.slice(0, half)} … ${text.slice(text.length - half)}`;
}

function clipped(issue: ImportIssue): ImportIssue {
  const reason = clip(issue.reason, MAX_REASON_CHARS);
  return issue.value === undefined ? { ...issue, reason } : { ...issue, reason, value: clip(issue.value, MAX_VALUE_CHARS) };
}

/** A rejection listing the first `maxIssues` issues (by line) and the total. */
function rejected(issues: ImportIssue[], limits: ImportLimits): ImportReport {
  // Array.prototype.sort is stable: at one line, issues of the file's shape come before field issues.
  const sorted = [...issues].sort((a, b) => a.line - b.line);
  return {
    accepted: false,
    written: false,
    counts: countsOf(null),
    issues: sorted.slice(0, limits.maxIssues).map(clipped),
    issueCount: sorted.length,
    issuesTruncated: sorted.length > limits.maxIssues,
  };
}

/** "20 MB", "2.5 MB", "3 kB". */
const sized = (bytes: number) => (bytes >= 1_000_000 ? `${Number((bytes / 1_000_000).toFixed(1))} MB` : `${Math.ceil(bytes / 1000)} kB`);

/** Refuses a file over the size limit before reading it. */
export function ensureWithinSizeLimit(bytes: number, limits: ImportLimits): void {
  if (bytes <= limits.maxBytes) return;
  throw new BadUserInputError(
    `The file is ${sized(bytes)} (${bytes} bytes); an import is limited to ${sized(limits.maxBytes)} (${limits.maxBytes} bytes, IMPORT_MAX_BYTES): split it into several files; nothing was written`,
    { limit: 'IMPORT_MAX_BYTES', maxBytes: limits.maxBytes, bytes },
  );
}

function ensureWithinRowLimit(records: number, limits: ImportLimits): void {
  if (records <= limits.maxRows) return;
  throw new BadUserInputError(
    `The file holds ${records} records; an import is limited to ${limits.maxRows} records (IMPORT_MAX_ROWS): split it into several files; nothing was written`,
    { limit: 'IMPORT_MAX_ROWS', maxRows: limits.maxRows, rows: records },
  );
}

/**
 * Imports a CSV or JSON file of actors, offers, needs or supply links. Every row is checked
 * against the file itself and the graph before anything is written; any issue rejects the whole
 * file. Rows whose structure is wrong (a CSV row with too few cells, a JSON item that is not an
 * object) are reported and skipped, and every other row is still checked, so one pass lists every
 * problem. A valid file is written in one transaction (batched UNWIND upserts by id; supply links
 * the graph does not hold are created in larger batches, see writeBundle), so a failure half-way
 * leaves the graph as it was and re-importing the same file changes nothing.
 * Throws BadUserInputError, before reading any row against the graph, for a file over the size or
 * row limit or holding U+FFFD (text that was not UTF-8).
 */
export async function importContent(db: Database, content: string, options: ImportOptions): Promise<ImportReport> {
  const limits = options.limits ?? loadImportLimits();
  ensureWithinSizeLimit(Buffer.byteLength(content, 'utf8'), limits);
  ensureNoReplacementCharacter(content);
  const parsed = parseImport(content, { format: options.format, kind: options.kind });
  ensureWithinRowLimit(parsed.records, limits);
  if (parsed.issues.length > 0) {
    // The file is rejected whatever its rows hold; they are still checked (in a read transaction) to list their issues too.
    if (parsed.rows.length === 0) return rejected(parsed.issues, limits);
    const { issues } = await db.transaction('READ', async (tx) => validateRows(parsed.rows, await fetchReferences(tx, parsed.rows)), {
      timeoutMs: BULK_WRITE_TIMEOUT_MS,
    });
    return rejected([...parsed.issues, ...issues], limits);
  }
  try {
    return await writeChecked(db, content, parsed.rows, options, 'create');
  } catch (error) {
    if (error instanceof RejectedImport) return rejected(error.issues, limits);
    // A supply link created by another transaction since this one read the graph (or a link node the
    // read did not see whole): the uniqueness constraint refused the second copy. Write again,
    // upserting every link, as if the links had been known to exist.
    if (!(error instanceof ConflictError)) throw error;
  }
  try {
    return await writeChecked(db, content, parsed.rows, options, 'upsert');
  } catch (error) {
    if (error instanceof RejectedImport) return rejected(error.issues, limits);
    throw error;
  }
}

/**
 * Checks the rows against the graph and writes them, in one write transaction, so that what was
 * checked is what is written. 'create': the supply links the graph does not hold (as read in this
 * transaction) are created without MERGE; 'upsert': every record is upserted.
 * Throws RejectedImport when a row has an issue.
 */
function writeChecked(
  db: Database,
  content: string,
  rows: RawRow[],
  options: ImportOptions,
  links: 'create' | 'upsert',
): Promise<ImportReport> {
  return db.transaction(
    'WRITE',
    async (tx) => {
      const references = await fetchReferences(tx, rows);
      const { bundle, issues } = validateRows(rows, references);
      if (issues.length > 0) throw new RejectedImport(issues);
      if (!options.dryRun) {
        const existingSupplyLinkIds = links === 'create' ? new Set(references.existingSupplyLinks.keys()) : undefined;
        await writeBundle(tx, bundle, { onProgress: options.onProgress, existingSupplyLinkIds });
        if (options.author) await auditImport(tx, options.author, content, countsOf(bundle));
      }
      return { accepted: true, written: !options.dryRun, counts: countsOf(bundle), issues: [], issueCount: 0, issuesTruncated: false };
    },
    { timeoutMs: BULK_WRITE_TIMEOUT_MS },
  );
}
