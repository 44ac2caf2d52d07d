import pino from 'pino';
import { loadConfig } from '../../src/config';
import { Database, migrate } from '../../src/db';
import { BACKFILLS, SCHEMA_STATEMENTS } from '../../src/schema-statements';
import { untracked } from './seed-state';

export const silentLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** Configuration pointing at the test suite's Neo4j (started by tests/neo4j.global-setup.cjs). */
export function testConfig(overrides: NodeJS.ProcessEnv = {}) {
  const uri = process.env.MAILLON_TEST_NEO4J_URI;
  if (!uri) throw new Error('MAILLON_TEST_NEO4J_URI is not set: run the tests through jest (npm test)');
  return loadConfig({
    NEO4J_URI: uri,
    NEO4J_PASSWORD: process.env.MAILLON_TEST_NEO4J_PASSWORD,
    LOG_LEVEL: 'silent',
    SEED_ON_START: 'false',
    ...overrides,
  });
}

/**
 * A driver on the test database, with the schema migrated. Close it in afterAll. `overrides` change
 * the configuration (a longer NEO4J_QUERY_TIMEOUT_MS for suites whose first plans are slow).
 */
export async function connectTestDb(overrides: NodeJS.ProcessEnv = {}): Promise<Database> {
  const db = Database.connect(testConfig(overrides).neo4j, silentLogger);
  // Constraints and indexes that exist already change no data: the seed, if there, is still whole.
  await untracked(() => migrate(db, SCHEMA_STATEMENTS, silentLogger, BACKFILLS));
  // /ready stays 503 until the start-time warm-up marks the database warm; the warm-up itself is
  // tested in tests/faults.test.ts and tests/outage.test.ts, the other suites start warm.
  db.markWarm();
  return db;
}

/** Removes every node and relationship (the constraints and indexes stay). */
export async function clearGraph(db: Database): Promise<void> {
  await db.write('MATCH (n) DETACH DELETE n');
}
