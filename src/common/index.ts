/**
 * Shared building blocks of the GraphQL edge. (Being built up by the restructuring: other modules of
 * src/common/ are still imported by path.)
 */
export {
  AtLeastOneOf,
  EachInRange,
  ExactlyOneOf,
  exactlyOneMessage,
  givenFields,
  InRange,
  isKnownValid,
  NotBlank,
  notBlankMessage,
  registerClassRule,
  toAlternatives,
  toInputValidationError,
  validateInput,
  type ClassRuleMessage,
} from './validation';
export { GeoPoint, GeoPointInput, LATITUDE_RANGE, LONGITUDE_RANGE } from './geo.type';
export { Connection, PageInfo } from './connection.type';
export { decodeCursor, encodeCursor } from './cursor';
export { cypherList, valuesOf, volumeConfidential, withValues } from './cypher';
export { DeletedRecord, DeletionCounts, noCascade } from './deleted-record.type';
export { manyByKey, oneByKey } from './loader';
export type { PageRequest } from './pagination';
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MAX_RELATED_ITEMS,
  MAX_SOURCES,
  PageArgs,
  RelatedItemsArgs,
  SourcesArgs,
  toConnection,
  toPageRequest,
} from './pagination';
export { Selection, selectionOf } from './selection';
export { firstInOrder } from './order';
