import { z } from 'zod';
import { listItems, LIST_SEPARATOR, type RecordKind } from './fields';
import {
  DATE_EXPECTED,
  ID_EXPECTED,
  ID_PATTERN,
  LATITUDE_RANGE,
  LONGITUDE_RANGE,
  MAX_AGENCE_BIO_NUMBER_LENGTH,
  MAX_DELIVERY_RADIUS_KM,
  MAX_DESCRIPTION_LENGTH,
  MAX_KEY_LENGTH,
  MAX_NAME_LENGTH,
  MONTH_EXPECTED,
  FIRST_MONTH,
  LAST_MONTH,
  SIRET_DIGITS,
  SIRET_EXPECTED,
  ISO_DATE,
} from './patterns';
import type { ActorRecord, NeedRecord, OfferRecord, SupplyLinkRecord } from './record.types';
import { isValidSiret } from './siret';
import { ACTOR_ROLES, DELIVERY_FREQUENCIES, MEMBER_GROUPS, SUPPLY_CHANNELS, VOLUME_UNITS } from './vocabulary';

/**
 * The field rules: one zod schema per kind of value, taking a value as a source wrote it (a CSV
 * cell, a JSON value, a mutation's input field) to the value of the record. Every problem is a zod
 * issue carrying what came and what was expected (ProblemParams); recordErrorMap turns it into
 * the sentence users read, "bad SIRET "123" (expected 14 digits with a valid Luhn check digit)".
 * A new kind of value is a new schema here; a new field of a record is a line in the *_FIELDS maps.
 */

/** A field's problem, as a zod issue's params: the error map writes the sentence. */
export interface ProblemParams {
  problem: string;
  expected: string;
  /** The value as written, for ImportIssue.value. */
  value?: string;
}

/** A problem of one field (a reason, and the value it is about). */
export interface Problem {
  reason: string;
  value?: string;
}

const isProblemParams = (params: unknown): params is ProblemParams =>
  typeof params === 'object' &&
  params !== null &&
  typeof (params as ProblemParams).problem === 'string' &&
  typeof (params as ProblemParams).expected === 'string';

/** Today's wording of every rule: "<what came> (expected <what was expected>)". */
export const recordErrorMap: z.ZodErrorMap = (issue, ctx) =>
  issue.code === z.ZodIssueCode.custom && isProblemParams(issue.params)
    ? { message: `${issue.params.problem} (expected ${issue.params.expected})` }
    : { message: ctx.defaultError };

/** Reports a problem; fatal, so the transforms after it do not run on a value of the wrong shape. */
function fail(ctx: z.RefinementCtx, problem: string, expected: string, raw: unknown): never {
  const params: ProblemParams = { problem, expected, value: shown(raw) };
  ctx.addIssue({ code: z.ZodIssueCode.custom, params, fatal: true });
  return z.NEVER;
}

/** The problems of a failed parse, worded by recordErrorMap. */
export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const value = issue.code === z.ZodIssueCode.custom && isProblemParams(issue.params) ? issue.params.value : undefined;
    return value === undefined ? { reason: issue.message } : { reason: issue.message, value };
  });
}

/**
 * A kind of value: what a valid value looks like (completes "(expected ...)"), and its schema: one
 * zod transform over the raw value, which reports problems on its context. `convert` is that
 * transform, for the lists that convert their items on their own context.
 */
export interface FieldType<T> {
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  expected: string;
  convert: (raw: unknown, ctx: z.RefinementCtx) => T;
}

/** A field type from its conversion: a single transform keeps a valid file's cost low (one parse per value). */
function fieldType<T>(expected: string, convert: (raw: unknown, ctx: z.RefinementCtx) => T): FieldType<T> {
  return { expected, convert, schema: z.unknown().transform(convert) };
}

/**
 * A refinement context that only notes whether a problem was reported: a conversion run on it
 * gives the value zod would give when it reports nothing (the conversions are pure functions of the
 * raw value, which report problems only through the context).
 */
export class ProblemProbe implements z.RefinementCtx {
  readonly path: (string | number)[] = [];
  failed = false;

  addIssue(): void {
    this.failed = true;
  }
}

/**
 * Converts a value by its type: the value, or the problems worded as users read them. The
 * conversion runs first on a ProblemProbe, without zod's parse machinery (a tenth of the cost, and
 * an import converts a million values); only a value with a problem is parsed again through zod,
 * which words the problems. So both paths give the same answers.
 */
