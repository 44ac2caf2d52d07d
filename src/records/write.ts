import type { Database, Tx } from '../db';
import type { ImportBundle } from './record.types';
import { LINK_SUPPLY_PROVENANCE, UPSERT_ACTORS, UPSERT_NEEDS, UPSERT_OFFERS, UPSERT_SUPPLY_LINKS } from './records.cypher';

/** Rows per UNWIND statement: large enough to amortise round trips, small enough for a 1 GiB heap. */
export const BATCH_SIZE = 1000;

export type BundleStep = 'actors' | 'offers' | 'needs' | 'supplyLinks' | 'provenance';

export interface WriteProgress {
  step: BundleStep;
  written: number;
  total: number;
}

interface Step {
  step: BundleStep;
  cypher: string;
  param: string;
  rows: (bundle: ImportBundle) => object[];
}

/** In dependency order: links need their actors, provenance needs every link. */
const STEPS: Step[] = [
  { step: 'actors', cypher: UPSERT_ACTORS, param: 'actors', rows: (b) => b.actors.map(withNulls) },
  {
    step: 'offers',
    cypher: UPSERT_OFFERS,
    param: 'offers',
    rows: (b) => b.offers.map((o) => withNulls({ deliveryCommunes: [], deliveryEpcis: [], ...o })),
  },
  { step: 'needs', cypher: UPSERT_NEEDS, param: 'needs', rows: (b) => b.needs.map(withNulls) },
  { step: 'supplyLinks', cypher: UPSERT_SUPPLY_LINKS, param: 'links', rows: (b) => b.supplyLinks.map(withNulls) },
  {
    step: 'provenance',
    cypher: LINK_SUPPLY_PROVENANCE,
    param: 'links',
    rows: (b) => b.supplyLinks.map((l) => ({ id: l.id, sourcedFromIds: l.sourcedFromIds })),
  },
];

/** Cypher reads an absent map key as null, but an explicit undefined is not a valid parameter. */
function withNulls<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === undefined ? null : v])) as T;
}

function* batches<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) yield rows.slice(i, i + BATCH_SIZE);
}

/** Writes a validated bundle inside the given transaction (batched UNWIND upserts by id). */
export async function writeBundle(tx: Tx, bundle: ImportBundle, onProgress?: (p: WriteProgress) => void): Promise<void> {
  for (const { step, cypher, param, rows } of STEPS) {
    const all = rows(bundle);
    let written = 0;
    for (const batch of batches(all)) {
      await tx.run(cypher, { [param]: batch });
      written += batch.length;
      onProgress?.({ step, written, total: all.length });
    }
  }
}

/**
 * Writes a large generated bundle with one transaction per batch. Only for synthetic benchmark
 * graphs: a failure leaves earlier batches committed, which imports must never do.
 */
export async function writeBundleInBatches(db: Database, bundle: ImportBundle, onProgress?: (p: WriteProgress) => void): Promise<void> {
  for (const { step, cypher, param, rows } of STEPS) {
    const all = rows(bundle);
    let written = 0;
    for (const batch of batches(all)) {
      await db.write(cypher, { [param]: batch });
      written += batch.length;
      onProgress?.({ step, written, total: all.length });
    }
  }
}
