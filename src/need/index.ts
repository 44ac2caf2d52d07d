export { NeedResolver } from './need.resolver';
export { Need } from './need.type';
export { ActorNeedsResolver } from './actor-needs.resolver';
