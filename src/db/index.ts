export { BULK_WRITE_TIMEOUT_MS, Database, int, toCypherPoint, toNative, type GeoPoint, type Params, type Row, type Tx } from './neo4j';
export { migrate, type Backfill, type SchemaStatement } from './migrations';
