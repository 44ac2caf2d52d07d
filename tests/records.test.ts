import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseImport } from '../src/import/parse';
import { ACTOR_ROLES, ID_EXPECTED, recordErrorMap, validateRows, type ImportIssue, type ReferenceData } from '../src/records';

// The write model's own guarantees (src/records) and the file readers' positions (src/import/parse.ts,
// on csv-parse and jsonc-parser). Pure functions: no database.

const SRC = path.resolve(__dirname, '..', 'src');
const brief = (issues: ImportIssue[]) => issues.map((i) => `${i.line} ${i.column}: ${i.reason}`);

const REFS: ReferenceData = {
  communes: new Set(['26108', '26362']),
  epcis: new Set(),
  products: new Set(['ble-tendre']),
  labels: new Set(['ab']),
  existingActors: new Map(),
  existingSupplyLinks: new Map(),
};

/** The module specifiers a TypeScript file imports or re-exports. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g)].map((m) => m[1]);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the write model', () => {
  it('imports no concept or use-case folder, so dependencies point one way', () => {
    // The shared edge blocks through their index (npm run lint:deps refuses any import past it).
    const allowed = /^(\.\/|\.\.\/(auth|common|context|db|errors)$|zod$|class-validator$|node:)/;
    const offending = sourceFiles(path.join(SRC, 'records')).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !allowed.test(specifier))
        .map((specifier) => `${path.relative(SRC, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('is imported by other folders only through its index', () => {
    const outside = sourceFiles(SRC).filter((file) => !file.startsWith(path.join(SRC, 'records') + path.sep));
    const reaching = outside.flatMap((file) =>
      importsOf(file)
        .filter((s) => /(^|\/)records\/./.test(s))
        .map((s) => `${path.relative(SRC, file)} imports ${s}`),
    );
    expect(reaching).toEqual([]);
  });

  it('words a zod issue carrying a problem as "<what came> (expected <what was expected>)", and leaves others to zod', () => {
    const schema = z.unknown().superRefine((_value, ctx) => {
      ctx.addIssue({ code: z.ZodIssueCode.custom, params: { problem: 'bad colour "mauve"', expected: 'red or green' } });
    });
    expect(schema.safeParse('mauve', { errorMap: recordErrorMap }).error?.issues[0].message).toBe(
      'bad colour "mauve" (expected red or green)',
    );
    expect(z.string().safeParse(12, { errorMap: recordErrorMap }).error?.issues[0].message).toBe('Expected string, received number');
  });

  it('gives the importer the identifier wording of patterns.ts', () => {
    const { issues } = validateRows(
      [{ kind: 'actors', line: 2, fields: { id: 'ex 1', name: 'A', roles: ['FARM'], siret: '92600100100011', communeInsee: '26108' } }],
      REFS,
    );
    expect(brief(issues)).toEqual([`2 id: bad identifier "ex 1" (expected ${ID_EXPECTED})`]);
  });

  it("reports a JSON value of the wrong type inside a list with the item's expectation", () => {
    const { issues } = validateRows(
      [{ kind: 'actors', line: 3, fields: { id: 'ex-1', name: 'A', roles: ['FARM', 7], siret: '92600100100011', communeInsee: '26108' } }],
      REFS,
    );
    expect(brief(issues)).toEqual([`3 roles: found the number 7 (expected one of ${ACTOR_ROLES.join(', ')})`]);
    expect(issues[0].value).toBe('7');
  });
});

describe('CSV positions (csv-parse)', () => {
  const HEADER = 'id,name,roles,siret,communeInsee';

  it('counts lines in bytes correctly after accented text and CRLF line breaks inside quoted cells', () => {
    const csv = [
      HEADER,
      'ex-1,"Ferme de l\'Été,',
      'Drôme",FARM,92600100100011,26108',
      'ex-2,Moulin à eau,MILL,92600200200018,26108',
      '',
    ].join('\r\n');
    const { rows, issues } = parseImport(csv, { format: 'csv' });
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rows[0].fields.name).toBe("Ferme de l'Été,\r\nDrôme");
  });

  it('reads files whose lines end with a lone carriage return', () => {
    const { rows, issues } = parseImport(`${HEADER}\rex-1,A,FARM,92600100100011,26108\rex-2,B,MILL,92600200200018,26108\r`, {
      format: 'csv',
    });
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.line, r.fields.id])).toEqual([
      [2, 'ex-1'],
      [3, 'ex-2'],
    ]);
  });

  it('detects the separator from a quoted header', () => {
    const { rows, issues } = parseImport('"id";"name";"roles";"siret";"communeInsee"\nex-1;"A, B";FARM;92600100100011;26108\n', {
      format: 'csv',
    });
    expect(issues).toEqual([]);
    expect(rows[0].fields).toMatchObject({ id: 'ex-1', name: 'A, B' });
  });

  it('reports a quote never closed in the header at line 1, with the comma separator its other cells show', () => {
    const { issues } = parseImport(`id,name,roles,siret,"communeInsee\nex-1,A,FARM,92600100100011,26108\n`, { format: 'csv' });
    expect(brief(issues)).toEqual(['1 : a quoted cell is never closed (expected a closing " before the end of the file)']);
  });

  it('keeps a quote inside an unquoted cell as text, and a quoted cell that starts with a doubled quote', () => {
    const csv = `${HEADER},description\nex-1,"""Bio"" farm",FARM,92600100100011,26108,a 12" tart\n`;
    const { rows, issues } = parseImport(csv, { format: 'csv' });
    expect(issues).toEqual([]);
    expect(rows[0].fields).toMatchObject({ name: '"Bio" farm', description: 'a 12" tart' });
  });
});

describe('JSON positions and syntax errors (jsonc-parser)', () => {
  const syntaxError = (json: string) => brief(parseImport(json, { format: 'json' }).issues);

  it.each([
    ['{\n  "actors" []\n}', '2 : invalid JSON: expected ":" after the property name, found "["'],
    ['[\n  {"id": "a"}\n  {"id": "b"}\n]', '3 : invalid JSON: expected "," or "]", found "{"'],
    ['{"actors": [{"id": "a" "name": "b"}]}', '1 : invalid JSON: expected "," or "}", found """'],
    ['{"actors": []}\n{"offers": []}', '2 : invalid JSON: expected the end of the file after the top-level value, found "{"'],
    [
      '{"actors": [\n  {"id": tru}\n]}',
      '2 : invalid JSON: expected a value (object, array, string, number, true, false or null), found "t"',
    ],
    [
      '{"actors": [\n  // a comment\n]}',
      '2 : invalid JSON: expected a value (object, array, string, number, true, false or null), found "/"',
    ],
    ['{"actors": [{"id": "a",\n,}]}', '2 : invalid JSON: expected a property name in double quotes, found ","'],
    ['{"actors": [1,\n]}', '2 : invalid JSON: expected a value (object, array, string, number, true, false or null), found "]"'],
    ['{"actors": [{"id": "\\x"}]}', '1 : invalid JSON: expected a string closed on its line, with valid escapes, found """'],
  ])('words %j as the place in the document calls for', (json, expected) => {
    expect(syntaxError(json)).toEqual([expected]);
  });

  it('gives each record the line of its opening brace with CRLF and lone CR line breaks', () => {
    for (const eol of ['\r\n', '\r']) {
      const json = [
        '[',
        '  {"id": "ex-n", "actorId": "ex-a", "productId": "pain", "volume": 1, "unit": "KG"},',
        '',
        '  {"id": "ex-m", "actorId": "ex-a", "productId": "pain", "volume": 2, "unit": "KG"}',
        ']',
      ].join(eol);
      expect(parseImport(json, { format: 'json' }).rows.map((r) => r.line)).toEqual([2, 4]);
    }
  });
});
