import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../src/db';
import { withLuhnCheckDigit } from '../src/records';
import { importContent } from '../src/import/import.service';
import { buildOnce } from './helpers/build';
import { connectTestDb } from './helpers/db';
import { markGraphChanged, seededGraph } from './helpers/seeded';
import { graphDigest } from './helpers/digest';
import { TEST_EDITOR, createRunner, graphql } from './helpers/graphql';

const EXAMPLES = path.join(__dirname, '..', 'seeds', 'examples');
const example = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
const FRESH_SIRET = withLuhnCheckDigit('9260990990001');
const CSV_ORDER = ['actors.csv', 'offers.csv', 'needs.csv', 'supply-links.csv'];

describe('importing files into the seeded graph', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;
  let seeded: string[];

  beforeAll(async () => {
    db = await connectTestDb();
    await seededGraph(db);
    seeded = await graphDigest(db);
    runner = await createRunner(db, { viewer: TEST_EDITOR });
  }, 240_000);

  afterAll(async () => {
    await runner.stop();
    await db.close();
  });

  it('rejects a file with bad rows, listing every problem with line, column and reason, and writes nothing', async () => {
    const report = await importContent(db, example('invalid-actors.csv'), { format: 'csv' });
    expect(report.accepted).toBe(false);
    expect(report.written).toBe(false);
    const lines = report.issues.map((i) => i.line);
    expect(new Set(lines).size).toBeGreaterThanOrEqual(5);
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, column: 'siret', reason: expect.stringMatching(/SIRET/i) }),
        expect.objectContaining({ line: 4, column: 'communeInsee', reason: expect.stringContaining('26999') }),
        expect.objectContaining({ line: 5, column: 'roles', reason: expect.stringContaining('FERME') }),
      ]),
    );
    expect(lines).not.toContain(2); // the one valid row has no issue, and is not written either
    expect(await graphDigest(db)).toEqual(seeded);
  });

  it('rejects a file whose last row dangles, even though earlier rows are valid: all or nothing', async () => {
    const json = JSON.stringify(
      {
        actors: [{ id: 'ex-ok', name: 'Ferme Correcte', roles: ['FARM'], siret: FRESH_SIRET, communeInsee: '26362' }],
        supplyLinks: [{ id: 'ex-link', supplierId: 'ex-ok', buyerId: 'ex-nobody', productId: 'pomme', volume: 10, unit: 'KG' }],
      },
      null,
      2,
    );
    const report = await importContent(db, json, { format: 'json' });
    expect(report.accepted).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ column: 'buyerId', reason: expect.stringContaining('ex-nobody') })]);
    expect(await graphDigest(db)).toEqual(seeded);
  });

  it('imports the example CSV files in order, then re-importing them changes nothing', async () => {
    for (const file of CSV_ORDER) {
      const report = await importContent(db, example(file), { format: 'csv' });
      expect({ file, issues: report.issues }).toEqual({ file, issues: [] });
      expect(report.written).toBe(true);
    }
    const [row] = await db.read<{ actors: number; links: number }>(`
      MATCH (a:Actor) WHERE a.id STARTS WITH 'ex-'
      OPTIONAL MATCH (a)-[:SUPPLIES]->(l:SupplyLink)
      RETURN count(DISTINCT a) AS actors, count(DISTINCT l) AS links`);
    expect(row.actors).toBe(example('actors.csv').trim().split('\n').length - 1);
    expect(row.links).toBeGreaterThan(0);

    const afterFirst = await graphDigest(db);
    expect(afterFirst).not.toEqual(seeded);
    for (const file of CSV_ORDER) expect((await importContent(db, example(file), { format: 'csv' })).accepted).toBe(true);
    expect(await graphDigest(db)).toEqual(afterFirst);
  });

  it('imports the JSON example holding all four kinds, idempotently', async () => {
    const first = await importContent(db, example('members.json'), { format: 'json' });
    expect(first.issues).toEqual([]);
    expect(first.counts.actors).toBeGreaterThan(0);
    const before = await graphDigest(db);
    await importContent(db, example('members.json'), { format: 'json' });
    expect(await graphDigest(db)).toEqual(before);
  });

  it('takes the same content through the GraphQL mutation, rejecting bad files with BAD_USER_INPUT and their issues', async () => {
    const before = await graphDigest(db);
    const rejected = await runner.run(
      `mutation($content: String!) { importRecords(input: {format: CSV, content: $content}) { written } }`,
      { content: example('invalid-actors.csv') },
    );
    expect(rejected.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((rejected.errors?.[0].extensions?.issues as unknown[]).length).toBeGreaterThanOrEqual(5);
    const dry = await runner.run(
      graphql(`
        mutation ImportJsonDryRun($content: String!) {
          importRecords(input: { format: JSON, content: $content, dryRun: true }) {
            written
            counts {
              actors
            }
          }
        }
      `),
      {
        content: JSON.stringify({
          actors: [{ id: 'ex-dry', name: 'Ferme Sèche', roles: ['FARM'], siret: FRESH_SIRET, communeInsee: '26113' }],
        }),
      },
    );
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.importRecords).toEqual({ written: false, counts: { actors: 1 } });
    expect(await graphDigest(db)).toEqual(before);
  });

  it('runs from the command line: lists the problems and exits 1 for a bad file, imports a good one', async () => {
    const env = {
      ...process.env,
      NEO4J_URI: process.env.MAILLON_TEST_NEO4J_URI,
      NEO4J_PASSWORD: process.env.MAILLON_TEST_NEO4J_PASSWORD,
      LOG_LEVEL: 'silent',
    };
    const root = path.join(__dirname, '..');
    // The command line writes from its own process, where this file's write tracking cannot see it.
    markGraphChanged();
    await buildOnce();
    const run = (file: string) => {
      try {
        return {
          code: 0,
          out: execFileSync('node', ['dist/scripts/import.js', file], { cwd: root, env, stdio: 'pipe', encoding: 'utf8' }),
        };
      } catch (error) {
        const e = error as { status: number; stderr: string };
        return { code: e.status, out: e.stderr };
      }
    };
    const bad = run(path.join(EXAMPLES, 'invalid-actors.csv'));
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/rejected, nothing written/);
    expect(bad.out).toMatch(/invalid-actors\.csv:4 \[communeInsee\]/);
    const good = run(path.join(EXAMPLES, 'actors.csv'));
    expect(good).toMatchObject({ code: 0, out: expect.stringMatching(/imported \d+ actors/) });
  }, 120_000);
});