export function convertValue<T>(type: FieldType<T>, raw: unknown): { ok: true; value: T } | { ok: false; problems: Problem[] } {
  const probe = new ProblemProbe();
  const value = type.convert(raw, probe);
  if (!probe.failed) return { ok: true, value };
  const result = type.schema.safeParse(raw, { errorMap: recordErrorMap });
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(result.error) };
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

/** Text values: non-strings are refused (JSON), `check` sees the trimmed text. */
function textType<T>(expected: string, check: (text: string, ctx: z.RefinementCtx) => T): FieldType<T> {
  return fieldType(expected, (raw, ctx) =>
    typeof raw === 'string' ? check(raw.trim(), ctx) : fail(ctx, `found ${describeType(raw)}`, expected, raw),
  );
}

function text(maxLength: number): FieldType<string> {
  const expected = `text of at most ${maxLength} characters`;
  return textType(expected, (value, ctx) =>
    value.length <= maxLength ? value : fail(ctx, `text of ${value.length} characters`, expected, value),
  );
}

/** The ids of the file's own records, and of actors and supply links they name. */
const recordId = textType(ID_EXPECTED, (value, ctx) =>
  ID_PATTERN.test(value) ? value : fail(ctx, `bad identifier "${value}"`, ID_EXPECTED, value),
);

/** A key of reference data (product, label, commune, EPCI); whether it exists is checked against the graph. */
function key(expected: string): FieldType<string> {
  return textType(expected, (value, ctx) =>
    value.length <= MAX_KEY_LENGTH ? value : fail(ctx, `a key of ${value.length} characters`, expected, value),
  );
}

/** SIRETs are often written in groups ("123 456 789 00012"); the digits are what counts. */
export function normalizeSiret(value: string): string {
  return value.replace(/\s/g, '');
}

const siret = textType(SIRET_EXPECTED, (value, ctx) => {
  const digits = normalizeSiret(value);
  if (isValidSiret(digits)) return digits;
  if (SIRET_DIGITS.test(digits))
    return fail(ctx, `bad SIRET "${value}": its check digit does not match, a digit is probably mistyped`, SIRET_EXPECTED, value);
  if (/e\+?\d+$/i.test(digits))
    return fail(ctx, `bad SIRET "${value}", rounded by a spreadsheet`, `${SIRET_EXPECTED}; format the column as text`, value);
  return fail(ctx, `bad SIRET "${value}"`, SIRET_EXPECTED, value);
});

function oneOf<E extends string>(noun: string, values: readonly E[]): FieldType<E> {
  const expected = `one of ${values.join(', ')}`;
  return textType(expected, (value, ctx) => {
    // Case does not matter: a spreadsheet user writes "farm" as readily as "FARM".
    const upper = value.toUpperCase();
    return values.find((v) => v === upper) ?? fail(ctx, `bad ${noun} "${value}"`, expected, value);
  });
}

const TRUE_WORDS = new Set(['true', 'yes', 'oui', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'non', '0']);

const boolean: FieldType<boolean> = fieldType('true or false', (raw, ctx) => {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string') return fail(ctx, `found ${describeType(raw)}`, 'true or false', raw);
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return fail(ctx, `bad boolean "${raw}"`, 'true or false (or yes/no, oui/non, 1/0)', raw);
});

/** Decimal numbers as written in files: "12.5", and "12,5" from French spreadsheets; no thousands separators. */
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/** The number a JSON number or a decimal string holds, or undefined. */
function numberOf(raw: unknown): number | undefined {
  const value =
    typeof raw === 'number' ? raw : typeof raw === 'string' && DECIMAL.test(raw.trim()) ? Number(raw.trim().replace(',', '.')) : NaN;
  // "-0" is zero: a negative zero would pass the range checks and read oddly in the graph.
  return Number.isFinite(value) ? value + 0 : undefined;
}

