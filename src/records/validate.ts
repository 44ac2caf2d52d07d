import { ACTOR_ROLES, MEMBER_GROUPS } from '../actor/actor.enums';
import { isValidSiret } from '../actor/siret';
import { VOLUME_UNITS } from '../product/product.enums';
import { DELIVERY_FREQUENCIES } from '../supply/supply.enums';
import type { ActorRecord, ImportBundle, NeedRecord, OfferRecord, SupplyLinkRecord } from './bundle';
import { LIST_SEPARATOR, RECORD_COLUMNS, type ImportIssue, type RawRow, type RecordKind } from './parse';

/**
 * Turns raw rows into the records of an ImportBundle, checking every field, the file against
 * itself (duplicates, provenance) and against what the graph holds (ReferenceData). Pure: the
 * caller fetches ReferenceData (see referencedIds) and writes the bundle.
 */

/** What the graph already holds, restricted to what the file mentions (see referencedIds). */
export interface ReferenceData {
  /** INSEE codes. */
  communes: Set<string>;
  /** SIREN of EPCIs. */
  epcis: Set<string>;
  products: Set<string>;
  labels: Set<string>;
  existingActors: Map<string, { siret: string }>;
  existingSupplyLinks: Map<string, { supplierId: string; buyerId: string }>;
}

export interface ValidateOptions {
  /** ISO date (YYYY-MM-DD) after which `since` is in the future; defaults to today in Europe/Paris. */
  today?: string;
}

// ---------------------------------------------------------------------------------------------
// Converters: one per kind of value, each knowing what a valid value looks like

interface Problem {
  reason: string;
  value?: string;
}

type Conversion<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

interface Converter<T> {
  /** Completes "(expected ...)" in reasons, e.g. "14 digits with a valid Luhn check digit". */
  expected: string;
  convert(raw: unknown): Conversion<T>;
}

const accept = <T>(value: T): Conversion<T> => ({ ok: true, value });

function reject(problem: string, expected: string, raw: unknown): Conversion<never> {
  return { ok: false, problems: [{ reason: `${problem} (expected ${expected})`, value: shown(raw) }] };
}

/** A raw value as the user wrote it, for reasons and ImportIssue.value. */
function shown(raw: unknown): string {
  return typeof raw === 'string' ? raw : JSON.stringify(raw);
}

/** How a JSON value of the wrong type reads in a reason: "the number 26362", "a list". */
function describeType(raw: unknown): string {
  if (Array.isArray(raw)) return 'a list';
  if (raw !== null && typeof raw === 'object') return 'an object';
  return `the ${typeof raw} ${JSON.stringify(raw)}`;
}

/** A converter of text values: non-strings are rejected (JSON), `check` sees the trimmed text. */
function textConverter<T>(expected: string, check: (text: string) => Conversion<T>): Converter<T> {
  return {
    expected,
    convert: (raw) => (typeof raw === 'string' ? check(raw.trim()) : reject(`found ${describeType(raw)}`, expected, raw)),
  };
}

function toText(maxLength: number): Converter<string> {
  const expected = `text of at most ${maxLength} characters`;
  return textConverter(expected, (text) => (text.length <= maxLength ? accept(text) : reject(`text of ${text.length} characters`, expected, text)));
}

/** The ids of the file's own records, and of actors and supply links they name. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

const ID_EXPECTED = 'an identifier of 1 to 64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit';
const toId = textConverter(ID_EXPECTED, (text) => (ID_PATTERN.test(text) ? accept(text) : reject(`bad identifier "${text}"`, ID_EXPECTED, text)));

/** A key of reference data (product, label, commune, EPCI); whether it exists is checked against the graph. */
function toKey(expected: string): Converter<string> {
  return textConverter(expected, (text) => (text.length <= 64 ? accept(text) : reject(`a key of ${text.length} characters`, expected, text)));
}

/** SIRETs are often written in groups ("123 456 789 00012"); the digits are what counts. */
export function normalizeSiret(text: string): string {
  return text.replace(/\s/g, '');
}

const SIRET_EXPECTED = '14 digits with a valid Luhn check digit';

