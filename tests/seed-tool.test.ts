import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Database } from '../src/db';
import { loadReferenceData, seedIfEmpty } from '../tools/seed';
import { buildOnce } from './helpers/build';
import { clearGraph, connectTestDb, silentLogger } from './helpers/db';

/**
 * The seed tool as `npm start` runs it (`seed --if-empty`, before the server, which never seeds) and
 * the command lines of the tools: arguments parsed strictly, usage errors before any connection.
 */
const ROOT = path.join(__dirname, '..');

/** Counts what the seed writes. One row: communes, actors. */
const COUNTS =
  'CALL { MATCH (c:Commune) RETURN count(c) AS communes } CALL { MATCH (a:Actor) RETURN count(a) AS actors } RETURN communes, actors';

function runTool(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      NEO4J_URI: process.env.MAILLON_TEST_NEO4J_URI,
      NEO4J_PASSWORD: process.env.MAILLON_TEST_NEO4J_PASSWORD,
      LOG_LEVEL: 'silent',
      ...env,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the seed tool', () => {
  let db: Database;
  const counts = async () => (await db.read<{ communes: number; actors: number }>(COUNTS))[0];

  beforeAll(async () => {
    db = await connectTestDb();
    await buildOnce();
  }, 240_000);

  afterAll(async () => {
    await clearGraph(db);
    await db.close();
  });

  it('seedIfEmpty leaves a graph that holds communes as it is', async () => {
    await clearGraph(db);
    await loadReferenceData(db);
    const before = await counts();
    await expect(seedIfEmpty(db, silentLogger)).resolves.toBe(false);
    expect(await counts()).toEqual(before);
    expect(before.actors).toBe(0);
  }, 120_000);

  it('seedIfEmpty loads the Drôme seed into an empty graph', async () => {
    await clearGraph(db);
    await expect(seedIfEmpty(db, silentLogger)).resolves.toBe(true);
    const after = await counts();
    expect(after.communes).toBe(1986);
    // The profiles' seed counts: 500, plus 3 abattoirs, the Biovallée central kitchen, the contract caterer and 2 small mills (issue 11).
    expect(after.actors).toBe(507);
  }, 240_000);

  it('seed --if-empty writes nothing when SEED_ON_START=false, even into an empty graph', async () => {
    await clearGraph(db);
    const run = runTool('dist/tools/seed/seed.cli.js', ['--if-empty'], { SEED_ON_START: 'false' });
    expect(run).toMatchObject({ code: 0, stderr: expect.stringContaining('SEED_ON_START=false, not seeding') });
    expect(await counts()).toEqual({ communes: 0, actors: 0 });
  }, 60_000);

  it('seed --if-empty says so and writes nothing when the graph already holds data', async () => {
    await loadReferenceData(db);
    const before = await counts();
    const run = runTool('dist/tools/seed/seed.cli.js', ['--if-empty']);
    expect(run).toMatchObject({ code: 0, stderr: expect.stringContaining('the graph already holds data; not seeding') });
    expect(await counts()).toEqual(before);
  }, 60_000);

  describe('command lines (parsed before anything connects: a wrong NEO4J_URI port is never reached)', () => {
    const unreachable = { NEO4J_URI: 'bolt://127.0.0.1:1' };

    it.each([
      [
        'dist/tools/seed/generate.cli.js',
        ['--actors', 'many'],
        'generate: --actors must be a whole number from 1 to 1000000; got "many"',
        'usage: npm run generate',
      ],
      [
        'dist/tools/seed/generate.cli.js',
        ['--actors', '0'],
        'generate: --actors must be a whole number from 1 to 1000000; got "0"',
        'usage: npm run generate',
      ],
      ['dist/tools/seed/generate.cli.js', ['--actors'], "generate: Option '--actors <value>' argument missing", 'usage: npm run generate'],
      ['dist/tools/seed/seed.cli.js', ['--if-emtpy'], "seed: Unknown option '--if-emtpy'", 'usage: npm run seed'],
      ['dist/tools/seed/seed.cli.js', ['extra'], "seed: Unexpected argument 'extra'", 'usage: npm run seed'],
      ['dist/scripts/import.js', [], 'import: give the file to import', 'usage: npm run import'],
      [
        'dist/scripts/import.js',
        ['a.csv', '--kind', 'farms'],
        'import: --kind must be one of actors, offers, needs, supplyLinks; got "farms"',
        'usage: npm run import',
      ],
      ['dist/scripts/keys.js', ['create', '--role'], "keys: Option '--role <value>' argument missing", 'usage: npm run keys'],
      [
        'dist/scripts/keys.js',
        ['create', '--role', 'boss', '--name', 'Robot'],
        'keys: create needs --role member|editor|admin; got "boss"',
        'usage: npm run keys',
      ],
      ['dist/scripts/keys.js', ['rotate'], 'keys: unknown command "rotate": use create, list or revoke', 'usage: npm run keys'],
      [
        'dist/bench/bench.js',
        ['--duration', '1.5'],
        'bench: --duration must be a whole number from 1 to 600; got "1.5"',
        'usage: npm run bench',
      ],
      [
        'dist/bench/apollo-floor.js',
        ['--duration', '0'],
        'bench:apollo-floor: --duration must be a whole number from 1 to 60; got "0"',
        'usage: npm run bench:apollo-floor',
      ],
    ])('%s %j: exit 2 with what is wrong and the usage', (script, args, message, usage) => {
      const run = runTool(script, args as string[], unreachable);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain(usage);
    });

    it('--help prints the usage and exits 0', () => {
      const run = runTool('dist/tools/seed/generate.cli.js', ['--help'], unreachable);
      expect(run).toMatchObject({
        code: 0,
        stdout: expect.stringContaining('usage: npm run generate -- [--actors <1..1000000>] [--seed <integer>] [--clear]'),
      });
    });
  });
});
