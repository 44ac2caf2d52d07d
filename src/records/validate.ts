import { z } from 'zod';
import {
  convertValue,
  FIELD_RULES,
  normalizeSiret,
  ProblemProbe,
  problemsOf,
  recordErrorMap,
  type Problem,
  type ProblemParams,
} from './field.rules';
import { listItems, RECORD_COLUMNS, type ImportIssue, type RawRow, type RecordKind } from './fields';
import type { ActorRecord, ImportBundle, NeedRecord, OfferRecord, SupplyLinkRecord } from './record.types';
import { VOLUME_UNITS } from './vocabulary';

/**
 * Turns raw rows into the records of an ImportBundle: every field by its rule (field.rules.ts),
 * every record by the rules across its fields (below), the rows against each other (duplicates,
 * provenance) and against what the graph holds (ReferenceData). Pure: the caller fetches
 * ReferenceData (see referencedIds, fetchReferences) and writes the bundle.
 * A new rule across the fields of one record is a RECORD_CHECKS entry; a rule across rows, a
 * function called by validateRows.
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
// Rules across the fields of one record, as zod refinements of its converted values. A field that
// did not convert is absent from the values, so a rule sees only fields that hold a valid value.

interface FieldProblem extends Problem {
  column: string;
}

type Values = Record<string, unknown>;
type RecordCheck = (values: Values, ctx: z.RefinementCtx, today: string) => void;

/** Reports a problem of the record at `column` (the field the user should change). */
function flag(ctx: z.RefinementCtx, column: string, problem: string, expected: string, value?: string): void {
  const params: ProblemParams = { problem, expected, ...(value !== undefined && { value }) };
  ctx.addIssue({ code: z.ZodIssueCode.custom, path: [column], params });
}

/** Latitude and longitude come together: one alone cannot place the actor. */
const coordinatesTogether: RecordCheck = (v, ctx) => {
  const [given, missing] = typeof v.latitude === 'number' ? ['latitude', 'longitude'] : ['longitude', 'latitude'];
  if (typeof v[given] !== 'number' || v[missing] !== null) return;
  flag(ctx, given, `${given} given without ${missing}`, 'both or neither', String(v[given]));
};

/** A capacity, and a price per unit, mean nothing without their unit. */
const capacityHasUnit: RecordCheck = (v, ctx) => {
  if ((typeof v.capacity === 'number' || typeof v.priceEur === 'number') && v.capacityUnit === null) {
    flag(ctx, 'capacityUnit', 'missing capacityUnit, in which the capacity and price are counted', `one of ${VOLUME_UNITS.join(', ')}`);
  }
};

const supplierIsNotBuyer: RecordCheck = (v, ctx) => {
  if (typeof v.supplierId === 'string' && v.supplierId === v.buyerId) {
    flag(ctx, 'buyerId', `supplier and buyer are the same actor "${v.supplierId}"`, 'two different actors', v.supplierId);
  }
};

const sinceNotInFuture: RecordCheck = (v, ctx, today) => {
  if (typeof v.since === 'string' && v.since > today) {
    flag(ctx, 'since', `date "${v.since}" is in the future`, `the day the trading started, at the latest today ${today}`, v.since);
  }
};

const RECORD_CHECKS: { [K in RecordKind]: readonly RecordCheck[] } = {
  actors: [coordinatesTogether],
  offers: [capacityHasUnit],
  needs: [],
  supplyLinks: [supplierIsNotBuyer, sinceNotInFuture],
};

type RecordRules = { [K in RecordKind]: z.ZodType<Values, z.ZodTypeDef, Values> };

/** The record rules of each kind as zod schemas over converted values; `today` bounds dates. */
function recordRules(today: string): RecordRules {
  // The values were converted by the field rules already: the schema only runs the checks.
  const rulesOf = (kind: RecordKind) =>
    z.custom<Values>().superRefine((values, ctx) => {
      for (const check of RECORD_CHECKS[kind]) check(values, ctx, today);
    });
  return { actors: rulesOf('actors'), offers: rulesOf('offers'), needs: rulesOf('needs'), supplyLinks: rulesOf('supplyLinks') };
}

/** The problems the record rules find in one record's converted values, each at its field. */
function recordProblems(rules: RecordRules, kind: RecordKind, values: Values, today: string): FieldProblem[] {
  // Most records pass: the checks run first on a probe, and through zod (which words the problems) only when one fails.
  const probe = new ProblemProbe();
  for (const check of RECORD_CHECKS[kind]) check(values, probe, today);
  if (!probe.failed) return [];
  const result = rules[kind].safeParse(values, { errorMap: recordErrorMap });
  if (result.success) return [];
  const problems = problemsOf(result.error);
  return result.error.issues.map((issue, i) => ({ column: String(issue.path[0] ?? ''), ...problems[i] }));
}

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
      c.problems.push({
        column: 'id',
        reason: `duplicate id "${id}", already given to the ${noun} on line ${first} (expected each ${noun} id once)`,
        value: id,
      });
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
      if (problem)
        c.problems.push({ column: 'sourcedFromIds', reason: `dangling provenance: ${problem} (expected ${wanted})`, value: source });
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
  for (const [column, { type, fallback, omitWhenAbsent }] of Object.entries(FIELD_RULES[row.kind])) {
    const raw = row.fields[column];
    if (isAbsent(raw)) {
      if (columns[column].required) problems.push({ column, reason: `missing required field "${column}" (expected ${type.expected})` });
      else if (!omitWhenAbsent) values[column] = fallback ? fallback() : null;
      continue;
    }
    const result = convertValue(type, raw);
    if (result.ok) values[column] = result.value;
    else problems.push(...result.problems.map((p) => ({ column, ...p })));
  }
  return { row, values, problems };
}

/** Today's date in the club's time zone, as YYYY-MM-DD. */
function todayInFrance(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
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
export function validateRows(
  rows: RawRow[],
  refs: ReferenceData,
  options: ValidateOptions = {},
): { bundle: ImportBundle; issues: ImportIssue[] } {
  const today = options.today ?? todayInFrance();
  const rules = recordRules(today);
  const checked = rows.map(convertRow);
  const ofKind = (kind: RecordKind) => checked.filter((c) => c.row.kind === kind);

  const actorIds = new Set(
    [...ofKind('actors').map((c) => declared(c, 'id')), ...refs.existingActors.keys()].filter((id) => id !== undefined),
  );
  const known: Record<Target, { has(key: string): boolean }> = { ...refs, actors: actorIds };
  for (const c of checked) {
    c.problems.push(...recordProblems(rules, c.row.kind, c.values, today));
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
    problems.map((p): ImportIssue => ({
      line: row.line,
      column: p.column,
      reason: p.reason,
      ...(p.value !== undefined && { value: p.value }),
      kind: row.kind,
    })),
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
