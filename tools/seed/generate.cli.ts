/**
 * `npm run generate -- --actors 100000 [--seed 42] [--clear]`: writes a synthetic graph of the seed's
 * shape (roles, offers, needs, supply chains with provenance) on the real communes, deterministic
 * from --seed, for benchmarks. Synthetic ids start with "syn-", so they never collide with the seed;
 * running it twice with the same options changes nothing. --clear first removes every actor, offer,
 * need and supply link (geography and catalog stay). Writes one transaction per batch of 1,000 rows.
 */
import { integerOption, parseCommandLine, readCommandLine, runCli } from '../../scripts/cli';
import { writeBundleInBatches } from '../../src/records';
import { generateSyntheticGraph, loadReferenceData, readCommunes, readLabels, readProducts } from '.';

const USAGE = 'usage: npm run generate -- [--actors <1..1000000>] [--seed <integer>] [--clear]   (defaults: --actors 100000 --seed 42)';

const options = readCommandLine('generate', USAGE, (argv) => {
  const { values } = parseCommandLine(argv, {
    options: { actors: { type: 'string' }, seed: { type: 'string' }, clear: { type: 'boolean', default: false } },
  });
  return {
    actors: integerOption('actors', values.actors, 100_000, 1, 1_000_000),
    seed: integerOption('seed', values.seed, 42, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    clear: values.clear,
  };
});

/** Removes the trading graph in chunks (a single DETACH DELETE of 500,000 nodes would not fit the heap). */
const DELETE_TRADING_CHUNK = /* cypher */ `
  MATCH (n) WHERE n:Actor OR n:Offer OR n:Need OR n:SupplyLink
  WITH n LIMIT 20000
  DETACH DELETE n
  RETURN count(*) AS deleted`;

runCli('generate', async (db) => {
  const { actors, seed } = options;
  if (options.clear) {
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
