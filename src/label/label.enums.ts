// The vocabularies live with the write model (records/vocabulary.ts); kept here for the readers' imports.
export { LABEL_KINDS, LabelKind } from '../records';
