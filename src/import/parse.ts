import type { ActorRecord, NeedRecord, OfferRecord, SupplyLinkRecord } from './bundle';

/**
 * Reads import files (CSV or JSON) into raw rows that remember their line in the file. Nothing is
 * converted or checked here beyond the file's shape (syntax, columns, record kinds): validate.ts
 * does the fields. See docs/import.md for the formats.
 */

export type RecordKind = 'actors' | 'offers' | 'needs' | 'supplyLinks';

export const RECORD_KINDS: readonly RecordKind[] = ['actors', 'offers', 'needs', 'supplyLinks'];

/** One problem found in a file. Issues about the whole file (its syntax, its kind) have column "". */
export interface ImportIssue {
  /** 1-based line in the file: of the row (CSV), of the record's opening brace (JSON). */
  line: number;
  /** The CSV header name or the JSON property name. */
  column: string;
  /** What was expected and what came, as a sentence. */
  reason: string;
  value?: string;
  kind?: RecordKind;
}

/** One record as the file holds it: CSV cells are strings (string[] for list columns), JSON values are as written. */
export interface RawRow {
  kind: RecordKind;
  line: number;
  fields: Record<string, unknown>;
}

export interface ParseOptions {
  format: 'csv' | 'json';
  /** The kind of a CSV file or a JSON array; detected from the column names when absent. */
  kind?: RecordKind;
}

/** Whether a column must appear in a CSV header (and hold a value), and whether its cells are `|`-separated lists. */
export interface ColumnSpec {
  required: boolean;
  list: boolean;
}

const REQUIRED: ColumnSpec = { required: true, list: false };
const OPTIONAL: ColumnSpec = { required: false, list: false };
const REQUIRED_LIST: ColumnSpec = { required: true, list: true };
const OPTIONAL_LIST: ColumnSpec = { required: false, list: true };

/**
 * The columns (CSV) or properties (JSON) of each record kind: the fields of bundle.ts, so adding a
 * field there fails to compile until it is listed here. Required fields without a default only;
 * months, labelIds... have defaults (validate.ts) and may be left out.
 */
export const RECORD_COLUMNS: { [K in RecordKind]: Readonly<Record<string, ColumnSpec>> } = {
  actors: {
    id: REQUIRED,
    name: REQUIRED,
    roles: REQUIRED_LIST,
    siret: REQUIRED,
    agenceBioNumber: OPTIONAL,
    clubMember: OPTIONAL,
    memberGroup: OPTIONAL,
    confidentialVolumes: OPTIONAL,
    email: OPTIONAL,
    phone: OPTIONAL,
    website: OPTIONAL,
    description: OPTIONAL,
    communeInsee: REQUIRED,
    latitude: OPTIONAL,
    longitude: OPTIONAL,
  } satisfies Record<keyof ActorRecord, ColumnSpec>,
  offers: {
    id: REQUIRED,
    actorId: REQUIRED,
    productId: REQUIRED,
    labelIds: OPTIONAL_LIST,
    months: OPTIONAL_LIST,
    capacity: OPTIONAL,
    capacityUnit: OPTIONAL,
    deliveryRadiusKm: OPTIONAL,
    deliveryCommunes: OPTIONAL_LIST,
    deliveryEpcis: OPTIONAL_LIST,
    priceEur: OPTIONAL,
  } satisfies Record<keyof OfferRecord, ColumnSpec>,
  needs: {
    id: REQUIRED,
    actorId: REQUIRED,
    productId: REQUIRED,
    volume: REQUIRED,
    unit: REQUIRED,
    requiredLabelIds: OPTIONAL_LIST,
    months: OPTIONAL_LIST,
  } satisfies Record<keyof NeedRecord, ColumnSpec>,
  supplyLinks: {
    id: REQUIRED,
    supplierId: REQUIRED,
    buyerId: REQUIRED,
    productId: REQUIRED,
    labelIds: OPTIONAL_LIST,
    volume: REQUIRED,
    unit: REQUIRED,
    valueEur: OPTIONAL,
    since: OPTIONAL,
    frequency: OPTIONAL,
    sourcedFromIds: OPTIONAL_LIST,
  } satisfies Record<keyof SupplyLinkRecord, ColumnSpec>,
};

/** Separator of the values of a list cell in CSV (`FARM|DAIRY`, `1|2|3`). */
export const LIST_SEPARATOR = '|';

