export { ActorResolver } from './actor.resolver';
export { createActorLoaders } from './actor.loaders';
export { Actor } from './actor.type';
