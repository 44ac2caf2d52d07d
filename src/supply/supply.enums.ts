// The vocabularies live with the write model (records/vocabulary.ts); kept here for the readers' imports.
export { DELIVERY_FREQUENCIES, DeliveryFrequency, SUPPLY_CHANNELS, SupplyChannel } from '../records';
