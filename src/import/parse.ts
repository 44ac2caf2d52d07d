import { parse as parseCsvText } from 'csv-parse/sync';
import {
  createScanner,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  SyntaxKind,
  type Node as JsonNode,
  type ParseError,
} from 'jsonc-parser';
import { listItems, RECORD_COLUMNS, RECORD_KINDS, type ImportIssue, type RawRow, type RecordKind } from '../records';

/**
 * Reads import files (CSV or JSON) into raw rows that remember their line in the file. Nothing is
 * converted or checked here beyond the file's shape (syntax, columns, record kinds): the record
 * rules of ../records do the fields. The syntax is read by csv-parse and jsonc-parser; this file
 * says what their findings mean to the user, at which line. See docs/import.md for the formats.
 */

export interface ParseOptions {
  format: 'csv' | 'json';
  /** The kind of a CSV file or a JSON array; detected from the column names when absent. */
  kind?: RecordKind;
}

/**
 * How the kind of a CSV file (or a JSON array) is told from its column names when not given:
 * the first rule that matches wins. Each rule keys on columns only that kind has.
 */
export const KIND_DETECTION: ReadonlyArray<{ kind: RecordKind; rule: string; matches: (columns: Set<string>) => boolean }> = [
  {
    kind: 'actors',
    rule: 'a siret, roles or communeInsee column',
    matches: (c) => c.has('siret') || c.has('roles') || c.has('communeInsee'),
  },
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

const LF = 10;
const CR = 13;

/**
 * A function giving the 1-based line of an offset in `units` (the UTF-16 code units of a string, or
 * the bytes of its UTF-8 encoding: csv-parse counts in bytes); lines end with \n, \r\n or a lone \r.
 */
function lineLocator(units: { length: number; at(index: number): number }): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < units.length; i += 1) {
    const unit = units.at(i);
    if (unit === LF || (unit === CR && units.at(i + 1) !== LF)) starts.push(i + 1);
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
// CSV (RFC 4180, with ',' or ';' separators), read by csv-parse

/** Lines may end with \r\n, \n or a lone \r (old Mac exports), even mixed in one file. */
const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

/** The header is in the first characters; detection reads no further. */
const SEPARATOR_SAMPLE_CHARS = 64 * 1024;

interface CsvRecord {
  cells: string[];
  /** 1-based line where the record starts: a quoted cell may span lines. */
  line: number;
  /** The index of a cell with text after its closing quote (`"abc"def`), which RFC 4180 does not allow. */
  strayTextCell?: number;
}

/** The cells of the first record, read with `delimiter` (0 when it cannot be read). */
function headerCells(text: string, delimiter: string): number {
  try {
    const [header] = parseCsvText(text.slice(0, SEPARATOR_SAMPLE_CHARS), {
      delimiter,
      record_delimiter: RECORD_DELIMITERS,
      to: 1,
      skip_empty_lines: true,
      relax_quotes: true,
      relax_column_count: true,
    }) as string[][];
    return header?.length ?? 0;
  } catch (error) {
    // A quote never closed: the cells read before it still tell the separator.
    const { column } = error as { column?: unknown };
    return typeof column === 'number' ? column + 1 : 0;
  }
}

/** ';' when the header reads as more cells with semicolons than with commas (French Excel), else ','. */
function detectSeparator(text: string): ',' | ';' {
  return headerCells(text, ';') > headerCells(text, ',') ? ';' : ',';
}

/**
 * Checks a record that csv-parse read leniently and that holds a cell starting with a quote: either
 * a quoted cell whose content starts with "" (fine), a closing quote followed by spaces (fine: the
 * spaces are dropped), or a closing quote followed by text (reported: the quoting went wrong).
 * The lenient reading keeps the quotes of the last two; reading the record again strictly, with
 * spaces after a quote allowed, tells them apart.
 */
function recheckQuotedCells(record: CsvRecord, raw: string, delimiter: string): void {
  try {
    const [strict] = parseCsvText(raw, {
      delimiter,
      record_delimiter: RECORD_DELIMITERS,
      relax_quotes: true,
      relax_column_count: true,
      rtrim: true,
    }) as string[][];
    if (strict?.length !== record.cells.length) return;
    record.cells = record.cells.map((cell, index) => (cell.startsWith('"') ? strict[index] : cell));
  } catch (error) {
    const { code, column } = error as { code?: string; column?: number };
    if ((code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE' || code === 'CSV_INVALID_CLOSING_QUOTE') && column !== undefined)
      record.strayTextCell = column;
  }
}

/**
 * Splits CSV text into records with csv-parse: quoted cells may hold separators, doubled quotes
 * and line breaks. Quotes are read leniently (a quote inside an unquoted cell is text), so that one
 * badly quoted record does not stop the reading; those are told apart by recheckQuotedCells.
 * Returns the line of a quoted cell that is never closed, if any (the rest of the file is then one
 * cell, so reading stops there).
 */
function readCsvRecords(text: string, delimiter: string): { records: CsvRecord[]; unclosedQuoteLine?: number } {
  if (!text.includes('"')) return { records: splitUnquotedCsv(text, delimiter) };
  const bytes = Buffer.from(text, 'utf8');
  const lineOf = lineLocator({ length: bytes.length, at: (i) => bytes[i] });
  const records: CsvRecord[] = [];
  let unclosedQuoteLine: number | undefined;
  // Where the next record starts, in bytes: csv-parse's info.bytes after each record.
  let start = 0;
  parseCsvText(bytes, {
    delimiter,
    record_delimiter: RECORD_DELIMITERS,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    info: true,
    // Lines are told from byte offsets: csv-parse's own line count counts \r\n twice inside a quoted cell.
    on_record: (({ record: cells, info }: { record: string[]; info: { bytes: number } }) => {
      const record: CsvRecord = { cells, line: lineOf(start) };
      if (cells.some((cell) => cell.startsWith('"'))) recheckQuotedCells(record, bytes.toString('utf8', start, info.bytes), delimiter);
      records.push(record);
      start = info.bytes;
      return null;
    }) as never,
    on_skip: (error) => {
      // The only error left with lenient quotes. Its record (the rest of the file) starts where the last one ended.
      if (error?.code === 'CSV_QUOTE_NOT_CLOSED') unclosedQuoteLine = lineOf(start);
      return undefined;
    },
  });
  return { records, unclosedQuoteLine };
}

/** A line break of RECORD_DELIMITERS, the longest first. */
const LINE_BREAK = /\r\n|\n|\r/g;

/**
 * Splits CSV text holding no double quote into records: without quotes a cell cannot hold a
 * separator or a line break, so RFC 4180 reduces to one record per line and one cell per separator.
 * csv-parse reads such text into the same records (tests/import-fast.test.ts compares them), but a
 * large export of a spreadsheet, which quotes nothing, is read ten times faster this way.
 */
function splitUnquotedCsv(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const lineBreak = new RegExp(LINE_BREAK);
  let start = 0;
  for (let line = 1; start < text.length; line += 1) {
    lineBreak.lastIndex = start;
    const found = lineBreak.exec(text);
    const end = found ? found.index : text.length;
    records.push({ cells: text.slice(start, end).split(delimiter), line });
    start = found ? end + found[0].length : text.length;
  }
  return records;
}

const isBlank = (record: CsvRecord) => record.cells.every((c) => c.trim() === '');

function parseCsv(text: string, givenKind: RecordKind | undefined): ParsedFile {
  const { records, unclosedQuoteLine } = readCsvRecords(text, detectSeparator(text));
  const issues: ImportIssue[] = [];
  if (unclosedQuoteLine !== undefined) {
    issues.push({
      line: unclosedQuoteLine,
      column: '',
      reason: 'a quoted cell is never closed (expected a closing " before the end of the file)',
    });
  }
  // Blank lines, and rows of empty cells (";;;" that spreadsheets leave), carry nothing.
  const [header, ...body] = records.filter((r) => !isBlank(r));
  if (!header) return { rows: [], issues, records: 0 };
  const headerLine = header.line;
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
    const { line } = record;
    // A row whose cells cannot be matched to the header is reported as such and its fields are not
    // checked (their values would be reported under the wrong columns); the other rows still are.
    if (record.cells.length !== names.length) {
      issues.push({
        line,
        column: '',
        kind,
        reason: `the row has ${record.cells.length} cells (expected ${names.length}, as many as the header has columns)`,
      });
      continue;
    }
    if (record.strayTextCell !== undefined) {
      const reason = 'text after the closing quote of a cell (expected the quote to end the cell; double quotes inside a quoted cell: "")';
      issues.push({ line, column: names[record.strayTextCell] ?? '', kind, reason });
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
        fields[name] = columns[name].list ? listItems(cell) : cell;
      }
    });
    rows.push({ kind, line, fields });
  }
  return { rows, issues, records: body.length };
}

