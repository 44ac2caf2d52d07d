import type { Database, Tx } from '../db';
import type { ImportBundle, SupplyLinkRecord } from './record.types';
import {
  ADD_SUPPLY_PROVENANCE,
  CREATE_SUPPLY_LINKS,
  LINK_SUPPLY_PROVENANCE,
  UPSERT_ACTORS,
  UPSERT_NEEDS,
  UPSERT_OFFERS,
  UPSERT_SUPPLY_LINKS,
} from './records.cypher';

/** Rows per UNWIND upsert statement: large enough to amortise round trips, small enough for a 1 GiB heap. */
export const BATCH_SIZE = 1000;

/**
 * Rows per CREATE_SUPPLY_LINKS statement. Creating is cheap per row (no MERGE, no clean-up), so
 * the per-statement cost (a round trip, parameters unpacked) weighs more: 100,000 links are 20
 * statements. 5,000 links are about 0.5 MB of parameters.
 */
export const CREATE_BATCH_SIZE = 5000;

export type BundleStep = 'actors' | 'offers' | 'needs' | 'supplyLinks' | 'provenance';

export interface WriteProgress {
  step: BundleStep;
  written: number;
  total: number;
}

export interface WriteOptions {
  onProgress?: (progress: WriteProgress) => void;
  /**
   * The ids of the bundle's supply links that exist in the graph, read in the transaction that
   * writes (see fetchReferences): the other links are created (CREATE_SUPPLY_LINKS) instead of
   * merged. Absent: every link is upserted (UPSERT_SUPPLY_LINKS), which is right whatever the graph
   * holds.
   */
  existingSupplyLinkIds?: ReadonlySet<string>;
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

const UPSERT_STEPS = STEPS.filter((s) => s.step !== 'supplyLinks' && s.step !== 'provenance');

/** Cypher reads an absent map key as null, but an explicit undefined is not a valid parameter. */
function withNulls<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === undefined ? null : v])) as T;
}

function* batches<T>(rows: T[], size = BATCH_SIZE): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

async function runSteps(tx: Tx, steps: Step[], bundle: ImportBundle, onProgress?: (p: WriteProgress) => void): Promise<void> {
  for (const { step, cypher, param, rows } of steps) {
    const all = rows(bundle);
    let written = 0;
    for (const batch of batches(all)) {
      await tx.run(cypher, { [param]: batch });
      written += batch.length;
      onProgress?.({ step, written, total: all.length });
    }
  }
}

/** A column of an optional field: empty when no row has a value, so that Cypher reads null for every row. */
function optionalColumn<T>(links: SupplyLinkRecord[], value: (link: SupplyLinkRecord) => T | null | undefined): (T | null)[] {
  const column = links.map((l) => value(l) ?? null);
  return column.some((v) => v !== null) ? column : [];
}

/** The parameters of CREATE_SUPPLY_LINKS: one list per field, one index per link. */
function toSupplyLinkColumns(links: SupplyLinkRecord[]): Record<string, unknown[]> {
  return {
    ids: links.map((l) => l.id),
    supplierIds: links.map((l) => l.supplierId),
    buyerIds: links.map((l) => l.buyerId),
    productIds: links.map((l) => l.productId),
    volumes: links.map((l) => l.volume),
    units: links.map((l) => l.unit),
    valueEurs: optionalColumn(links, (l) => l.valueEur),
    sinces: optionalColumn(links, (l) => l.since),
    frequencies: optionalColumn(links, (l) => l.frequency),
    channels: optionalColumn(links, (l) => l.channel),
    labelIds: optionalColumn(links, (l) => (l.labelIds.length > 0 ? l.labelIds : null)),
  };
}

/**
 * Supply links and their provenance, once every link exists: links the graph does not hold are
 * created, the others upserted (which also removes relationships they no longer declare).
 */
async function writeSupplyLinks(
  tx: Tx,
  links: SupplyLinkRecord[],
  existing: ReadonlySet<string>,
  onProgress?: (p: WriteProgress) => void,
): Promise<void> {
  const created = links.filter((l) => !existing.has(l.id));
  const updated = links.filter((l) => existing.has(l.id));
  let written = 0;
  const report = (step: BundleStep, count: number) => {
    written += count;
    onProgress?.({ step, written, total: links.length });
  };
  for (const batch of batches(created, CREATE_BATCH_SIZE)) {
    await tx.run(CREATE_SUPPLY_LINKS, toSupplyLinkColumns(batch));
    report('supplyLinks', batch.length);
  }
  for (const batch of batches(updated)) {
    await tx.run(UPSERT_SUPPLY_LINKS, { links: batch.map(withNulls) });
    report('supplyLinks', batch.length);
  }
  written = 0;
  const sourced = created.filter((l) => l.sourcedFromIds.length > 0).map((l) => ({ id: l.id, sourcedFromIds: l.sourcedFromIds }));
  for (const batch of batches(sourced, CREATE_BATCH_SIZE)) {
    await tx.run(ADD_SUPPLY_PROVENANCE, { links: batch });
    report('provenance', batch.length);
  }
  for (const batch of batches(updated)) {
    await tx.run(LINK_SUPPLY_PROVENANCE, { links: batch.map((l) => ({ id: l.id, sourcedFromIds: l.sourcedFromIds })) });
    report('provenance', batch.length);
  }
}

/**
 * Writes a validated bundle inside the given transaction (batched UNWIND upserts by id; with
 * `existingSupplyLinkIds`, new supply links are created in larger batches).
 */
export async function writeBundle(tx: Tx, bundle: ImportBundle, options: WriteOptions = {}): Promise<void> {
  const { onProgress, existingSupplyLinkIds } = options;
  if (!existingSupplyLinkIds) return runSteps(tx, STEPS, bundle, onProgress);
  await runSteps(tx, UPSERT_STEPS, bundle, onProgress);
  await writeSupplyLinks(tx, bundle.supplyLinks, existingSupplyLinkIds, onProgress);
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