const toSiret = textConverter(SIRET_EXPECTED, (text) => {
  const siret = normalizeSiret(text);
  if (isValidSiret(siret)) return accept(siret);
  if (/^\d{14}$/.test(siret)) return reject(`bad SIRET "${text}": its check digit does not match, a digit is probably mistyped`, SIRET_EXPECTED, text);
  if (/e\+?\d+$/i.test(siret)) return reject(`bad SIRET "${text}", rounded by a spreadsheet`, `${SIRET_EXPECTED}; format the column as text`, text);
  return reject(`bad SIRET "${text}"`, SIRET_EXPECTED, text);
});

function toEnum<E extends string>(noun: string, values: readonly E[]): Converter<E> {
  const expected = `one of ${values.join(', ')}`;
  return textConverter(expected, (text) => {
    // Case does not matter: a spreadsheet user writes "farm" as readily as "FARM".
    const upper = text.toUpperCase();
    const match = values.find((v) => v === upper);
    return match ? accept(match) : reject(`bad ${noun} "${text}"`, expected, text);
  });
}

const TRUE_WORDS = new Set(['true', 'yes', 'oui', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'non', '0']);

const toBoolean: Converter<boolean> = {
  expected: 'true or false',
  convert: (raw) => {
    if (typeof raw === 'boolean') return accept(raw);
    if (typeof raw !== 'string') return reject(`found ${describeType(raw)}`, 'true or false', raw);
    const word = raw.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return accept(true);
    if (FALSE_WORDS.has(word)) return accept(false);
    return reject(`bad boolean "${raw}"`, 'true or false (or yes/no, oui/non, 1/0)', raw);
  },
};

/** Decimal numbers as written in files: "12.5", and "12,5" from French spreadsheets; no thousands separators. */
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

function toNumber(noun: string, range: { min: number; max?: number; unit?: string }): Converter<number> {
  const unit = range.unit ? ` ${range.unit}` : '';
  const expected = range.max === undefined ? `a number of at least ${range.min}${unit}` : `a number from ${range.min} to ${range.max}${unit}`;
  return {
    expected,
    convert: (raw) => {
      const value = numberOf(raw);
      if (value === undefined) return reject(`malformed number ${JSON.stringify(shown(raw))}`, `${expected}, written like 12.5`, raw);
      if (value < range.min && range.min === 0 && range.max === undefined) return reject(`negative ${noun} "${shown(raw)}"`, expected, raw);
      if (value < range.min || (range.max !== undefined && value > range.max)) return reject(`${noun} ${shown(raw)} out of range`, expected, raw);
      return accept(value);
    },
  };
}

/** The number a JSON number or a decimal string holds, or undefined. */
function numberOf(raw: unknown): number | undefined {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && DECIMAL.test(raw.trim()) ? Number(raw.trim().replace(',', '.')) : NaN;
  // "-0" is zero: a negative zero would pass the range checks and read oddly in the graph.
  return Number.isFinite(value) ? value + 0 : undefined;
}

const MONTH_EXPECTED = 'a whole number from 1 (January) to 12 (December)';

const toMonth: Converter<number> = {
  expected: MONTH_EXPECTED,
  convert: (raw) => {
    const month = numberOf(raw);
    const valid = month !== undefined && Number.isInteger(month) && month >= 1 && month <= 12;
    return valid ? accept(month) : reject(`bad month ${JSON.stringify(shown(raw))}`, MONTH_EXPECTED, raw);
  },
};

const DATE_EXPECTED = 'a date written YYYY-MM-DD, such as 2021-09-01';

const toDate = textConverter(DATE_EXPECTED, (text) => (isCalendarDate(text) ? accept(text) : reject(`bad date "${text}"`, DATE_EXPECTED, text)));

/** Whether `text` is YYYY-MM-DD naming a day that exists (no 2023-02-30). */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

// Shapes are checked loosely: they catch a value in the wrong column, not every invalid address.
const EMAIL_EXPECTED = 'an email address such as contact@example.fr';
const toEmail = textConverter(EMAIL_EXPECTED, (text) =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? accept(text) : reject(`bad email "${text}"`, EMAIL_EXPECTED, text),
);

