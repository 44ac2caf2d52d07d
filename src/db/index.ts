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
  int, toCypherPoint, toNative, type GeoPoint, type Params, type QueryPlan, type Row, type Tx } from './neo4j';
/** The driver's error class, for the callers (and tests) that must recognise or build one. */
export { Neo4jError } from 'neo4j-driver';
export { migrate, type Backfill, type SchemaStatement } from './migrations';
export { countSubqueries } from './plans';
export type { DbState, HealthTransition, OutageCause } from './health';
export { toLuceneQuery } from './full-text';
