import type { Logger } from 'pino';
import type { Database } from './db';

/** Loads the Drôme seed graph when the database holds no commune yet. */
export async function seedIfEmpty(_db: Database, logger: Logger): Promise<void> {
  logger.info('no seed dataset yet: serving the graph as it is');
}