const PHONE_EXPECTED = 'a phone number of 6 to 15 digits such as 04 75 12 34 56 or +33 4 75 12 34 56';
const toPhone = textConverter(PHONE_EXPECTED, (text) => {
  const digits = text.replace(/\D/g, '').length;
  return /^\+?[\d\s().-]+$/.test(text) && digits >= 6 && digits <= 15 ? accept(text) : reject(`bad phone number "${text}"`, PHONE_EXPECTED, text);
});

const URL_EXPECTED = 'a website address such as https://example.fr';
const toUrl = textConverter(URL_EXPECTED, (text) => (isWebAddress(text) ? accept(text) : reject(`bad website "${text}"`, URL_EXPECTED, text)));

/** http(s) URLs, and bare host names ("www.example.fr") as people write them. */
function isWebAddress(text: string): boolean {
  if (/\s/.test(text)) return false;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text);
  try {
    const url = new URL(hasScheme ? text : `https://${text}`);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** The items of a list value: a CSV list cell (already split), a JSON array, or a JSON string with "|". */
function listItems(raw: unknown): unknown[] | undefined {
  if (Array.isArray(raw)) return raw;
  if (typeof raw === 'string') return raw.split(LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '');
  return undefined;
}

/** A list of `item`s, each once. `noun` names one item in reasons ("role", "month"). */
function toList<T>(item: Converter<T>, noun: string): Converter<T[]> {
  const expected = `a list of ${noun}s separated by "${LIST_SEPARATOR}" (a JSON array), each ${item.expected}`;
  return {
    expected,
    convert: (raw) => {
      const items = listItems(raw);
      if (!items) return reject(`found ${describeType(raw)}`, expected, raw);
      const values: T[] = [];
      const problems: Problem[] = [];
      for (const entry of items) {
        const result = item.convert(entry);
        if (!result.ok) problems.push(...result.problems);
        else if (values.includes(result.value)) {
          problems.push({ reason: `duplicate ${noun} ${JSON.stringify(shown(entry))} (expected each ${noun} once)`, value: shown(entry) });
        }
        else values.push(result.value);
      }
      return problems.length > 0 ? { ok: false, problems } : accept(values);
    },
  };
}

const toMonths: Converter<number[]> = (() => {
  const list = toList(toMonth, 'month');
  return { expected: list.expected, convert: (raw) => sortedMonths(list.convert(raw)) };
})();

function sortedMonths(result: Conversion<number[]>): Conversion<number[]> {
  return result.ok ? accept([...result.value].sort((a, b) => a - b)) : result;
}

const toInsee = toKey('an INSEE commune code such as 26362');
const toEpciSiren = toKey('the SIREN of an EPCI (9 digits)');
const toProductId = toKey('a product id of the catalog');
const toLabelId = toKey('a label id of the catalog');

// ---------------------------------------------------------------------------------------------
// Field rules: how each field of each record converts, and its default when absent.
// Whether a field is required is part of the file format (RECORD_COLUMNS in parse.ts).

interface FieldRule<T> {
  converter: Converter<T>;
  /** The value of an absent optional field; null when there is none. */
  fallback?: () => T;
  /** An absent optional field stays out of the record (the upsert gives it its default). */
  omitWhenAbsent?: boolean;
}

type FieldRules<R> = { [K in keyof R]-?: FieldRule<NonNullable<R[K]>> };

const rule = <T>(converter: Converter<T>, fallback?: () => T): FieldRule<T> => ({ converter, fallback });

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const none = (): string[] => [];
const allMonths = () => [...ALL_MONTHS];

const ACTOR_FIELDS: FieldRules<ActorRecord> = {
  id: rule(toId),
  name: rule(toText(200)),
  roles: rule(toList(toEnum('role', ACTOR_ROLES), 'role')),
  siret: rule(toSiret),
  agenceBioNumber: rule(toText(32)),
  clubMember: rule(toBoolean, () => false),
  memberGroup: rule(toEnum('member group', MEMBER_GROUPS)),
  // Left out, it stays out of the record (UPSERT_ACTORS stores false), so records read as before the flag existed.
  confidentialVolumes: { converter: toBoolean, omitWhenAbsent: true },
  email: rule(toEmail),
  phone: rule(toPhone),
  website: rule(toUrl),
  description: rule(toText(2000)),
  communeInsee: rule(toInsee),
  latitude: rule(toNumber('latitude', { min: -90, max: 90 })),
  longitude: rule(toNumber('longitude', { min: -180, max: 180 })),
};

const OFFER_FIELDS: FieldRules<OfferRecord> = {
  id: rule(toId),
  actorId: rule(toId),
  productId: rule(toProductId),
  labelIds: rule(toList(toLabelId, 'label'), none),
  months: rule(toMonths, allMonths),
  capacity: rule(toNumber('capacity', { min: 0 })),
  capacityUnit: rule(toEnum('unit', VOLUME_UNITS)),
  deliveryRadiusKm: rule(toNumber('delivery radius', { min: 0, max: 500, unit: 'km' })),
  deliveryCommunes: rule(toList(toInsee, 'commune'), none),
  deliveryEpcis: rule(toList(toEpciSiren, 'EPCI'), none),
  priceEur: rule(toNumber('price', { min: 0, unit: 'euros' })),
};

const NEED_FIELDS: FieldRules<NeedRecord> = {
  id: rule(toId),
  actorId: rule(toId),
  productId: rule(toProductId),
  volume: rule(toNumber('volume', { min: 0 })),
  unit: rule(toEnum('unit', VOLUME_UNITS)),
  requiredLabelIds: rule(toList(toLabelId, 'label'), none),
  months: rule(toMonths, allMonths),
};

const SUPPLY_LINK_FIELDS: FieldRules<SupplyLinkRecord> = {
  id: rule(toId),
  supplierId: rule(toId),
  buyerId: rule(toId),
  productId: rule(toProductId),
  labelIds: rule(toList(toLabelId, 'label'), none),
  volume: rule(toNumber('volume', { min: 0 })),
  unit: rule(toEnum('unit', VOLUME_UNITS)),
  valueEur: rule(toNumber('value', { min: 0, unit: 'euros' })),
  since: rule(toDate),
  frequency: rule(toEnum('frequency', DELIVERY_FREQUENCIES)),
  sourcedFromIds: rule(toList(toId, 'supply link'), none),
};

const FIELD_RULES: { [K in RecordKind]: Record<string, FieldRule<unknown>> } = {
  actors: ACTOR_FIELDS,
  offers: OFFER_FIELDS,
  needs: NEED_FIELDS,
  supplyLinks: SUPPLY_LINK_FIELDS,
};

// ---------------------------------------------------------------------------------------------
// Checks across the fields of one record

interface FieldProblem extends Problem {
  column: string;
}

type Values = Record<string, unknown>;
type RecordCheck = (values: Values, today: string) => FieldProblem[];

/** Latitude and longitude come together: one alone cannot place the actor. */
const coordinatesTogether: RecordCheck = (v) => {
  const [given, missing] = typeof v.latitude === 'number' ? ['latitude', 'longitude'] : ['longitude', 'latitude'];
  if (typeof v[given] !== 'number' || v[missing] !== null) return [];
  return [{ column: given, reason: `${given} given without ${missing} (expected both or neither)`, value: String(v[given]) }];
};

/** A capacity, and a price per unit, mean nothing without their unit. */
const capacityHasUnit: RecordCheck = (v) =>
  (typeof v.capacity === 'number' || typeof v.priceEur === 'number') && v.capacityUnit === null
    ? [{ column: 'capacityUnit', reason: `missing capacityUnit, in which the capacity and price are counted (expected one of ${VOLUME_UNITS.join(', ')})` }]
    : [];

const supplierIsNotBuyer: RecordCheck = (v) =>
  typeof v.supplierId === 'string' && v.supplierId === v.buyerId
    ? [{ column: 'buyerId', reason: `supplier and buyer are the same actor "${v.buyerId}" (expected two different actors)`, value: v.buyerId }]
    : [];

const sinceNotInFuture: RecordCheck = (v, today) =>
  typeof v.since === 'string' && v.since > today
    ? [{ column: 'since', reason: `date "${v.since}" is in the future (expected the day the trading started, at the latest today ${today})`, value: v.since }]
    : [];

const RECORD_CHECKS: { [K in RecordKind]: readonly RecordCheck[] } = {
  actors: [coordinatesTogether],
  offers: [capacityHasUnit],
  needs: [],
  supplyLinks: [supplierIsNotBuyer, sinceNotInFuture],
};

// ---------------------------------------------------------------------------------------------
// References to other records and to reference data

type Target = 'communes' | 'epcis' | 'products' | 'labels' | 'actors';

interface RecordOf {
  actors: ActorRecord;
  offers: OfferRecord;
  needs: NeedRecord;
  supplyLinks: SupplyLinkRecord;
}

/** Which fields name what. Supply links named by sourcedFromIds are checked apart (provenance). */
const REFERENCES: { [K in RecordKind]: ReadonlyArray<readonly [keyof RecordOf[K] & string, Target]> } = {
  actors: [['communeInsee', 'communes']],
  offers: [
    ['actorId', 'actors'],
    ['productId', 'products'],
    ['labelIds', 'labels'],
    ['deliveryCommunes', 'communes'],
    ['deliveryEpcis', 'epcis'],
  ],
  needs: [
    ['actorId', 'actors'],
    ['productId', 'products'],
    ['requiredLabelIds', 'labels'],
  ],
  supplyLinks: [
    ['supplierId', 'actors'],
    ['buyerId', 'actors'],
    ['productId', 'products'],
    ['labelIds', 'labels'],
  ],
};

/** "; a spreadsheet may have dropped ..." for 4-digit codes: Excel turns 04001 into 4001. */
const leadingZeroHint = (code: string) => (/^\d{4}$/.test(code) ? `; a spreadsheet may have dropped the leading zero of "0${code}"` : '');

const UNKNOWN_REASON: Record<Target, (key: string) => string> = {
  communes: (key) => `unknown commune "${key}" (expected an INSEE code of the Drôme or a neighbouring department${leadingZeroHint(key)})`,
  epcis: (key) => `unknown EPCI "${key}" (expected the SIREN of an EPCI of the Drôme or a neighbouring department)`,
  products: (key) => `unknown product "${key}" (expected a product id of the catalog, seeds/products.json)`,
  labels: (key) => `unknown label "${key}" (expected a label id of the catalog, seeds/labels.json)`,
  actors: (key) => `dangling reference: no actor "${key}" in this file or in the graph (expected the id of an actor)`,
};

const valuesAsList = (value: unknown): string[] => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);

