/**
 * The order of the test files: Jest's own (failed first, then slowest first from the last run's
 * timings, else largest first), except that the suites that read the Drôme seed through
 * `seededGraph` (tests/helpers/seeded.ts) come last and together, so that one seed load serves
 * several of them (a suite that changes the graph makes the next one load it again). Those that
 * build a graph of their own before the seed (and so leave the seed behind them) come first, then
 * each is followed by one that changes the seed, then the readers, then the other writers.
 */
const fs = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

function seedUse(path) {
  const source = fs.readFileSync(path, 'utf8');
  if (!/\bseededGraph\(/.test(source)) return 'none';
  const changes = /\bdb\.write\(|TEST_EDITOR|markGraphChanged\(\)|seedDatabase\(/.test(source);
  const ownGraphFirst = /\bclearGraph\(db\)/.test(source);
  if (ownGraphFirst) return 'leaves-seed';
  return changes ? 'changes-seed' : 'reads-seed';
}

class SeedAwareSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    const kind = new Map(ordered.map((t) => [t, seedUse(t.path)]));
    const of = (k) => ordered.filter((t) => kind.get(t) === k);
    const leaves = of('leaves-seed');
    const changers = of('changes-seed');
    const block = [];
    for (const t of leaves) {
      block.push(t);
      if (changers.length > 0) block.push(changers.shift());
    }
    block.push(...of('reads-seed'), ...changers);
    return [...of('none'), ...block];
  }
}

module.exports = SeedAwareSequencer;
