export { LabelResolver } from './label.resolver';
export { createLabelLoaders } from './label.loaders';
export { isOrganicClaim, Label, ORGANIC_CLAIM_KINDS } from './label.type';
export { LABEL_PROPERTIES, LABEL_SCHEMA, UPSERT_LABELS } from './label.cypher';
export { LABEL_KINDS } from './label.enums';