/**
 * How the kind of a CSV file (or a JSON array) is told from its column names when not given:
 * the first rule that matches wins. Each rule keys on columns only that kind has.
 */
export const KIND_DETECTION: ReadonlyArray<{ kind: RecordKind; rule: string; matches: (columns: Set<string>) => boolean }> = [
  { kind: 'actors', rule: 'a siret, roles or communeInsee column', matches: (c) => c.has('siret') || c.has('roles') || c.has('communeInsee') },
  { kind: 'supplyLinks', rule: 'a supplierId or buyerId column', matches: (c) => c.has('supplierId') || c.has('buyerId') },
  {
    kind: 'needs',
    rule: 'an actorId column with a volume, unit or requiredLabelIds column',
    matches: (c) => c.has('actorId') && (c.has('volume') || c.has('unit') || c.has('requiredLabelIds')),
  },
  { kind: 'offers', rule: 'an actorId column (and no volume, unit or requiredLabelIds)', matches: (c) => c.has('actorId') },
];

/** The record kind whose signature columns appear in `columns` (see KIND_DETECTION), or undefined. */
export function detectKind(columns: Iterable<string>): RecordKind | undefined {
  const present = new Set(columns);
  return KIND_DETECTION.find((d) => d.matches(present))?.kind;
}

/**
 * Parses an import file into raw rows, each with its 1-based line, plus the issues of the file's
 * shape: syntax errors, unknown or duplicate columns and properties, missing required columns, a
 * kind that cannot be told. Field values are checked later by validateRows.
 */
export interface ParsedFile {
  /** The records whose structure could be read: their fields are checked by validateRows. */
  rows: RawRow[];
  /** Problems of the file's shape, and of records skipped because their structure is wrong. */
  issues: ImportIssue[];
  /** Records in the file (CSV rows after the header, JSON records), readable or not: the row limit counts these. */
  records: number;
}

export function parseImport(content: string, options: ParseOptions): ParsedFile {
  // An Excel "CSV UTF-8" export starts with a byte-order mark; it is no part of the first column name.
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  if (text.trim() === '') {
    const expected = options.format === 'csv' ? 'a header line and rows' : 'a JSON object or array';
    return { rows: [], issues: [{ line: 1, column: '', reason: `the file is empty (expected ${expected})` }], records: 0 };
  }
  const parsed = options.format === 'csv' ? parseCsv(text, options.kind) : parseJson(text, options.kind);
  // Stable: issues of one line keep the order they were found in.
  return { ...parsed, issues: parsed.issues.sort((a, b) => a.line - b.line) };
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

/** A function giving the 1-based line of an offset; lines end with \n, \r\n or a lone \r. */
function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

const simplified = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** "; did you mean "siret"?" when `name` differs from a known name only by case, spaces, _ or -. */
function didYouMean(name: string, known: Iterable<string>): string {
  const match = [...known].find((k) => simplified(k) === simplified(name));
  return match ? `; did you mean "${match}"?` : '';
}

function unknownColumnIssue(line: number, column: string, kind: RecordKind, noun: 'column' | 'property'): ImportIssue {
  const known = Object.keys(RECORD_COLUMNS[kind]);
  return {
    line,
    column,
    kind,
    reason: `unknown ${noun} "${column}" for ${kind} (expected one of ${known.join(', ')}${didYouMean(column, known)})`,
  };
}

function undetectedKindIssue(line: number, what: string): ImportIssue {
  const rules = KIND_DETECTION.map((d) => `${d.rule} for ${d.kind}`).join('; ');
  return { line, column: '', reason: `cannot tell which records ${what} holds (expected ${rules}); give the kind (--kind)` };
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180, with ',' or ';' separators)

interface CsvRecord {
  cells: string[];
  /** Offset of the record's first character: a quoted cell may span lines, the record starts here. */
  offset: number;
  /** Cells with text after their closing quote (`"abc"def`), which RFC 4180 does not allow. */
  strayTextCells: number[];
}

/** ';' when the header line holds more semicolons than commas outside quotes (French Excel), else ','. */
function detectSeparator(text: string): ',' | ';' {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const c of text) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && c === ',') commas += 1;
    else if (!inQuotes && c === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Splits CSV text into records. Quoted cells may hold separators, doubled quotes and line breaks.
 * Returns the offset of an opening quote that is never closed, if any (the rest of the file is then
 * one cell, so reading stops there).
 */
function readCsvRecords(text: string, separator: string): { records: CsvRecord[]; unclosedQuoteAt?: number } {
  const records: CsvRecord[] = [];
  let i = 0;
  while (i < text.length) {
    const record: CsvRecord = { cells: [], offset: i, strayTextCells: [] };
    for (;;) {
      let cell = '';
      const quoted = text[i] === '"';
      if (quoted) {
        const openedAt = i;
        i += 1;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote < 0) return { records, unclosedQuoteAt: openedAt };
          cell += text.slice(i, quote);
          i = quote + 1;
          if (text[i] !== '"') break;
          cell += '"';
          i += 1;
        }
      }
      const end = cellEnd(text, i, separator);
      const rest = text.slice(i, end);
      // Spaces after a closing quote are harmless; other text means the quoting went wrong.
      if (!quoted) cell = rest;
      else if (rest.trim() !== '') {
        record.strayTextCells.push(record.cells.length);
        cell += rest;
      }
      i = end;
      record.cells.push(cell);
      if (text[i] === separator) {
        i += 1;
        continue;
      }
      if (text[i] === '\r') i += 1;
      if (text[i] === '\n') i += 1;
      break;
    }
    records.push(record);
  }
  return { records };
}

