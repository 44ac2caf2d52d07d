import type { Logger } from 'pino';
import type { Database } from './db';
import { seedDatabase } from './seed';

/** Counts communes, the first thing a seed writes. Returns one row: communes. */
const COUNT_COMMUNES = /* cypher */ `MATCH (c:Commune) RETURN count(c) AS communes`;

/** Loads the Drôme seed graph when the database holds no commune yet (a fresh or emptied database). */
export async function seedIfEmpty(db: Database, logger: Logger): Promise<boolean> {
  const [{ communes }] = await db.read<{ communes: number }>(COUNT_COMMUNES);
  if (communes > 0) return false;
  logger.info('empty graph: loading the Drôme seed (geography, catalog, actors, supply links)');
  await seedDatabase(db, logger);
  return true;
}
