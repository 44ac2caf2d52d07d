import type { Database } from '../../src/db';
import { seedDatabase } from '../../tools/seed';
import { clearGraph, silentLogger } from './db';
import { fileSeedState, untracked, type SeedMarker } from './seed-state';

export { markGraphChanged } from './seed-state';

const COUNTS = /* cypher */ `
  CALL { MATCH (n) RETURN count(n) AS nodes }
  CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
  RETURN nodes, relationships`;

async function counts(db: Database): Promise<Omit<SeedMarker, 'uri'>> {
  const [row] = await db.read<{ nodes: number; relationships: number }>(COUNTS);
  return row;
}

/**
 * Leaves the test graph holding exactly the Drôme seed (`seedDatabase` on an empty graph): at once
 * when the previous test file left it untouched (tests/helpers/seed-state.ts says how that is
 * known), else by clearing the graph and loading the seed. A suite that changes the graph after it
 * may: the next one then loads the seed again.
 */
export async function seededGraph(db: Database): Promise<void> {
  const state = fileSeedState();
  const uri = process.env.MAILLON_TEST_NEO4J_URI ?? '';
  if (state.holds && state.holds.uri === uri) {
    const now = await counts(db);
    if (now.nodes === state.holds.nodes && now.relationships === state.holds.relationships) return;
  }
  // MAILLON_TEST_SEED_DEBUG=1 says which suites load it (docs/testing.md).
  if (process.env.MAILLON_TEST_SEED_DEBUG) process.stderr.write(`[seed] loading the seed (${expect.getState().testPath})\n`);
  await untracked(async () => {
    await clearGraph(db);
    await seedDatabase(db, silentLogger);
  });
  state.holds = { uri, ...(await counts(db)) };
}