/** Header issues, and the indexes of the columns whose cells become fields (known, first occurrence). */
function checkHeader(
  names: string[],
  kind: RecordKind,
  line: number,
): { issues: ImportIssue[]; accepted: Set<number>; missingRequired: boolean } {
  const columns = RECORD_COLUMNS[kind];
  const issues: ImportIssue[] = [];
  const accepted = new Set<number>();
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (name === '') return; // an unnamed column is fine while its cells are empty
    if (!Object.hasOwn(columns, name)) issues.push(unknownColumnIssue(line, name, kind, 'column'));
    else if (seen.has(name))
      issues.push({ line, column: name, kind, reason: `column "${name}" appears twice in the header (expected each column once)` });
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
// JSON, read by jsonc-parser's parseTree, which keeps the offset of every value (JSON.parse forgets positions)

/** Records are two levels down; a bound keeps a hostile [[[[...]]]] from overflowing the (recursive) parser's stack. */
const MAX_JSON_DEPTH = 64;

/** Strict JSON (RFC 8259): no comments, no trailing commas. */
const STRICT_JSON = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

const VALUE_EXPECTED = 'a value (object, array, string, number, true, false or null)';

/** The first syntax error of strict JSON, as what was expected and where. */
interface JsonSyntaxError {
  expected: string;
  offset: number;
}

/** Offset of the first bracket opening a 65th level of nesting, if any (scanned, not parsed: no recursion). */
function tooDeepAt(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (depth === MAX_JSON_DEPTH) return scanner.getTokenOffset();
      depth += 1;
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** What strict JSON allows next, after the tokens before an offset. */
type Expectation = { next: 'value' | 'key' | 'colon' | 'end' } | { next: 'separator'; close: '}' | ']' };

/** What may come at `offset`, from the tokens before it (jsonc-parser's scanner does the lexing). */
function expectationAt(text: string, offset: number): Expectation {
  const scanner = createScanner(text, true);
  const open: Array<'}' | ']'> = [];
  let expectation: Expectation = { next: 'value' };
  const afterValue = (): Expectation => {
    const close = open.at(-1);
    return close ? { next: 'separator', close } : { next: 'end' };
  };
  for (let token = scanner.scan(); token !== SyntaxKind.EOF && scanner.getTokenOffset() < offset; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken) {
      open.push('}');
      expectation = { next: 'key' };
    } else if (token === SyntaxKind.OpenBracketToken) {
      open.push(']');
      expectation = { next: 'value' };
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      open.pop();
      expectation = afterValue();
    } else if (token === SyntaxKind.CommaToken) expectation = { next: open.at(-1) === '}' ? 'key' : 'value' };
    else if (token === SyntaxKind.ColonToken) expectation = { next: 'value' };
    else if (token === SyntaxKind.StringLiteral && expectation.next === 'key') expectation = { next: 'colon' };
    else expectation = afterValue();
  }
  return expectation;
}

const STRING_ERRORS = new Set(['UnexpectedEndOfString', 'InvalidUnicode', 'InvalidEscapeCharacter', 'InvalidCharacter']);

/**
 * What the user should have written where jsonc-parser reported `error`: told from the place in the
 * document (after "{" a property name, after a value "," or the closing bracket...), so the wording
 * does not depend on how the parser names its errors.
 */
function expectedAt(text: string, error: ParseError): string {
  const expectation = expectationAt(text, error.offset);
  // A string that is not closed on its line, or holds a bad escape, where a string may stand.
  const badString = STRING_ERRORS.has(printParseErrorCode(error.error));
  switch (expectation.next) {
    case 'key':
      return badString ? 'a string closed on its line, with valid escapes' : 'a property name in double quotes';
    case 'value':
      return badString ? 'a string closed on its line, with valid escapes' : VALUE_EXPECTED;
    case 'colon':
      return '":" after the property name';
    case 'separator':
      return `"," or "${expectation.close}"`;
    case 'end':
      return 'the end of the file after the top-level value';
    default: {
      const unreachable: never = expectation;
      return unreachable;
    }
  }
}

/** Parses strict JSON into a tree whose nodes keep their offset, or gives its first syntax error. */
function parseJsonTree(text: string): { root: JsonNode } | { error: JsonSyntaxError } {
  const deep = tooDeepAt(text);
  // A syntax error before the nesting gets too deep is the first one the user should see.
  const readable = deep === undefined ? text : text.slice(0, deep);
  const errors: ParseError[] = [];
  const root = parseTree(readable, errors, STRICT_JSON);
  const first = errors.find((e) => deep === undefined || e.offset < deep);
  if (first) return { error: { expected: expectedAt(text, first), offset: first.offset } };
  if (deep !== undefined) return { error: { expected: `at most ${MAX_JSON_DEPTH} nested objects and arrays`, offset: deep } };
  if (!root) return { error: { expected: VALUE_EXPECTED, offset: 0 } };
  return { root };
}

const describeNode = (node: JsonNode) =>
  node.type === 'object' || node.type === 'array' ? `an ${node.type}` : `${JSON.stringify(node.value)}`;

/** The entries of an object node: each property's name, its line, its value node. */
function entriesOf(node: JsonNode, lineOf: (offset: number) => number): Array<{ key: string; line: number; value: JsonNode }> {
  return (node.children ?? []).flatMap((property) => {
    const [name, value] = property.children ?? [];
    return name && value ? [{ key: String(name.value), line: lineOf(property.offset), value }] : [];
  });
}

function parseJson(text: string, givenKind: RecordKind | undefined): ParsedFile {
  const lineOf = lineLocator({ length: text.length, at: (i) => text.charCodeAt(i) });
  const parsed = parseJsonTree(text);
  if ('error' in parsed) {
    const { expected, offset } = parsed.error;
    const found = offset >= text.length ? 'the end of the file' : `"${text[offset]}"`;
    return {
      rows: [],
      issues: [{ line: lineOf(offset), column: '', reason: `invalid JSON: expected ${expected}, found ${found}` }],
      records: 0,
    };
  }
  const { root } = parsed;
  if (root.type === 'array') return jsonArrayRows(root, givenKind, lineOf);
  if (root.type === 'object') return jsonBundleRows(root, givenKind, lineOf);
  return {
    rows: [],
    issues: [
      {
        line: lineOf(root.offset),
        column: '',
        reason: `found ${describeNode(root)} (expected an object such as {"actors": [...], "offers": [...]} or an array of records)`,
      },
    ],
    records: 0,
  };
}

type LineOf = (offset: number) => number;

/** A bare array: records of one kind, given or detected from the union of their property names. */
function jsonArrayRows(root: JsonNode, givenKind: RecordKind | undefined, lineOf: LineOf): ParsedFile {
  const items = root.children ?? [];
  const names = items.flatMap((item) => (item.type === 'object' ? entriesOf(item, lineOf).map((e) => e.key) : []));
  const kind = givenKind ?? detectKind(names);
  if (!kind) return { rows: [], issues: [undetectedKindIssue(lineOf(root.offset), 'this JSON array')], records: items.length };
  return jsonRecordRows(items, kind, lineOf);
}

/** `{ "actors": [...], "offers": [...], "needs": [...], "supplyLinks": [...] }`, any subset. */
function jsonBundleRows(root: JsonNode, givenKind: RecordKind | undefined, lineOf: LineOf): ParsedFile {
  const rows: RawRow[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  // Records of every array, including those of a part rejected as a whole, count toward the row limit.
  let records = 0;
  for (const { key, line, value } of entriesOf(root, lineOf)) {
    if (value.type === 'array') records += value.children?.length ?? 0;
    const kind = RECORD_KINDS.find((k) => k === key);
    if (!kind) {
      issues.push({
        line,
        column: key,
        reason: `unknown record kind "${key}" (expected ${RECORD_KINDS.join(', ')}${didYouMean(key, RECORD_KINDS)})`,
      });
    } else if (seen.has(kind)) {
      issues.push({ line, column: key, kind, reason: `"${key}" appears twice (expected each record kind once)` });
    } else if (givenKind && kind !== givenKind) {
      const reason = `${kind} in a file imported as ${givenKind} (expected only ${givenKind}, or no --kind for a file of several kinds)`;
      issues.push({ line, column: key, kind, reason });
    } else if (value.type !== 'array') {
      issues.push({ line, column: key, kind, reason: `found ${describeNode(value)} (expected an array of ${kind})` });
    } else {
      const part = jsonRecordRows(value.children ?? [], kind, lineOf);
      rows.push(...part.rows);
      issues.push(...part.issues);
    }
    seen.add(key);
  }
  return { rows, issues, records };
}

/** Reads records of one kind; an item that is not an object is reported and skipped, the others are read. */
function jsonRecordRows(items: JsonNode[], kind: RecordKind, lineOf: LineOf): ParsedFile {
  const columns = RECORD_COLUMNS[kind];
  const rows: RawRow[] = [];
  const issues: ImportIssue[] = [];
  for (const item of items) {
    const line = lineOf(item.offset);
    if (item.type !== 'object') {
      issues.push({ line, column: '', kind, reason: `found ${describeNode(item)} (expected an object: one record of ${kind})` });
      continue;
    }
    const fields: Record<string, unknown> = {};
    for (const { key, value } of entriesOf(item, lineOf)) {
      if (!Object.hasOwn(columns, key)) issues.push(unknownColumnIssue(line, key, kind, 'property'));
      else if (Object.hasOwn(fields, key)) {
        issues.push({ line, column: key, kind, reason: `property "${key}" appears twice in the record (expected it once)` });
      } else fields[key] = getNodeValue(value);
    }
    rows.push({ kind, line, fields });
  }
  return { rows, issues, records: items.length };
}
