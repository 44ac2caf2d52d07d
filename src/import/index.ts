export { ImportResolver } from './import.resolver';
export { importContent, type ImportReport } from './import.service';
export type { ImportBundle } from '../records';
export { decodeImportFile } from './encoding';
export { ensureWithinSizeLimit } from './import.service';
