// Transitional: write batching moved to the write model (src/records). Kept only for src/seed,
// which another part of this restructuring moves; remove once the generator imports from records.
export { writeBundle, writeBundleInBatches, type WriteProgress } from '../records';