/** Offset of the next separator or line break at or after `from`. */
function cellEnd(text: string, from: number, separator: string): number {
  let i = from;
  while (i < text.length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') i += 1;
  return i;
}

const isBlank = (record: CsvRecord) => record.cells.every((c) => c.trim() === '');

function parseCsv(text: string, givenKind: RecordKind | undefined): ParsedFile {
  const lineOf = lineLocator(text);
  const { records, unclosedQuoteAt } = readCsvRecords(text, detectSeparator(text.trimStart()));
  const issues: ImportIssue[] = [];
  if (unclosedQuoteAt !== undefined) {
    issues.push({ line: lineOf(unclosedQuoteAt), column: '', reason: 'a quoted cell is never closed (expected a closing " before the end of the file)' });
  }
  // Blank lines, and rows of empty cells (";;;" that spreadsheets leave), carry nothing.
  const [header, ...body] = records.filter((r) => !isBlank(r));
  if (!header) return { rows: [], issues, records: 0 };
  const headerLine = lineOf(header.offset);
  const names = header.cells.map((c) => c.trim());
  const kind = givenKind ?? detectKind(names);
  if (!kind) return { rows: [], issues: [...issues, undetectedKindIssue(headerLine, 'this file')], records: body.length };

  const headerIssues = checkHeader(names, kind, headerLine);
  issues.push(...headerIssues.issues);
  if (headerIssues.missingRequired) {
    // Every row would repeat "missing required field": say it once, and check rows once the header is fixed.
    return { rows: [], issues, records: body.length };
  }
  const columns = RECORD_COLUMNS[kind];
  const rows: RawRow[] = [];
  for (const record of body) {
    const line = lineOf(record.offset);
    // A row whose cells cannot be matched to the header is reported as such and its fields are not
    // checked (their values would be reported under the wrong columns); the other rows still are.
    if (record.cells.length !== names.length) {
      issues.push({ line, column: '', kind, reason: `the row has ${record.cells.length} cells (expected ${names.length}, as many as the header has columns)` });
      continue;
    }
    if (record.strayTextCells.length > 0) {
      for (const index of record.strayTextCells) {
        const reason = 'text after the closing quote of a cell (expected the quote to end the cell; double quotes inside a quoted cell: "")';
        issues.push({ line, column: names[index] ?? '', kind, reason });
      }
      continue;
    }
    const fields: Record<string, unknown> = {};
    names.forEach((name, index) => {
      const cell = record.cells[index] ?? '';
      if (cell.trim() === '') return;
      if (name === '') {
        const reason = `a value in column ${index + 1}, which has no name in the header (expected a column name)`;
        issues.push({ line, column: '', kind, reason, value: cell });
      } else if (headerIssues.accepted.has(index)) {
        fields[name] = columns[name].list ? toListCells(cell) : cell;
      }
    });
    rows.push({ kind, line, fields });
  }
  return { rows, issues, records: body.length };
}

/** The items of a list cell: `FARM | DAIRY` gives ["FARM", "DAIRY"]; empty items are dropped. */
function toListCells(cell: string): string[] {
  return cell.split(LIST_SEPARATOR).map((item) => item.trim()).filter((item) => item !== '');
}

/** Header issues, and the indexes of the columns whose cells become fields (known, first occurrence). */
function checkHeader(names: string[], kind: RecordKind, line: number): { issues: ImportIssue[]; accepted: Set<number>; missingRequired: boolean } {
  const columns = RECORD_COLUMNS[kind];
  const issues: ImportIssue[] = [];
  const accepted = new Set<number>();
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (name === '') return; // an unnamed column is fine while its cells are empty
    if (!Object.hasOwn(columns, name)) issues.push(unknownColumnIssue(line, name, kind, 'column'));
    else if (seen.has(name)) issues.push({ line, column: name, kind, reason: `column "${name}" appears twice in the header (expected each column once)` });
    else accepted.add(index);
    seen.add(name);
  });
  const missing = Object.entries(columns).filter(([name, spec]) => spec.required && !seen.has(name));
  for (const [name] of missing) {
    const reason = `missing required column "${name}" for ${kind} (expected it in the header; rows are checked once it is there)`;
    issues.push({ line, column: name, kind, reason });
  }
  return { issues, accepted, missingRequired: missing.length > 0 };
}