function decimal(noun: string, range: { min: number; max?: number; unit?: string }): FieldType<number> {
  const unit = range.unit ? ` ${range.unit}` : '';
  const expected =
    range.max === undefined ? `a number of at least ${range.min}${unit}` : `a number from ${range.min} to ${range.max}${unit}`;
  return fieldType(expected, (raw, ctx) => {
    const value = numberOf(raw);
    if (value === undefined) return fail(ctx, `malformed number ${JSON.stringify(shown(raw))}`, `${expected}, written like 12.5`, raw);
    if (value < range.min && range.min === 0 && range.max === undefined)
      return fail(ctx, `negative ${noun} "${shown(raw)}"`, expected, raw);
    if (value < range.min || (range.max !== undefined && value > range.max))
      return fail(ctx, `${noun} ${shown(raw)} out of range`, expected, raw);
    return value;
  });
}

const month: FieldType<number> = fieldType(MONTH_EXPECTED, (raw, ctx) => {
  const value = numberOf(raw);
  const valid = value !== undefined && Number.isInteger(value) && value >= FIRST_MONTH && value <= LAST_MONTH;
  return valid ? value : fail(ctx, `bad month ${JSON.stringify(shown(raw))}`, MONTH_EXPECTED, raw);
});

/** Whether `value` is YYYY-MM-DD naming a day that exists (no 2023-02-30). */
function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [year, monthOfYear, day] = value.split('-').map(Number);
  return new Date(Date.UTC(year, monthOfYear - 1, day)).toISOString().slice(0, 10) === value;
}

const date = textType(DATE_EXPECTED, (value, ctx) =>
  isCalendarDate(value) ? value : fail(ctx, `bad date "${value}"`, DATE_EXPECTED, value),
);

// Shapes are checked loosely: they catch a value in the wrong column, not every invalid address.
const EMAIL_EXPECTED = 'an email address such as contact@example.fr';
const email = textType(EMAIL_EXPECTED, (value, ctx) =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : fail(ctx, `bad email "${value}"`, EMAIL_EXPECTED, value),
);

const PHONE_EXPECTED = 'a phone number of 6 to 15 digits such as 04 75 12 34 56 or +33 4 75 12 34 56';
const phone = textType(PHONE_EXPECTED, (value, ctx) => {
  const digits = value.replace(/\D/g, '').length;
  return /^\+?[\d\s().-]+$/.test(value) && digits >= 6 && digits <= 15
    ? value
    : fail(ctx, `bad phone number "${value}"`, PHONE_EXPECTED, value);
});

const URL_EXPECTED = 'a website address such as https://example.fr';
const website = textType(URL_EXPECTED, (value, ctx) =>
  isWebAddress(value) ? value : fail(ctx, `bad website "${value}"`, URL_EXPECTED, value),
);

