/** `npm run seed`: loads (or refreshes) the Drôme seed graph. Idempotent. */
import { seedDatabase } from '../src/seed';
import { runCli } from './cli';

runCli('seed', async (db, logger) => {
  await seedDatabase(db, logger, (p) => {
    if (p.written === p.total) process.stderr.write(`seed: ${p.step} ${p.written}/${p.total}\n`);
  });
  process.stderr.write('seed: done\n');
});