// ---------------------------------------------------------------------------------------------
// JSON, with the line where each value starts (JSON.parse forgets positions)

type JsonNode =
  | { type: 'object'; line: number; entries: Array<{ key: string; line: number; value: JsonNode }> }
  | { type: 'array'; line: number; items: JsonNode[] }
  | { type: 'scalar'; line: number; value: string | number | boolean | null };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

// Strings as RFC 8259 has them: no raw control characters, only the standard escapes.
// eslint-disable-next-line no-control-regex
const JSON_STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
const JSON_LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
/** Records are two levels down; a bound keeps a hostile [[[[...]]]] from overflowing the stack. */
const MAX_JSON_DEPTH = 64;

/** Parses strict JSON (RFC 8259) into nodes that keep their line. Throws JsonSyntaxError. */
function parseJsonTree(text: string, lineOf: (offset: number) => number): JsonNode {
  let pos = 0;
  let depth = 0;
  const found = () => (pos >= text.length ? 'the end of the file' : `"${text[pos]}"`);
  const fail = (expected: string): never => {
    throw new JsonSyntaxError(`expected ${expected}, found ${found()}`, pos);
  };
  const skipWhitespace = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos += 1;
  };
  const match = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = pos;
    const m = pattern.exec(text);
    if (m) pos += m[0].length;
    return m?.[0];
  };
  const string = (): string => {
    const token = match(JSON_STRING);
    return token === undefined ? fail('a string closed on its line, with valid escapes') : (JSON.parse(token) as string);
  };
  const value = (): JsonNode => {
    skipWhitespace();
    const line = lineOf(pos);
    if (text[pos] === '{') return object(line);
    if (text[pos] === '[') return array(line);
    if (text[pos] === '"') return { type: 'scalar', line, value: string() };
    const literal = match(JSON_LITERAL);
    if (literal === undefined) return fail('a value (object, array, string, number, true, false or null)');
    return { type: 'scalar', line, value: JSON.parse(literal) as number | boolean | null };
  };
  // Opens at text[pos] (`{` or `[`), reads items until the closing bracket.
  const sequence = (close: '}' | ']', item: () => void) => {
    if (depth === MAX_JSON_DEPTH) fail(`at most ${MAX_JSON_DEPTH} nested objects and arrays`);
    depth += 1;
    pos += 1;
    skipWhitespace();
    if (text[pos] !== close) {
      for (;;) {
        item();
        skipWhitespace();
        if (text[pos] === close) break;
        if (text[pos] !== ',') fail(`"," or "${close}"`);
        pos += 1;
      }
    }
    pos += 1;
    depth -= 1;
  };
  const object = (line: number): JsonNode => {
    const entries: Array<{ key: string; line: number; value: JsonNode }> = [];
    sequence('}', () => {
      skipWhitespace();
      const keyLine = lineOf(pos);
      if (text[pos] !== '"') fail('a property name in double quotes');
      const key = string();
      skipWhitespace();
      if (text[pos] !== ':') fail('":" after the property name');
      pos += 1;
      entries.push({ key, line: keyLine, value: value() });
    });
    return { type: 'object', line, entries };
  };
  const array = (line: number): JsonNode => {
    const items: JsonNode[] = [];
    sequence(']', () => items.push(value()));
    return { type: 'array', line, items };
  };

  const root = value();
  skipWhitespace();
  if (pos < text.length) fail('the end of the file after the top-level value');
  return root;
}