/** http(s) URLs, and bare host names ("www.example.fr") as people write them. */
function isWebAddress(value: string): boolean {
  if (/\s/.test(value)) return false;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(value);
  try {
    const url = new URL(hasScheme ? value : `https://${value}`);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * A list of `item`s, each once. `noun` names one item in reasons ("role", "month"). Every item is
 * checked, and duplicates reported, in the order written: one pass lists every problem of the list.
 */
function listOf<T>(item: FieldType<T>, noun: string): FieldType<T[]> {
  const expected = `a list of ${noun}s separated by "${LIST_SEPARATOR}" (a JSON array), each ${item.expected}`;
  return fieldType(expected, (raw, ctx) => {
    const items = listItems(raw);
    if (!items) return fail(ctx, `found ${describeType(raw)}`, expected, raw);
    const values: T[] = [];
    for (const entry of items) {
      // An item's problem is reported on the list's context; the list goes on with the next item.
      const value = item.convert(entry, ctx);
      if (value === z.NEVER) continue;
      if (values.includes(value)) {
        const params: ProblemParams = {
          problem: `duplicate ${noun} ${JSON.stringify(shown(entry))}`,
          expected: `each ${noun} once`,
          value: shown(entry),
        };
        ctx.addIssue({ code: z.ZodIssueCode.custom, params });
      } else values.push(value);
    }
    return values;
  });
}

function sortedMonths(): FieldType<number[]> {
  const list = listOf(month, 'month');
  return fieldType(list.expected, (raw, ctx) => {
    const months = list.convert(raw, ctx);
    return months === z.NEVER ? months : [...months].sort((a, b) => a - b);
  });
}

const insee = key('an INSEE commune code such as 26362');
const epciSiren = key('the SIREN of an EPCI (9 digits)');
const productId = key('a product id of the catalog');
const labelId = key('a label id of the catalog');

// ---------------------------------------------------------------------------------------------
// Field rules: how each field of each record converts, and its default when absent.
// Whether a field is required is part of the record's columns (RECORD_COLUMNS in fields.ts).

export interface FieldRule<T> {
  type: FieldType<T>;
  /** The value of an absent optional field; null when there is none. */
  fallback?: () => T;
  /** An absent optional field stays out of the record (the upsert gives it its default). */
  omitWhenAbsent?: boolean;
}

type FieldRules<R> = { [K in keyof R]-?: FieldRule<NonNullable<R[K]>> };

const rule = <T>(type: FieldType<T>, fallback?: () => T): FieldRule<T> => ({ type, fallback });

const ALL_MONTHS = Array.from({ length: LAST_MONTH - FIRST_MONTH + 1 }, (_, i) => FIRST_MONTH + i);
const none = (): string[] => [];
const allMonths = () => [...ALL_MONTHS];

const ACTOR_FIELDS: FieldRules<ActorRecord> = {
  id: rule(recordId),
  name: rule(text(MAX_NAME_LENGTH)),
  roles: rule(listOf(oneOf('role', ACTOR_ROLES), 'role')),
  siret: rule(siret),
  agenceBioNumber: rule(text(MAX_AGENCE_BIO_NUMBER_LENGTH)),
  clubMember: rule(boolean, () => false),
  memberGroup: rule(oneOf('member group', MEMBER_GROUPS)),
  // Left out, it stays out of the record (UPSERT_ACTORS stores false), so records read as before the flag existed.
  confidentialVolumes: { type: boolean, omitWhenAbsent: true },
  email: rule(email),
  phone: rule(phone),
  website: rule(website),
  description: rule(text(MAX_DESCRIPTION_LENGTH)),
  communeInsee: rule(insee),
  latitude: rule(decimal('latitude', LATITUDE_RANGE)),
  longitude: rule(decimal('longitude', LONGITUDE_RANGE)),
  fictitious: rule(boolean, () => false),
  // Left out, it stays as the graph holds it (false for a new actor): an update that does not name it never clears it.
  publicBuyer: { type: boolean, omitWhenAbsent: true },
};

const OFFER_FIELDS: FieldRules<OfferRecord> = {
  id: rule(recordId),
  actorId: rule(recordId),
  productId: rule(productId),
  labelIds: rule(listOf(labelId, 'label'), none),
  months: rule(sortedMonths(), allMonths),
  capacity: rule(decimal('capacity', { min: 0 })),
  capacityUnit: rule(oneOf('unit', VOLUME_UNITS)),
  deliveryRadiusKm: rule(decimal('delivery radius', { min: 0, max: MAX_DELIVERY_RADIUS_KM, unit: 'km' })),
  deliveryCommunes: rule(listOf(insee, 'commune'), none),
  deliveryEpcis: rule(listOf(epciSiren, 'EPCI'), none),
  priceEur: rule(decimal('price', { min: 0, unit: 'euros' })),
};

const NEED_FIELDS: FieldRules<NeedRecord> = {
  id: rule(recordId),
  actorId: rule(recordId),
  productId: rule(productId),
  volume: rule(decimal('volume', { min: 0 })),
  unit: rule(oneOf('unit', VOLUME_UNITS)),
  requiredLabelIds: rule(listOf(labelId, 'label'), none),
  months: rule(sortedMonths(), allMonths),
};

const SUPPLY_LINK_FIELDS: FieldRules<SupplyLinkRecord> = {
  id: rule(recordId),
  supplierId: rule(recordId),
  buyerId: rule(recordId),
  productId: rule(productId),
  labelIds: rule(listOf(labelId, 'label'), none),
  volume: rule(decimal('volume', { min: 0 })),
  unit: rule(oneOf('unit', VOLUME_UNITS)),
  valueEur: rule(decimal('value', { min: 0, unit: 'euros' })),
  since: rule(date),
  frequency: rule(oneOf('frequency', DELIVERY_FREQUENCIES)),
  channel: rule(oneOf('channel', SUPPLY_CHANNELS)),
  sourcedFromIds: rule(listOf(recordId, 'supply link'), none),
};

/** The rule of every field of every record kind. */
export const FIELD_RULES: { [K in RecordKind]: Record<string, FieldRule<unknown>> } = {
  actors: ACTOR_FIELDS,
  offers: OFFER_FIELDS,
  needs: NEED_FIELDS,
  supplyLinks: SUPPLY_LINK_FIELDS,
};
