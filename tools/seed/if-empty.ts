import type { Logger } from 'pino';
import type { Database } from '../../src/db';
import type { WriteProgress } from '../../src/records';
import { seedDatabase } from './seed';

/** Counts communes, the first thing a seed writes. Returns one row: communes. */
const COUNT_COMMUNES = /* cypher */ `MATCH (c:Commune) RETURN count(c) AS communes`;

/**
 * Loads the Drôme seed graph when the database holds no commune yet (a fresh or emptied database);
 * returns whether it did. What `npm start` runs before the server (`npm run seed -- --if-empty`).
 */
export async function seedIfEmpty(db: Database, logger: Logger, onProgress?: (p: WriteProgress) => void): Promise<boolean> {
  const [{ communes }] = await db.read<{ communes: number }>(COUNT_COMMUNES);
  if (communes > 0) return false;
  logger.info('empty graph: loading the Drôme seed (geography, catalog, actors, supply links)');
  await seedDatabase(db, logger, onProgress);
  return true;
}