function referenceProblems(kind: RecordKind, values: Values, known: Record<Target, { has(key: string): boolean }>): FieldProblem[] {
  const references: ReadonlyArray<readonly [string, Target]> = REFERENCES[kind];
  return references.flatMap(([column, target]) =>
    valuesAsList(values[column])
      .filter((key) => !known[target].has(key))
      .map((key) => ({ column, reason: UNKNOWN_REASON[target](key), value: key })),
  );
}

// ---------------------------------------------------------------------------------------------
// Checks across the rows of the file

interface CheckedRow {
  row: RawRow;
  /** The fields that converted (absent optional ones as their default or null). */
  values: Values;
  problems: FieldProblem[];
}

const NOUN: Record<RecordKind, string> = { actors: 'actor', offers: 'offer', needs: 'need', supplyLinks: 'supply link' };

/** A text field as the row declares it, converted if it could be, else as written: ids of rows with other problems still count. */
function declared(checked: CheckedRow, field: string): string | undefined {
  const value = checked.values[field] ?? checked.row.fields[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function duplicateIdProblems(checked: CheckedRow[]): void {
  const firstLines = new Map<string, number>();
  for (const c of checked) {
    const id = declared(c, 'id');
    if (id === undefined) continue;
    const key = `${c.row.kind}:${id}`;
    const first = firstLines.get(key);
    if (first === undefined) firstLines.set(key, c.row.line);
    else {
      const noun = NOUN[c.row.kind];
      c.problems.push({ column: 'id', reason: `duplicate id "${id}", already given to the ${noun} on line ${first} (expected each ${noun} id once)`, value: id });
    }
  }
}

/**
 * One SIRET, one actor: within the file, and against actors of the graph the file does not
 * re-declare (an actor re-imported with a new SIRET frees its old one).
 */
function siretProblems(actors: CheckedRow[], existing: ReferenceData['existingActors']): void {
  const redeclared = new Set(actors.map((c) => declared(c, 'id')));
  const holders = new Map<string, string>();
  for (const [id, { siret }] of existing) if (!redeclared.has(id)) holders.set(siret, id);
  const firstInFile = new Map<string, { id: string | undefined; line: number }>();
  for (const c of actors) {
    const siret = c.values.siret;
    if (typeof siret !== 'string') continue;
    const first = firstInFile.get(siret);
    if (first) {
      const reason = `duplicate SIRET "${siret}", already given to actor "${first.id ?? '?'}" on line ${first.line} (expected each SIRET once: one establishment, one actor)`;
      c.problems.push({ column: 'siret', reason, value: siret });
    } else firstInFile.set(siret, { id: declared(c, 'id'), line: c.row.line });
    const holder = holders.get(siret);
    if (holder !== undefined) {
      const reason = `SIRET "${siret}" already belongs to actor "${holder}" in the graph (expected a SIRET no other actor holds; to update that actor, use its id "${holder}")`;
      c.problems.push({ column: 'siret', reason, value: siret });
    }
  }
}

/**
 * A link's goods are sourced from links that its supplier bought: each sourcedFromIds entry must
 * be a supply link (of the file, which wins, or of the graph) whose buyer is this link's supplier.
 */
function provenanceProblems(links: CheckedRow[], existing: ReferenceData['existingSupplyLinks']): void {
  const buyerOf = new Map<string, string | undefined>([...existing].map(([id, link]) => [id, link.buyerId]));
  for (const c of links) {
    const id = declared(c, 'id');
    if (id !== undefined) buyerOf.set(id, declared(c, 'buyerId'));
  }
  for (const c of links) {
    const supplier = typeof c.values.supplierId === 'string' ? c.values.supplierId : undefined;
    const wanted = supplier ? `a supply link bought by this link's supplier "${supplier}"` : "a supply link bought by this link's supplier";
    for (const source of valuesAsList(c.values.sourcedFromIds)) {
      const buyer = buyerOf.get(source);
      const problem = !buyerOf.has(source)
        ? `no supply link "${source}" in this file or in the graph`
        : supplier !== undefined && buyer !== undefined && buyer !== supplier
          ? `supply link "${source}" is bought by "${buyer}", not by this link's supplier`
          : undefined;
      if (problem) c.problems.push({ column: 'sourcedFromIds', reason: `dangling provenance: ${problem} (expected ${wanted})`, value: source });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** Empty cells, JSON nulls, empty strings and empty lists all mean "not given". */
const isAbsent = (raw: unknown) =>
  raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);

/** Converts each field of a row by its rule; absent fields become their default, or a problem when required. */
function convertRow(row: RawRow): CheckedRow {
  const columns = RECORD_COLUMNS[row.kind];
  const values: Values = {};
  const problems: FieldProblem[] = [];
  for (const [column, { converter, fallback, omitWhenAbsent }] of Object.entries(FIELD_RULES[row.kind])) {
    const raw = row.fields[column];
    if (isAbsent(raw)) {
      if (columns[column].required) problems.push({ column, reason: `missing required field "${column}" (expected ${converter.expected})` });
      else if (!omitWhenAbsent) values[column] = fallback ? fallback() : null;
      continue;
    }
    const result = converter.convert(raw);
    if (result.ok) values[column] = result.value;
    else problems.push(...result.problems.map((p) => ({ column, ...p })));
  }
  return { row, values, problems };
}

/** Today's date in the club's time zone, as YYYY-MM-DD. */
function todayInFrance(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Converts and checks every row: field types and ranges, required fields, enums, SIRETs, months,
 * dates, duplicates within the file, SIRETs held by other actors of the graph, references to
 * actors, products, labels, communes and EPCIs, and supply-link provenance. Reports every issue,
 * sorted by line; a row with any issue is left out of the bundle (and the caller should write
 * nothing when issues is non-empty).
 */
export function validateRows(rows: RawRow[], refs: ReferenceData, options: ValidateOptions = {}): { bundle: ImportBundle; issues: ImportIssue[] } {
  const today = options.today ?? todayInFrance();
  const checked = rows.map(convertRow);
  const ofKind = (kind: RecordKind) => checked.filter((c) => c.row.kind === kind);

  const actorIds = new Set([...ofKind('actors').map((c) => declared(c, 'id')), ...refs.existingActors.keys()].filter((id) => id !== undefined));
  const known: Record<Target, { has(key: string): boolean }> = { ...refs, actors: actorIds };
  for (const c of checked) {
    c.problems.push(...RECORD_CHECKS[c.row.kind].flatMap((check) => check(c.values, today)));
    c.problems.push(...referenceProblems(c.row.kind, c.values, known));
  }
  duplicateIdProblems(checked);
  siretProblems(ofKind('actors'), refs.existingActors);
  provenanceProblems(ofKind('supplyLinks'), refs.existingSupplyLinks);

  const bundle: ImportBundle = { actors: [], offers: [], needs: [], supplyLinks: [] };
  for (const c of checked) {
    // Every field has been set (converted, defaulted or null) when the row has no problem.
    if (c.problems.length === 0) (bundle[c.row.kind] as unknown[]).push(c.values);
  }
  const issues = checked.flatMap(({ row, problems }) =>
    problems.map((p): ImportIssue => ({ line: row.line, column: p.column, reason: p.reason, ...(p.value !== undefined && { value: p.value }), kind: row.kind })),
  );
  // Array.prototype.sort is stable: issues of one line keep the order of the columns.
  return { bundle, issues: issues.sort((a, b) => a.line - b.line) };
}

/** The keys of the graph a file mentions (see referencedIds). */
export interface ReferencedIds {
  communes: string[];
  epcis: string[];
  products: string[];
  labels: string[];
  actors: string[];
  supplyLinks: string[];
  sirets: string[];
}

type MentionedKey = keyof ReferencedIds;

/** Every key of the graph a row may mention, by field. */
const MENTIONS: { [K in RecordKind]: ReadonlyArray<readonly [keyof RecordOf[K] & string, MentionedKey]> } = {
  actors: [['id', 'actors'], ['siret', 'sirets'], ...REFERENCES.actors],
  offers: REFERENCES.offers,
  needs: REFERENCES.needs,
  supplyLinks: [['id', 'supplyLinks'], ['sourcedFromIds', 'supplyLinks'], ...REFERENCES.supplyLinks],
};

/**
 * The keys a file mentions, so the caller fetches only those to build ReferenceData. Contract:
 * - communes, epcis, products, labels: fill the sets with those of these keys that exist;
 * - actors (ids the file declares or references) and sirets (of the file's actors, spaces
 *   removed): existingActors must hold every actor whose id is in `actors` OR whose SIRET is in
 *   `sirets`, so that a SIRET already held by another actor of the graph is found;
 * - supplyLinks (ids the file declares or names in sourcedFromIds): existingSupplyLinks must hold
 *   those that exist, with their supplier and buyer ids.
 * Values are taken as written (trimmed), before validation; each list is sorted, without repeats.
 */
export function referencedIds(rows: RawRow[]): ReferencedIds {
  const found: Record<MentionedKey, Set<string>> = {
    communes: new Set(),
    epcis: new Set(),
    products: new Set(),
    labels: new Set(),
    actors: new Set(),
    supplyLinks: new Set(),
    sirets: new Set(),
  };
  for (const row of rows) {
    const mentions: ReadonlyArray<readonly [string, MentionedKey]> = MENTIONS[row.kind];
    for (const [field, key] of mentions) {
      const raw = row.fields[field];
      const items = RECORD_COLUMNS[row.kind][field].list ? (listItems(raw) ?? []) : [raw];
      for (const item of items) {
        if (typeof item !== 'string' || item.trim() === '') continue;
        found[key].add(key === 'sirets' ? normalizeSiret(item) : item.trim());
      }
    }
  }
  return {
    communes: [...found.communes].sort(),
    epcis: [...found.epcis].sort(),
    products: [...found.products].sort(),
    labels: [...found.labels].sort(),
    actors: [...found.actors].sort(),
    supplyLinks: [...found.supplyLinks].sort(),
    sirets: [...found.sirets].sort(),
  };
}
