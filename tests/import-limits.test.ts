import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../src/db';
import { withLuhnCheckDigit } from '../src/records';
import { BadUserInputError } from '../src/errors';
import { decodeImportFile } from '../src/import/encoding';
import { importContent } from '../src/import/import.service';
import { buildOnce } from './helpers/build';
import { clearGraph, connectTestDb } from './helpers/db';
import { TEST_EDITOR, createRunner } from './helpers/graphql';

// Imports that must be refused, or must report every problem, and write nothing: run against the
// real Neo4j with the little reference data the rows name (two communes).

const HEADER = 'id,name,roles,siret,communeInsee';
const siret = (n: number) => withLuhnCheckDigit(`9261${String(n).padStart(9, '0')}`);
const IMPORT = `mutation($content: String!) { importRecords(input: {format: CSV, content: $content}) { written } }`;

/** A CSV of actors whose rows each have a bad role: one field issue per row. */
function badRoles(rows: number): string {
  const lines = Array.from({ length: rows }, (_, i) => `ex-r${i},Ferme ${i},FERME,${siret(i)},26362`);
  return [HEADER, ...lines].join('\n');
}

describe('imports that report every problem, within limits, and write nothing', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;
  const nodeCount = async () => (await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n'))[0].n;
  let before: number;

  beforeAll(async () => {
    db = await connectTestDb();
    await clearGraph(db);
    await db.write("UNWIND ['26362', '26108'] AS insee CREATE (:Commune {insee: insee, name: 'c' + insee})");
    runner = await createRunner(db, { viewer: TEST_EDITOR });
    before = await nodeCount();
  });

  afterEach(async () => {
    expect(await nodeCount()).toBe(before);
  });

  afterAll(async () => {
    await runner.stop();
    await db.close();
  });

  it('reports the field errors of every row even when other rows are structurally wrong, each with its line and column', async () => {
    const csv = [
      HEADER, //                                                   1
      `ex-ok,Ferme correcte,FARM,${siret(1)},26362`, //              2
      `ex-short,Ferme courte,FARM`, //                               3: too few cells
      `ex-role,Ferme,FERME,${siret(3)},26362`, //                    4: bad role
      `ex-long,Ferme,FARM,${siret(4)},26362,extra`, //               5: too many cells
      `ex-siret,Ferme,FARM,92600300300016,26999`, //                 6: bad SIRET, unknown commune
      `ex-quote,"Ferme"x,FARM,${siret(7)},26362`, //                 7: text after a closing quote
      `ex-name,,FARM,${siret(8)},26362`, //                          8: missing name
    ].join('\n');
    const report = await importContent(db, csv, { format: 'csv' });
    expect(report.accepted).toBe(false);
    expect(report.written).toBe(false);
    expect(report.issues.map((i) => [i.line, i.column])).toEqual([
      [3, ''],
      [4, 'roles'],
      [5, ''],
      [6, 'siret'],
      [6, 'communeInsee'],
      [7, 'name'],
      [8, 'name'],
    ]);
    expect(report.issues[0].reason).toBe('the row has 3 cells (expected 5, as many as the header has columns)');
    expect(report.issues[1].reason).toMatch(/^bad role "FERME"/);
    expect(report.issues[5].reason).toMatch(/^text after the closing quote of a cell/);
    expect(report.issues[6].reason).toMatch(/^missing required field "name"/);
    expect(report).toMatchObject({ issueCount: 7, issuesTruncated: false });
  });

  it('reports the records of a JSON file that are not objects, and the field errors of the others', async () => {
    const json = [
      '{"actors": [', //                                                               1
      `  {"id": "ex-1", "name": "A", "roles": ["FERME"], "siret": "${siret(11)}", "communeInsee": "26362"},`, // 2
      '  "not a record",', //                                                          3
      `  {"id": "ex-2", "name": "B", "roles": ["FARM"], "siret": "123", "communeInsee": "26362"}`, // 4
      ']}',
    ].join('\n');
    const report = await importContent(db, json, { format: 'json' });
    expect(report.issues.map((i) => [i.line, i.column])).toEqual([
      [2, 'roles'],
      [3, ''],
      [4, 'siret'],
    ]);
    expect(report.issues[1].reason).toBe('found "not a record" (expected an object: one record of actors)');
  });

  it('lists the first 100 of 500 issues with the total and a truncation flag, in the report and in the GraphQL error', async () => {
    const content = badRoles(500);
    const report = await importContent(db, content, { format: 'csv' });
    expect(report.issues).toHaveLength(100);
    expect(report).toMatchObject({ accepted: false, issueCount: 500, issuesTruncated: true });
    expect(report.issues[0]).toMatchObject({ line: 2, column: 'roles' });
    expect(report.issues[99]).toMatchObject({ line: 101, column: 'roles' });

    const { errors } = await runner.run(IMPORT, { content });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', issueCount: 500, issuesTruncated: true });
    expect(errors?.[0].extensions?.issues).toHaveLength(100);
    expect(errors?.[0].message).toBe('The file has 500 problem(s) (the first 100 are listed); nothing was written');
  });

  it('keeps a rejection small when a bad value is huge: reasons and values are clipped', async () => {
    const huge = 'x'.repeat(100_000);
    const report = await importContent(db, `${HEADER},email\nex-1,A,FARM,${siret(21)},26362,${huge}\n`, { format: 'csv' });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0].column).toBe('email');
    expect(report.issues[0].reason.length).toBeLessThanOrEqual(600);
    expect(report.issues[0].reason).toMatch(/^bad email "xxx.* … .*\(expected an email address such as contact@example.fr\)$/);
    expect(report.issues[0].value!.length).toBeLessThanOrEqual(200);
  });

  it('refuses a Latin-1 file read by the command line, naming UTF-8 and the line of the first bad byte', () => {
    const latin1 = Buffer.from(`${HEADER}\nex-1,Ferme du Chêne,FARM,${siret(31)},26362\n`, 'latin1');
    expect(() => decodeImportFile(latin1)).toThrow(BadUserInputError);
    expect(() => decodeImportFile(latin1)).toThrow(
      /^The file is not valid UTF-8: line 2 holds a byte that UTF-8 does not allow \(expected UTF-8 text/,
    );
    // The same text in UTF-8, with the BOM Excel writes, reads back exactly.
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Ferme du Chêne', 'utf8')]);
    expect(decodeImportFile(utf8)).toBe('Ferme du Chêne');
  });

  it('refuses content holding U+FFFD through importRecords: the file was not UTF-8 before being sent', async () => {
    const content = `${HEADER}\nex-1,Ferme du Ch\uFFFDne,FARM,${siret(41)},26362\n`;
    const { errors } = await runner.run(IMPORT, { content });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', encoding: 'UTF-8', line: 2 });
    expect(errors?.[0].message).toMatch(
      /^The content holds the replacement character U\+FFFD \(first on line 2\): the file was not valid UTF-8 before it was sent/,
    );
  });

  it('refuses a file over the row limit, naming the limit, before checking any row', async () => {
    await expect(
      importContent(db, badRoles(11), { format: 'csv', limits: { maxBytes: 20_000_000, maxRows: 10, maxIssues: 100 } }),
    ).rejects.toThrow(
      'The file holds 11 records; an import is limited to 10 records (IMPORT_MAX_ROWS): split it into several files; nothing was written',
    );
    // The limit comes from the environment (IMPORT_MAX_ROWS), read at each import.
    process.env.IMPORT_MAX_ROWS = '10';
    try {
      const { errors } = await runner.run(IMPORT, { content: badRoles(11) });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'IMPORT_MAX_ROWS', maxRows: 10, rows: 11 });
      const json = JSON.stringify({ actors: Array.from({ length: 6 }, () => ({})), offers: Array.from({ length: 5 }, () => 1) });
      await expect(importContent(db, json, { format: 'json' })).rejects.toThrow(/holds 11 records; an import is limited to 10 records/);
    } finally {
      delete process.env.IMPORT_MAX_ROWS;
    }
  });

  it('refuses a file over the size limit, naming the limit', async () => {
    const limits = { maxBytes: 1000, maxRows: 100_000, maxIssues: 100 };
    await expect(importContent(db, badRoles(40), { format: 'csv', limits })).rejects.toThrow(
      /^The file is 2 kB \(\d+ bytes\); an import is limited to 1 kB \(1000 bytes, IMPORT_MAX_BYTES\): split it into several files; nothing was written$/,
    );
  });

  it('runs the limits and the encoding check from the command line', async () => {
    const root = path.join(__dirname, '..');
    const env = {
      ...process.env,
      NEO4J_URI: process.env.MAILLON_TEST_NEO4J_URI,
      NEO4J_PASSWORD: process.env.MAILLON_TEST_NEO4J_PASSWORD,
      LOG_LEVEL: 'silent',
    };
    await buildOnce();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-import-'));
    const run = (file: string) => {
      try {
        execFileSync('node', ['dist/scripts/import.js', file], { cwd: root, env, stdio: 'pipe', encoding: 'utf8' });
        return { code: 0, err: '' };
      } catch (error) {
        const e = error as { status: number; stderr: string };
        return { code: e.status, err: e.stderr };
      }
    };
    const latin1 = path.join(dir, 'latin1.csv');
    fs.writeFileSync(latin1, Buffer.from(`${HEADER}\nex-1,Ferme du Chêne,FARM,${siret(51)},26362\n`, 'latin1'));
    expect(run(latin1)).toEqual({
      code: 1,
      err: expect.stringMatching(/^import: The file is not valid UTF-8: line 2 .*expected UTF-8 text/),
    });

    const many = path.join(dir, 'many.csv');
    fs.writeFileSync(many, badRoles(500));
    const { code, err } = run(many);
    expect(code).toBe(1);
    expect(err).toMatch(/rejected, nothing written\. 500 problem\(s\):/);
    expect(err.match(/many\.csv:\d+ \[roles\]/g)).toHaveLength(100);
    expect(err).toMatch(/\.\.\. and 400 more: the first 100 of 500 are listed \(IMPORT_MAX_ISSUES\)/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
