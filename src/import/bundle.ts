// Transitional: the record types moved to the write model (src/records). Kept only for src/seed,
// which another part of this restructuring moves; remove once the generator imports from records.
export type { ActorRecord, ImportBundle, LabelRecord, NeedRecord, OfferRecord, ProductRecord, SupplyLinkRecord } from '../records';
