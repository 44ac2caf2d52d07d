// The vocabularies live with the write model (records/vocabulary.ts); kept here for the readers' imports.
export { PRODUCT_KINGDOMS, ProductKingdom, PURCHASE_FAMILIES, PurchaseFamily, VOLUME_UNITS, VolumeUnit } from '../records';
