import { parseImport } from '../src/import/parse';
import { convertValue, FIELD_RULES, problemsOf, recordErrorMap } from '../src/records/field.rules';
import { RECORD_KINDS } from '../src/records';

// The import's fast paths must give exactly what the general paths give: a CSV file without quotes
// is split by hand instead of by csv-parse, and a field is converted without zod's machinery unless
// it has a problem. Pure functions, no database.

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)];

const CELLS = [
  '',
  ' ',
  'ex-a',
  'ex-b ',
  ' farine-ble-t80',
  'Crème brûlée',
  '12,5',
  '12.5',
  'ab|label-rouge',
  'KG',
  'weekly',
  '🍎',
  'x'.repeat(40),
];
const BREAKS = ['\n', '\r\n', '\r'];
const COLUMNS = ['id', 'supplierId', 'buyerId', 'productId', 'labelIds', 'volume', 'unit', 'frequency', 'Unknown', ''];

/** A CSV file without any double quote: blank lines, rows of empty cells, wrong cell counts, mixed line breaks. */
function unquotedCsv(next: () => number, separator: ',' | ';'): string {
  const width = 3 + Math.floor(next() * 6);
  const header = Array.from({ length: width }, (_, i) => (i < 4 ? COLUMNS[i] : pick(next, COLUMNS)));
  const lines = [header.join(separator)];
  const rows = Math.floor(next() * 12);
  for (let r = 0; r < rows; r += 1) {
    const shape = next();
    if (shape < 0.1) lines.push('');
    else if (shape < 0.15) lines.push(separator.repeat(width - 1));
    else {
      const cells = width + (shape > 0.9 ? pick(next, [-1, 1, 2]) : 0);
      lines.push(Array.from({ length: Math.max(1, cells) }, () => pick(next, CELLS)).join(separator));
    }
  }
  let text = '';
  lines.forEach((line, i) => {
    text += line;
    if (i < lines.length - 1 || next() < 0.5) text += pick(next, BREAKS);
  });
  return text;
}

/** The same file with a last record `""` (one empty quoted cell, a blank row): csv-parse then reads it all. */
function throughCsvParse(text: string): string {
  return /[\r\n]$/.test(text) ? `${text}""` : `${text}\n""`;
}

describe('the fast paths of the import', () => {
  it('reads a CSV file without quotes into the same rows, issues and lines as csv-parse does', () => {
    const next = random(13);
    for (let i = 0; i < 400; i += 1) {
      const text = unquotedCsv(next, i % 2 === 0 ? ',' : ';');
      const kind = i % 3 === 0 ? undefined : 'supplyLinks';
      const fast = parseImport(text, { format: 'csv', kind });
      const general = parseImport(throughCsvParse(text), { format: 'csv', kind });
      expect({ text, parsed: fast }).toEqual({ text, parsed: general });
    }
  });

  it('numbers the lines of an unquoted file after \\r\\n, \\n and lone \\r breaks as csv-parse does', () => {
    const text = 'id,supplierId,buyerId,productId,volume,unit\r\nl1,a,b,p,1,KG\rl2,a,b,p\n\nl3,a,b,p,1,KG,extra\r\n';
    const fast = parseImport(text, { format: 'csv' });
    expect(fast).toEqual(parseImport(throughCsvParse(text), { format: 'csv' }));
    expect(fast.rows.map((r) => r.line)).toEqual([2]);
    expect(fast.issues.map((i) => i.line)).toEqual([3, 5]);
  });

  const SAMPLES: unknown[] = [
    undefined,
    null,
    '',
    '  ',
    'ex-a',
    ' ex-a ',
    'bad id!',
    '-x',
    'x'.repeat(65),
    'ab|ab',
    'ab|label-rouge',
    ['ab', 'ab'],
    ['ab', 7],
    '7|8|9',
    '13',
    '0',
    '-1',
    '12,5',
    '1e3',
    '-0',
    42,
    -3,
    1.5,
    true,
    false,
    'oui',
    'Non',
    'maybe',
    'KG',
    'kg',
    'weekly',
    'AGRILOCAL',
    '2021-02-28',
    '2021-02-30',
    '92600100100011',
    '926 001 001 00011',
    '92600100100012',
    '9,26001E+13',
    'contact@example.fr',
    'not an email',
    '04 75 12 34 56',
    'www.example.fr',
    'ftp://example.fr',
    { an: 'object' },
    [],
  ];

  it('converts every field of every kind to the same value or the same problems as its zod schema', () => {
    let compared = 0;
    for (const kind of RECORD_KINDS) {
      for (const [column, { type }] of Object.entries(FIELD_RULES[kind])) {
        for (const raw of SAMPLES) {
          const viaZod = type.schema.safeParse(raw, { errorMap: recordErrorMap });
          const expected = viaZod.success ? { ok: true, value: viaZod.data } : { ok: false, problems: problemsOf(viaZod.error) };
          expect({ kind, column, raw, converted: convertValue(type, raw) }).toEqual({ kind, column, raw, converted: expected });
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(1500);
  });
});
