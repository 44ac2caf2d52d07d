import { createHash } from 'node:crypto';
import { EXISTING_ACTORS } from '../actor/actor.cypher';
import { recordAudit, type AuditAuthor } from '../auth';
import { BULK_WRITE_TIMEOUT_MS, type Database, type Tx } from '../db';
import { EXISTING_SUPPLY_LINKS } from '../supply/supply.cypher';
import type { ImportBundle } from './bundle';
import { EXISTING_REFERENCES } from './import.cypher';
import { parseImport, type ImportIssue, type RawRow, type RecordKind } from './parse';
import { referencedIds, validateRows, type ReferenceData } from './validate';
import { writeBundle, type WriteProgress } from './write';

export type ImportFormat = 'csv' | 'json';

export interface ImportOptions {
  format: ImportFormat;
  /** The record kind of a CSV file or a JSON array; detected from the columns when absent. */
  kind?: RecordKind;
  /** Validate only: report what would be written, write nothing. */
  dryRun?: boolean;
  onProgress?: (progress: WriteProgress) => void;
  /** Who imports: a written import is recorded in the audit trail (file digest and counts), in its own transaction. */
  author?: AuditAuthor;
}

export interface ImportReport {
  /** True when the file was valid (and, unless dry-run, written). */
  accepted: boolean;
  written: boolean;
  counts: { actors: number; offers: number; needs: number; supplyLinks: number };
  /** Every problem found, by line; non-empty means nothing was written. */
  issues: ImportIssue[];
}

function countsOf(bundle: ImportBundle | null): ImportReport['counts'] {
  return {
    actors: bundle?.actors.length ?? 0,
    offers: bundle?.offers.length ?? 0,
    needs: bundle?.needs.length ?? 0,
    supplyLinks: bundle?.supplyLinks.length ?? 0,
  };
}

/** Fetches, in the write transaction itself, what the database holds of the keys the rows mention. */
export async function fetchReferences(tx: Tx, rows: RawRow[]): Promise<ReferenceData> {
  const ids = referencedIds(rows);
  const [existing] = await tx.run<{ communes: string[]; epcis: string[]; products: string[]; labels: string[] }>(EXISTING_REFERENCES, {
    communes: ids.communes,
    epcis: ids.epcis,
    products: ids.products,
    labels: ids.labels,
  });
  const actors = await tx.run<{ id: string; siret: string }>(EXISTING_ACTORS, { ids: ids.actors, sirets: ids.sirets });
  const links = await tx.run<{ id: string; supplierId: string; buyerId: string }>(EXISTING_SUPPLY_LINKS, { ids: ids.supplyLinks });
  return {
    communes: new Set(existing.communes),
    epcis: new Set(existing.epcis),
    products: new Set(existing.products),
    labels: new Set(existing.labels),
    existingActors: new Map(actors.map((a) => [a.id, { siret: a.siret }])),
    existingSupplyLinks: new Map(links.map((l) => [l.id, { supplierId: l.supplierId, buyerId: l.buyerId }])),
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

/**
 * Imports a CSV or JSON file of actors, offers, needs or supply links. Every row is checked
 * against the file itself and the graph before anything is written; any issue rejects the whole
 * file. A valid file is written in one transaction (batched UNWIND upserts by id), so a failure
 * half-way leaves the graph as it was and re-importing the same file changes nothing.
 */
export async function importContent(db: Database, content: string, options: ImportOptions): Promise<ImportReport> {
  const parsed = parseImport(content, { format: options.format, kind: options.kind });
  if (parsed.issues.length > 0) {
    return { accepted: false, written: false, counts: countsOf(null), issues: parsed.issues };
  }
  try {
    return await db.transaction('WRITE', async (tx) => {
      const { bundle, issues } = validateRows(parsed.rows, await fetchReferences(tx, parsed.rows));
      if (issues.length > 0) throw new RejectedImport(issues);
      if (!options.dryRun) {
        await writeBundle(tx, bundle, options.onProgress);
        if (options.author) await auditImport(tx, options.author, content, countsOf(bundle));
      }
      return { accepted: true, written: !options.dryRun, counts: countsOf(bundle), issues: [] };
    }, { timeoutMs: BULK_WRITE_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof RejectedImport) {
      return { accepted: false, written: false, counts: countsOf(null), issues: error.issues };
    }
    throw error;
  }
}
