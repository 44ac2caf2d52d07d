import type { ActorRecord, NeedRecord, OfferRecord, SupplyLinkRecord } from './record.types';

/**
 * The fields of each record kind as a source declares them (a CSV column, a JSON property, a
 * mutation's input field), and the shapes shared by everything that checks them: a raw row before
 * its fields are converted, and an issue found in it.
 */

export type RecordKind = 'actors' | 'offers' | 'needs' | 'supplyLinks';

export const RECORD_KINDS: readonly RecordKind[] = ['actors', 'offers', 'needs', 'supplyLinks'];

/** One problem found in a file or a record. Issues about the whole file (its syntax, its kind) have column "". */
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

/** One record as the source holds it: CSV cells are strings (string[] for list columns), JSON values are as written. */
export interface RawRow {
  kind: RecordKind;
  line: number;
  fields: Record<string, unknown>;
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
 * The columns (CSV) or properties (JSON) of each record kind: the fields of record.types.ts, so
 * adding a field there fails to compile until it is listed here. Required fields without a default
 * only; months, labelIds... have defaults (field.rules.ts) and may be left out.
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
    fictitious: OPTIONAL,
    publicBuyer: OPTIONAL,
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
    channel: OPTIONAL,
    sourcedFromIds: OPTIONAL_LIST,
  } satisfies Record<keyof SupplyLinkRecord, ColumnSpec>,
};

/** Separator of the values of a list cell in CSV (`FARM|DAIRY`, `1|2|3`), and of a JSON string given for a list. */
export const LIST_SEPARATOR = '|';

/** The items of a list value: a CSV list cell (already split), a JSON array, or a JSON string with "|"; empty items are dropped. */
export function listItems(raw: unknown): unknown[] | undefined {
  if (Array.isArray(raw)) return raw;
  if (typeof raw === 'string')
    return raw
      .split(LIST_SEPARATOR)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  return undefined;
}
