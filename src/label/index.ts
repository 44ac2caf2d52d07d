export { LabelResolver } from './label.resolver';
export { createLabelLoaders } from './label.loaders';
export { Label } from './label.type';
export { LABEL_SCHEMA, UPSERT_LABELS } from './label.cypher';
export { LABEL_KINDS } from './label.enums';
