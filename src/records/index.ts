/**
 * The write model: what makes a valid record and how records are written. Record types and their
 * vocabularies, the field rules (zod, field.rules.ts) and record rules (validate.ts), the shared
 * patterns and bounds every edge checks (patterns.ts), write batching (write.ts) and the mutation
 * engine behind create/update/delete of actors, offers, needs and supply links (mutation.ts).
 * Other folders import only from here; this folder imports no concept folder.
 */
export * from './patterns';
export * from './vocabulary';
export type { ActorRecord, ImportBundle, LabelRecord, NeedRecord, OfferRecord, ProductRecord, SupplyLinkRecord } from './record.types';
export {
  listItems,
  LIST_SEPARATOR,
  RECORD_COLUMNS,
  RECORD_KINDS,
  type ColumnSpec,
  type ImportIssue,
  type RawRow,
  type RecordKind,
} from './fields';
export { normalizeSiret, recordErrorMap } from './field.rules';
export { isValidSiret, withLuhnCheckDigit } from './siret';
export { referencedIds, validateRows, type ReferenceData, type ReferencedIds, type ValidateOptions } from './validate';
export { fetchReferences } from './references';
export {
  BATCH_SIZE,
  CREATE_BATCH_SIZE,
  writeBundle,
  writeBundleInBatches,
  type BundleStep,
  type WriteOptions,
  type WriteProgress,
} from './write';
export { COUNTS_AS_ORGANIC, COUNTS_FOR_EGALIM, OFFER_IS_ORGANIC, SET_OFFER_KEYS, SET_SUPPLIER_KEYS } from './records.cypher';
export {
  clearLoaders,
  createRecord,
  definedFields,
  deleteRecord,
  updateRecord,
  type Fields,
  type InputIssue,
  type RecordSpec,
} from './mutation';
export {
  allOf,
  AtLeastZero,
  IsIsoDate,
  IsRecordId,
  IsRecordKey,
  KeptWhenLeftOut,
  OptionalDeliveryRadius,
  OptionalIdList,
  OptionalMonths,
} from './input.rules';
