export { NeedResolver } from './need.resolver';
export { Need } from './need.type';
export { ActorNeedsResolver } from './actor-needs.resolver';
export { NEED_SCHEMA } from './need.cypher';
export { createNeedLoaders } from './need.loaders';
export { NeedMutationResolver } from './need.mutations';
