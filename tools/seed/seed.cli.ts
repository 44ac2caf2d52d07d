/**
 * `npm run seed [-- --if-empty]`: loads (or refreshes) the Drôme seed graph. Idempotent.
 *
 * With --if-empty (what `npm start` runs before the server) it seeds only a database that holds no
 * commune yet, and not at all when SEED_ON_START=false. The server itself never seeds: a production
 * start (`node dist/src/main.js`) cannot write demonstration data.
 */
import { parseCommandLine, readCommandLine, runCli } from '../../scripts/cli';
import { seedDatabase, seedIfEmpty } from '.';

const USAGE = 'usage: npm run seed [-- --if-empty]   (--if-empty: only into a graph with no commune, unless SEED_ON_START=false)';

const { values } = readCommandLine('seed', USAGE, (argv) =>
  parseCommandLine(argv, { options: { 'if-empty': { type: 'boolean', default: false } } }),
);

const progress = (p: { step: string; written: number; total: number }) => {
  if (p.written === p.total) process.stderr.write(`seed: ${p.step} ${p.written}/${p.total}\n`);
};

runCli('seed', async (db, logger, config) => {
  if (!values['if-empty']) {
    await seedDatabase(db, logger, progress);
    process.stderr.write('seed: done\n');
    return;
  }
  if (!config.seedOnStart) {
    process.stderr.write('seed: SEED_ON_START=false, not seeding\n');
    return;
  }
  const seeded = await seedIfEmpty(db, logger, progress);
  process.stderr.write(seeded ? 'seed: the graph was empty; Drôme seed loaded\n' : 'seed: the graph already holds data; not seeding\n');
});
