export { ImportResolver } from './import.resolver';
export { importContent, type ImportReport } from './import.service';
export type { ImportBundle } from '../records';