/** The plain value of a node (what JSON.parse would give). */
function toPlain(node: JsonNode): unknown {
  switch (node.type) {
    case 'scalar':
      return node.value;
    case 'array':
      return node.items.map(toPlain);
    case 'object':
      return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
    default: {
      const unreachable: never = node;
      return unreachable;
    }
  }
}

const describeNode = (node: JsonNode) => (node.type === 'scalar' ? `${JSON.stringify(node.value)}` : `an ${node.type}`);

function parseJson(text: string, givenKind: RecordKind | undefined): ParsedFile {
  const lineOf = lineLocator(text);
  let root: JsonNode;
  try {
    root = parseJsonTree(text, lineOf);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { rows: [], issues: [{ line: lineOf(error.offset), column: '', reason: `invalid JSON: ${error.message}` }], records: 0 };
  }
  if (root.type === 'array') return jsonArrayRows(root, givenKind);
  if (root.type === 'object') return jsonBundleRows(root, givenKind);
  return {
    rows: [],
    issues: [
      { line: root.line, column: '', reason: `found ${describeNode(root)} (expected an object such as {"actors": [...], "offers": [...]} or an array of records)` },
    ],
    records: 0,
  };
}

/** A bare array: records of one kind, given or detected from the union of their property names. */
function jsonArrayRows(root: Extract<JsonNode, { type: 'array' }>, givenKind: RecordKind | undefined): ParsedFile {
  const names = root.items.flatMap((item) => (item.type === 'object' ? item.entries.map((e) => e.key) : []));
  const kind = givenKind ?? detectKind(names);
  if (!kind) return { rows: [], issues: [undetectedKindIssue(root.line, 'this JSON array')], records: root.items.length };
  return jsonRecordRows(root.items, kind);
}

/** `{ "actors": [...], "offers": [...], "needs": [...], "supplyLinks": [...] }`, any subset. */
function jsonBundleRows(root: Extract<JsonNode, { type: 'object' }>, givenKind: RecordKind | undefined): ParsedFile {
  const rows: RawRow[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  // Records of every array, including those of a part rejected as a whole, count toward the row limit.
  let records = 0;
  for (const { key, line, value } of root.entries) {
    if (value.type === 'array') records += value.items.length;
    const kind = RECORD_KINDS.find((k) => k === key);
    if (!kind) {
      issues.push({ line, column: key, reason: `unknown record kind "${key}" (expected ${RECORD_KINDS.join(', ')}${didYouMean(key, RECORD_KINDS)})` });
    } else if (seen.has(kind)) {
      issues.push({ line, column: key, kind, reason: `"${key}" appears twice (expected each record kind once)` });
    } else if (givenKind && kind !== givenKind) {
      const reason = `${kind} in a file imported as ${givenKind} (expected only ${givenKind}, or no --kind for a file of several kinds)`;
      issues.push({ line, column: key, kind, reason });
    } else if (value.type !== 'array') {
      issues.push({ line, column: key, kind, reason: `found ${describeNode(value)} (expected an array of ${kind})` });
    } else {
      const part = jsonRecordRows(value.items, kind);
      rows.push(...part.rows);
      issues.push(...part.issues);
    }
    seen.add(key);
  }
  return { rows, issues, records };
}

/** Reads records of one kind; an item that is not an object is reported and skipped, the others are read. */
function jsonRecordRows(items: JsonNode[], kind: RecordKind): ParsedFile {
  const columns = RECORD_COLUMNS[kind];
  const rows: RawRow[] = [];
  const issues: ImportIssue[] = [];
  for (const item of items) {
    if (item.type !== 'object') {
      issues.push({ line: item.line, column: '', kind, reason: `found ${describeNode(item)} (expected an object: one record of ${kind})` });
      continue;
    }
    const fields: Record<string, unknown> = {};
    for (const { key, value } of item.entries) {
      if (!Object.hasOwn(columns, key)) issues.push(unknownColumnIssue(item.line, key, kind, 'property'));
      else if (Object.hasOwn(fields, key)) {
        issues.push({ line: item.line, column: key, kind, reason: `property "${key}" appears twice in the record (expected it once)` });
      }
      else fields[key] = toPlain(value);
    }
    rows.push({ kind, line: item.line, fields });
  }
  return { rows, issues, records: items.length };
}
