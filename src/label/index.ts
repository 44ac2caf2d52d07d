export { LabelResolver } from './label.resolver';
export { createLabelLoaders } from './label.loaders';
export { Label } from './label.type';
