import type { Logger } from 'pino';
import { int, type Database } from './neo4j';

/**
 * Schema statements (constraints and indexes) are declared by each domain folder beside its
 * Cypher and gathered in src/schema-statements.ts. Every statement is `IF NOT EXISTS`, so the
 * migration step runs at each start and changes nothing once applied.
 */
export interface SchemaStatement {
  /** The constraint or index name, as `SHOW CONSTRAINTS` / `SHOW INDEXES` list it. */
  name: string;
  kind: 'constraint' | 'index';
  cypher: string;
}

/**
 * A data change that brings a graph written by an earlier version up to the current model. Its
 * statement changes at most $batchSize nodes and returns one row, `changed`; it is run until it
 * changes nothing, so it costs one cheap read on a graph that is up to date.
 */
export interface Backfill {
  name: string;
  cypher: string;
}

/** Nodes per backfill transaction: small enough for a 2 GiB heap, large enough for few round trips. */
const BACKFILL_BATCH_SIZE = 10_000;

/** Applies every schema statement, waits until the indexes are online, then runs the backfills. */
export async function migrate(db: Database, statements: SchemaStatement[], logger: Logger, backfills: Backfill[] = []): Promise<void> {
  for (const statement of statements) {
    await db.write(statement.cypher);
  }
  await db.read('CALL db.awaitIndexes(300)');
  logger.info({ statements: statements.length }, 'schema constraints and indexes in place');
  for (const backfill of backfills) {
    const changed = await runBackfill(db, backfill);
    if (changed > 0) logger.info({ backfill: backfill.name, changed }, 'graph brought up to the current model');
  }
}

/** Runs one backfill in batches until a batch changes nothing; returns how many nodes it changed. */
async function runBackfill(db: Database, backfill: Backfill): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ changed }] = await db.write<{ changed: number }>(backfill.cypher, { batchSize: int(BACKFILL_BATCH_SIZE) });
    if (changed === 0) return total;
    total += changed;
  }
}
