/**
 * `npm run generate -- --actors 100000 [--seed 42] [--clear]`: writes a synthetic graph of the seed's
 * shape (roles, offers, needs, supply chains with provenance) on the real communes, deterministic
 * from --seed, for benchmarks. Synthetic ids start with "syn-", so they never collide with the seed;
 * running it twice with the same options changes nothing. --clear first removes every actor, offer,
 * need and supply link (geography and catalog stay). Writes one transaction per batch of 1,000 rows.
 */
import { loadReferenceData } from '../src/seed';
import { readLabels, readProducts } from '../src/seed/catalog';
import { generateSyntheticGraph } from '../src/seed/synthetic';
import { readCommunes } from '../src/territory/communes';
import { writeBundleInBatches } from '../src/records';
import { parseArgs, runCli } from './cli';

/** Removes the trading graph in chunks (a single DETACH DELETE of 500,000 nodes would not fit the heap). */
const DELETE_TRADING_CHUNK = /* cypher */ `
  MATCH (n) WHERE n:Actor OR n:Offer OR n:Need OR n:SupplyLink
  WITH n LIMIT 20000
  DETACH DELETE n
  RETURN count(*) AS deleted`;

runCli('generate', async (db) => {
  const { options } = parseArgs(process.argv.slice(2));
  const actors = Number(options.get('actors') ?? 100000);
  const seed = Number(options.get('seed') ?? 42);
  if (!Number.isInteger(actors) || actors < 1 || actors > 1_000_000 || !Number.isInteger(seed)) {
    process.stderr.write('usage: npm run generate -- --actors <1..1000000> [--seed <integer>] [--clear]\n');
    return 2;
  }
  if (options.has('clear')) {
    let deleted = 0;
    for (;;) {
      const [row] = await db.write<{ deleted: number }>(DELETE_TRADING_CHUNK);
      deleted += row.deleted;
      if (row.deleted === 0) break;
    }
    process.stderr.write(`generate: cleared ${deleted} nodes\n`);
  }
  const started = Date.now();
  await loadReferenceData(db);
  const bundle = generateSyntheticGraph({ actors, seed }, readCommunes(), readProducts(), readLabels());
  process.stderr.write(
    `generate: ${bundle.actors.length} actors, ${bundle.offers.length} offers, ${bundle.needs.length} needs, ` +
      `${bundle.supplyLinks.length} supply links (seed ${seed}) built in ${Date.now() - started} ms; writing...\n`,
  );
  let lastStep = '';
  let lastPercent = -1;
  await writeBundleInBatches(db, bundle, ({ step, written, total }) => {
    const percent = Math.floor((100 * written) / Math.max(total, 1) / 10) * 10;
    if (step !== lastStep || percent !== lastPercent) {
      process.stderr.write(`generate: ${step} ${written}/${total} (${percent} %)\n`);
      lastStep = step;
      lastPercent = percent;
    }
  });
  process.stderr.write(`generate: done in ${Math.round((Date.now() - started) / 1000)} s\n`);
});
