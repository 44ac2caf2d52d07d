export {
  BULK_WRITE_TIMEOUT_MS,
  classifyDriverError,
  Database,
  DEFAULT_ADMISSION,
  PLANNING_TIMEOUT_MS,
  RETRY_AFTER_SECONDS,
  UNAVAILABLE_CODES,
  type DatabaseStatus,
  type DriverFailure,
  int, toCypherPoint, toNative, type GeoPoint, type Params, type Row, type Tx } from './neo4j';
export { migrate, type Backfill, type SchemaStatement } from './migrations';
export type { DbState } from './health';
export { toLuceneQuery } from './full-text';
